// The Simulate menu as a user drives it: the clock answers Run, Pause, Step and Reset; Space on
// the canvas runs and pauses; faults by the context menu reach the running simulation; and the
// app's summary equals pillars-cli's for the same project and seed.
#include <gtest/gtest.h>

#include <QAction>
#include <QGraphicsItem>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "engine/io/results_writer.hpp"
#include "engine/sim/component.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/window/main_window.hpp"
#include "widgets/window/simulate_actions.hpp"
#include "tests/widgets/simulating_fixture.hpp"

namespace pillars {
namespace {

TEST_F(Simulating, RunPauseStepAndResetMoveTheClockAsExpected) {
  EXPECT_FALSE(live().isLoaded());  // nothing runs until asked
  action(QStringLiteral("Step"))->trigger();
  ASSERT_TRUE(live().isLoaded());
  EXPECT_EQ(live().eventCount(), 1u);
  const SimTime afterStep = live().now();

  live().setSpeed(100);
  action(QStringLiteral("Run"))->trigger();
  EXPECT_TRUE(live().isPlaying());
  QTest::qWait(150);
  action(QStringLiteral("Pause"))->trigger();
  EXPECT_FALSE(live().isPlaying());
  const SimTime paused = live().now();
  EXPECT_GT(paused, afterStep);
  QTest::qWait(100);
  EXPECT_EQ(live().now(), paused);  // a paused clock stands still

  action(QStringLiteral("Reset"))->trigger();
  EXPECT_EQ(live().now(), 0);
  EXPECT_EQ(live().eventCount(), 0u);
}

TEST_F(Simulating, SpaceOnTheCanvasRunsAndPauses) {
  window.view().setFocus();
  QTest::keyClick(&window.view(), Qt::Key_Space);
  EXPECT_TRUE(live().isPlaying());
  QTest::keyClick(&window.view(), Qt::Key_Space);
  EXPECT_FALSE(live().isPlaying());
}

TEST_F(Simulating, AnEditRestartsTheRunButMovingACardDoesNot) {
  action(QStringLiteral("Step"))->trigger();
  live().runUntil(2 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live().isPlaying(); }, 30'000));
  window.document().moveComponents({{"db", window.document().position("db") + QPointF(40, 0)}});
  action(QStringLiteral("Step"))->trigger();
  EXPECT_GT(live().now(), 2 * kSecond - 1);  // carried on from where it was
  EXPECT_TRUE(window.document().setParameter("web1", "workers", QStringLiteral("2")).isEmpty());
  action(QStringLiteral("Step"))->trigger();
  EXPECT_LT(live().now(), kSecond);  // started afresh with two workers on web1
  EXPECT_EQ(live().eventCount(), 1u);
}

TEST_F(Simulating, CrashingANodeByItsContextMenuFailsItsInFlightRequests) {
  action(QStringLiteral("Step"))->trigger();
  live().setSpeed(1000);
  live().runUntil(20 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live().isPlaying(); }, 30'000));
  const auto& db = live().runner()->simulation().findComponent("db")->metrics();
  const std::uint64_t droppedBefore = db.dropped;
  window.scene().selectComponents({"db"});
  triggerFault(QStringLiteral("Crash db"));
  EXPECT_TRUE(live().isDown("db"));
  // What the database held when it went down is lost, and the users see failures from now on.
  EXPECT_GT(db.dropped, droppedBefore);
  const auto& users = live().runner()->simulation().findComponent("users")->metrics();
  const std::uint64_t failedAtCrash = users.failed + users.timedOut;
  live().runUntil(25 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live().isPlaying(); }, 30'000));
  EXPECT_GT(users.failed + users.timedOut, failedAtCrash + 1000);  // ~1,200 req/s, all failing
  triggerFault(QStringLiteral("Restart db"));
  EXPECT_FALSE(live().isDown("db"));
}

TEST_F(Simulating, ACutLinkCarriesNothingUntilHealed) {
  action(QStringLiteral("Step"))->trigger();
  live().setSpeed(1000);
  live().runUntil(1 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live().isPlaying(); }, 30'000));
  window.scene().clearSelection();
  const LinkId link = live().linkId("lb->web1");
  ASSERT_NE(link, kNoLink);
  // Select the link as a user would and cut it from its menu.
  for (QGraphicsItem* item : window.scene().items()) {
    if (item->flags() & QGraphicsItem::ItemIsSelectable) item->setSelected(false);
  }
  QMenu menu;
  window.simulateActions().addFaultsTo(menu, {}, {"lb->web1"});
  QAction* cut = nullptr;
  for (QAction* a : menu.findChildren<QAction*>()) {
    if (a->text() == QStringLiteral("Cut lb->web1")) cut = a;
  }
  ASSERT_NE(cut, nullptr);
  cut->trigger();
  EXPECT_TRUE(live().isCut("lb->web1"));
  live().recorder().takeLinkTraffic();
  const std::uint64_t deliveredBefore = live().runner()->simulation().network().link(link).stats.delivered;
  live().runUntil(3 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live().isPlaying(); }, 30'000));
  EXPECT_EQ(live().runner()->simulation().network().link(link).stats.delivered, deliveredBefore);
  live().heal("lb->web1");
  // The balancer's health checks marked web1 down while the link was cut; it takes a few
  // healthy checks before web1 gets traffic again. (Link counters restart when the 10 s
  // warm-up ends, so the check stays before it.)
  live().runUntil(8 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live().isPlaying(); }, 30'000));
  EXPECT_GT(live().runner()->simulation().network().link(link).stats.delivered, deliveredBefore);
}

/// The JSON summary without the figures that measure the machine, not the model.
QJsonObject withoutWallTime(const QByteArray& json) {
  QJsonObject root = QJsonDocument::fromJson(json).object();
  QJsonObject engine = root.value(QStringLiteral("engine")).toObject();
  engine.remove(QStringLiteral("wall_s"));
  engine.remove(QStringLiteral("events_per_s"));
  root.insert(QStringLiteral("engine"), engine);
  root.remove(QStringLiteral("scenario"));
  return root;
}

TEST_F(Simulating, TheAppAndPillarsCliReportTheSameSummaryForTheSameProject) {
  QTemporaryDir dir;
  const QString project = dir.filePath(QStringLiteral("three-tier.pillars"));
  QString error;
  ASSERT_TRUE(window.document().saveAs(project, &error)) << error.toStdString();

  // In the app: a mix of stepping, playing and running to the end.
  for (int i = 0; i < 50; ++i) action(QStringLiteral("Step"))->trigger();
  live().setSpeed(1000);
  live().runUntil(3 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live().isPlaying(); }, 30'000));
  ASSERT_TRUE(live().runToEnd());
  RunResults app = live().results();
  const QByteArray appJson = QByteArray::fromStdString(writeResultsJson(app, "three-tier"));

  QProcess cli;
  cli.start(QStringLiteral(PILLARS_CLI), {QStringLiteral("simulate"), project, QStringLiteral("--quiet"),
                                          QStringLiteral("--json"), QStringLiteral("-")});
  ASSERT_TRUE(cli.waitForFinished(120'000));
  ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
  const QByteArray cliJson = cli.readAllStandardOutput();
  const QJsonObject a = withoutWallTime(appJson);
  const QJsonObject c = withoutWallTime(cliJson);
  ASSERT_FALSE(c.isEmpty());
  EXPECT_EQ(a.value(QStringLiteral("fingerprint")), c.value(QStringLiteral("fingerprint")));
  EXPECT_EQ(a, c);
}

}  // namespace
}  // namespace pillars
