// The Operations dock and the cost on the status bar: what the Intelligence pillar did, read
// from the live run while it plays, and at the end exactly what pillars-cli reports.
#include <gtest/gtest.h>

#include <QDockWidget>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/run/intelligence_findings.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/pillars/intelligence/cost_status.hpp"
#include "widgets/pillars/intelligence/operations_panel.hpp"
#include "widgets/window/main_window.hpp"
#include "tests/widgets/example_scenarios.hpp"

namespace pillars {
namespace {

QString cell(QTreeWidget* view, int row, int column) { return view->topLevelItem(row)->text(column); }

TEST(OperationsPanel, ShowsTheSelfHealingReportAndTheVerdictTheCliPrints) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("chaos-monkey.json")));
  OperationsPanel panel;
  panel.setLiveRun(&live);
  EXPECT_EQ(panel.incidents()->topLevelItemCount(), 0);
  // Mid-run the experiment has held so far; the verdict is the end's.
  live.setAsFastAsPossible(true);
  live.runUntil(200 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live.isPlaying(); }, 60'000));
  panel.refreshNow();
  EXPECT_EQ(panel.tabs()->tabText(2), QStringLiteral("Experiment: held so far"));
  ASSERT_TRUE(live.runToEnd());
  panel.refreshNow();
  const RunResults results = live.results();
  ASSERT_FALSE(results.selfHealing.empty());
  ASSERT_EQ(panel.incidents()->topLevelItemCount(), static_cast<int>(results.selfHealing.size()));
  for (int i = 0; i < panel.incidents()->topLevelItemCount(); ++i) {
    EXPECT_EQ(cell(panel.incidents(), i, 0).toStdString(), results.selfHealing[static_cast<std::size_t>(i)].component);
  }
  // The example's figure, as the CLI prints it (docs/user-guide.md, issue 15's note).
  EXPECT_TRUE(panel.summary(1).contains(QStringLiteral("mean time to repair 28.3 s"))) << panel.summary(1).toStdString();
  ASSERT_EQ(panel.experiments()->topLevelItemCount(), 1);
  EXPECT_EQ(cell(panel.experiments(), 0, 0), QStringLiteral("monkey"));
  EXPECT_EQ(cell(panel.experiments(), 0, 1), QString::fromStdString(results.experiments[0].verdict));
  EXPECT_EQ(cell(panel.experiments(), 0, 1), QStringLiteral("held"));
  EXPECT_EQ(panel.tabs()->tabText(2), QStringLiteral("Experiment: held"));
}

TEST(OperationsPanel, ListsTheAlertsFiredSoFarFiringFirstAndAllOfThemAtTheEnd) {
  const Scenario s = exampleScenario("burn-rate.json");
  LiveRun live;
  ASSERT_TRUE(live.load(s));
  OperationsPanel panel;
  QSignalSpy headline(&panel, &OperationsPanel::headlineChanged);
  panel.setLiveRun(&live);
  ASSERT_TRUE(live.runToEnd());
  const RunResults results = live.results();
  ASSERT_GE(results.alerts.size(), 4u);

  // Half-way through, the alerts fired by then and no other, those still firing on top.
  LiveRun half;
  ASSERT_TRUE(half.load(s));
  const SimTime middle = s.duration / 2;
  half.setAsFastAsPossible(true);
  half.runUntil(middle);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !half.isPlaying(); }, 60'000));
  ASSERT_EQ(half.now(), middle);
  panel.setLiveRun(&half);
  const auto firedBy = std::count_if(results.alerts.begin(), results.alerts.end(),
                                     [&](const AlertResult& a) { return a.firedAtS <= simTimeToSeconds(middle); });
  ASSERT_GT(firedBy, 0);
  ASSERT_LT(firedBy, static_cast<long>(results.alerts.size()));
  EXPECT_EQ(panel.alerts()->topLevelItemCount(), firedBy);
  bool resolvedSeen = false;
  for (int i = 0; i < panel.alerts()->topLevelItemCount(); ++i) {
    const bool firing = cell(panel.alerts(), i, 0) == QStringLiteral("firing");
    EXPECT_FALSE(firing && resolvedSeen) << "a firing alert below a resolved one, row " << i;
    resolvedSeen = resolvedSeen || !firing;
    EXPECT_EQ(panel.alerts()->topLevelItem(i)->font(0).bold(), firing);
  }

  panel.setLiveRun(&live);
  ASSERT_EQ(panel.alerts()->topLevelItemCount(), static_cast<int>(results.alerts.size()));
  // Every alert of the results is there once, with its times.
  for (const AlertResult& a : results.alerts) {
    const auto rows = panel.alerts()->findItems(QString::fromStdString(a.name), Qt::MatchExactly, 1);
    const bool found = std::any_of(rows.begin(), rows.end(), [&](QTreeWidgetItem* item) {
      return item->text(2).toStdString() == a.component &&
             item->text(4) == QStringLiteral("%1 s").arg(a.firedAtS, 0, 'f', 1);
    });
    EXPECT_TRUE(found) << a.name << " on " << a.component << " at " << a.firedAtS;
  }
  const auto stillFiring = std::count_if(results.alerts.begin(), results.alerts.end(),
                                         [](const AlertResult& a) { return a.resolvedAtS < 0; });
  EXPECT_EQ(panel.summary(0), QStringLiteral("%1 firing, %2 resolved")
                                  .arg(stillFiring)
                                  .arg(static_cast<long>(results.alerts.size()) - stillFiring));
  ASSERT_FALSE(headline.isEmpty());
}

TEST(CostStatus, ShowsTheCostTheResultsReportAndHidesWithoutAPrice) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("autoscale-diurnal.json")));
  CostStatus cost;
  cost.setLiveRun(&live);
  ASSERT_TRUE(live.runToEnd());
  cost.refreshNow();
  const RunResults results = live.results();
  ASSERT_GT(results.costTotal, 0.0);
  EXPECT_FALSE(cost.isHidden());
  EXPECT_EQ(cost.text(), QStringLiteral("Cost %1 (%2/h)").arg(results.costTotal, 0, 'f', 3).arg(results.costPerHour, 0, 'f', 2));

  LiveRun unpriced;
  ASSERT_TRUE(unpriced.load(exampleScenario("chaos-monkey.json")));
  cost.setLiveRun(&unpriced);
  EXPECT_TRUE(cost.isHidden());
}

TEST(OperationsPanel, SitsBesideTheEventLogAndAClickedRowSelectsItsComponent) {
  MainWindow window;
  window.useDefaultLayout();
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/chaos-monkey.json"), true));
  auto* dock = window.findChild<QDockWidget*>(QStringLiteral("OperationsDock"));
  ASSERT_NE(dock, nullptr);
  auto* log = window.findChild<QDockWidget*>(QStringLiteral("EventLogDock"));
  ASSERT_TRUE(window.tabifiedDockWidgets(log).contains(dock));
  ASSERT_TRUE(window.liveRun().load(window.document().scenario()));
  ASSERT_TRUE(window.liveRun().runToEnd());
  dock->raise();
  window.operations().refreshNow();
  QTreeWidget* incidents = window.operations().incidents();
  ASSERT_GT(incidents->topLevelItemCount(), 0);
  // An instance row selects its replica set's card ("web#2" is drawn as "web").
  EXPECT_TRUE(cell(incidents, 0, 0).startsWith(QStringLiteral("web#")));
  emit incidents->itemClicked(incidents->topLevelItem(0), 0);
  EXPECT_EQ(window.scene().selectedComponents(), std::vector<std::string>{"web"});
}

}  // namespace
}  // namespace pillars
