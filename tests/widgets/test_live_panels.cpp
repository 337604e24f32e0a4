// The live charts and event log docks, driven by a real LiveRun on the three-tier example:
// charts follow the time series exactly and scroll, selection adds the component's lines,
// reset starts over, exports write what they claim; the event log fills as the run steps,
// holds its cap, filters by component and announces the component of a clicked row.
#include <gtest/gtest.h>

#include <QChart>
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "engine/io/scenario_reader.hpp"
#include "engine/metrics/time_series.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/util/units.hpp"
#include "widgets/live/chart_axes.hpp"
#include "widgets/live/chart_pane.hpp"
#include "widgets/live/event_log_model.hpp"
#include "widgets/live/event_log_panel.hpp"
#include "widgets/live/live_charts_panel.hpp"
#include "widgets/live/live_run.hpp"
#include "tests/widgets/example_scenarios.hpp"

namespace pillars {
namespace {

using Chart = LiveChartsPanel::Chart;
using EventType = FlightRecorder::EventType;

Scenario threeTier() {
  const ScenarioLoad load =
      loadScenarioFile(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json", builtinRegistry());
  EXPECT_TRUE(load.ok());
  return load.ok() ? *load.scenario : Scenario{};
}

/// Plays to `t` and waits until paused there. Flat out the recorder is detached (charts
/// only); `observed` plays at top speed with the recorder attached (for the event log).
void goTo(LiveRun& live, SimTime t, bool observed = false) {
  live.setAsFastAsPossible(!observed);
  live.setSpeed(LiveRun::kMaxSpeed);
  live.runUntil(t);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live.isPlaying(); }, 60'000));
  ASSERT_EQ(live.now(), t);
}

double seconds(SimTime t) {
  return simTimeToSeconds(t);
}

std::size_t column(const TimeSeries& ts, const std::string& name) {
  const auto index = ts.columnIndex(name);
  EXPECT_TRUE(index.has_value()) << name;
  return index.value_or(0);
}

/// The line's points equal rows [first, rowCount) of `name` (times `scale`), exactly.
void expectFollows(const QLineSeries& line, const TimeSeries& ts, const std::string& name,
                   std::size_t first, double scale = 1.0) {
  const std::size_t col = column(ts, name);
  ASSERT_EQ(static_cast<std::size_t>(line.count()), ts.rowCount() - first) << name;
  for (std::size_t r = first; r < ts.rowCount(); ++r) {
    const QPointF p = line.at(static_cast<int>(r - first));
    EXPECT_EQ(p.x(), seconds(ts.time(r))) << name << " row " << r;
    EXPECT_EQ(p.y(), ts.value(r, col) * scale) << name << " row " << r;
  }
}

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// --- Axis arithmetic ------------------------------------------------------------------------

TEST(ChartAxes, NiceStepsAndRanges) {
  EXPECT_EQ(niceStep(3), 5);
  EXPECT_EQ(niceStep(2), 2);
  EXPECT_EQ(niceStep(0.3), 0.5);
  EXPECT_EQ(niceStep(240), 250);
  EXPECT_EQ(niceStep(0), 1);
  const AxisSpan v = valueAxisFor(1203.8);
  EXPECT_EQ(v.min, 0);
  EXPECT_GE(v.max, 1203.8 * 1.05);
  EXPECT_EQ(v.tick, 500);
  EXPECT_EQ(valueAxisFor(0).max, 1);

  const AxisSpan early = timeAxisFor(5, 60);
  EXPECT_EQ(early.min, 0);
  EXPECT_EQ(early.max, 60);
  EXPECT_EQ(early.tick, 10);
  const AxisSpan late = timeAxisFor(120, 60);
  EXPECT_EQ(late.min, 60);
  EXPECT_EQ(late.max, 120);
  const AxisSpan all = timeAxisFor(120, 0);
  EXPECT_EQ(all.min, 0);
  EXPECT_EQ(all.max, 120);
  EXPECT_EQ(all.tick, 30);
}

// --- Live charts ----------------------------------------------------------------------------

TEST(LiveChartsPanel, ThroughputHasOnePointPerIntervalMatchingTheSeries) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  LiveChartsPanel panel;
  panel.setLiveRun(&live);
  goTo(live, 5 * kSecond);
  const TimeSeries* ts = live.runner()->timeSeries();
  ASSERT_NE(ts, nullptr);
  ASSERT_EQ(ts->rowCount(), 5u);
  const ChartPane* throughput = panel.pane(Chart::Throughput);
  // Nothing selected: the system's lines only (goodput, offered, attempts).
  ASSERT_EQ(throughput->traces().size(), 3u);
  expectFollows(*throughput->lineSeries(0), *ts, "global.throughput_rps", 0);
  expectFollows(*throughput->lineSeries(1), *ts, "global.offered_rps", 0);
  expectFollows(*throughput->lineSeries(2), *ts, "global.attempts_rps", 0);
  expectFollows(*panel.pane(Chart::Latency)->lineSeries(2), *ts, "global.latency_p99_ms", 0);
  expectFollows(*panel.pane(Chart::Errors)->lineSeries(2), *ts, "global.dropped_rps", 0);

  // Further rows are appended, not redrawn from scratch; the result is the same.
  goTo(live, 8 * kSecond);
  ASSERT_EQ(ts->rowCount(), 8u);
  expectFollows(*throughput->lineSeries(0), *ts, "global.throughput_rps", 0);
  EXPECT_EQ(throughput->timeAxis()->min(), 0);
  EXPECT_EQ(throughput->timeAxis()->max(), 60);
  EXPECT_GT(throughput->valueAxis()->max(), 1000);  // ~1,200 req/s fits
}

TEST(LiveChartsPanel, TheWindowScrollsAndCanBeWidened) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  LiveChartsPanel panel;
  panel.setLiveRun(&live);
  EXPECT_EQ(panel.windowSeconds(), 60);
  goTo(live, 120 * kSecond);
  const TimeSeries* ts = live.runner()->timeSeries();
  ASSERT_EQ(ts->rowCount(), 120u);
  const ChartPane* throughput = panel.pane(Chart::Throughput);
  EXPECT_EQ(throughput->timeAxis()->min(), 60);
  EXPECT_EQ(throughput->timeAxis()->max(), 120);
  // Only the window (and the one point entering it from the left) is kept.
  expectFollows(*throughput->lineSeries(0), *ts, "global.throughput_rps", 58);

  panel.setWindowSeconds(0);
  EXPECT_EQ(throughput->timeAxis()->min(), 0);
  EXPECT_EQ(throughput->timeAxis()->max(), 120);
  expectFollows(*throughput->lineSeries(0), *ts, "global.throughput_rps", 0);

  panel.setWindowSeconds(10);
  EXPECT_EQ(throughput->timeAxis()->min(), 110);
  expectFollows(*throughput->lineSeries(0), *ts, "global.throughput_rps", 108);
  goTo(live, 125 * kSecond);
  EXPECT_EQ(throughput->timeAxis()->min(), 115);
  expectFollows(*throughput->lineSeries(0), *ts, "global.throughput_rps", 113);
}

TEST(LiveChartsPanel, SelectingAComponentShowsItsQueueAndUtilization) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  LiveChartsPanel panel;
  panel.setLiveRun(&live);
  goTo(live, 6 * kSecond);
  const TimeSeries* ts = live.runner()->timeSeries();
  ChartPane* queue = panel.pane(Chart::Queue);
  EXPECT_TRUE(queue->traces().empty());
  EXPECT_FALSE(queue->placeholder().isEmpty());

  panel.setSelectedComponent("web2");
  EXPECT_EQ(panel.selectedComponent(), "web2");
  ASSERT_EQ(queue->traces().size(), 2u);
  EXPECT_TRUE(queue->placeholder().isEmpty());
  EXPECT_TRUE(queue->title().contains(QStringLiteral("web2")));
  expectFollows(*queue->lineSeries(0), *ts, "web2.queue_length", 0);
  expectFollows(*queue->lineSeries(1), *ts, "web2.utilization", 0, 100.0);
  ASSERT_NE(queue->secondaryAxis(), nullptr);
  EXPECT_EQ(queue->secondaryAxis()->max(), 100);
  ASSERT_EQ(panel.pane(Chart::Throughput)->traces().size(), 4u);
  expectFollows(*panel.pane(Chart::Throughput)->lineSeries(3), *ts, "web2.throughput_rps", 0);
  EXPECT_EQ(panel.pane(Chart::Errors)->traces().size(), 4u);

  goTo(live, 7 * kSecond);
  expectFollows(*queue->lineSeries(1), *ts, "web2.utilization", 0, 100.0);

  // A link has no metrics of its own: back to the system lines and the hint.
  panel.setSelectedComponent("lb->web2");
  EXPECT_TRUE(queue->traces().empty());
  EXPECT_FALSE(queue->placeholder().isEmpty());
  EXPECT_EQ(panel.pane(Chart::Throughput)->traces().size(), 3u);
  panel.setSelectedComponent("");
  EXPECT_TRUE(queue->traces().empty());
}

TEST(LiveChartsPanel, SelectingAReplicatedServiceShowsItsInstancesAndTheRollout) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("rolling-update.json")));
  LiveChartsPanel panel;
  panel.setLiveRun(&live);
  goTo(live, 40 * kSecond);  // the rolling update started at 30 s
  const TimeSeries* ts = live.runner()->timeSeries();
  panel.setSelectedComponent("web");
  ChartPane* queue = panel.pane(Chart::Queue);
  EXPECT_EQ(queue->title(), QStringLiteral("Instances \u00b7 web"));
  ASSERT_EQ(queue->traces().size(), 3u);
  expectFollows(*queue->lineSeries(0), *ts, "web.instances", 0);
  expectFollows(*queue->lineSeries(2), *ts, "web.v2_instances", 0);
  // Mid-rollout: some instances already run version 2.
  const QLineSeries& second = *queue->lineSeries(2);
  ASSERT_GT(second.count(), 0);
  EXPECT_GT(second.at(second.count() - 1).y(), 0);
}

TEST(LiveChartsPanel, SelectingAReadingClientShowsItsStaleReads) {
  // cache-staleness.json: a write-around cache that never invalidates serves stale copies.
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("cache-staleness.json")));
  LiveChartsPanel panel;
  panel.setLiveRun(&live);
  goTo(live, 30 * kSecond);
  const TimeSeries* ts = live.runner()->timeSeries();
  panel.setSelectedComponent("users");
  ChartPane* queue = panel.pane(Chart::Queue);
  EXPECT_EQ(queue->title(), QStringLiteral("Stale reads \u00b7 users"));
  ASSERT_EQ(queue->traces().size(), 2u);
  expectFollows(*queue->lineSeries(0), *ts, "users.throughput_rps", 0);
  expectFollows(*queue->lineSeries(1), *ts, "users.stale_reads", 0);
  const QLineSeries& stale = *queue->lineSeries(1);
  ASSERT_GT(stale.count(), 0);
  EXPECT_GT(stale.at(stale.count() - 1).y(), 0) << "stale reads every second";
}

TEST(LiveChartsPanel, APricedDesignShowsItsCostPerHourWithNothingSelected) {
  const ScenarioLoad load = loadScenarioFile(PILLARS_SOURCE_DIR "/resources/examples/autoscale-diurnal.json", builtinRegistry());
  ASSERT_TRUE(load.ok());
  LiveRun live;
  ASSERT_TRUE(live.load(*load.scenario));
  LiveChartsPanel panel;
  panel.setLiveRun(&live);
  goTo(live, 700 * kSecond);  // past the warm-up, through a scale-up
  ChartPane* cost = panel.pane(Chart::Queue);
  EXPECT_EQ(cost->title(), QStringLiteral("Cost per hour"));
  EXPECT_TRUE(cost->placeholder().isEmpty());
  ASSERT_EQ(cost->columns(), std::vector<std::string>{"global.cost_per_hour"});
  const TimeSeries* ts = live.runner()->timeSeries();
  // The chart shows the last minute of the series.
  const auto shown = static_cast<std::size_t>(cost->lineSeries(0)->count());
  ASSERT_GT(shown, 0u);
  expectFollows(*cost->lineSeries(0), *ts, "global.cost_per_hour", ts->rowCount() - shown);
  // The cost of the instances running: 0.1 an instance-hour, so a multiple of 0.1 above zero.
  const double last = ts->value(ts->rowCount() - 1, *ts->columnIndex("global.cost_per_hour"));
  EXPECT_GT(last, 0.0);
  EXPECT_NEAR(last * 10, std::round(last * 10), 1e-9);
  // Selecting a component shows its own chart; unselecting brings the cost back.
  panel.setSelectedComponent("lb");
  EXPECT_EQ(cost->title(), QStringLiteral("Queue \u00b7 lb"));
  panel.setSelectedComponent("");
  EXPECT_EQ(cost->title(), QStringLiteral("Cost per hour"));
}

TEST(LiveChartsPanel, ResetClearsEverything) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  LiveChartsPanel panel;
  panel.setLiveRun(&live);
  panel.setSelectedComponent("web1");
  goTo(live, 70 * kSecond);
  EXPECT_EQ(panel.pane(Chart::Throughput)->timeAxis()->min(), 10);
  live.reset();
  for (std::size_t c = 0; c < LiveChartsPanel::kChartCount; ++c) {
    const ChartPane* pane = panel.pane(static_cast<Chart>(c));
    for (std::size_t t = 0; t < pane->traces().size(); ++t) {
      EXPECT_EQ(pane->lineSeries(t)->count(), 0) << c << "/" << t;
    }
    EXPECT_EQ(pane->timeAxis()->min(), 0);
  }
  EXPECT_EQ(panel.selectedComponent(), "web1");  // the selection outlives the run
  goTo(live, 2 * kSecond);
  expectFollows(*panel.pane(Chart::Queue)->lineSeries(0), *live.runner()->timeSeries(),
                "web1.queue_length", 0);
}

TEST(LiveChartsPanel, ExportsChartsAsPngSvgAndCsv) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  LiveChartsPanel panel;
  panel.resize(360, 700);
  panel.show();
  panel.setLiveRun(&live);
  panel.setSelectedComponent("web2");
  goTo(live, 5 * kSecond);
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());

  const QString csv = dir.filePath(QStringLiteral("throughput.csv"));
  ASSERT_EQ(panel.exportChartData(Chart::Throughput, csv), QString());
  const QList<QByteArray> lines = readAll(csv).trimmed().split('\n');
  ASSERT_EQ(lines.size(), 6);  // header + 5 rows
  EXPECT_EQ(lines[0], "time_s,global.throughput_rps,global.offered_rps,global.attempts_rps,web2.throughput_rps");
  EXPECT_TRUE(lines[1].startsWith("1,"));

  const QString all = dir.filePath(QStringLiteral("all.csv"));
  ASSERT_EQ(panel.exportAllData(all), QString());
  const QList<QByteArray> allLines = readAll(all).trimmed().split('\n');
  ASSERT_EQ(allLines.size(), 6);
  EXPECT_EQ(static_cast<std::size_t>(allLines[0].count(',')),
            live.runner()->timeSeries()->columnCount());

  const QString png = dir.filePath(QStringLiteral("latency.png"));
  ASSERT_EQ(panel.exportChartImage(Chart::Latency, png), QString());
  const QImage image(png);
  EXPECT_FALSE(image.isNull());
  EXPECT_GT(image.width(), 300);
  EXPECT_GT(QFile(png).size(), 1000);

  const QString svg = dir.filePath(QStringLiteral("queue.svg"));
  ASSERT_EQ(panel.exportChartImage(Chart::Queue, svg), QString());
  const QByteArray svgText = readAll(svg);
  EXPECT_TRUE(svgText.startsWith("<?xml"));
  EXPECT_TRUE(svgText.contains("<svg"));
  EXPECT_TRUE(svgText.contains("<title>Queue · web2"));  // plain text: the file stays well-formed
  EXPECT_FALSE(svgText.contains("&nbsp;"));

  EXPECT_NE(panel.exportChartImage(Chart::Queue, dir.filePath(QStringLiteral("queue.gif"))),
            QString());
  panel.setSelectedComponent("");
  EXPECT_NE(panel.exportChartData(Chart::Queue, dir.filePath(QStringLiteral("q.csv"))), QString());
}

TEST(ChartPane, ThousandsOfRowsStayCheapAndBounded) {
  // One row at a time for three hours of 1 s samples: each update touches the window's ~60
  // points, never the run's 10,800.
  std::vector<std::string> columns = {"a", "b", "c"};
  TimeSeries ts(columns);
  ChartPane pane(QStringLiteral("test"));
  pane.setTraces({{QStringLiteral("a"), "a", Qt::blue},
                  {QStringLiteral("b"), "b", Qt::red},
                  {QStringLiteral("c"), "c", Qt::green}});
  const auto start = std::chrono::steady_clock::now();
  for (int r = 1; r <= 10'800; ++r) {
    const double v = r % 100;
    ts.append(r * kSecond, {v, 2 * v, 3 * v});
    pane.appendRows(ts, ts.rowCount() - 1);
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ ChartPane ] 10,800 single-row updates of 3 lines: %.1f ms (%.1f us each)\n", ms,
              ms * 1000 / 10'800);
  EXPECT_EQ(pane.lineSeries(0)->count(), 62);  // 10,740 s to 10,800 s and the one before
  EXPECT_EQ(pane.timeAxis()->min(), 10'740);
  EXPECT_EQ(pane.valueAxis()->min(), 0);
  EXPECT_GE(pane.valueAxis()->max(), 99);
  EXPECT_LT(ms, 5000);
}

// --- Event log ------------------------------------------------------------------------------

TEST(EventLogPanel, RowsAppearAsTheRunSteps) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  EventLogPanel panel;
  panel.setLiveRun(&live);
  EXPECT_EQ(panel.model()->rowCount(), 0);
  for (int i = 0; i < 300; ++i) live.step();
  const FlightRecorder& recorder = live.recorder();
  ASSERT_GT(recorder.log().size(), 0u);
  ASSERT_EQ(static_cast<std::size_t>(panel.model()->rowCount()), recorder.log().size());
  // Same events, same order; names and times as the engine writes them.
  const EventLogModel& model = *panel.model();
  const int last = model.rowCount() - 1;
  const FlightRecorder::Event& newest = recorder.log().at(recorder.log().size() - 1);
  EXPECT_EQ(model.eventAt(last).at, newest.at);
  EXPECT_EQ(model.eventAt(last).requestId, newest.requestId);
  const FlightRecorder::Event& first = model.eventAt(0);
  EXPECT_EQ(first.type, EventType::Send);
  EXPECT_EQ(model.index(0, EventLogModel::Event).data().toString(), QStringLiteral("send"));
  EXPECT_EQ(model.index(0, EventLogModel::Component).data().toString(), QStringLiteral("users"));
  EXPECT_EQ(model.index(0, EventLogModel::Peer).data().toString(), QStringLiteral("lb"));
  EXPECT_EQ(model.index(0, EventLogModel::Link).data().toString(), QStringLiteral("users->lb"));
  EXPECT_EQ(model.index(0, EventLogModel::Kind).data().toString(), QStringLiteral("request"));
  // Times as trace files write them (all nine decimals); requests as client#count.
  EXPECT_EQ(model.index(0, EventLogModel::Time).data().toString(),
            QStringLiteral("%1.%2")
                .arg(first.at / kSecond)
                .arg(first.at % kSecond, 9, 10, QLatin1Char('0')));
  EXPECT_EQ(model.index(0, EventLogModel::Time).data(Qt::ToolTipRole).toString(),
            QString::fromStdString(formatDuration(first.at)));
  EXPECT_EQ(model.index(0, EventLogModel::Request).data().toString(),
            QStringLiteral("users#%1").arg(first.requestId & ((std::uint64_t{1} << 40) - 1)));

  live.reset();
  EXPECT_EQ(panel.model()->rowCount(), 0);
  for (int i = 0; i < 10; ++i) live.step();
  EXPECT_EQ(static_cast<std::size_t>(panel.model()->rowCount()), live.recorder().log().size());
}

TEST(EventLogPanel, TheCapHoldsAndKeepsTheNewest) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  EventLogPanel panel;
  panel.setCapacity(50);
  panel.setLiveRun(&live);
  goTo(live, kSecond, true);  // thousands of events, many per frame
  const FlightRecorder& recorder = live.recorder();
  ASSERT_GT(recorder.logTotal(), 1000u);
  const EventLogModel& model = *panel.model();
  ASSERT_EQ(model.rowCount(), 50);
  EXPECT_TRUE(model.dropped());
  for (int i = 0; i < 50; ++i) {
    const FlightRecorder::Event& want =
        recorder.log().at(recorder.log().size() - 50 + static_cast<std::size_t>(i));
    EXPECT_EQ(model.eventAt(i).at, want.at) << i;
    EXPECT_EQ(model.eventAt(i).type, want.type) << i;
  }
  for (int i = 0; i < 20; ++i) live.step();
  EXPECT_EQ(model.rowCount(), 50);
  panel.setCapacity(10);
  EXPECT_EQ(model.rowCount(), 10);
  EXPECT_EQ(model.eventAt(9).at, recorder.log().at(recorder.log().size() - 1).at);
}

TEST(EventLogPanel, ComponentFilterShowsOnlyItsEvents) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  EventLogPanel panel;
  panel.setLiveRun(&live);
  panel.setComponentFilter("web2");
  EXPECT_EQ(panel.componentFilter(), "web2");
  goTo(live, 500 * kMillisecond, true);
  const ComponentId web2 = live.componentId("web2");
  const FlightRecorder& recorder = live.recorder();
  ASSERT_LT(recorder.logTotal(), 100'000u);  // the recorder still holds everything
  std::size_t involving = 0;
  for (std::size_t i = 0; i < recorder.log().size(); ++i) {
    const FlightRecorder::Event& e = recorder.log().at(i);
    if (e.component == web2 || e.peer == web2) ++involving;
  }
  const EventLogModel& model = *panel.model();
  ASSERT_GT(model.rowCount(), 0);
  EXPECT_EQ(static_cast<std::size_t>(model.rowCount()), involving);
  for (int r = 0; r < model.rowCount(); ++r) {
    ASSERT_TRUE(model.eventAt(r).component == web2 || model.eventAt(r).peer == web2) << r;
  }

  // Faults by hand show up too: the crash of web2, the cut of a link that ends at it, and
  // not the cut of a link that does not.
  live.crash("web2");
  live.cut("lb->web2");
  live.cut("lb->web1");
  const int rows = model.rowCount();
  ASSERT_GE(rows, 2);
  EXPECT_EQ(model.index(rows - 2, EventLogModel::Event).data().toString(), QStringLiteral("crash"));
  EXPECT_EQ(model.index(rows - 2, EventLogModel::Component).data().toString(),
            QStringLiteral("web2"));
  EXPECT_EQ(model.index(rows - 1, EventLogModel::Event).data().toString(),
            QStringLiteral("link cut"));
  EXPECT_EQ(model.index(rows - 1, EventLogModel::Link).data().toString(),
            QStringLiteral("lb->web2"));

  // Back to everything: refilled from what the recorder holds.
  panel.setComponentFilter("");
  EXPECT_EQ(static_cast<std::size_t>(model.rowCount()),
            std::min(recorder.log().size(), model.capacity()));
}

TEST(EventLogPanel, ClickingARowAnnouncesItsComponent) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  EventLogPanel panel;
  panel.resize(700, 300);
  panel.show();
  panel.setFollow(false);
  panel.setLiveRun(&live);
  for (int i = 0; i < 40; ++i) live.step();
  QSignalSpy activated(&panel, &EventLogPanel::componentActivated);
  QTableView* view = panel.view();
  const EventLogModel& model = *panel.model();
  ASSERT_GT(model.rowCount(), 3);

  const QModelIndex cell = model.index(2, EventLogModel::Component);
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
  ASSERT_EQ(activated.count(), 1);
  EXPECT_EQ(activated.at(0).at(0).value<std::string>(),
            model.names().component(model.eventAt(2).component));
  EXPECT_FALSE(activated.at(0).at(0).value<std::string>().empty());

  const QModelIndex peer = model.index(2, EventLogModel::Peer);
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(peer).center());
  ASSERT_EQ(activated.count(), 2);
  EXPECT_EQ(activated.at(1).at(0).value<std::string>(),
            model.names().component(model.eventAt(2).peer));
}

TEST(EventLogPanel, FollowKeepsTheNewestInViewUnlessScrolledUp) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  EventLogPanel panel;
  panel.resize(700, 300);
  panel.show();
  panel.setLiveRun(&live);
  QScrollBar* bar = panel.view()->verticalScrollBar();
  const auto step = [&](int n) {
    for (int i = 0; i < n; ++i) live.step();
    QCoreApplication::processEvents();  // the view lays new rows out before painting
  };
  step(200);
  ASSERT_GT(bar->maximum(), 0);
  EXPECT_EQ(bar->value(), bar->maximum());
  step(50);
  EXPECT_EQ(bar->value(), bar->maximum());
  auto* status = panel.findChild<QLabel*>(QStringLiteral("eventLogStatus"));
  ASSERT_NE(status, nullptr);
  EXPECT_FALSE(status->text().contains(QStringLiteral("paused")));

  // Scrolled up to read: new rows do not move the view.
  bar->setValue(3);
  step(50);
  EXPECT_EQ(bar->value(), 3);
  EXPECT_LT(bar->value(), bar->maximum());
  EXPECT_TRUE(status->text().contains(QStringLiteral("paused")));
  // Back at the bottom: following again.
  bar->setValue(bar->maximum());
  step(50);
  EXPECT_EQ(bar->value(), bar->maximum());
  // Follow off: nothing moves.
  panel.setFollow(false);
  const int at = bar->value();
  step(50);
  EXPECT_EQ(bar->value(), at);
  EXPECT_LT(bar->value(), bar->maximum());

  // At the cap, rows leave from the top: the rows being read stay in view.
  const EventLogModel& model = *panel.model();
  panel.setCapacity(static_cast<std::size_t>(model.rowCount()));
  bar->setValue(120);
  const FlightRecorder::Event reading = model.eventAt(120);
  const std::uint64_t before = live.recorder().logTotal();
  step(20);
  const auto arrived = static_cast<int>(live.recorder().logTotal() - before);
  ASSERT_GT(arrived, 0);
  ASSERT_LT(arrived, 120);
  EXPECT_EQ(bar->value(), 120 - arrived);
  EXPECT_EQ(model.eventAt(bar->value()).at, reading.at);
  EXPECT_EQ(model.eventAt(bar->value()).requestId, reading.requestId);
}

TEST(EventLogPanel, AComponentChosenBeforeLoadingAppliesOnceItExists) {
  EventLogPanel panel;
  panel.setComponentFilter("web2");
  EXPECT_EQ(panel.componentFilter(), "");
  LiveRun live;
  panel.setLiveRun(&live);
  ASSERT_TRUE(live.load(threeTier()));
  EXPECT_EQ(panel.componentFilter(), "web2");
  for (int i = 0; i < 400; ++i) live.step();
  const ComponentId web2 = live.componentId("web2");
  const EventLogModel& model = *panel.model();
  ASSERT_GT(model.rowCount(), 0);
  for (int r = 0; r < model.rowCount(); ++r) {
    ASSERT_TRUE(model.eventAt(r).component == web2 || model.eventAt(r).peer == web2) << r;
  }
}

TEST(EventLogModel, AFloodIsOneBatchAndOnlyTheNewestAreKept) {
  // More events in one frame than the cap: only the newest are filtered and copied.
  FlightRecorder recorder(200'000);
  for (int i = 0; i < 150'000; ++i) {
    recorder.onComponentState(static_cast<ComponentId>(i % 3),
                              i % 2 ? ComponentState::Up : ComponentState::Down, i * kMicrosecond);
  }
  EventLogModel model;
  QTableView view;
  view.setModel(&model);
  QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
  QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t seen = model.ingest(recorder, 0);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ EventLog  ] 150,000 new events into a 20,000-row log: %.1f ms\n", ms);
  EXPECT_EQ(seen, 150'000u);
  EXPECT_EQ(static_cast<std::size_t>(model.rowCount()), EventLogModel::kDefaultCapacity);
  EXPECT_EQ(model.eventAt(model.rowCount() - 1).at, 149'999 * kMicrosecond);
  EXPECT_EQ(model.eventAt(0).at, 130'000 * kMicrosecond);
  EXPECT_EQ(inserted.count() + reset.count(), 1);

  // A few more: one removal from the top and one insertion at the bottom.
  QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
  for (int i = 150'000; i < 150'100; ++i)
    recorder.onComponentState(0, ComponentState::Down, i * kMicrosecond);
  seen = model.ingest(recorder, seen);
  EXPECT_EQ(static_cast<std::size_t>(model.rowCount()), EventLogModel::kDefaultCapacity);
  EXPECT_EQ(removed.count(), 1);
  EXPECT_EQ(model.eventAt(model.rowCount() - 1).at, 150'099 * kMicrosecond);
  EXPECT_LT(ms, 2000);
}

// --- Screenshots ----------------------------------------------------------------------------

/// Not a check: pictures of both docks for review, three-tier after 60 s with web2 selected,
/// in the light palette and then switched to a dark one. Run with
/// --gtest_also_run_disabled_tests --gtest_filter=LivePanels.DISABLED_Screenshots
TEST(LivePanels, DISABLED_Screenshots) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  LiveChartsPanel charts;
  charts.resize(360, 700);
  charts.setLiveRun(&live);
  charts.setSelectedComponent("web2");
  charts.show();
  EventLogPanel log;
  log.resize(700, 300);
  log.setLiveRun(&live);
  log.setComponentFilter("web2");
  log.show();
  goTo(live, 60 * kSecond, true);
  const auto save = [&](const QString& suffix) {
    QCoreApplication::processEvents();
    EXPECT_TRUE(charts.grab().save(QStringLiteral("/tmp/charts%1.png").arg(suffix)));
    EXPECT_TRUE(log.grab().save(QStringLiteral("/tmp/eventlog%1.png").arg(suffix)));
  };
  save({});
  // And what an export looks like.
  EXPECT_EQ(charts.exportChartImage(Chart::Queue, QStringLiteral("/tmp/chart-queue.png")), QString());
  EXPECT_EQ(charts.exportChartImage(Chart::Queue, QStringLiteral("/tmp/chart-queue.svg")), QString());

  QPalette dark;
  dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
  dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
  dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
  dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
  dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
  dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
  dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
  dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
  charts.setPalette(dark);
  log.setPalette(dark);
  save(QStringLiteral("-dark"));
}

}  // namespace
}  // namespace pillars
