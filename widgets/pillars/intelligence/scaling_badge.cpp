#include "widgets/pillars/intelligence/scaling_badge.hpp"

#include <QCoreApplication>
#include <cmath>

#include "engine/sim/component.hpp"

namespace pillars::scalingbadge {

namespace {

constexpr const char* kDesired = "desired";
constexpr const char* kInstances = "instances";
constexpr const char* kReady = "ready";

QString tr(const char* text) { return QCoreApplication::translate("ScalingBadge", text); }

}  // namespace

bool applies(const Component& c) {
  bool desired = false, ready = false;
  for (const auto& [name, value] : c.extraMetrics(0)) {
    desired = desired || name == kDesired;
    ready = ready || name == kReady;
  }
  return desired && ready;
}

QString text(const Component& c) {
  long desired = 0, instances = 0, ready = 0;
  for (const auto& [name, value] : c.extraMetrics(0)) {
    if (name == kDesired) desired = std::lround(value);
    if (name == kInstances) instances = std::lround(value);
    if (name == kReady) ready = std::lround(value);
  }
  if (desired == 0) return {};
  if (instances != desired) return tr("%1 \u2192 %2 \u00b7 %3 ready").arg(instances).arg(desired).arg(ready);
  if (ready != instances) return tr("%1/%2 ready").arg(ready).arg(instances);
  return tr("%1 ready").arg(ready);
}

QColor colour() { return QColor(0x8e, 0x44, 0xad); }

}  // namespace pillars::scalingbadge
