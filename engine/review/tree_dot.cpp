#include "engine/review/tree_dot.hpp"

#include <set>
#include <utility>

namespace pillars::review {

namespace {

constexpr const char* kHighlight = "#1565c0";  // the app's selection blue
constexpr const char* kCurrentFill = "#bbdefb";

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

}  // namespace

std::string decisionTreeToDot(const DecisionTree& tree, const TreeWalker& walker) {
  // The walked path: every node shown, and each (node, answer) taken; a result continued past
  // takes its "then" edge (answer "").
  std::set<std::string> visited;
  std::set<std::pair<std::string, std::string>> taken;
  for (const TreeStep& step : walker.path()) {
    visited.insert(step.nodeId);
    taken.insert({step.nodeId, step.answer});
  }
  const std::string current = walker.current().id;
  visited.insert(current);

  std::string dot = "digraph decision_tree {\n";
  dot += "  graph [rankdir=TB, nodesep=0.3, ranksep=0.35, fontname=\"Helvetica\", bgcolor=\"white\"];\n";
  dot += "  node [fontname=\"Helvetica\", fontsize=11, color=\"#90a4ae\", fontcolor=\"#37474f\"];\n";
  dot += "  edge [fontname=\"Helvetica\", fontsize=10, color=\"#b0bec5\", fontcolor=\"#607d8b\"];\n";
  for (const TreeNode& n : tree.nodes) {
    std::string label = n.text;
    std::string shape = "shape=box, style=\"rounded";
    if (n.result) {
      label += "\n" + join(n.result->patterns, ", ");
      shape = "shape=box, style=\"";
    }
    const bool onPath = visited.count(n.id) > 0;
    if (n.id == current) shape += (shape.back() == '"' ? "" : ",") + std::string("filled");
    shape += "\"";
    dot += "  " + quoted(n.id) + " [" + shape + ", label=" + quoted(label);
    if (onPath) dot += ", penwidth=2.5, color=\"" + std::string(kHighlight) + "\", fontcolor=\"#0d47a1\"";
    if (n.id == current) dot += ", fillcolor=\"" + std::string(kCurrentFill) + "\"";
    dot += "];\n";
  }
  const auto edge = [&](const std::string& from, const std::string& to, const std::string& answer, bool dashed) {
    const bool onPath = taken.count({from, answer}) > 0;
    dot += "  " + quoted(from) + " -> " + quoted(to) + " [";
    std::string attrs;
    if (!answer.empty()) attrs += "label=" + quoted(answer);
    if (dashed) attrs += std::string(attrs.empty() ? "" : ", ") + "style=dashed";
    if (onPath) {
      attrs += std::string(attrs.empty() ? "" : ", ") + "penwidth=2.5, color=\"" + kHighlight + "\", fontcolor=\"" +
               kHighlight + "\"";
    }
    dot += attrs + "];\n";
  };
  for (const TreeNode& n : tree.nodes) {
    for (const TreeAnswer& a : n.answers) edge(n.id, a.next, a.label, false);
    if (n.result && !n.then.empty()) edge(n.id, n.then, "", true);
  }
  return dot + "}\n";
}

}  // namespace pillars::review
