#include "widgets/pillars/control/control_badge.hpp"

#include <QCoreApplication>
#include <cmath>

#include "engine/sim/component.hpp"

namespace pillars::controlbadge {

namespace {

constexpr const char* kBreakersOpen = "breakers_open";
constexpr const char* kBreakersHalfOpen = "breakers_half_open";
constexpr const char* kEjected = "ejected";

}  // namespace

bool applies(const Component& c) {
  for (const auto& [name, value] : c.extraMetrics(0)) {
    if (name == kBreakersOpen || name == kEjected) return true;
  }
  return false;
}

QString text(const Component& c) {
  double open = 0, halfOpen = 0, ejected = 0;
  for (const auto& [name, value] : c.extraMetrics(0)) {
    if (name == kBreakersOpen) open = value;
    if (name == kBreakersHalfOpen) halfOpen = value;
    if (name == kEjected) ejected = value;
  }
  if (open > 0) {
    return open == 1 ? QCoreApplication::translate("ControlBadge", "breaker open")
                     : QCoreApplication::translate("ControlBadge", "%1 breakers open").arg(static_cast<int>(std::lround(open)));
  }
  // Trial calls going through: the breaker is finding out whether the callee is back.
  if (halfOpen > 0) {
    return halfOpen == 1 ? QCoreApplication::translate("ControlBadge", "breaker half-open")
                         : QCoreApplication::translate("ControlBadge", "%1 breakers half-open").arg(static_cast<int>(std::lround(halfOpen)));
  }
  if (ejected > 0) return QCoreApplication::translate("ControlBadge", "%1 ejected").arg(static_cast<int>(std::lround(ejected)));
  return {};
}

QColor colour() { return QColor(0xe6, 0x7e, 0x22); }

}  // namespace pillars::controlbadge
