// Review › Recommend Patterns: the decision tree walked to a leaf naming the seed's pillar and
// patterns, drawn by Graphviz with the path highlighted; the facts form prefilled from the
// design, ranking patterns with the rule that fired and "don't use" warnings.
#include <gtest/gtest.h>

#include <algorithm>

#include <QPushButton>
#include <QTest>

#include "widgets/document/topology_document.hpp"
#include "widgets/review/facts_panel.hpp"
#include "widgets/review/recommender_dialog.hpp"
#include "widgets/review/review_session.hpp"
#include "widgets/review/tree_walk_panel.hpp"

namespace pillars {
namespace {

class Recommender : public ::testing::Test {
 protected:
  void SetUp() override {
    QStringList errors;
    ASSERT_TRUE(m_document.load(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json"), &errors));
    m_session = std::make_unique<ReviewSession>(m_document);
    m_dialog = std::make_unique<RecommenderDialog>(*m_session);
    ASSERT_NE(m_dialog->treeWalk(), nullptr);
  }
  const review::RecommendedPattern* find(const std::string& id) const {
    for (const auto& r : m_dialog->facts().recommendations()) {
      if (r.pattern->id == id) return &r;
    }
    return nullptr;
  }

  TopologyDocument m_document;
  std::unique_ptr<ReviewSession> m_session;
  std::unique_ptr<RecommenderDialog> m_dialog;
};

TEST_F(Recommender, TheWalkReachesTheSeedsLeafWithThePathHighlighted) {
  TreeWalkPanel& walk = *m_dialog->treeWalk();
  EXPECT_TRUE(walk.drawn()) << "Graphviz drew the tree";
  EXPECT_EQ(walk.statusText(), QStringLiteral("What's breaking?"));
  // Through the buttons, as a person would.
  auto click = [&](const char* label) {
    auto* button = m_dialog->findChild<QPushButton*>(QStringLiteral("answer:") + QString::fromUtf8(label));
    ASSERT_NE(button, nullptr) << label;
    QTest::mouseClick(button, Qt::LeftButton);
    QCoreApplication::processEvents();
  };
  click("Start");
  click("Performance");
  click("I/O");
  EXPECT_EQ(walk.statusText(), QStringLiteral("Result: State pillar — Caching, Sharding"));
  EXPECT_TRUE(walk.drawn());
  // The answers taken are bold blue in the DOT; one not taken is not.
  const std::string& dot = walk.dot();
  EXPECT_NE(dot.find("\"q1\" -> \"p1\" [label=\"Performance\", penwidth=2.5"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"p1\" -> \"s1\" [label=\"I/O\", penwidth=2.5"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"q1\" -> \"r1\" [label=\"Reliability\"]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("fillcolor=\"#bbdefb\""), std::string::npos) << "the current node is filled";
  click("Continue");
  click("Getting Complex");
  EXPECT_EQ(walk.statusText(), QStringLiteral("Result: Intelligence pillar — Auto-scaling, Self-healing"));
  EXPECT_TRUE(walk.walker().finished());
  EXPECT_TRUE(walk.back());
  EXPECT_EQ(walk.statusText(), QStringLiteral("Still slow?"));
  EXPECT_FALSE(walk.choose(QStringLiteral("Maybe")));
}

TEST_F(Recommender, FactsArePrefilledAndRankPatternsWithTheRuleAndWarnings) {
  FactsPanel& facts = m_dialog->facts();
  EXPECT_TRUE(facts.problems().isEmpty()) << facts.problems().toStdString();
  // The design alone: its clients' rates make the traffic fact known.
  const review::Facts prefilled = m_session->prefilledFacts();
  ASSERT_TRUE(prefilled.get("peak_rps").has_value());
  // Heavy traffic and a high uptime target: the load balancer's rule fires, but the design
  // has one (lb), so it is listed as already there, never recommended; replication fires.
  facts.setFactText("peak_rps", QStringLiteral("5000"));
  facts.setFactText("uptime_target_percent", QStringLiteral("99.95"));
  EXPECT_EQ(find("load_balancer"), nullptr);
  const auto& already = facts.alreadyInDesign();
  const auto lb = std::find_if(already.begin(), already.end(),
                               [](const review::RecommendedPattern& r) { return r.pattern->id == "load_balancer"; });
  ASSERT_NE(lb, already.end());
  ASSERT_FALSE(lb->reasons.empty());
  EXPECT_NE(lb->reasons.front().find("5,000 req/s > 1,000 req/s"), std::string::npos) << lb->reasons.front();
  EXPECT_NE(lb->inDesign.find("lb"), std::string::npos) << lb->inDesign;
  ASSERT_NE(find("replication"), nullptr);
  // The decision matrix's "System too slow" row names the load balancer and caching; three-tier
  // has both (lb, cache), so neither is suggested and both are said to be there already. (How
  // a "don't use when" warning ranks a pattern is tested on the engine's recommender.)
  facts.setFactText("problem", QStringLiteral("too_slow"));
  facts.setFactText("peak_rps", QStringLiteral("80"));
  EXPECT_EQ(find("load_balancer"), nullptr);
  EXPECT_EQ(find("caching"), nullptr);
  std::vector<std::string> there;
  for (const auto& r : facts.alreadyInDesign()) there.push_back(r.pattern->id);
  EXPECT_NE(std::find(there.begin(), there.end(), "load_balancer"), there.end());
  EXPECT_NE(std::find(there.begin(), there.end(), "caching"), there.end());
  // A value of the wrong type is reported, not guessed.
  facts.setFactText("peak_rps", QStringLiteral("lots"));
  EXPECT_TRUE(facts.problems().contains(QStringLiteral("peak_rps"))) << facts.problems().toStdString();
}

}  // namespace
}  // namespace pillars
