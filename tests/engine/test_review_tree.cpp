// The seed's decision tree: every node is reachable, every path ends at the seed's answer,
// and the walker's start / answer / back / continue behave.
#include <gtest/gtest.h>

#include "engine/review/tree_walker.hpp"
#include "review_fixtures.hpp"

namespace pillars::review {
namespace {

const DecisionTree& seedTree() {
  const DecisionTree* tree = testing::bundledLibrary().findTree("pattern-selection");
  EXPECT_NE(tree, nullptr);
  static const DecisionTree kEmpty;
  return tree ? *tree : kEmpty;
}

/// Walks `labels` ("" continues past a result) and returns the final node's id.
std::string walk(TreeWalker& w, const std::vector<std::string>& labels) {
  for (const auto& label : labels) {
    const bool moved = label.empty() ? w.continueOn() : w.answer(label);
    EXPECT_TRUE(moved) << "at " << w.current().id << ": " << label;
  }
  return w.current().id;
}

TEST(ReviewTree, EveryNodeIsReachable) {
  EXPECT_TRUE(unreachableNodes(seedTree()).empty());
}

TEST(ReviewTree, AnOrphanNodeIsReported) {
  DecisionTree t = seedTree();
  t.nodes.push_back(TreeNode{"orphan", "Nobody asks this", {}, TreeResult{"work", {"MapReduce"}, {"mapreduce"}}, ""});
  EXPECT_EQ(unreachableNodes(t), std::vector<std::string>{"orphan"});
}

TEST(ReviewTree, LeavesGiveTheSeedsPatterns) {
  struct Case {
    std::vector<std::string> labels;
    std::string node, pillar;
    std::vector<std::string> patterns;
  };
  const std::vector<Case> cases{
      {{"Start", "Performance", "CPU"}, "w1", "work", {"Load Balancing", "MapReduce"}},
      {{"Start", "Performance", "I/O"}, "s1", "state", {"Caching", "Sharding"}},
      {{"Start", "Reliability", "Data loss"}, "s2", "state", {"Replication", "Backup"}},
      {{"Start", "Reliability", "Downtime"}, "c1", "control", {"Health Checks", "Circuit Breakers"}},
      {{"Start", "Performance", "CPU", "", "Yes"}, "t1", "truth", {"Consistency Model", "Consensus"}},
      {{"Start", "Reliability", "Downtime", "", "Getting Complex"}, "i1", "intelligence", {"Auto-scaling", "Self-healing"}},
  };
  for (const auto& c : cases) {
    TreeWalker w(seedTree());
    EXPECT_EQ(walk(w, c.labels), c.node);
    ASSERT_TRUE(w.current().result.has_value()) << c.node;
    EXPECT_EQ(w.current().result->pillar, c.pillar);
    EXPECT_EQ(w.current().result->patterns, c.patterns);
  }
}

TEST(ReviewTree, QuestionsAreTheSeedsWords) {
  TreeWalker w(seedTree());
  EXPECT_EQ(w.current().text, "What's breaking?");
  w.answer("Start");
  EXPECT_EQ(w.current().text, "Performance or Reliability?");
  EXPECT_EQ(w.answers(), (std::vector<std::string>{"Performance", "Reliability"}));
  w.answer("Reliability");
  EXPECT_EQ(w.current().text, "Data loss or Downtime?");
  w.answer("Downtime");
  ASSERT_TRUE(w.canContinue());
  w.continueOn();
  EXPECT_EQ(w.current().text, "Still slow?");
  EXPECT_EQ(w.answers(), (std::vector<std::string>{"Yes", "Getting Complex"}));
}

TEST(ReviewTree, EveryPathEndsAtAResultAndWalks) {
  const auto paths = pathsToResults(seedTree());
  // Four intermediate results, each followed by the two answers of "Still slow?".
  EXPECT_EQ(paths.size(), 4u + 4u * 2u);
  for (const auto& labels : paths) {
    TreeWalker w(seedTree());
    walk(w, labels);
    EXPECT_TRUE(w.current().result.has_value()) << w.current().id;
  }
}

TEST(ReviewTree, BackUndoesAndPathRecords) {
  TreeWalker w(seedTree());
  walk(w, {"Start", "Performance", "I/O", "", "Yes"});
  EXPECT_TRUE(w.finished());
  ASSERT_EQ(w.path().size(), 5u);
  EXPECT_EQ(w.path()[2].nodeId, "p1");
  EXPECT_EQ(w.path()[2].answer, "I/O");
  const auto results = w.results();
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]->id, "s1");
  EXPECT_EQ(results[1]->id, "t1");
  EXPECT_TRUE(w.back());
  EXPECT_EQ(w.current().id, "check");
  EXPECT_TRUE(w.back());
  EXPECT_EQ(w.current().id, "s1");
  EXPECT_FALSE(w.answer("Yes")) << "a result has no answers";
  w.start();
  EXPECT_EQ(w.current().id, "start");
  EXPECT_TRUE(w.path().empty());
  EXPECT_FALSE(w.back());
  EXPECT_FALSE(w.answer("Sideways"));
  EXPECT_EQ(w.current().id, "start");
}

}  // namespace
}  // namespace pillars::review
