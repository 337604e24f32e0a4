#pragma once
// Draws a figure's texts (taken out of its SVG by review::separateSvgText) as real text with
// QPainter::drawText, over the shapes QSvgRenderer painted: on a QPdfWriter the names become
// text a reader can search, copy and extract, where QtSvg would have left glyph outlines.

#include <QRectF>
#include <vector>

#include "engine/review/report_svg_text.hpp"

class QPainter;

namespace pillars::reportpdf {

/// Draws `texts`, whose coordinates are in the SVG's viewBox `view`, into `target` (the same
/// rectangle the SVG's shapes were rendered into).
void drawFigureTexts(QPainter& painter, const std::vector<review::SvgText>& texts, const QRectF& view,
                     const QRectF& target);

}  // namespace pillars::reportpdf
