#pragma once

#include <QColor>
#include <QString>

namespace pillars {

class Component;

/// An autoscaler's live state as a card badge: "4 → 8 · 4 ready" while its set grows or
/// shrinks towards the count it wants, "8 ready" once there, "6/8 ready" while instances start.
/// Read from the figures the engine reports (`desired`, `instances`, `ready`), so any kind that
/// reports them gets the badge.
namespace scalingbadge {

/// Whether `c` reports the figures the badge is made of (checked once per run).
bool applies(const Component& c);
/// The badge for `c` now.
QString text(const Component& c);
/// The Intelligence pillar's violet, darker.
QColor colour();

}  // namespace scalingbadge
}  // namespace pillars
