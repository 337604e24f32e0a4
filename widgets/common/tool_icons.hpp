#pragma once

#include <QIcon>
#include <QRectF>
#include <functional>

class QPainter;

namespace pillars {

/// The toolbar's and menus' icons, drawn in code (simple line drawings in the palette's text
/// colour, so they follow light and dark themes) rather than taken from an icon theme a
/// desktop may not have.
enum class ToolIcon { Open, Save, Undo, Redo, ZoomIn, ZoomOut, Fit, Run, Pause, Step, Reset, Fast, Review };

QIcon toolIcon(ToolIcon which);

/// An icon drawn by `draw` into a square box at each usual size (16 to 48 px), antialiased;
/// `disabled`, when given, draws the disabled state. Kind glyphs and tool icons are made so.
using IconDrawing = std::function<void(QPainter& painter, const QRectF& box)>;
QIcon drawnIcon(const IconDrawing& draw, const IconDrawing& disabled = {});

}  // namespace pillars
