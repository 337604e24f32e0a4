#pragma once
// Walks a decision tree one answer at a time, as the app's wizard and the tests do.

#include <string>
#include <string_view>
#include <vector>

#include "engine/review/review_data.hpp"

namespace pillars::review {

/// One step taken: the node that was shown and the answer given there ("" for a result node
/// that was continued past).
struct TreeStep {
  std::string nodeId;
  std::string answer;
};

class TreeWalker {
 public:
  /// The tree must outlive the walker. Starts at the tree's start node.
  explicit TreeWalker(const DecisionTree& tree);

  /// Back to the start node, forgetting the path.
  void start();
  const TreeNode& current() const { return *m_current; }
  /// The labels that can be given at the current node (empty at a result node).
  std::vector<std::string> answers() const;
  /// Follows the answer with this label; false (and nothing changes) if there is none.
  bool answer(std::string_view label);
  /// At a result with a follow-up question ("Still slow?"): goes on to it.
  bool canContinue() const { return m_current->result && !m_current->then.empty(); }
  bool continueOn();
  /// Undoes the last step; false at the start.
  bool back();
  /// The steps taken so far, oldest first.
  const std::vector<TreeStep>& path() const { return m_path; }
  /// True at a result node that leads nowhere else.
  bool finished() const { return m_current->result && m_current->then.empty(); }
  /// Every result met on the way, the current one included, oldest first.
  std::vector<const TreeNode*> results() const;

 private:
  const DecisionTree& m_tree;
  const TreeNode* m_current = nullptr;
  std::vector<TreeStep> m_path;
};

/// Ids of nodes that no sequence of answers reaches from the start, in file order (empty when
/// every node is reachable).
std::vector<std::string> unreachableNodes(const DecisionTree& tree);

/// Every answer sequence from the start to a final result, as label lists ("" marks a
/// continue past an intermediate result); a tree with a cycle stops each path at its repeat.
std::vector<std::vector<std::string>> pathsToResults(const DecisionTree& tree);

}  // namespace pillars::review
