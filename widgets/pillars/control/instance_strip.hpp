#pragma once

#include <QGraphicsItem>
#include <QString>

#include <vector>

#include "engine/sim/time.hpp"

namespace pillars {

class Component;

/// One instance of a replica set as its chip shows it.
struct InstanceChip {
  enum class State { Ready, NotReady, Down };
  QString name;  // "web#3"
  State state = State::Ready;
  int version = 1;           // 2 once a rollout put the second release on it
  double utilization = 0.0;  // busy workers over workers, now
  bool operator==(const InstanceChip&) const = default;
};

/// How `instance` reads now: ready when up and passing its health checks, not ready while up
/// but starting, failing readiness or draining, down when crashed.
InstanceChip chipOf(const Component& instance, SimTime now);

/// A replica set expanded instance by instance under its one stacked card ("Show Instances" in
/// the card's menu while a run plays): a chip per instance, green when ready, amber when not,
/// grey and crossed when down, with a purple rim on the second release and its utilization as
/// a bar; the tooltip lists them all. Instances come and go with the run (a rollout, a scale,
/// an autoscaler), so the strip grows and shrinks with them.
class InstanceStrip final : public QGraphicsItem {
 public:
  static constexpr qreal kChipWidth = 30.0;
  static constexpr qreal kChipHeight = 20.0;
  static constexpr qreal kGap = 4.0;
  static constexpr int kPerRow = 6;

  explicit InstanceStrip(QGraphicsItem* parent);

  /// The instances now; repaints only when something shown changed.
  void setChips(std::vector<InstanceChip> chips);
  const std::vector<InstanceChip>& chips() const { return m_chips; }

  QRectF boundingRect() const override { return m_bounds; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  /// Where chip `index` sits, under the card (the strip's origin is the card's centre).
  QRectF chipRect(std::size_t index) const;
  void updateToolTip();

  std::vector<InstanceChip> m_chips;
  QRectF m_bounds;
};

}  // namespace pillars
