#pragma once
// A decision tree as Graphviz DOT, with the path a walk has taken highlighted, for the app's
// recommender (which lays it out and draws it with Graphviz).

#include <string>

#include "engine/review/tree_walker.hpp"

namespace pillars::review {

/// Questions are rounded boxes, results are boxes naming the pillar and its patterns. Nodes and
/// answers on the walked path are drawn bold in the highlight colour, the current node filled.
/// Deterministic: nodes and edges in the tree's order.
std::string decisionTreeToDot(const DecisionTree& tree, const TreeWalker& walker);

}  // namespace pillars::review
