#pragma once

#include <QColor>
#include <QString>

namespace pillars {

class Component;

/// The Control pillar's live state of a caller or a balancer, as a card badge: "breaker open"
/// while any of its circuit breakers refuses calls, "breaker half-open" while one lets its
/// trial calls through (closed: no badge), "2 ejected" while outlier detection keeps backends
/// out. Read from the figures the engine reports (`breakers_open`, `breakers_half_open`,
/// `ejected`), so any kind that reports them gets the badge.
namespace controlbadge {

/// Whether `c` reports any figure the badge is made of (checked once per run, so components
/// without them cost nothing per frame).
bool applies(const Component& c);
/// The badge for `c` now, or empty when nothing is open or ejected.
QString text(const Component& c);
/// Orange: a protective mechanism at work, not a failure.
QColor colour();

}  // namespace controlbadge
}  // namespace pillars
