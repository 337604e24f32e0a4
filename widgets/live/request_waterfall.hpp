#pragma once

#include <QWidget>

#include <string>
#include <vector>

#include "engine/run/request_trace.hpp"

namespace pillars {

/// A request's trace drawn as a waterfall: one row per span, its label indented by nesting on
/// the left, its bar on a shared time axis on the right. Calls are outlined in the colour of
/// their outcome, network legs take their message's colour, queueing is hatched and work is
/// solid, so a retry storm reads at a glance as long hatched queues under late attempts.
/// Hovering a row tells its start, duration and outcome.
class RequestWaterfall : public QWidget {
  Q_OBJECT

 public:
  explicit RequestWaterfall(QWidget* parent = nullptr);

  void setTrace(RequestTrace trace, std::vector<std::string> names);
  const RequestTrace& trace() const { return m_trace; }

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;

 private:
  int rowHeight() const;
  int labelWidth() const;
  /// The row under `y`, or -1.
  int rowAt(int y) const;
  QString labelOf(const TraceSpan& span) const;
  QString tooltipOf(const TraceSpan& span) const;

  RequestTrace m_trace;
  std::vector<std::string> m_names;
};

}  // namespace pillars
