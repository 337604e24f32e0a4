#pragma once

#include <QColor>
#include <QString>

namespace pillars {

class Component;

/// A store replica's live role as a card badge: "leader", "follower · 12 behind" (writes of the
/// leader's log not applied yet), "catching up" (restarted empty, fetching a copy), or for a
/// leaderless replica the hints it holds for others ("3 hints"). Read from the figures a store
/// reports (`role`, `lag_entries`, `hints`), so the card follows a failover as it happens.
namespace storebadge {

/// Whether `c` is a store replica (checked once per run).
bool applies(const Component& c);
/// The badge for `c` now; empty when there is nothing to say.
QString text(const Component& c);
/// The State pillar's green, darker.
QColor colour();

}  // namespace storebadge
}  // namespace pillars
