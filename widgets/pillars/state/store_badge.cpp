#include "widgets/pillars/state/store_badge.hpp"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

#include "engine/pillars/state/store.hpp"
#include "engine/sim/component.hpp"

namespace pillars::storebadge {

namespace {

constexpr const char* kRole = "role";
constexpr const char* kLag = "lag_entries";
constexpr const char* kHints = "hints";
constexpr const char* kApplied = "writes_applied";

QString tr(const char* text) { return QCoreApplication::translate("StoreBadge", text); }

}  // namespace

bool applies(const Component& c) {
  // A store itself, not any kind with a "role" figure: a Raft node reports one too, with
  // another meaning, and has its own badge.
  return dynamic_cast<const Store*>(&c) != nullptr;
}

QString text(const Component& c) {
  if (!c.isUp()) return {};  // a crashed replica has no role
  long role = -1, lag = 0, hints = 0;
  double applied = 0;
  bool leaderless = false;
  for (const auto& [name, value] : c.extraMetrics(0)) {
    if (name == kRole) role = std::lround(value);
    if (name == kLag) lag = std::lround(value);
    if (name == kApplied) applied = value;
    if (name == kHints) {
      hints = std::lround(value);
      leaderless = true;
    }
  }
  // How far along the write history it is (writes applied), so replicas side by side show who
  // is behind; nothing before the first write.
  const QString version = applied > 0 ? QStringLiteral(" \u00b7 #%1").arg(static_cast<qulonglong>(applied)) : QString();
  switch (static_cast<Store::Role>(role)) {
    case Store::Role::Leader: return tr("leader") + version;
    case Store::Role::Follower: return (lag > 0 ? tr("follower \u00b7 %1 behind").arg(lag) : tr("follower")) + version;
    case Store::Role::Recovering: return tr("catching up") + version;
    case Store::Role::Replica:
      if (leaderless && hints > 0) return tr("%1 hints").arg(hints) + version;
      return applied > 0 ? QStringLiteral("#%1").arg(static_cast<qulonglong>(applied)) : QString();
  }
  return {};
}

QColor colour() { return QColor(0x2e, 0x7d, 0x32); }

double lagFill(const Component& c) {
  if (!c.isUp()) return -1.0;
  double role = -1, lag = 0;
  for (const auto& [name, value] : c.extraMetrics(0)) {
    if (name == kRole) role = value;
    if (name == kLag) lag = value;
  }
  if (static_cast<Store::Role>(std::lround(role)) != Store::Role::Follower) return -1.0;
  return std::clamp(std::log10(1.0 + lag) / 4.0, 0.0, 1.0);
}

}  // namespace pillars::storebadge
