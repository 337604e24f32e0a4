// Request traces in the app: a request number clicked in the event log opens its waterfall in
// the Request Trace dock, and the app's trace is the one pillars-cli prints for the same
// request of the same scenario and seed.
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/request_id.hpp"
#include "widgets/live/event_log_model.hpp"
#include "widgets/live/event_log_panel.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/live/request_trace_panel.hpp"
#include "widgets/live/request_waterfall.hpp"

namespace pillars {
namespace {

Scenario threeTier() {
  const ScenarioLoad load =
      loadScenarioFile(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json", builtinRegistry());
  EXPECT_TRUE(load.ok());
  return load.ok() ? *load.scenario : Scenario{};
}

/// Plays `live` to `t` at a set (fast) speed: watched, so the tracer sees every request.
void playWatchedTo(LiveRun& live, SimTime t) {
  live.setSpeed(LiveRun::kMaxSpeed);
  live.runUntil(t);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !live.isPlaying(); }, 60'000));
}

/// The first row of the log whose message belongs to a request the run has answered.
int rowOfAnsweredRequest(const EventLogModel& model, const LiveRun& live) {
  for (int row = 0; row < model.rowCount(); ++row) {
    const std::uint64_t id = model.requestAt(row);
    if (id != 0 && live.traceOf(id).outcome == TraceSpan::Outcome::Ok) return row;
  }
  return -1;
}

TEST(RequestTraceView, ClickingARequestNumberAnnouncesItsTrace) {
  LiveRun live;
  ASSERT_TRUE(live.load(threeTier()));
  EventLogPanel log;
  log.resize(800, 300);
  log.show();
  log.setFollow(false);
  log.setLiveRun(&live);
  playWatchedTo(live, 2 * kSecond);
  const int row = rowOfAnsweredRequest(*log.model(), live);
  ASSERT_GE(row, 0);
  QSignalSpy asked(&log, &EventLogPanel::requestActivated);
  QTableView* view = log.view();
  const QModelIndex cell = log.model()->index(row, EventLogModel::Request);
  view->scrollTo(cell);
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
  ASSERT_EQ(asked.count(), 1);
  const auto id = asked.at(0).at(0).value<std::uint64_t>();
  EXPECT_EQ(id, log.model()->requestAt(row));

  RequestTracePanel panel;
  panel.resize(900, 400);
  panel.show();
  panel.showTrace(live.traceOf(id), live.componentNames());
  EXPECT_TRUE(panel.trace().complete);
  EXPECT_TRUE(panel.headline().contains(QString::fromStdString(requestIdText(id, live.componentNames()))));
  // A client's attempt first, then its request leg.
  ASSERT_GE(panel.trace().spans.size(), 4u);
  EXPECT_EQ(panel.trace().spans[0].attempt, 1);
  EXPECT_EQ(panel.trace().spans[1].kind, TraceSpan::Kind::Network);
  EXPECT_TRUE(panel.traceText().startsWith(QStringLiteral("request ")));

  // The waterfall draws work as solid bars in the highlight colour.
  auto* waterfall = panel.findChild<RequestWaterfall*>();
  ASSERT_NE(waterfall, nullptr);
  const QImage image = waterfall->grab().toImage();
  const QRgb highlight = waterfall->palette().color(QPalette::Highlight).rgb();
  int solid = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) solid += image.pixel(x, y) == highlight;
  }
  EXPECT_GT(solid, 20);

  panel.showMessage(QStringLiteral("nothing"));
  EXPECT_TRUE(panel.trace().empty());
  EXPECT_TRUE(panel.traceText().isEmpty());
}

TEST(RequestTraceView, TheAppTracesARequestExactlyAsTheCliDoes) {
  const Scenario scenario = threeTier();
  LiveRun live;
  ASSERT_TRUE(live.load(scenario));
  playWatchedTo(live, 3 * kSecond);
  const std::vector<std::string> names = live.componentNames();
  const ComponentId users = live.componentId("users");
  ASSERT_NE(users, kNoComponent);
  int compared = 0;
  for (std::uint64_t sequence : {10u, 100u, 200u}) {
    const std::uint64_t id = RequestId::make(users, sequence);
    const RequestTrace inApp = live.traceOf(id);
    ASSERT_FALSE(inApp.empty()) << sequence;
    // What `pillars-cli simulate --trace-request users#N` does: follow that one request.
    ScenarioRunner runner(scenario, builtinRegistry(), scenario.seed, 3 * kSecond);
    RequestTracer following = RequestTracer::following(id);
    runner.simulation().addObserver(&following);
    runner.run();
    const auto events = following.eventsOf(id);
    EXPECT_EQ(formatRequestTrace(inApp, names), formatRequestTrace(buildRequestTrace(id, events), names))
        << sequence;
    ++compared;
  }
  EXPECT_EQ(compared, 3);
}

}  // namespace
}  // namespace pillars
