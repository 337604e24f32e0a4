#include "widgets/live/card_badges.hpp"

#include "widgets/pillars/control/control_badge.hpp"
#include "widgets/pillars/intelligence/alert_badge.hpp"
#include "widgets/pillars/intelligence/scaling_badge.hpp"
#include "widgets/pillars/state/shard_badge.hpp"
#include "widgets/pillars/state/store_badge.hpp"

namespace pillars {

const std::vector<CardBadge>& cardBadges() {
  static const std::vector<CardBadge> badges = {
      {alertbadge::applies, alertbadge::text, alertbadge::colour},
      {controlbadge::applies, controlbadge::text, controlbadge::colour},
      {scalingbadge::applies, scalingbadge::text, scalingbadge::colour},
      {storebadge::applies, storebadge::text, storebadge::colour},
      {shardbadge::applies, shardbadge::text, shardbadge::colour},
  };
  return badges;
}

std::uint32_t applicableBadges(const Component& c) {
  std::uint32_t bits = 0;
  const std::vector<CardBadge>& badges = cardBadges();
  for (std::size_t i = 0; i < badges.size(); ++i) {
    if (badges[i].applies(c)) bits |= 1u << i;
  }
  return bits;
}

std::pair<QString, QColor> badgeFor(const Component& c, std::uint32_t applicable) {
  const std::vector<CardBadge>& badges = cardBadges();
  for (std::size_t i = 0; i < badges.size(); ++i) {
    if (!(applicable & (1u << i))) continue;
    QString text = badges[i].text(c);
    if (!text.isEmpty()) return {std::move(text), badges[i].colour()};
  }
  return {};
}

}  // namespace pillars
