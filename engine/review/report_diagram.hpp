#pragma once
// The topology figure of the review report, planned for print so that every component's name
// is printed at 7 pt or more. A design is laid out left to right and top to bottom; the one
// whose names come out larger wins. A drawing that reads well in the running text stays there;
// a larger one gets a page of its own, portrait or landscape, whichever prints the names
// larger; one that is still too small is drawn with names only (no kind under them, less white
// space), and if even that is too small, split by zone (and by the zones inside a region), each
// part on its own page, its links to other parts ending at stubs that name the other end. A
// design with no zone left to split by keeps the best drawing there is.

#include <string>
#include <vector>

namespace pillars {
struct Scenario;
}

namespace pillars::review {

/// Legibility thresholds, in printed points.
inline constexpr double kMinNamePt = 7;      // never smaller: below this, split by zone
inline constexpr double kInlineNamePt = 8;   // a figure in the running text needs this much
inline constexpr double kMaxNamePt = 16;     // a page of its own enlarges a drawing up to this

enum class DiagramPlacement {
  Inline,         // in the running text, at most inlineFigureBox()
  PortraitPage,   // a page of its own, figurePageBox(false)
  LandscapePage,  // a landscape page of its own, figurePageBox(true)
};

struct DiagramPart {
  std::string name;   // the figure's resource name: "pillars:diagram", "pillars:diagram-2", ...
  std::string title;  // what the part shows: empty for the whole design, else "Zone A (eu-west)"
  std::string svg;    // inline SVG (no XML prolog), Graphviz's clusters in a canonical order
  double widthPt = 0, heightPt = 0;  // the drawing's own size (its viewBox), in points
  bool topToBottom = false;          // requests flow down rather than right
  bool namesOnly = false;            // drawn without the kinds, to fit (PrintDotOptions::compact)
  DiagramPlacement placement = DiagramPlacement::Inline;
  double scale = 1;                  // printed size = own size x scale
  /// The smallest font size of a component's name in the SVG, in its own points: multiplied
  /// by `scale`, the smallest name on paper.
  double nameFontPt = 0;
  std::vector<std::string> components;  // drawn in full here (a stub to another part is not)

  double printedWidthPt() const { return widthPt * scale; }
  double printedHeightPt() const { return heightPt * scale; }
  double printedNamePt() const { return nameFontPt * scale; }
};

struct TopologyDiagram {
  std::vector<DiagramPart> parts;  // empty when Graphviz failed
  std::string error;               // why there is no diagram
};

/// Lays the design out for print (Graphviz; deterministic for a given design).
TopologyDiagram planTopologyDiagram(const Scenario& scenario);

/// The smallest font size among texts of `svg` that are one of `names` (0 when none is).
double smallestNameFont(const std::string& svg, const std::vector<std::string>& names);

}  // namespace pillars::review
