#pragma once

#include <QColor>
#include <QString>

namespace pillars {

class Component;

/// A shard router's live load as a card badge: "moving 120 keys" while a re-sharding migrates,
/// "hot: s2 ×1.9" when its busiest shard serves well above the mean (a hot shard under skewed
/// keys), else "4 shards · busiest ×1.09" (the busiest shard's load over the mean), over the
/// last 10 to 20 s. Read from the figures the router reports (`shards`, `migrations_pending`,
/// `max_mean_load_recent`, `shard_load_recent.<shard>`).
namespace shardbadge {

/// Whether `c` is a shard router (checked once per run).
bool applies(const Component& c);
/// The badge for `c` now; empty when there is nothing to say.
QString text(const Component& c);
/// The State pillar's green, darker.
QColor colour();

/// Busiest over mean from which a shard reads as hot.
inline constexpr double kHotRatio = 1.25;

}  // namespace shardbadge
}  // namespace pillars
