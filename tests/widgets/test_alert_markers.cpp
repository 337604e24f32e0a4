// Alerts marked on the live charts (burn-rate.json): each alert is a marked span of the chart it
// is about — availability on Errors, latency on Latency — from the moment it fired to the
// moment it resolved, the firing ones open to the newest time, and only those fired so far.
#include <gtest/gtest.h>

#include <QTest>

#include <algorithm>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/run/intelligence_findings.hpp"
#include "engine/run/scenario_runner.hpp"
#include "widgets/live/alert_markers.hpp"
#include "widgets/live/chart_pane.hpp"
#include "widgets/live/live_charts_panel.hpp"
#include "widgets/live/live_run.hpp"

namespace pillars {
namespace {

using Chart = LiveChartsPanel::Chart;

Scenario burnRate() {
  const ScenarioLoad load = loadScenarioFile(PILLARS_SOURCE_DIR "/resources/examples/burn-rate.json", builtinRegistry());
  EXPECT_TRUE(load.ok());
  return *load.scenario;
}

void playTo(LiveRun& live, SimTime t) {
  live.setAsFastAsPossible(true);
  live.runUntil(t);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live.isPlaying(); }, 60'000));
}

std::size_t countOn(const std::vector<AlertResult>& alerts, AlertChart chart) {
  return static_cast<std::size_t>(
      std::count_if(alerts.begin(), alerts.end(), [&](const AlertResult& a) { return chartOf(a) == chart; }));
}

TEST(AlertMarkers, EachAlertIsMarkedOnTheChartItIsAboutWithItsTimes) {
  LiveRun live;
  ASSERT_TRUE(live.load(burnRate()));
  LiveChartsPanel panel;
  panel.resize(1200, 300);
  panel.setLiveRun(&live);
  panel.setWindowSeconds(0);  // the whole run
  ASSERT_TRUE(live.runToEnd());
  const RunResults results = live.results();
  ASSERT_GE(countOn(results.alerts, AlertChart::Latency), 3u) << "the latency SLO's alerts and anomalies";
  ASSERT_GE(countOn(results.alerts, AlertChart::Errors), 3u);

  const ChartMarkers& errors = panel.pane(Chart::Errors)->markers();
  const ChartMarkers& latency = panel.pane(Chart::Latency)->markers();
  EXPECT_EQ(errors.markers().size(), countOn(results.alerts, AlertChart::Errors));
  EXPECT_EQ(latency.markers().size(), countOn(results.alerts, AlertChart::Latency));
  EXPECT_TRUE(panel.pane(Chart::Throughput)->markers().markers().empty());
  // Every alert of the results is marked once, on its chart, with its times.
  for (const AlertResult& a : results.alerts) {
    const ChartMarkers& on = chartOf(a) == AlertChart::Latency ? latency : errors;
    const auto found = std::count_if(on.markers().begin(), on.markers().end(), [&](const ChartMarker& m) {
      return m.label.toStdString() == a.name && m.from == a.firedAtS && m.to == a.resolvedAtS;
    });
    EXPECT_EQ(found, 1) << a.name << " fired at " << a.firedAtS;
  }
  const auto page = std::find_if(errors.markers().begin(), errors.markers().end(),
                                 [](const ChartMarker& m) { return m.label == QStringLiteral("page_14.4x"); });
  ASSERT_NE(page, errors.markers().end());
  EXPECT_EQ(page->color, QColor(0xd6, 0x27, 0x28)) << "a page is red";
  EXPECT_TRUE(page->toolTip.contains(QStringLiteral("fired at 4223.7 s, resolved at 4808.2 s"))) << page->toolTip.toStdString();
  // With the whole run on the axis, every mark is drawn.
  EXPECT_EQ(errors.visibleCount(), static_cast<int>(errors.markers().size()));
}

TEST(AlertMarkers, HalfWayOnlyTheAlertsFiredSoFarAreMarkedAndTheFiringOnesAreOpen) {
  LiveRun live;
  ASSERT_TRUE(live.load(burnRate()));
  LiveChartsPanel panel;
  panel.setLiveRun(&live);
  panel.setWindowSeconds(0);
  // 72 min: the fast burn's pages fired at 70 min and still fire.
  playTo(live, 72 * kMinute);
  panel.setWindowSeconds(0);  // a rebuild reads the alerts at once
  const std::vector<AlertResult> soFar = collectAlerts(live.runner()->simulation());
  const ChartMarkers& errors = panel.pane(Chart::Errors)->markers();
  EXPECT_EQ(errors.markers().size(), countOn(soFar, AlertChart::Errors));
  const auto open = std::count_if(errors.markers().begin(), errors.markers().end(), [](const ChartMarker& m) { return m.to < 0; });
  EXPECT_GE(open, 2) << "both pages fire at 72 min";
  for (const ChartMarker& m : errors.markers()) EXPECT_LE(m.from, 72 * 60.0);
}

}  // namespace
}  // namespace pillars
