#pragma once

#include <QColor>
#include <QString>

#include <cstdint>
#include <vector>

namespace pillars {

class Component;

/// A live badge a card may wear at its top-right while a run plays, made by a pillar from the
/// figures its engine component reports: an alert firing, a breaker open, an autoscaler's
/// count, a store's role. The overlay asks each badge once per run whether it applies to a
/// component, then each frame shows the first one with something to say.
struct CardBadge {
  bool (*applies)(const Component&);   // checked once per run: badges that cannot apply cost nothing
  QString (*text)(const Component&);   // the badge now; empty when there is nothing to say
  QColor (*colour)();
};

/// Every badge, most urgent first: a firing alert (someone is being told), then the Control
/// pillar's mechanisms at work, an autoscaler's count, a store's role.
const std::vector<CardBadge>& cardBadges();

/// The badges (bits, by their index in cardBadges()) that apply to `c`.
std::uint32_t applicableBadges(const Component& c);
/// The first applicable badge with something to say, and its colour; an empty text when none.
std::pair<QString, QColor> badgeFor(const Component& c, std::uint32_t applicable);

}  // namespace pillars
