#include "engine/review/report_diagram.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "engine/layout/graphviz_layout.hpp"
#include "engine/layout/print_dot.hpp"
#include "engine/model/scenario.hpp"
#include "engine/review/report_page.hpp"
#include "engine/review/report_svg_text.hpp"

namespace pillars::review {

namespace {

/// How much larger the names must come out before the planner turns the page to landscape or
/// the flow to top-to-bottom: readers prefer an upright page and requests flowing right, and a
/// few percent of font size is not worth either.
constexpr double kPreferenceMargin = 1.10;

/// Graphviz orders cluster groups by the addresses of their interned names, so two layouts in
/// one process (the app, a test) can list the same clusters in another order. Sorting the flat
/// run of cluster blocks by their text and renumbering their ids makes the SVG canonical.
std::string canonicalClusters(const std::string& svg) {
  const std::string open = "<g id=\"clust";
  const auto first = svg.find(open);
  if (first == std::string::npos) return svg;
  std::vector<std::string> blocks;
  std::size_t at = first;
  while (svg.compare(at, open.size(), open) == 0) {
    // Cluster blocks hold a title, a path and a label: no nested group ends them early.
    const auto end = svg.find("</g>\n", at);
    if (end == std::string::npos) return svg;
    std::string block = svg.substr(at, end + 5 - at);
    block.erase(0, block.find('>') + 1);  // the id is renumbered below
    blocks.push_back(std::move(block));
    at = end + 5;
  }
  std::sort(blocks.begin(), blocks.end());
  std::string out = svg.substr(0, first);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    out += open + std::to_string(i + 1) + "\" class=\"cluster\">" + blocks[i];
  }
  return out + svg.substr(at);
}

/// Graphviz writes an XML prolog, a DOCTYPE and comments before <svg>; inline SVG in HTML
/// starts at the element itself.
std::string inlineSvg(const std::string& svg) {
  const auto start = svg.find("<svg");
  return start == std::string::npos ? std::string() : canonicalClusters(svg.substr(start));
}

/// One layout of some components in one direction.
struct Drawing {
  std::string svg;
  double width = 0, height = 0, nameFont = 0;
  bool topToBottom = false, namesOnly = false;
  std::vector<std::string> components;
};

std::vector<std::string> allIds(const Scenario& s) {
  std::vector<std::string> ids;
  for (const auto& c : s.components) ids.push_back(c.id);
  return ids;
}

std::optional<Drawing> draw(const Scenario& s, const std::vector<std::string>& ids, bool topToBottom, bool compact,
                            std::string* error) {
  PrintDotOptions options;
  options.topToBottom = topToBottom;
  options.compact = compact;
  if (ids.size() != s.components.size()) options.only = ids;
  const auto svg = renderDot(scenarioToPrintDot(s, options), LayoutEngine::Dot, "svg", error);
  if (!svg) return std::nullopt;
  Drawing d;
  d.svg = inlineSvg(*svg);
  const SeparatedSvg parts = separateSvgText(d.svg);
  d.width = parts.viewWidth;
  d.height = parts.viewHeight;
  // Every id, not only the drawn ones: a stub names a component of another part at the same
  // size, and a reader must be able to read it to find that part.
  d.nameFont = smallestNameFont(d.svg, allIds(s));
  d.topToBottom = topToBottom;
  d.namesOnly = compact;
  d.components = ids;
  if (d.width <= 0 || d.height <= 0 || d.nameFont <= 0) {
    if (error) *error = "Graphviz drew the topology without a size or without its names";
    return std::nullopt;
  }
  return d;
}

double fit(const Drawing& d, PageBox box, double largest) {
  return std::min({largest, box.width / d.width, box.height / d.height});
}

DiagramPart partOf(const Drawing& d, DiagramPlacement placement, double scale) {
  DiagramPart p;
  p.svg = d.svg;
  p.widthPt = d.width;
  p.heightPt = d.height;
  p.topToBottom = d.topToBottom;
  p.namesOnly = d.namesOnly;
  p.placement = placement;
  p.scale = scale;
  p.nameFontPt = d.nameFont;
  p.components = d.components;
  return p;
}

/// Of two ways to print, the one with larger names, the first unless the second is clearly
/// better (kPreferenceMargin): callers list the preferred way first.
bool clearlyBetter(double candidatePt, double currentPt) { return candidatePt > currentPt * kPreferenceMargin; }

/// The two ways to draw some components, in the order a reader prefers them: left to right,
/// then top to bottom; full cards, or names only (`compact`). Empty when Graphviz failed.
std::vector<Drawing> drawings(const Scenario& s, const std::vector<std::string>& ids, bool compact, std::string* error) {
  std::vector<Drawing> out;
  for (const bool topToBottom : {false, true}) {
    auto d = draw(s, ids, topToBottom, compact, error);
    if (!d) return {};
    out.push_back(std::move(*d));
  }
  return out;
}

/// The figure in the running text: the drawing that prints the names larger.
DiagramPart bestInline(const std::vector<Drawing>& candidates) {
  std::optional<DiagramPart> best;
  for (const Drawing& d : candidates) {
    const double scale = fit(d, inlineFigureBox(), 1.0);
    if (best && !clearlyBetter(scale * d.nameFont, best->printedNamePt())) continue;
    best = partOf(d, DiagramPlacement::Inline, scale);
  }
  return *best;
}

/// A page of its own: upright before landscape, each drawing in the order of preference.
DiagramPart bestPage(const std::vector<Drawing>& candidates) {
  std::optional<DiagramPart> best;
  for (const bool landscape : {false, true}) {
    for (const Drawing& d : candidates) {
      const double scale = fit(d, figurePageBox(landscape), kMaxNamePt / d.nameFont);
      if (best && !clearlyBetter(scale * d.nameFont, best->printedNamePt())) continue;
      best = partOf(d, landscape ? DiagramPlacement::LandscapePage : DiagramPlacement::PortraitPage, scale);
    }
  }
  return *best;
}

std::string groupTitle(const GroupSpec& g) { return g.label.empty() ? g.id : g.label; }

/// Every component in `group` or in a group nested in it.
std::set<std::string> membersOf(const Scenario& s, const std::string& group, int depth = 0) {
  std::set<std::string> out;
  if (depth > 32) return out;
  for (const GroupSpec& g : s.groups) {
    if (g.id == group) out.insert(g.members.begin(), g.members.end());
    if (g.parent == group && !group.empty()) {
      const auto nested = membersOf(s, g.id, depth + 1);
      out.insert(nested.begin(), nested.end());
    }
  }
  return out;
}

bool isTopLevel(const Scenario& s, const GroupSpec& g) { return g.parent.empty() || !s.findGroup(g.parent); }

/// A set of components drawn together, and the group whose children may split it further.
struct Piece {
  std::vector<std::string> ids;  // scenario order
  std::string group;             // empty: not one group (the rest, or the whole design)
  std::string title;
};

/// `ids` split by the groups directly inside `group` (the top-level groups when empty), the
/// components in none of them making one more piece.
std::vector<Piece> splitByGroups(const Scenario& s, const std::vector<std::string>& ids, const std::string& group,
                                 const std::string& groupTitleText) {
  std::vector<Piece> pieces;
  std::set<std::string> taken;
  for (const GroupSpec& g : s.groups) {
    if (group.empty() ? !isTopLevel(s, g) : g.parent != group) continue;
    const auto members = membersOf(s, g.id);
    Piece piece{{}, g.id, groupTitle(g) + (groupTitleText.empty() ? "" : " (" + groupTitleText + ")")};
    for (const auto& id : ids) {
      if (members.count(id) && taken.insert(id).second) piece.ids.push_back(id);
    }
    if (!piece.ids.empty()) pieces.push_back(std::move(piece));
  }
  Piece rest{{}, "", groupTitleText.empty() ? "outside any zone" : groupTitleText};
  for (const auto& id : ids) {
    if (!taken.count(id)) rest.ids.push_back(id);
  }
  if (!rest.ids.empty()) pieces.push_back(std::move(rest));
  // In the order of the design's components, so the part holding the clients (usually
  // declared first) comes first and the figure reads from where requests enter.
  const auto firstIndex = [&](const Piece& p) {
    return std::find(ids.begin(), ids.end(), p.ids.front()) - ids.begin();
  };
  std::stable_sort(pieces.begin(), pieces.end(),
                   [&](const Piece& a, const Piece& b) { return firstIndex(a) < firstIndex(b); });
  return pieces;
}

/// The names-only drawing on a page of its own, when it prints the names larger than `part`.
std::optional<DiagramPart> compactPage(const Scenario& s, const std::vector<std::string>& ids, const DiagramPart& part,
                                       std::string* error) {
  const std::vector<Drawing> compact = drawings(s, ids, true, error);
  if (compact.empty()) return std::nullopt;
  DiagramPart page = bestPage(compact);
  if (page.printedNamePt() <= part.printedNamePt()) return part;
  return page;
}

/// Plans `piece` on pages of its own, split further by its groups while its names print too
/// small and it has groups to split by; a piece that cannot be split is drawn names only
/// when that prints them larger.
bool planPiece(const Scenario& s, const Piece& piece, std::vector<DiagramPart>& out, std::string* error,
               int depth = 0) {
  const std::vector<Drawing> candidates = drawings(s, piece.ids, false, error);
  if (candidates.empty()) return false;
  DiagramPart part = bestPage(candidates);
  if (part.printedNamePt() < kMinNamePt && !piece.group.empty() && depth < 32) {
    std::vector<Piece> pieces = splitByGroups(s, piece.ids, piece.group, piece.title);
    if (pieces.size() > 1 || (pieces.size() == 1 && !pieces.front().group.empty())) {
      for (const Piece& p : pieces) {
        if (!planPiece(s, p, out, error, depth + 1)) return false;
      }
      return true;
    }
  }
  if (part.printedNamePt() < kMinNamePt) {
    const auto compact = compactPage(s, piece.ids, part, error);
    if (!compact) return false;
    part = *compact;
  }
  part.title = piece.title;
  out.push_back(std::move(part));
  return true;
}

}  // namespace

double smallestNameFont(const std::string& svg, const std::vector<std::string>& names) {
  const std::set<std::string> wanted(names.begin(), names.end());
  double smallest = 0;
  for (const SvgText& t : separateSvgText(svg).texts) {
    if (!wanted.count(t.text)) continue;
    if (smallest == 0 || t.size < smallest) smallest = t.size;
  }
  return smallest;
}

TopologyDiagram planTopologyDiagram(const Scenario& scenario) {
  TopologyDiagram diagram;
  if (scenario.components.empty()) {
    diagram.error = "the design has no components";
    return diagram;
  }
  const std::vector<std::string> ids = allIds(scenario);
  const std::vector<Drawing> candidates = drawings(scenario, ids, false, &diagram.error);
  if (candidates.empty()) return diagram;
  DiagramPart whole = bestInline(candidates);
  if (whole.printedNamePt() < kInlineNamePt) whole = bestPage(candidates);
  // Names only keeps the design in one figure; splitting it by zone is the last resort.
  if (whole.printedNamePt() < kMinNamePt) {
    const auto compact = compactPage(scenario, ids, whole, &diagram.error);
    if (!compact) return diagram;
    whole = *compact;
  }
  if (whole.printedNamePt() >= kMinNamePt) {
    diagram.parts.push_back(std::move(whole));
  } else {
    // Too large for any page: split by the top-level zones and regions (one piece when the
    // whole design sits in one region; planPiece then splits by its zones).
    std::vector<Piece> pieces = splitByGroups(scenario, ids, "", "");
    const bool splits = pieces.size() > 1 || (pieces.size() == 1 && !pieces.front().group.empty());
    if (!splits) {
      diagram.parts.push_back(std::move(whole));  // no zone to split by: the best there is
    } else {
      for (const Piece& p : pieces) {
        if (!planPiece(scenario, p, diagram.parts, &diagram.error)) {
          diagram.parts.clear();
          return diagram;
        }
      }
      // One piece that could not be split after all is the whole design under another name.
      if (diagram.parts.size() == 1) diagram.parts.front().title.clear();
    }
  }
  for (std::size_t i = 0; i < diagram.parts.size(); ++i) {
    diagram.parts[i].name = i == 0 ? "pillars:diagram" : "pillars:diagram-" + std::to_string(i + 1);
  }
  diagram.error.clear();
  return diagram;
}

}  // namespace pillars::review
