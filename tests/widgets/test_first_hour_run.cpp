// Runs as a newcomer meets them: another file starts with clean run views, and a fault made
// while paused shows at once.
#include <QLabel>
#include <QLineSeries>
#include <QTableView>
#include <QUndoStack>

#include "simulating_fixture.hpp"
#include "widgets/live/chart_pane.hpp"
#include "widgets/live/event_log_model.hpp"
#include "widgets/live/event_log_panel.hpp"
#include "widgets/live/live_charts_panel.hpp"
#include "widgets/live/live_overlay.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {
namespace {

const QString kMmc = QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/mmc.json");

int plottedPoints(LiveChartsPanel& charts) {
  int points = 0;
  for (std::size_t i = 0; i < LiveChartsPanel::kChartCount; ++i) {
    const ChartPane* pane = charts.pane(static_cast<LiveChartsPanel::Chart>(i));
    for (std::size_t t = 0; t < pane->traces().size(); ++t) points += static_cast<int>(pane->plottedPoints(t));
  }
  return points;
}

TEST_F(Simulating, OpeningAnotherFileClearsEveryViewOfTheLastRun) {
  runUntil(5 * kSecond);
  LiveChartsPanel& charts = window.charts();
  auto* log = window.findChild<EventLogPanel*>();
  auto* clock = window.findChild<QLabel*>(QStringLiteral("SimClock"));
  ASSERT_NE(log, nullptr);
  ASSERT_NE(clock, nullptr);
  ASSERT_GT(plottedPoints(charts), 0);
  ASSERT_GT(log->model()->rowCount(), 0);
  ASSERT_TRUE(clock->text().startsWith(QStringLiteral("t = 5.000")));
  ASSERT_TRUE(window.liveOverlay().nodeState("web1").shown);

  ASSERT_TRUE(window.openFile(kMmc, true));
  EXPECT_FALSE(live().isLoaded());
  EXPECT_EQ(plottedPoints(charts), 0) << "the charts still showed three-tier's run";
  EXPECT_EQ(log->model()->rowCount(), 0) << "the event log still showed three-tier's run";
  EXPECT_EQ(clock->text(), QStringLiteral("Not running"));
  EXPECT_FALSE(window.liveOverlay().nodeState("web1").shown);

  // A new document and a template start clean the same way.
  runUntil(30 * kMinute);  // mmc samples every 10 minutes
  ASSERT_GT(plottedPoints(charts), 0);
  window.newDocument();
  EXPECT_FALSE(live().isLoaded());
  EXPECT_EQ(plottedPoints(charts), 0);
  EXPECT_EQ(log->model()->rowCount(), 0);
}

TEST_F(Simulating, ACrashInjectedWhilePausedShowsAtOnce) {
  runUntil(3 * kSecond);
  ASSERT_FALSE(live().isPlaying());
  ASSERT_FALSE(window.liveOverlay().nodeState("web2").down);
  const std::size_t faults = window.document().scenario().faults.size();
  window.scene().selectComponents({"web2"});
  triggerFault(QStringLiteral("Crash web2"));
  QCoreApplication::processEvents();
  // Still paused, nothing stepped: the card is greyed and crossed out now, not at the next step.
  EXPECT_FALSE(live().isPlaying());
  const LiveOverlay::NodeState web2 = window.liveOverlay().nodeState("web2");
  EXPECT_TRUE(web2.shown) << "the overlay went with the canvas the fault's record rebuilt";
  EXPECT_TRUE(web2.down);
  EXPECT_TRUE(window.liveOverlay().nodeState("web1").shown);
  // And the fault is in the timeline, at the paused clock.
  ASSERT_EQ(window.document().scenario().faults.size(), faults + 1);
  bool recorded = false;
  for (const FaultSpec& f : window.document().scenario().faults) {
    recorded = recorded || (f.action == FaultAction::Crash && f.target == "web2" && f.at == live().now());
  }
  EXPECT_TRUE(recorded);
}

TEST_F(Simulating, AFaultMadeByHandShowsItsTimeAsADurationInAWholeCell) {
  runUntil(12'345'678'901);  // a click lands between simulated nanoseconds
  window.scene().selectComponents({"web2"});
  triggerFault(QStringLiteral("Crash web2"));
  QCoreApplication::processEvents();
  auto* table = window.findChild<QTableView*>(QStringLiteral("FaultTable"));
  ASSERT_NE(table, nullptr);
  int row = -1;
  for (int r = 0; r < table->model()->rowCount(); ++r) {
    const QString at = table->model()->index(r, 0).data().toString();
    EXPECT_FALSE(at.endsWith(QStringLiteral("ns"))) << at.toStdString();
    if (at == QStringLiteral("12.346s") && table->model()->index(r, 2).data().toString() == QStringLiteral("web2")) {
      row = r;
    }
  }
  ASSERT_GE(row, 0) << "no crash of web2 at 12.346s (not 12345678901ns)";
  const QString time = table->model()->index(row, 0).data().toString();
  const int needed = table->fontMetrics().horizontalAdvance(time);
  EXPECT_GE(table->columnWidth(0), needed) << "the time column cuts the time off";
  // The undo step names it the same way.
  EXPECT_TRUE(window.document().undoStack().undoText().endsWith(QStringLiteral("at 12.346s")))
      << window.document().undoStack().undoText().toStdString();
}

}  // namespace
}  // namespace pillars
