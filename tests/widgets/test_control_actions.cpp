// A replicated service's rollout and rollback from the canvas context menu: applied to the
// live run at once and recorded in the fault timeline, so pillars-cli replays it.
#include <gtest/gtest.h>

#include <QApplication>
#include <QInputDialog>
#include <QTimer>
#include <algorithm>
#include <numeric>

#include "engine/pillars/control/orchestrator.hpp"
#include "engine/run/instances.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/simulation.hpp"
#include "simulating_fixture.hpp"
#include "widgets/canvas/kind_style.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {
namespace {

class ControlActions : public Simulating {
 protected:
  void SetUp() override {
    Simulating::SetUp();
    ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/canary-rollback.json"), true));
  }
  const Rollout* rollout() {
    const Orchestrator* o = live().runner()->simulation().findExtension<Orchestrator>();
    return o ? o->findRollout("web") : nullptr;
  }
  void select(const std::string& id) {
    window.scene().clearSelection();
    window.scene().nodeFor(id)->setSelected(true);
  }
};

TEST_F(ControlActions, TheReplicaSetReadsAsOneStackedCard) {
  const ComponentSpec* web = window.document().scenario().findComponent("web");
  ASSERT_NE(web, nullptr);
  EXPECT_TRUE(kindstyle::summary(*web).startsWith(QStringLiteral("\u00d74 \u00b7 4 workers"))) << kindstyle::summary(*web).toStdString();
}

TEST_F(ControlActions, RolloutAndRollbackFromTheContextMenuAreRecordedInTheTimeline) {
  runUntil(10 * kSecond);
  select("web");
  triggerFault(QStringLiteral("Rollout web"));
  ASSERT_NE(rollout(), nullptr);
  EXPECT_EQ(rollout()->phase(), Rollout::Phase::Rolling);
  runUntil(12 * kSecond);
  select("web");
  triggerFault(QStringLiteral("Rollback web"));
  EXPECT_EQ(rollout()->phase(), Rollout::Phase::RolledBack);
  // Both are in the document's timeline at the times they were made.
  int rollouts = 0, rollbacks = 0;
  for (const FaultSpec& f : window.document().scenario().faults) {
    if (f.target != "web") continue;
    if (f.action == FaultAction::Rollout && f.at == 10 * kSecond) ++rollouts;
    if (f.action == FaultAction::Rollback && f.at == 12 * kSecond) ++rollbacks;
  }
  EXPECT_EQ(rollouts, 1);
  EXPECT_EQ(rollbacks, 1);
}

TEST_F(ControlActions, ARolloutWithoutASecondVersionIsOfferedDisabledWithTheReason) {
  ASSERT_EQ(window.document().setParameter("web", "v2_error_probability", QStringLiteral("0")), QString());
  select("web");
  QMenu menu;
  window.simulateActions().addFaultsTo(menu, window.scene().selectedComponents(), window.scene().selectedLinks());
  bool found = false;
  for (QAction* a : menu.findChildren<QAction*>()) {
    if (!a->text().startsWith(QStringLiteral("Rollout web"))) continue;
    found = true;
    EXPECT_FALSE(a->isEnabled());
    EXPECT_TRUE(a->statusTip().contains(QStringLiteral("no second version")));
  }
  EXPECT_TRUE(found);
}

// Found by the GUI monkey: by hand (SimulateActions::injectKindAction, what scripts and the
// menu call) a rollout with no second version was applied and recorded, and the design then
// saved but did not open again.
TEST_F(ControlActions, ARolloutWithoutASecondVersionIsRefusedByHandToo) {
  // The example's own rollout goes first: with no second version, it would keep the run from
  // loading at all.
  std::vector<std::size_t> all(window.document().scenario().faults.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  window.document().removeFaults(all);
  ASSERT_EQ(window.document().setParameter("web", "v2_error_probability", QStringLiteral("0")), QString());
  EXPECT_FALSE(window.simulateActions().injectKindAction("web", FaultAction::Rollout));
  ASSERT_TRUE(live().isLoaded());
  EXPECT_TRUE(window.document().scenario().faults.empty());
  EXPECT_EQ(rollout(), nullptr);
  // Nor does any kind take an action that is not its own.
  EXPECT_FALSE(window.simulateActions().injectKindAction("lb", FaultAction::Rollout));
  EXPECT_TRUE(window.document().scenario().faults.empty());
}

TEST_F(ControlActions, ScaleTheSetFromTheContextMenuAsksHowManyAndIsRecorded) {
  runUntil(5 * kSecond);
  select("web");
  // The menu entry asks for the count, starting from the 4 there are; the user types 6.
  QTimer::singleShot(0, [] {
    auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->intValue(), 4);
    dialog->setIntValue(6);
    dialog->accept();
  });
  triggerFault(QStringLiteral("Scale web"));
  Simulation& sim = live().runner()->simulation();
  EXPECT_EQ(instancesOf(sim, "web").size(), 6u);
  const auto scale = std::find_if(window.document().scenario().faults.begin(), window.document().scenario().faults.end(),
                                  [](const FaultSpec& f) { return f.action == FaultAction::Scale; });
  ASSERT_NE(scale, window.document().scenario().faults.end());
  EXPECT_EQ(scale->target, "web");
  EXPECT_EQ(scale->value, 6);
  EXPECT_EQ(scale->at, 5 * kSecond);
  // By hand, only what the file format accepts: no scale to nothing.
  const std::size_t faults = window.document().scenario().faults.size();
  EXPECT_FALSE(window.simulateActions().injectKindAction("web", FaultAction::Scale, 0));
  EXPECT_FALSE(window.simulateActions().injectKindAction("users", FaultAction::Scale, 3));
  EXPECT_EQ(window.document().scenario().faults.size(), faults);
  EXPECT_EQ(instancesOf(sim, "web").size(), 6u);
}

}  // namespace
}  // namespace pillars
