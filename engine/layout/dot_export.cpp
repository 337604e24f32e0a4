#include "engine/layout/dot_export.hpp"

#include <functional>
#include <map>
#include <set>

#include "engine/model/component_kind.hpp"

namespace pillars {

namespace {

constexpr std::pair<std::string_view, LayoutEngine> kEngines[] = {
    {"dot", LayoutEngine::Dot},   {"neato", LayoutEngine::Neato}, {"fdp", LayoutEngine::Fdp},
    {"sfdp", LayoutEngine::Sfdp}, {"circo", LayoutEngine::Circo},
};

std::string quote(std::string_view s) { return dotQuote(s); }

}  // namespace

std::string dotQuote(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string_view layoutEngineName(LayoutEngine engine) {
  for (const auto& [name, e] : kEngines) {
    if (e == engine) return name;
  }
  return "dot";
}

std::optional<LayoutEngine> layoutEngineFromName(std::string_view name) {
  for (const auto& [n, e] : kEngines) {
    if (n == name) return e;
  }
  return std::nullopt;
}

std::string scenarioToDot(const Scenario& s) {
  std::string out = "digraph " + quote(s.name.empty() ? "topology" : s.name) + " {\n";
  // Cards are 200 x 64 pixels in the editor; at 72 points per inch that is 2.78 x 0.89 inches.
  out += "  graph [rankdir=LR, nodesep=0.5, ranksep=1.0, overlap=false, sep=\"+24\", "
         "fontname=\"Helvetica\", splines=true];\n";
  out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#e1f5fe\", fixedsize=true, "
         "width=2.78, height=0.89, fontname=\"Helvetica\", fontsize=11];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];\n";

  // Each component goes into the first group that lists it; groups nest by parent.
  std::map<std::string, std::vector<const ComponentSpec*>> byGroup;
  std::set<std::string> placed;
  for (const GroupSpec& g : s.groups) {
    for (const std::string& m : g.members) {
      if (const ComponentSpec* c = s.findComponent(m); c && placed.insert(m).second) byGroup[g.id].push_back(c);
    }
  }
  const auto node = [&](const ComponentSpec& c, const std::string& indent) {
    const ComponentKind* k = builtinRegistry().find(c.kind);
    out += indent + quote(c.id) + " [label=" + quote(c.id + "\n" + (k ? k->title : c.kind)) + "];\n";
  };
  // Recursive cluster writer, guarded against cycles by the reader (and a depth limit here).
  std::function<void(const GroupSpec&, const std::string&, int)> cluster =
      [&](const GroupSpec& g, const std::string& indent, int depth) {
        if (depth > 32) return;
        out += indent + "subgraph " + quote("cluster_" + g.id) + " {\n";
        out += indent + "  label=" + quote(g.label.empty() ? g.id : g.label) + ";\n";
        out += indent + "  style=\"rounded,dashed\"; color=" +
               quote(g.isRegion() ? "#7e57c2" : "#43a047") + ";\n";
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
    if (!placed.count(c.id)) node(c, "  ");
  }
  for (const LinkSpec& l : s.links) {
    out += "  " + quote(l.from) + " -> " + quote(l.to) + " [label=" + quote(l.params.text("latency")) + "];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace pillars
