// Designs caught half built: whatever the editor lets a design be on the way to finished, a
// save (project or scenario JSON) must open again exactly as it was, and a run says what is
// still missing; what the file format refuses outright, the editor refuses as it is drawn.
// Each case here was found by the GUI monkey (tests/widgets/monkey).
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include "engine/io/scenario_writer.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/window/simulate_actions.hpp"

namespace pillars {
namespace {

/// Saves `doc` under `name` in `dir`, opens it in a new document and checks it is the same.
void expectReopensTheSame(TopologyDocument& doc, const QTemporaryDir& dir, const char* name) {
  const QString path = dir.filePath(QLatin1String(name));
  QString error;
  ASSERT_TRUE(doc.saveAs(path, &error)) << error.toStdString();
  TopologyDocument again;
  QStringList errors;
  ASSERT_TRUE(again.load(path, &errors)) << name << ": " << errors.join(QLatin1Char('\n')).toStdString();
  EXPECT_EQ(writeScenarioJson(again.scenarioWithPositions()), writeScenarioJson(doc.scenarioWithPositions())) << name;
}

TEST(WorkInProgressFiles, ARaftGroupStillBeingBuiltSavesAndReopens) {
  QTemporaryDir dir;
  TopologyDocument doc;
  // Raft nodes are added one at a time: one alone, then two linked, are a group too small.
  const std::string a = doc.addComponent("raft_node", QPointF(0, 0));
  expectReopensTheSame(doc, dir, "one-node.pillars");
  expectReopensTheSame(doc, dir, "one-node.json");
  const std::string b = doc.addComponent("raft_node", QPointF(300, 0));
  ASSERT_TRUE(doc.connectComponents(a, b).isEmpty());
  expectReopensTheSame(doc, dir, "two-nodes.pillars");
  // A third, not yet linked to the others: a group of two and a group of one.
  doc.addComponent("raft_node", QPointF(150, 200));
  expectReopensTheSame(doc, dir, "three-nodes.json");

  // Running it is another matter: the run names what is missing instead of starting.
  LiveRun run;
  SimulateActions actions(doc, run, nullptr);
  QString said;
  QObject::connect(&actions, &SimulateActions::message, [&](const QString& text) { said = text; });
  EXPECT_FALSE(actions.ensureLoaded());
  EXPECT_TRUE(said.contains(QStringLiteral("raft_node group"))) << said.toStdString();
}

TEST(WorkInProgressFiles, ARolloutWhoseSecondVersionWasTakenAwaySavesAndReopens) {
  TopologyDocument doc;
  ASSERT_TRUE(doc.load(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/canary-rollback.json"), nullptr));
  ASSERT_FALSE(doc.scenario().faults.empty());  // the example's rollout of web
  // The second version set back to the first: the rollout in the timeline cannot happen now,
  // until the user sets a second version again.
  ASSERT_EQ(doc.setParameter("web", "v2_error_probability", QStringLiteral("0")), QString());
  QTemporaryDir dir;
  expectReopensTheSame(doc, dir, "no-second-version.pillars");
  expectReopensTheSame(doc, dir, "no-second-version.json");
  LiveRun run;
  SimulateActions actions(doc, run, nullptr);
  QString said;
  QObject::connect(&actions, &SimulateActions::message, [&](const QString& text) { said = text; });
  EXPECT_FALSE(actions.ensureLoaded());
  EXPECT_TRUE(said.contains(QStringLiteral("no second version"))) << said.toStdString();
}

TEST(WorkInProgressFiles, ALinkTheFileFormatRefusesIsRefusedWhenDrawn) {
  TopologyDocument doc;
  const std::string router = doc.addComponent("shard_router", QPointF(0, 0));
  const std::string participant = doc.addComponent("tpc_participant", QPointF(300, 0));
  const std::string store = doc.addComponent("store", QPointF(300, 200));
  // A shard router sends only to stores: anything else is refused with the reason, unchanged.
  const QString refused = doc.connectComponents(router, participant);
  EXPECT_EQ(refused, QStringLiteral("A shard_router sends only to store components; tpc_participant1 is a tpc_participant."));
  EXPECT_TRUE(doc.scenario().links.empty());
  // The other way round is the participant's business, and a store is fine.
  EXPECT_TRUE(doc.connectComponents(participant, router).isEmpty());
  EXPECT_TRUE(doc.connectComponents(router, store).isEmpty());
  QTemporaryDir dir;
  expectReopensTheSame(doc, dir, "router.pillars");
}

}  // namespace
}  // namespace pillars
