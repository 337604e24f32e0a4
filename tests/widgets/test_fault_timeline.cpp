// The fault timeline: the document's fault edits (undoable), the Fault Timeline panel, and
// faults injected by hand from the canvas being recorded so a saved project replays them.
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <cstdio>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "engine/model/component_kind.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"
#include "engine/util/units.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/window/fault_timeline_panel.hpp"
#include "widgets/window/main_window.hpp"
#include "widgets/window/simulate_actions.hpp"

namespace pillars {
namespace {

const QString kThreeTier = QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json");

FaultTimelinePanel* panelOf(MainWindow& window) {
  auto* dock = window.findChild<QDockWidget*>(QStringLiteral("FaultTimelineDock"));
  return dock ? qobject_cast<FaultTimelinePanel*>(dock->widget()) : nullptr;
}

QString cell(FaultTimelinePanel& panel, int row, int column) {
  const QStandardItem* item = panel.model()->item(row, column);
  return item ? item->text() : QString();
}

/// Flat out to `t` and paused there.
void goTo(LiveRun& live, SimTime t) {
  live.setAsFastAsPossible(true);
  live.runUntil(t);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live.isPlaying(); }, 60'000));
  ASSERT_EQ(live.now(), t);
}

TEST(FaultTimeline, PanelListsTheExamplesFaultsInTimeOrder) {
  MainWindow window;
  window.useDefaultLayout();
  ASSERT_TRUE(window.openFile(kThreeTier, true));
  FaultTimelinePanel* panel = panelOf(window);
  ASSERT_NE(panel, nullptr);
  ASSERT_EQ(panel->model()->rowCount(), 2);
  EXPECT_EQ(cell(*panel, 0, FaultTimelinePanel::kTime), QString::fromStdString(formatDuration(60 * kSecond)));
  EXPECT_EQ(cell(*panel, 0, FaultTimelinePanel::kAction), QStringLiteral("crash"));
  EXPECT_EQ(cell(*panel, 0, FaultTimelinePanel::kTarget), QStringLiteral("web2"));
  EXPECT_EQ(cell(*panel, 1, FaultTimelinePanel::kAction), QStringLiteral("restart"));
}

TEST(FaultTimeline, AddRemoveAndSetAreEachOneUndoStep) {
  TopologyDocument doc;
  QStringList errors;
  ASSERT_TRUE(doc.load(kThreeTier, &errors));
  const std::vector<FaultSpec> original = doc.scenario().faults;
  QUndoStack& undo = doc.undoStack();

  doc.addFault({90 * kSecond, FaultAction::Cut, "lb->web1"});
  ASSERT_EQ(doc.scenario().faults.size(), 3u);
  EXPECT_EQ(doc.scenario().faults[1].target, "lb->web1");  // between 60s and 120s
  EXPECT_TRUE(undo.undoText().startsWith(QStringLiteral("Add fault: cut lb->web1")));
  undo.undo();
  EXPECT_EQ(doc.scenario().faults, original);
  undo.redo();
  EXPECT_EQ(doc.scenario().faults.size(), 3u);

  doc.removeFaults({0, 1});
  ASSERT_EQ(doc.scenario().faults.size(), 1u);
  EXPECT_EQ(doc.scenario().faults[0].action, FaultAction::Restart);
  undo.undo();
  EXPECT_EQ(doc.scenario().faults.size(), 3u);
  undo.redo();
  EXPECT_EQ(doc.scenario().faults.size(), 1u);

  // Moving the restart before the (undone) crash re-sorts; bad values change nothing.
  FaultSpec slow{30 * kSecond, FaultAction::Slow, "db", 0.5};
  EXPECT_FALSE(doc.setFault(0, slow).isEmpty());
  EXPECT_FALSE(doc.setFault(0, {0, FaultAction::Crash, "nowhere"}).isEmpty());
  EXPECT_FALSE(doc.setFault(0, {0, FaultAction::Cut, "db"}).isEmpty());  // cut needs a link
  EXPECT_EQ(doc.scenario().faults[0].action, FaultAction::Restart);
  slow.value = 3;
  EXPECT_TRUE(doc.setFault(0, slow).isEmpty());
  EXPECT_EQ(doc.scenario().faults[0], slow);
  undo.undo();
  EXPECT_EQ(doc.scenario().faults[0].action, FaultAction::Restart);
  undo.redo();
  EXPECT_EQ(doc.scenario().faults[0], slow);
}

TEST(FaultTimeline, PanelEditsTimeAndValueAndRefusesBadTextInRed) {
  MainWindow window;
  window.useDefaultLayout();
  ASSERT_TRUE(window.openFile(kThreeTier, true));
  FaultTimelinePanel& panel = *panelOf(window);
  TopologyDocument& doc = window.document();

  // Typing into the time cell goes through the table's own edit path.
  panel.model()->item(0, FaultTimelinePanel::kTime)->setText(QStringLiteral("150s"));
  ASSERT_EQ(doc.scenario().faults.size(), 2u);
  EXPECT_EQ(doc.scenario().faults[1].at, 150 * kSecond);  // now after the restart
  EXPECT_EQ(doc.scenario().faults[1].action, FaultAction::Crash);
  EXPECT_EQ(cell(panel, 1, FaultTimelinePanel::kTime), QString::fromStdString(formatDuration(150 * kSecond)));

  const std::vector<FaultSpec> before = doc.scenario().faults;
  panel.model()->item(0, FaultTimelinePanel::kTime)->setText(QStringLiteral("soon"));
  EXPECT_EQ(doc.scenario().faults, before);
  const QStandardItem* bad = panel.model()->item(0, FaultTimelinePanel::kTime);
  EXPECT_TRUE(bad->data(FaultTimelinePanel::kRefusedRole).toBool());
  EXPECT_FALSE(bad->toolTip().isEmpty());

  // A degradation's value cell: percent for loss.
  doc.addFault({10 * kSecond, FaultAction::Loss, "users->lb", 0.1});
  ASSERT_EQ(cell(panel, 0, FaultTimelinePanel::kValue), QStringLiteral("10%"));
  EXPECT_TRUE(panel.editCell(0, FaultTimelinePanel::kValue, QStringLiteral("25%")).isEmpty());
  EXPECT_DOUBLE_EQ(doc.scenario().faults[0].value, 0.25);
  EXPECT_FALSE(panel.editCell(0, FaultTimelinePanel::kValue, QStringLiteral("250%")).isEmpty());
  EXPECT_DOUBLE_EQ(doc.scenario().faults[0].value, 0.25);

  // Delete removes the selected rows as one step.
  const int steps = doc.undoStack().count();
  panel.table()->selectRow(0);
  panel.removeSelected();
  EXPECT_EQ(doc.scenario().faults.size(), 2u);
  EXPECT_EQ(doc.undoStack().count(), steps + 1);

  // And so does the Delete key on the table.
  window.show();
  QApplication::setActiveWindow(&window);
  panel.table()->setFocus();
  panel.table()->selectRow(0);
  QTest::keyClick(panel.table(), Qt::Key_Delete);
  EXPECT_EQ(doc.scenario().faults.size(), 1u);
  EXPECT_EQ(doc.undoStack().count(), steps + 2);
}

TEST(FaultTimeline, AddDialogAddsAFaultForTheChosenTarget) {
  MainWindow window;
  window.useDefaultLayout();
  ASSERT_TRUE(window.openFile(kThreeTier, true));
  FaultTimelinePanel& panel = *panelOf(window);
  // The dialog is modal: fill it in once it is up.
  QTimer::singleShot(0, &panel, [&] {
    auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    ASSERT_NE(dialog, nullptr);
    const auto combos = dialog->findChildren<QComboBox*>();
    const auto edits = dialog->findChildren<QLineEdit*>();
    ASSERT_EQ(combos.size(), 2);
    ASSERT_EQ(edits.size(), 2);
    combos[0]->setCurrentText(QStringLiteral("slow"));
    combos[1]->setCurrentText(QStringLiteral("db"));
    edits[0]->setText(QStringLiteral("45s"));
    edits[1]->setText(QStringLiteral("3"));
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
  });
  panel.addWithDialog();
  const std::vector<FaultSpec>& f = window.document().scenario().faults;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0], (FaultSpec{45 * kSecond, FaultAction::Slow, "db", 3.0}));
  EXPECT_EQ(panel.model()->rowCount(), 3);
}

TEST(FaultTimeline, UndoingARecordedFaultMakesTheRunStale) {
  MainWindow window;
  window.useDefaultLayout();
  ASSERT_TRUE(window.openFile(kThreeTier, true));
  ASSERT_TRUE(window.simulateActions().ensureLoaded());
  goTo(window.liveRun(), 10 * kSecond);
  ASSERT_TRUE(window.simulateActions().injectCrash("db"));
  window.document().undoStack().undo();  // the run has a crash the document no longer has
  ASSERT_TRUE(window.simulateActions().ensureLoaded());
  EXPECT_EQ(window.liveRun().now(), 0);
  EXPECT_FALSE(window.liveRun().isDown("db"));
}

TEST(FaultTimeline, ShadesFaultsTheLiveRunHasPassed) {
  MainWindow window;
  window.useDefaultLayout();
  ASSERT_TRUE(window.openFile(kThreeTier, true));
  FaultTimelinePanel& panel = *panelOf(window);
  ASSERT_TRUE(window.simulateActions().ensureLoaded());
  goTo(window.liveRun(), 90 * kSecond);
  EXPECT_TRUE(panel.model()->item(0, 0)->data(Qt::UserRole).toBool());   // crash at 60s
  EXPECT_FALSE(panel.model()->item(1, 0)->data(Qt::UserRole).toBool());  // restart at 120s
}

TEST(FaultTimeline, CrashByHandIsRecordedAndReplaysFromTheSavedProject) {
  MainWindow window;
  window.useDefaultLayout();
  ASSERT_TRUE(window.openFile(kThreeTier, true));
  SimulateActions& actions = window.simulateActions();
  LiveRun& live = window.liveRun();
  ASSERT_TRUE(actions.ensureLoaded());
  goTo(live, 30 * kSecond);

  ASSERT_TRUE(actions.injectCrash("db"));
  EXPECT_TRUE(live.isDown("db"));
  const FaultSpec recorded{30 * kSecond, FaultAction::Crash, "db"};
  const std::vector<FaultSpec>& faults = window.document().scenario().faults;
  ASSERT_EQ(faults.size(), 3u);
  EXPECT_EQ(faults[0], recorded);
  // Recording did not make the run stale: loading again keeps the clock where it is.
  ASSERT_TRUE(actions.ensureLoaded());
  EXPECT_EQ(live.now(), 30 * kSecond);
  EXPECT_TRUE(live.isDown("db"));

  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("recorded.pillars"));
  QString error;
  ASSERT_TRUE(window.document().saveAs(path, &error)) << error.toStdString();
  TopologyDocument reopened;
  QStringList errors;
  ASSERT_TRUE(reopened.load(path, &errors));
  ScenarioRunner runner(reopened.scenario(), builtinRegistry());
  runner.advance(30 * kSecond + kMillisecond, ~std::uint64_t{0});
  const Component* db = runner.simulation().findComponent("db");
  ASSERT_NE(db, nullptr);
  EXPECT_FALSE(db->isUp());
}

TEST(FaultTimeline, CrashByHandMakesTheClientFailMore) {
  const auto failures = [](bool crash) {
    MainWindow window;
    window.useDefaultLayout();
    EXPECT_TRUE(window.openFile(kThreeTier, true));
    EXPECT_TRUE(window.simulateActions().ensureLoaded());
    goTo(window.liveRun(), 20 * kSecond);
    if (crash) {
      EXPECT_TRUE(window.simulateActions().injectCrash("db"));
    }
    EXPECT_TRUE(window.liveRun().runToEnd());
    const RunResults r = window.liveRun().results();
    return r.failed + r.timedOut;
  };
  const std::uint64_t without = failures(false);
  const std::uint64_t with = failures(true);
  std::printf("client failures: %llu without the crash, %llu with it\n",
              static_cast<unsigned long long>(without), static_cast<unsigned long long>(with));
  EXPECT_GT(with, without);
}

TEST(FaultTimeline, DegradationsByHandAreRecordedWithTheirValues) {
  MainWindow window;
  window.useDefaultLayout();
  ASSERT_TRUE(window.openFile(kThreeTier, true));
  SimulateActions& actions = window.simulateActions();
  ASSERT_TRUE(actions.ensureLoaded());
  goTo(window.liveRun(), 5 * kSecond);
  ASSERT_TRUE(actions.injectSlowdown("web1", 4));
  ASSERT_TRUE(actions.injectLatency("users->lb", 100 * kMillisecond));
  ASSERT_TRUE(actions.injectLoss("lb->web3", 0.2));
  EXPECT_FALSE(actions.injectLoss("lb->web3", 2.0));
  EXPECT_FALSE(actions.injectCrash("nowhere"));
  const std::vector<FaultSpec>& f = window.document().scenario().faults;
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0], (FaultSpec{5 * kSecond, FaultAction::Slow, "web1", 4.0}));
  EXPECT_EQ(f[1], (FaultSpec{5 * kSecond, FaultAction::Delay, "users->lb", 0.0, 100 * kMillisecond}));
  EXPECT_EQ(f[2], (FaultSpec{5 * kSecond, FaultAction::Loss, "lb->web3", 0.2}));
  ASSERT_TRUE(actions.ensureLoaded());
  EXPECT_EQ(window.liveRun().now(), 5 * kSecond);  // still not stale
}

}  // namespace
}  // namespace pillars
