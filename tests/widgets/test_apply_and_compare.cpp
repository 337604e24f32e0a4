// Applying a recommended pattern is one undo step that undo takes back exactly; running
// before and after it, Review › Compare Runs… shows both runs' figures as their summaries say.
#include <gtest/gtest.h>

#include <QStatusBar>
#include <QTableWidget>

#include "engine/io/results_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "tests/widgets/simulating_fixture.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/review/compare_runs_dialog.hpp"
#include "widgets/review/facts_panel.hpp"
#include "widgets/review/recommender_dialog.hpp"
#include "widgets/review/review_actions.hpp"

namespace pillars {
namespace {

class ApplyAndCompare : public Simulating {
 protected:
  /// The recommender's index of the pattern `id`, with the facts that make replication fire.
  std::size_t indexOf(FactsPanel& facts, const std::string& id) {
    for (std::size_t i = 0; i < facts.recommendations().size(); ++i) {
      if (facts.recommendations()[i].pattern->id == id) return i;
    }
    ADD_FAILURE() << "no recommendation " << id;
    return 0;
  }
  FactsPanel& recommender() {
    RecommenderDialog* dialog = window.reviewActions().openRecommender();
    EXPECT_NE(dialog, nullptr);
    FactsPanel& facts = dialog->facts();
    facts.setFactText("uptime_target_percent", QStringLiteral("99.95"));
    return facts;
  }
  std::string scenarioText() { return writeScenarioJson(window.document().scenarioWithPositions()); }
};

TEST_F(ApplyAndCompare, ApplyIsOneUndoStepThatUndoRestoresExactly) {
  TopologyDocument& doc = window.document();
  const std::string before = scenarioText();
  FactsPanel& facts = recommender();  // the typed fact is kept in the project: a step of its own
  const int steps = doc.undoStack().count();
  const std::size_t replication = indexOf(facts, "replication");
  ASSERT_TRUE(facts.recommendations()[replication].apply.has_value());
  EXPECT_EQ(facts.recommendations()[replication].apply->target, "db");
  const QString message = facts.applyRecommendation(replication);
  EXPECT_TRUE(message.startsWith(QStringLiteral("Applied Replication: add replica of db."))) << message.toStdString();
  EXPECT_EQ(window.statusBar()->currentMessage(), message);
  EXPECT_EQ(doc.undoStack().count(), steps + 1);
  EXPECT_EQ(doc.undoStack().undoText(), QStringLiteral("Apply Replication (add replica of db)"));
  ASSERT_NE(doc.scenario().findComponent("db2"), nullptr);
  ASSERT_NE(doc.scenario().findComponent("db-lb"), nullptr);
  // The list is ranked again for the new design: db is replicated now, so no hint names it;
  // with every data tier replicated, replication is listed as already in the design.
  for (const auto& r : facts.recommendations()) {
    EXPECT_FALSE(r.pattern->id == "replication" && r.apply.has_value() && r.apply->target == "db");
  }
  doc.undoStack().undo();
  EXPECT_EQ(scenarioText(), before);
  doc.undoStack().redo();
  EXPECT_NE(doc.scenario().findComponent("db2"), nullptr);
}

TEST_F(ApplyAndCompare, CompareRunsShowsBothRunsP99) {
  TopologyDocument& doc = window.document();
  EXPECT_EQ(window.reviewActions().compareRuns(), nullptr);  // one run or none: nothing to compare
  action(QStringLiteral("Run to End"))->trigger();
  ASSERT_TRUE(doc.runs().last().has_value());
  EXPECT_FALSE(doc.runs().previous().has_value());
  const StoredRun first = *doc.runs().last();

  FactsPanel& facts = recommender();
  ASSERT_TRUE(facts.applyRecommendation(indexOf(facts, "replication")).startsWith(QStringLiteral("Applied")));
  action(QStringLiteral("Run to End"))->trigger();
  ASSERT_TRUE(doc.runs().previous().has_value());
  EXPECT_EQ(*doc.runs().previous(), first);
  EXPECT_NE(doc.runs().last()->scenarioJson, first.scenarioJson);

  CompareRunsDialog* dialog = window.reviewActions().compareRuns();
  ASSERT_NE(dialog, nullptr);
  QTableWidget& table = dialog->table();
  ASSERT_EQ(table.rowCount(), 8);
  ASSERT_EQ(table.item(3, 0)->text(), QStringLiteral("p99 latency"));
  const auto p99 = [](const StoredRun& r) {
    const auto results = readResultsJson(r.summaryJson);
    EXPECT_TRUE(results.has_value());
    return results ? results->latency.p99 : -1.0;
  };
  EXPECT_EQ(table.item(3, 1)->text(), QString::number(p99(first), 'f', 3) + QStringLiteral(" ms"));
  EXPECT_EQ(table.item(3, 2)->text(), QString::number(p99(*doc.runs().last()), 'f', 3) + QStringLiteral(" ms"));
  EXPECT_GT(p99(first), 0.0);
  EXPECT_TRUE(dialog->designChange().contains(QStringLiteral("+db-lb, +db2; 7 → 9 components")))
      << dialog->designChange().toStdString();
  // The change column is coloured by which way is better: red or green, never both, for p99.
  const QColor colour = table.item(3, 3)->foreground().color();
  if (p99(*doc.runs().last()) != p99(first)) {
    EXPECT_TRUE(colour == QColor(0x2e7d32u) || colour == QColor(0xc62828u));
    EXPECT_EQ(colour == QColor(0x2e7d32u), p99(*doc.runs().last()) < p99(first));
  }
  std::printf("[ Compare  ] p99 %.3f ms -> %.3f ms\n", p99(first), p99(*doc.runs().last()));
}

}  // namespace
}  // namespace pillars
