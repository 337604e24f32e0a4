#pragma once

#include <QWidget>

#include <cstdint>
#include <string>
#include <vector>

#include "engine/run/request_trace.hpp"

QT_BEGIN_NAMESPACE
class QLabel;
class QScrollArea;
class QToolButton;
QT_END_NAMESPACE

namespace pillars {

class RequestWaterfall;

/// The Request Trace dock: the waterfall of the request last picked in the event log, with a
/// headline (who issued it, attempts, how it ended) and a button that copies the trace as the
/// same text `pillars-cli simulate --trace-request` prints.
class RequestTracePanel : public QWidget {
  Q_OBJECT

 public:
  explicit RequestTracePanel(QWidget* parent = nullptr);

  /// Shows `trace`; `names` are the run's component names, indexed by ComponentId.
  void showTrace(RequestTrace trace, std::vector<std::string> names);
  /// No trace to show: says why instead (never issued, not traced...).
  void showMessage(const QString& text);

  const RequestTrace& trace() const;
  QString headline() const;
  /// The trace as text, as the CLI prints it ("" when none is shown).
  QString traceText() const;

 private:
  QLabel* m_headline;
  QScrollArea* m_scroll;
  RequestWaterfall* m_waterfall;
  QToolButton* m_copy;
  std::vector<std::string> m_names;
};

}  // namespace pillars
