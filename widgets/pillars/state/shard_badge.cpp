#include "widgets/pillars/state/shard_badge.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>
#include <string_view>

#include "engine/pillars/state/shard_router.hpp"
#include "engine/sim/component.hpp"
#include "widgets/pillars/state/store_badge.hpp"

namespace pillars::shardbadge {

namespace {

constexpr std::string_view kLoadPrefix = "shard_load_recent.";

QString tr(const char* text) { return QCoreApplication::translate("ShardBadge", text); }

}  // namespace

bool applies(const Component& c) { return dynamic_cast<const ShardRouter*>(&c) != nullptr; }

QString text(const Component& c) {
  if (!c.isUp()) return {};
  double shards = 0, pending = 0, ratio = 0, busiest = -1;
  std::string hottest;
  for (const auto& [name, value] : c.extraMetrics(0)) {
    if (name == "shards") shards = value;
    if (name == "migrations_pending") pending = value;
    if (name == "max_mean_load_recent") ratio = value;
    if (std::string_view(name).substr(0, kLoadPrefix.size()) == kLoadPrefix && value > busiest) {
      busiest = value;
      hottest = name.substr(kLoadPrefix.size());
    }
  }
  if (pending > 0) return tr("moving %1 keys").arg(QLocale().toString(std::llround(pending)));
  if (ratio >= kHotRatio && !hottest.empty()) {
    return tr("hot: %1 \u00d7%2").arg(QString::fromStdString(hottest), QLocale().toString(ratio, 'f', 1));
  }
  if (shards <= 0) return {};
  const long n = std::lround(shards);
  const QString count = n == 1 ? tr("1 shard") : tr("%1 shards").arg(n);
  if (busiest <= 0) return count;
  return tr("%1 \u00b7 busiest \u00d7%2").arg(count, QLocale().toString(ratio, 'f', 2));
}

QColor colour() { return storebadge::colour(); }

}  // namespace pillars::shardbadge
