// What the app's review panels need from the engine: the decision tree as DOT with the walked
// path highlighted (and drawable by Graphviz), and a stored run summary read back into the
// figures evidence uses.
#include <gtest/gtest.h>

#include "engine/io/results_reader.hpp"
#include "engine/io/results_writer.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/layout/graphviz_layout.hpp"
#include "engine/review/evidence.hpp"
#include "engine/review/tree_dot.hpp"
#include "engine/run/scenario_runner.hpp"
#include "review_fixtures.hpp"

namespace pillars::review {
namespace {

TEST(TreeDot, ThePathTakenIsHighlightedAndTheRestIsNot) {
  const DecisionTree& tree = *testing::bundledLibrary().findTree("pattern-selection");
  TreeWalker walker(tree);
  ASSERT_TRUE(walker.answer("Start"));
  ASSERT_TRUE(walker.answer("Reliability"));
  ASSERT_TRUE(walker.answer("Downtime"));
  const std::string dot = decisionTreeToDot(tree, walker);
  EXPECT_NE(dot.find("\"q1\" -> \"r1\" [label=\"Reliability\", penwidth=2.5"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"r1\" -> \"c1\" [label=\"Downtime\", penwidth=2.5"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"q1\" -> \"p1\" [label=\"Performance\"]"), std::string::npos) << dot;
  // The result node names the seed's pillar node and patterns, and is the filled current node.
  EXPECT_NE(dot.find("\"c1\" [shape=box, style=\"filled\", label=\"Control Pillar\\nHealth Checks, Circuit Breakers\""),
            std::string::npos)
      << dot;
  EXPECT_EQ(dot, decisionTreeToDot(tree, walker)) << "deterministic";
  std::string error;
  const auto svg = renderDot(dot, LayoutEngine::Dot, "svg", &error);
  ASSERT_TRUE(svg.has_value()) << error;
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  EXPECT_NE(svg->find("Circuit Breakers"), std::string::npos);
}

TEST(ResultsReader, AStoredSummaryGivesTheSameRunEvidence) {
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json",
                                       builtinRegistry());
  ASSERT_TRUE(load.ok());
  Scenario s = *load.scenario;
  s.duration = 20 * kSecond;
  ScenarioRunner runner(s, builtinRegistry());
  ASSERT_TRUE(runner.run());
  const RunResults direct = runner.results();
  std::string error;
  const auto back = readResultsJson(writeResultsJson(direct, s.name), &error);
  ASSERT_TRUE(back.has_value()) << error;
  EXPECT_EQ(back->completed, direct.completed);
  EXPECT_EQ(back->components.size(), direct.components.size());
  // The sentences evidence writes from either are the same, figure for figure.
  const auto a = gatherEvidence(s, &direct);
  const auto b = gatherEvidence(s, &*back);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].sentence, b[i].sentence);
  EXPECT_FALSE(readResultsJson("{\"x\": 1}", &error).has_value());
  EXPECT_NE(error.find("no \"global\""), std::string::npos) << error;
  EXPECT_FALSE(readResultsJson("{", &error).has_value());
  EXPECT_NE(error.find("not valid JSON"), std::string::npos) << error;
}

}  // namespace
}  // namespace pillars::review
