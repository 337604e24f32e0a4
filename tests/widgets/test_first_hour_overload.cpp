// Overload is flagged: before a run from the design (λ > c·μ), during one from what it measures;
// a cache with nothing behind it is named; a design dropped together works; and latency charts
// show nothing, not 0 ms, while nothing completes.
#include <QLineSeries>
#include <QToolButton>

#include "engine/metrics/time_series.hpp"
#include "first_hour_fixture.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/chart_pane.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/window/design_warnings_monitor.hpp"
#include "widgets/window/simulate_actions.hpp"

namespace pillars {
namespace {

TEST_F(FirstHour, ADesignDroppedTogetherWorksAndOverloadIsFlaggedBeforeAndDuringTheRun) {
  showAtRealSize();
  window->newDocument();
  window->addComponentAt(QStringLiteral("client"), QPointF(0, 0));
  window->addComponentAt(QStringLiteral("service"), QPointF(300, 0));
  TopologyDocument& doc = window->document();
  ASSERT_TRUE(doc.connectComponents("client1", "service1").isEmpty());
  QCoreApplication::processEvents();
  auto* button = window->findChild<QToolButton*>(QStringLiteral("DesignWarnings"));
  ASSERT_NE(button, nullptr);
  EXPECT_FALSE(button->isVisible()) << button->text().toStdString();
  // As dropped, it runs: a modest client and a service with enough workers.
  ASSERT_TRUE(window->simulateActions().ensureLoaded());
  window->liveRun().setAsFastAsPossible(true);
  window->liveRun().runUntil(10 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !window->liveRun().isPlaying(); }, 30'000));
  const RunResults sofar = window->liveRun().results();
  EXPECT_GT(sofar.completed, 300u);
  EXPECT_EQ(sofar.timedOut, 0u);

  // The newcomer's case: 200 req/s into one worker of 10 ms. Flagged at once, on the card and in
  // the status bar, before anything runs.
  ASSERT_TRUE(doc.setParameter("client1", "rate", QStringLiteral("200")).isEmpty());
  ASSERT_TRUE(doc.setParameter("service1", "workers", QStringLiteral("1")).isEmpty());
  QCoreApplication::processEvents();
  EXPECT_TRUE(button->isVisible());
  EXPECT_TRUE(button->toolTip().contains(QStringLiteral("service1 is offered 200 req/s but can serve 100 req/s")))
      << button->toolTip().toStdString();
  NodeItem* card = window->scene().nodeFor("service1");
  ASSERT_NE(card, nullptr);
  EXPECT_TRUE(card->warning().startsWith(QStringLiteral("overloaded"))) << card->warning().toStdString();
  EXPECT_TRUE(window->scene().nodeFor("client1")->warning().isEmpty());
  // During the run it stays, and the run's own measure joins it: saturated, queue growing.
  ASSERT_TRUE(window->simulateActions().ensureLoaded());
  window->liveRun().runUntil(8 * kSecond);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !window->liveRun().isPlaying(); }, 30'000));
  EXPECT_TRUE(card->warning().startsWith(QStringLiteral("overloaded")));
  const auto& live = window->designWarnings().saturatedNow();
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live.front().component, "service1");
  EXPECT_TRUE(button->toolTip().contains(QStringLiteral("service1 is saturated now"))) << button->toolTip().toStdString();
  // Clicking the warning selects what it names.
  button->click();
  EXPECT_EQ(window->scene().selectedComponents(), std::vector<std::string>{"service1"});
}

TEST_F(FirstHour, ACacheWithNothingBehindItIsNamed) {
  showAtRealSize();
  window->newDocument();
  window->addComponentAt(QStringLiteral("client"), QPointF(0, 0));
  window->addComponentAt(QStringLiteral("cache"), QPointF(300, 0));
  ASSERT_TRUE(window->document().connectComponents("client1", "cache1").isEmpty());
  QCoreApplication::processEvents();
  auto* button = window->findChild<QToolButton*>(QStringLiteral("DesignWarnings"));
  ASSERT_NE(button, nullptr);
  EXPECT_TRUE(button->isVisible());
  EXPECT_TRUE(button->toolTip().contains(QStringLiteral("cache1 has nothing behind it")));
  EXPECT_FALSE(window->scene().nodeFor("cache1")->warning().isEmpty());
}

TEST(ChartGaps, ALatencyWhileNothingCompletesIsAGapNotZero) {
  TimeSeries ts({"global.throughput_rps", "global.latency_p99_ms"});
  const double rows[][2] = {{50, 12}, {50, 14}, {0, 0}, {0, 0}, {40, 2000}, {40, 1800}};
  for (int i = 0; i < 6; ++i) ts.append((i + 1) * kSecond, {rows[i][0], rows[i][1]});
  ChartPane pane(QStringLiteral("Latency ms"));
  pane.setTraces({{QStringLiteral("p99"), "global.latency_p99_ms", Qt::red, Qt::SolidLine, false, 1.0,
                   "global.throughput_rps"}});
  pane.rebuild(&ts);
  EXPECT_EQ(pane.plottedPoints(0), 4u) << "the two intervals without a completion draw nothing";
  // The line breaks there: two runs of two points, none at 0 ms.
  int series = 0;
  for (QAbstractSeries* s : pane.chart()->series()) {
    auto* line = static_cast<QLineSeries*>(s);
    if (line->count() == 0) continue;
    ++series;
    for (const QPointF& p : line->points()) EXPECT_GT(p.y(), 0.0) << "at " << p.x() << " s";
  }
  EXPECT_EQ(series, 2);
}

}  // namespace
}  // namespace pillars
