#pragma once
// The text of a report figure, taken out of its SVG. Qt's SVG renderer (6.4) paints <text> as
// glyph outlines, so in the PDF no reader could search, copy or extract a component's name. The
// PDF writer paints the SVG without its text and then draws each text itself as real text; the
// figure sizing reads the names' font sizes from the same list. Handles the SVG that Graphviz
// and report_charts write: flat <text> elements, <g> transforms made of translate and scale.

#include <string>
#include <vector>

namespace pillars::review {

struct SvgText {
  enum class Anchor { Start, Middle, End };
  double x = 0, y = 0;  // the baseline's anchor point, in the root viewBox's units
  double size = 0;      // font size in the same units
  std::string text;     // entities decoded
  std::string family;   // as written ("Helvetica,sans-Serif")
  std::string fill;     // "#263238", or empty for the default (black)
  bool bold = false, italic = false;
  Anchor anchor = Anchor::Start;
};

struct SeparatedSvg {
  std::string shapes;          // the SVG with every separated <text> element removed
  std::vector<SvgText> texts;  // in document order
  /// The root's viewBox (or 0 0 width height without one): where the texts' coordinates live.
  double viewX = 0, viewY = 0, viewWidth = 0, viewHeight = 0;
};

/// Splits `svg` into its shapes and its texts. A <text> this cannot place exactly (nested
/// tspans, a rotation, per-glyph coordinates) stays in `shapes`, painted as before.
SeparatedSvg separateSvgText(const std::string& svg);

}  // namespace pillars::review
