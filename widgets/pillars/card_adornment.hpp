#pragma once

#include <QGraphicsItem>

#include "engine/sim/time.hpp"

namespace pillars {

class Component;
class Simulation;

/// A kind's own live drawing on and around its card (Raft's role ring and log strip), made by
/// the kind's KindUi when a run is mapped and brought up to date once per frame by the live
/// overlay, which positions it at the card's centre like the overlay's other card items.
class CardAdornment : public QGraphicsItem {
 public:
  explicit CardAdornment(QGraphicsItem* parent) : QGraphicsItem(parent) {}

  /// Shows `component` as it is at `now`. `component` is always of the kind that made this
  /// adornment; `sim` names the components it refers to.
  virtual void follow(const Component& component, const Simulation& sim, SimTime now) = 0;

  /// Adornments never take a click: the card under them does.
  QPainterPath shape() const override { return {}; }
};

}  // namespace pillars
