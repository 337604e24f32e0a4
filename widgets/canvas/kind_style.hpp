#pragma once

#include <QColor>
#include <QIcon>
#include <QString>
#include <string>

class QPainter;
class QRectF;

namespace pillars {

struct ComponentSpec;

/// How each component kind looks: its pillar's colour (from the design document's palette),
/// a glyph drawn in vector form, and a one-line summary of its key parameters.
namespace kindstyle {

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
