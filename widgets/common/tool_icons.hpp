#pragma once

#include <QIcon>

namespace pillars {

/// The toolbar's and menus' icons, drawn in code (simple line drawings in the palette's text
/// colour, so they follow light and dark themes) rather than taken from an icon theme a
/// desktop may not have.
enum class ToolIcon { Open, Save, Undo, Redo, ZoomIn, ZoomOut, Fit, Run, Pause, Step, Reset, Fast, Review };

QIcon toolIcon(ToolIcon which);

}  // namespace pillars
