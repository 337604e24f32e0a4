#pragma once

#include <QColor>
#include <QString>

namespace pillars {

class Component;

/// A component's SLO alerts as a card badge while any fires: "page firing", "2 alerts
/// firing". Read from the `alerts_firing` figure, so any kind with an SLO gets it.
namespace alertbadge {

bool applies(const Component& c);
/// The badge now, or empty while nothing fires.
QString text(const Component& c);
/// Red: someone is being paged.
QColor colour();

}  // namespace alertbadge
}  // namespace pillars
