#include "widgets/pillars/intelligence/alert_badge.hpp"

#include <QCoreApplication>
#include <cmath>

#include "engine/sim/component.hpp"

namespace pillars::alertbadge {

namespace {

constexpr const char* kFiring = "alerts_firing";

}  // namespace

bool applies(const Component& c) {
  for (const auto& [name, value] : c.extraMetrics(0)) {
    if (name == kFiring) return true;
  }
  return false;
}

QString text(const Component& c) {
  long firing = 0;
  for (const auto& [name, value] : c.extraMetrics(0)) {
    if (name == kFiring) firing = std::lround(value);
  }
  if (firing == 0) return {};
  // The most serious one names itself: a page outranks a ticket.
  for (const AlertRecord& a : c.alerts()) {
    if (a.resolvedAt < 0 && a.severity == "page") {
      return firing == 1 ? QCoreApplication::translate("AlertBadge", "page firing")
                         : QCoreApplication::translate("AlertBadge", "%1 alerts firing").arg(firing);
    }
  }
  return firing == 1 ? QCoreApplication::translate("AlertBadge", "ticket open")
                     : QCoreApplication::translate("AlertBadge", "%1 alerts firing").arg(firing);
}

QColor colour() { return QColor(0xc0, 0x39, 0x2b); }

}  // namespace pillars::alertbadge
