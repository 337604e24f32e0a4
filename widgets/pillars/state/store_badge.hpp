#pragma once

#include <QColor>
#include <QString>

namespace pillars {

class Component;

/// A store replica's live role as a card badge: "leader", "follower · 12 behind" (writes of the
/// leader's log not applied yet), "catching up" (restarted empty, fetching a copy), or for a
/// leaderless replica the hints it holds for others ("3 hints"), each with the writes it has
/// applied ("#17859"). Read from the figures a store reports (`role`, `lag_entries`, `hints`,
/// `writes_applied`), so the card follows a failover as it happens. A follower's lag is also a
/// bar along the card's top edge (lagFill).
namespace storebadge {

/// Whether `c` is a store replica (checked once per run).
bool applies(const Component& c);
/// The badge for `c` now; empty when there is nothing to say.
QString text(const Component& c);
/// The State pillar's green, darker.
QColor colour();
/// How full a follower's lag bar is, 0..1: log-scaled so 1 entry behind shows and 10,000
/// fill it; -1 for a replica with no leader to lag behind (a leader, a leaderless replica, a
/// crashed one).
double lagFill(const Component& c);

}  // namespace storebadge
}  // namespace pillars
