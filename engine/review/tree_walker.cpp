#include "engine/review/tree_walker.hpp"

#include <algorithm>
#include <set>

namespace pillars::review {

TreeWalker::TreeWalker(const DecisionTree& tree) : m_tree(tree) { start(); }

void TreeWalker::start() {
  m_current = m_tree.find(m_tree.start);
  // A validated tree always has its start node; an empty placeholder keeps a bad one safe.
  static const TreeNode kEmpty;
  if (!m_current) m_current = m_tree.nodes.empty() ? &kEmpty : &m_tree.nodes.front();
  m_path.clear();
}

std::vector<std::string> TreeWalker::answers() const {
  std::vector<std::string> labels;
  for (const auto& a : m_current->answers) labels.push_back(a.label);
  return labels;
}

bool TreeWalker::answer(std::string_view label) {
  for (const auto& a : m_current->answers) {
    if (a.label != label) continue;
    const TreeNode* next = m_tree.find(a.next);
    if (!next) return false;
    m_path.push_back(TreeStep{m_current->id, a.label});
    m_current = next;
    return true;
  }
  return false;
}

bool TreeWalker::continueOn() {
  if (!canContinue()) return false;
  const TreeNode* next = m_tree.find(m_current->then);
  if (!next) return false;
  m_path.push_back(TreeStep{m_current->id, ""});
  m_current = next;
  return true;
}

bool TreeWalker::back() {
  if (m_path.empty()) return false;
  m_current = m_tree.find(m_path.back().nodeId);
  m_path.pop_back();
  return true;
}

std::vector<const TreeNode*> TreeWalker::results() const {
  std::vector<const TreeNode*> out;
  for (const auto& step : m_path) {
    const TreeNode* n = m_tree.find(step.nodeId);
    if (n && n->result) out.push_back(n);
  }
  if (m_current->result) out.push_back(m_current);
  return out;
}

std::vector<std::string> unreachableNodes(const DecisionTree& tree) {
  std::set<std::string> seen;
  std::vector<std::string> stack{tree.start};
  while (!stack.empty()) {
    const std::string id = stack.back();
    stack.pop_back();
    const TreeNode* n = tree.find(id);
    if (!n || !seen.insert(id).second) continue;
    for (const auto& a : n->answers) stack.push_back(a.next);
    if (!n->then.empty()) stack.push_back(n->then);
  }
  std::vector<std::string> out;
  for (const auto& n : tree.nodes) {
    if (!seen.count(n.id)) out.push_back(n.id);
  }
  return out;
}

namespace {

void collectPaths(const DecisionTree& tree, const TreeNode& node, std::vector<std::string>& labels,
                  std::vector<std::string>& visiting, std::vector<std::vector<std::string>>& out) {
  if (std::find(visiting.begin(), visiting.end(), node.id) != visiting.end()) return;  // a cycle
  visiting.push_back(node.id);
  if (node.result && node.then.empty()) out.push_back(labels);
  if (node.result && !node.then.empty()) {
    // The walk may stop at an intermediate result too: it is an answer of its own.
    out.push_back(labels);
    if (const TreeNode* next = tree.find(node.then)) {
      labels.push_back("");
      collectPaths(tree, *next, labels, visiting, out);
      labels.pop_back();
    }
  }
  for (const auto& a : node.answers) {
    if (const TreeNode* next = tree.find(a.next)) {
      labels.push_back(a.label);
      collectPaths(tree, *next, labels, visiting, out);
      labels.pop_back();
    }
  }
  visiting.pop_back();
}

}  // namespace

std::vector<std::vector<std::string>> pathsToResults(const DecisionTree& tree) {
  std::vector<std::vector<std::string>> out;
  const TreeNode* start = tree.find(tree.start);
  if (!start) return out;
  std::vector<std::string> labels;
  std::vector<std::string> visiting;
  collectPaths(tree, *start, labels, visiting, out);
  return out;
}

}  // namespace pillars::review
