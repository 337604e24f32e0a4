#include "engine/layout/print_dot.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "engine/layout/dot_export.hpp"
#include "engine/model/component_kind.hpp"

namespace pillars {

namespace {

/// Text inside a Graphviz HTML-like label.
std::string htmlText(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string fontSize(double pt) { return std::to_string(static_cast<int>(pt)); }

/// The name in bold, the kind smaller beneath it: the name is what a reader looks for.
std::string cardLabel(const ComponentSpec& c) {
  const ComponentKind* k = builtinRegistry().find(c.kind);
  return "<<B>" + htmlText(c.id) + "</B><BR/><FONT POINT-SIZE=\"10\" COLOR=\"#455a64\">" +
         htmlText(k ? k->title : c.kind) + "</FONT>>";
}

/// A neighbour drawn in another part of a split diagram: its name (as large as any name, so it
/// can be found in the other part) and where it is.
std::string stubLabel(const Scenario& s, const std::string& id) {
  const std::string where = groupTitleOf(s, id);
  return "<<I>" + htmlText(id) + "</I><BR/><FONT POINT-SIZE=\"10\" COLOR=\"#607d8b\">" +
         htmlText(where.empty() ? "outside any zone" : "in " + where) + "</FONT>>";
}

std::set<std::string> drawnSet(const Scenario& s, const std::vector<std::string>& only) {
  std::set<std::string> drawn;
  for (const ComponentSpec& c : s.components) {
    if (only.empty()) drawn.insert(c.id);
  }
  for (const std::string& id : only) {
    if (s.findComponent(id)) drawn.insert(id);
  }
  return drawn;
}

}  // namespace

std::string groupTitleOf(const Scenario& scenario, const std::string& componentId) {
  for (const GroupSpec& g : scenario.groups) {
    for (const std::string& m : g.members) {
      if (m == componentId) return g.label.empty() ? g.id : g.label;
    }
  }
  return {};
}

std::string scenarioToPrintDot(const Scenario& s, const PrintDotOptions& options) {
  const std::set<std::string> drawn = drawnSet(s, options.only);
  std::string out = "digraph " + dotQuote(s.name.empty() ? "topology" : s.name) + " {\n";
  // Tight spacing: the drawing is scaled to the page, and every point of white space it saves
  // makes the names larger. Edge labels get ranks of their own in dot, so ranksep stays small.
  out += std::string("  graph [rankdir=") + (options.topToBottom ? "TB" : "LR") +
         (options.compact ? ", nodesep=0.1, ranksep=0.25" : ", nodesep=0.25, ranksep=0.35") +
         ", fontname=\"Helvetica\", fontsize=12, fontcolor=\"#37474f\", margin=0.05];\n";
  out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#e1f5fe\", color=\"#0277bd\", "
         "fontname=\"Helvetica\", fontsize=" + fontSize(kPrintNameFontPt) + ", fontcolor=\"#263238\", " +
         (options.compact ? "margin=\"0.06,0.02\", width=0.5, height=0.3" : "margin=\"0.12,0.05\", width=0.8, height=0.45") +
         "];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=10, fontcolor=\"#455a64\", color=\"#607d8b\", arrowsize=0.7];\n";

  // Each drawn component goes into the first group listing it, as in the editor's DOT.
  std::map<std::string, std::vector<const ComponentSpec*>> byGroup;
  std::set<std::string> placed;
  for (const GroupSpec& g : s.groups) {
    for (const std::string& m : g.members) {
      const ComponentSpec* c = s.findComponent(m);
      if (c && drawn.count(m) && placed.insert(m).second) byGroup[g.id].push_back(c);
    }
  }
  // A cluster is drawn only when it holds a drawn component, directly or in a nested group.
  std::function<bool(const GroupSpec&, int)> holdsDrawn = [&](const GroupSpec& g, int depth) {
    if (depth > 32) return false;
    if (!byGroup[g.id].empty()) return true;
    for (const GroupSpec& child : s.groups) {
      if (child.parent == g.id && holdsDrawn(child, depth + 1)) return true;
    }
    return false;
  };
  const auto node = [&](const ComponentSpec& c, const std::string& indent) {
    out += indent + dotQuote(c.id) + " [label=" + (options.compact ? "<<B>" + htmlText(c.id) + "</B>>" : cardLabel(c)) +
           "];\n";
  };
  std::function<void(const GroupSpec&, const std::string&, int)> cluster = [&](const GroupSpec& g,
                                                                               const std::string& indent, int depth) {
    if (depth > 32 || !holdsDrawn(g, depth)) return;
    out += indent + "subgraph " + dotQuote("cluster_" + g.id) + " {\n";
    out += indent + "  label=" + dotQuote(g.label.empty() ? g.id : g.label) + ";\n";
    out += indent + "  style=\"rounded,dashed\"; margin=6; color=" +
           dotQuote(g.isRegion() ? "#7e57c2" : "#43a047") + ";\n";
    for (const ComponentSpec* c : byGroup[g.id]) node(*c, indent + "  ");
    for (const GroupSpec& child : s.groups) {
      if (child.parent == g.id) cluster(child, indent + "  ", depth + 1);
    }
    out += indent + "}\n";
  };
  for (const GroupSpec& g : s.groups) {
    if (g.parent.empty() || !s.findGroup(g.parent)) cluster(g, "  ", 0);
  }
  for (const ComponentSpec& c : s.components) {
    if (drawn.count(c.id) && !placed.count(c.id)) node(c, "  ");
  }

  std::set<std::string> stubs;
  const auto end = [&](const std::string& id) {
    if (drawn.count(id)) return dotQuote(id);
    if (stubs.insert(id).second) {
      out += "  " + dotQuote("stub:" + id) +
             " [label=" + (options.compact ? "<<I>" + htmlText(id) + "</I>>" : stubLabel(s, id)) +
             ", style=\"rounded,dashed\", color=\"#90a4ae\", fillcolor=\"#ffffff\"];\n";
    }
    return dotQuote("stub:" + id);
  };
  // dot orders a rank's nodes as it first meets them along the edges, left to right; drawn
  // left to right (rankdir LR) that order turns into bottom to top, so web1 ended up under
  // web3. Meeting the links in reverse there puts the first one at the top, as it is read.
  std::vector<const LinkSpec*> links;
  for (const LinkSpec& l : s.links) links.push_back(&l);
  if (!options.topToBottom) std::reverse(links.begin(), links.end());
  for (const LinkSpec* link : links) {
    const LinkSpec& l = *link;
    if (!drawn.count(l.from) && !drawn.count(l.to)) continue;
    const std::string from = end(l.from);
    const std::string to = end(l.to);
    out += "  " + from + " -> " + to + " [label=" + dotQuote(l.params.text("latency")) + "];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace pillars
