// The inspector of a Raft node during a run: it never resizes the window, and its figures read
// as words and units.
#include <QDockWidget>
#include <QLabel>
#include <QScrollArea>
#include <QStatusBar>

#include "first_hour_fixture.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/window/inspector_panel.hpp"
#include "widgets/window/simulate_actions.hpp"

namespace pillars {
namespace {

TEST_F(FirstHour, SelectingARaftNodeNeverResizesTheWindowAndItsFiguresReadAsWords) {
  launch(example("raft-5.json"));
  ASSERT_TRUE(window->simulateActions().ensureLoaded());
  window->liveRun().setSpeed(LiveRun::kMaxSpeed);
  window->liveRun().runUntil(4 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !window->liveRun().isPlaying(); }, 30'000));
  auto* inspectorDock = window->findChild<QDockWidget*>(QStringLiteral("InspectorDock"));
  auto* chartsDock = window->findChild<QDockWidget*>(QStringLiteral("ChartsDock"));
  ASSERT_TRUE(inspectorDock && chartsDock);
  const QSize windowBefore = window->size();
  const QRect inspectorBefore = inspectorDock->geometry();
  const QRect chartsBefore = chartsDock->geometry();

  for (const char* id : {"n1", "n2", "client"}) {
    window->scene().selectComponents({id});
    QTest::qWait(50);
    EXPECT_EQ(window->size(), windowBefore) << "selecting " << id << " resized the window";
    EXPECT_EQ(inspectorDock->geometry(), inspectorBefore) << id;
    EXPECT_EQ(chartsDock->geometry(), chartsBefore) << id;
    EXPECT_LE(window->statusBar()->geometry().bottom(), window->height()) << "the status bar went off-screen";
  }

  window->scene().selectComponents({"n1"});
  QTest::qWait(50);
  auto* role = window->inspector().findChild<QLabel*>(QStringLiteral("fact:Role"));
  ASSERT_NE(role, nullptr);
  EXPECT_TRUE(role->text() == QStringLiteral("Leader") || role->text() == QStringLiteral("Follower") ||
              role->text() == QStringLiteral("Candidate"))
      << role->text().toStdString();
  EXPECT_NE(window->inspector().findChild<QLabel*>(QStringLiteral("fact:Raft group")), nullptr)
      << "the group's figures under a heading in words";
  // The election times once an election was measured; before that one row says so, rather
  // than four readings of 0.00 ms that look measured.
  auto* election = window->inspector().findChild<QLabel*>(QStringLiteral("fact:Election p50"));
  auto* noElection = window->inspector().findChild<QLabel*>(QStringLiteral("fact:Election"));
  ASSERT_TRUE(election || noElection);
  if (election) {
    EXPECT_TRUE(election->text().endsWith(QStringLiteral(" ms"))) << election->text().toStdString();
    EXPECT_NE(election->text(), QStringLiteral("0.00 ms"));
  } else {
    EXPECT_EQ(noElection->text(), QStringLiteral("none yet"));
  }
  for (const QLabel* label : window->inspector().findChildren<QLabel*>()) {
    EXPECT_FALSE(label->text().contains(QStringLiteral("ms.p"))) << label->text().toStdString();
    EXPECT_FALSE(label->text().startsWith(QStringLiteral("Role "))) << label->text().toStdString();
  }
  // Everything the inspector shows can be scrolled to.
  auto* scroll = window->findChild<QScrollArea*>(QStringLiteral("InspectorScroll"));
  ASSERT_NE(scroll, nullptr);
  EXPECT_EQ(scroll->widget(), &window->inspector());
}

}  // namespace
}  // namespace pillars
