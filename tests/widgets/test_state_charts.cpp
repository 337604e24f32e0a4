// The State pillar in the charts dock: a selected store of a replica set shows its set's
// replication lag, refusals and lost writes, read from the run's time series.
#include <gtest/gtest.h>

#include <QLineSeries>
#include <QTest>

#include "engine/io/scenario_reader.hpp"
#include "engine/metrics/time_series.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/run/scenario_runner.hpp"
#include "widgets/live/chart_pane.hpp"
#include "widgets/live/live_charts_panel.hpp"
#include "widgets/live/live_run.hpp"

namespace pillars {
namespace {

using Chart = LiveChartsPanel::Chart;

TEST(StateCharts, AStoreOfAReplicaSetShowsItsSetsReplication) {
  const ScenarioLoad load =
      loadScenarioFile(PILLARS_SOURCE_DIR "/resources/examples/leader-follower-failover.json", builtinRegistry());
  ASSERT_TRUE(load.ok());
  LiveRun live;
  ASSERT_TRUE(live.load(*load.scenario));
  LiveChartsPanel panel;
  panel.setLiveRun(&live);
  panel.setWindowSeconds(0);
  ASSERT_TRUE(live.runToEnd());
  panel.setSelectedComponent("s2");
  ChartPane* chart = panel.pane(Chart::Queue);
  EXPECT_EQ(chart->title(), QStringLiteral("Replication \u00b7 replicas:s1"));
  ASSERT_EQ(chart->columns(), (std::vector<std::string>{"replicas:s1.replication_lag_ms", "replicas:s1.unavailable",
                                                         "replicas:s1.lost_writes"}));
  // The lost writes line ends at what the results say the set lost.
  const QLineSeries* lost = chart->lineSeries(2);
  ASSERT_NE(lost, nullptr);
  ASSERT_GT(lost->count(), 0);
  double lostWrites = -1;
  for (const GroupResult& g : live.results().groups) {
    for (const auto& [n, v] : g.extras) {
      if (g.id == "replicas:s1" && n == "lost_writes") lostWrites = v;
    }
  }
  EXPECT_GT(lostWrites, 0);
  EXPECT_DOUBLE_EQ(lost->at(lost->count() - 1).y(), lostWrites);
  // A component outside any set keeps its queue chart.
  panel.setSelectedComponent("lb");
  EXPECT_EQ(chart->title(), QStringLiteral("Queue \u00b7 lb"));
}

}  // namespace
}  // namespace pillars
