#pragma once

#include <QColor>
#include <QIcon>
#include <QString>
#include <string>

#include "engine/model/component_kind.hpp"

class QPainter;
class QRectF;

namespace pillars {

struct ComponentSpec;

/// How each component kind looks: its pillar's colour (from the design document's palette),
/// a glyph drawn in vector form, and a one-line summary of its key parameters.
namespace kindstyle {

/// Every pillar, in the order the design document lists them.
inline constexpr Pillar kPillars[] = {Pillar::Work, Pillar::State, Pillar::Truth, Pillar::Control,
                                      Pillar::Intelligence};
/// A pillar's colour (light, for fills) and its darker outline and ink.
QColor pillarFill(Pillar pillar);
QColor pillarBorder(Pillar pillar);
/// "Work", "State", ... as headings show them.
QString pillarTitle(Pillar pillar);
/// What a pillar is about, in one line: "Requests, balancing, queues".
QString pillarBlurb(Pillar pillar);
/// What the palette says under a pillar that has no kinds of its own (yet).
QString pillarWithoutKinds(Pillar pillar);

/// Fill colour of the kind's pillar; `border` gives the darker outline.
QColor fill(const std::string& kind);
QColor border(const std::string& kind);
/// Draws the kind's glyph inside `box`.
void drawGlyph(QPainter& painter, const QRectF& box, const std::string& kind);
/// The glyph as an icon (palette, menus).
QIcon icon(const std::string& kind);
/// The kind as people read it: "Load balancer".
QString title(const std::string& kind);
/// The parameters that matter most at a glance: "8 workers · lognormal(4ms, 0.6)".
QString summary(const ComponentSpec& component);

}  // namespace kindstyle
}  // namespace pillars
