#pragma once
// The topology as DOT for print (the review report), not for the editor: the editor's DOT sizes
// every box like a 200 x 64 card, so a printed diagram shrunk to the page made its 11 pt names
// unreadable. Here boxes fit their labels, the component's name is large and bold above its
// kind, and the spacing is tight, so the drawing keeps its names big when it is scaled to a page.

#include <string>
#include <vector>

#include "engine/model/scenario.hpp"

namespace pillars {

/// The font size of component names in the print DOT, in points of the drawing.
inline constexpr double kPrintNameFontPt = 14;

struct PrintDotOptions {
  /// Requests flow top to bottom (rankdir TB) instead of left to right: wide designs fit a
  /// portrait page better this way.
  bool topToBottom = false;
  /// The components to draw; empty draws every one. A link between a drawn component and one
  /// left out ends at a dashed stub that names the other end and where it is drawn, so a part
  /// of a design split by zone still shows what it talks to.
  std::vector<std::string> only;
  /// Names only, in smaller boxes closer together: the kind under each name and some white
  /// space are given up so that a design too large for a page at full size still prints its
  /// names legibly.
  bool compact = false;
};

std::string scenarioToPrintDot(const Scenario& scenario, const PrintDotOptions& options = {});

/// The title of the innermost zone or region holding `componentId` ("Zone A"), or empty.
std::string groupTitleOf(const Scenario& scenario, const std::string& componentId);

}  // namespace pillars
