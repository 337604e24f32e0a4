// LiveRun, the live simulation's driver: stepping, playing at a speed, running to a time or to
// the end, faults by hand, and above all the same summary as pillars-cli however it was driven.
// Wall-clock figures are printed for the record, never asserted tightly.
#include <gtest/gtest.h>

#include <algorithm>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/io/results_writer.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/run/scenario_runner.hpp"
#include "widgets/live/live_run.hpp"
#include "tests/widgets/example_scenarios.hpp"

namespace pillars {
namespace {

/// What pillars-cli reports, minus the wall time (the one figure allowed to differ).
std::string summaryJson(RunResults r) {
  r.wallS = 0;
  return writeResultsJson(r, "live");
}

RunResults runStraight(const Scenario& s) {
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  return runner.results();
}

bool waitUntilPaused(LiveRun& live) {
  return QTest::qWaitFor([&] { return !live.isPlaying(); }, 60'000);
}

/// Flat out to `t`, then back to the mode it was in.
void goTo(LiveRun& live, SimTime t) {
  const bool fast = live.asFastAsPossible();
  live.setAsFastAsPossible(true);
  live.runUntil(t);
  ASSERT_TRUE(waitUntilPaused(live));
  ASSERT_EQ(live.now(), t);
  live.setAsFastAsPossible(fast);
}

std::vector<const FlightRecorder::Event*> deliveries(const FlightRecorder& recorder) {
  std::vector<const FlightRecorder::Event*> out;
  for (std::size_t i = 0; i < recorder.log().size(); ++i) {
    const FlightRecorder::Event& e = recorder.log().at(i);
    if (e.type == FlightRecorder::EventType::Deliver) out.push_back(&e);
  }
  return out;
}

std::uint32_t traffic(std::span<const std::uint32_t> counts, LinkId link) {
  return link < counts.size() ? counts[link] : 0u;
}

const ComponentResult& componentResult(const RunResults& r, const std::string& id) {
  for (const ComponentResult& c : r.components) {
    if (c.id == id) return c;
  }
  static const ComponentResult kNone;
  ADD_FAILURE() << "no component " << id;
  return kNone;
}

TEST(LiveRun, LoadsPausedAtZero) {
  LiveRun live;
  EXPECT_FALSE(live.isLoaded());
  EXPECT_EQ(live.now(), 0);
  live.play();  // nothing loaded: nothing happens
  EXPECT_FALSE(live.isPlaying());

  const Scenario s = exampleScenario("three-tier.json");
  QSignalSpy advanced(&live, &LiveRun::advanced);
  ASSERT_TRUE(live.load(s));
  EXPECT_TRUE(live.isLoaded());
  EXPECT_FALSE(live.isPlaying());
  EXPECT_FALSE(live.isFinished());
  EXPECT_EQ(live.now(), 0);
  EXPECT_EQ(live.end(), s.duration);
  EXPECT_EQ(live.eventCount(), 0u);
  EXPECT_EQ(advanced.count(), 1);
  EXPECT_EQ(live.scenario().name, s.name);
  EXPECT_EQ(live.componentId("web2"), 3u);
  EXPECT_EQ(live.componentId("nope"), kNoComponent);
  EXPECT_EQ(live.linkId("lb->web1"), 1u);
  EXPECT_EQ(live.linkId("nope"), kNoLink);
}

TEST(LiveRun, SpeedIsClampedToTheSlidersRange) {
  LiveRun live;
  live.setSpeed(0.001);
  EXPECT_EQ(live.speed(), LiveRun::kMinSpeed);
  live.setSpeed(5000);
  EXPECT_EQ(live.speed(), LiveRun::kMaxSpeed);
  live.setSpeed(2.5);
  EXPECT_EQ(live.speed(), 2.5);
}

TEST(LiveRun, StepRunsExactlyOneEventAndTheClockNeverGoesBack) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("three-tier.json")));
  QSignalSpy advanced(&live, &LiveRun::advanced);
  SimTime last = 0;
  for (int i = 0; i < 500; ++i) {
    const std::uint64_t before = live.eventCount();
    live.step();
    ASSERT_EQ(live.eventCount(), before + 1) << "step " << i;
    ASSERT_GE(live.now(), last);
    last = live.now();
  }
  EXPECT_GT(last, 0);
  EXPECT_EQ(advanced.count(), 500);
  EXPECT_FALSE(live.isPlaying());
}

TEST(LiveRun, StepToDeliveryStopsRightAfterTheNextDelivery) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("three-tier.json")));
  for (int i = 0; i < 30; ++i) {
    const std::size_t before = deliveries(live.recorder()).size();
    const SimTime was = live.now();
    live.stepToDelivery();
    const auto after = deliveries(live.recorder());
    ASSERT_EQ(after.size(), before + 1) << "press " << i;
    EXPECT_EQ(after.back()->at, live.now());  // stopped at the delivering event, not beyond
    EXPECT_GE(live.now(), was);
  }
}

TEST(LiveRun, PlayTracksWallTimeTimesSpeedAndPauseStopsTheClock) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("mmc.json")));
  live.setSpeed(10);
  QElapsedTimer wall;
  wall.start();
  live.play();
  EXPECT_TRUE(live.isPlaying());
  QTest::qWait(200);
  live.pause();
  const qint64 wallNs = wall.nsecsElapsed();
  EXPECT_FALSE(live.isPlaying());
  // Not a timing test: the clock moved, and never ahead of wall time x speed.
  EXPECT_GT(live.now(), 0);
  EXPECT_LE(live.now(), 10 * wallNs + kMillisecond);
  std::printf("[ LiveRun  ] speed 10 for %.0f ms of wall time: %.3f s simulated (ideal %.3f s)\n",
              static_cast<double>(wallNs) / 1e6, simTimeToSeconds(live.now()),
              10 * static_cast<double>(wallNs) / 1e9);

  const SimTime paused = live.now();
  const std::uint64_t events = live.eventCount();
  QTest::qWait(100);
  EXPECT_EQ(live.now(), paused);
  EXPECT_EQ(live.eventCount(), events);
}

TEST(LiveRun, RunUntilStopsExactlyAtTheTimeWithEverythingDueRun) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("three-tier.json")));
  live.setSpeed(1000);
  live.runUntil(2500 * kMillisecond);
  EXPECT_TRUE(live.isPlaying());
  ASSERT_TRUE(waitUntilPaused(live));
  EXPECT_EQ(live.now(), 2500 * kMillisecond);
  EXPECT_GT(live.runner()->simulation().nextEventTime(), 2500 * kMillisecond);

  // Flat out too, to an odd instant.
  live.setAsFastAsPossible(true);
  const SimTime t = 17 * kSecond + 123'457;
  live.runUntil(t);
  ASSERT_TRUE(waitUntilPaused(live));
  EXPECT_EQ(live.now(), t);
  EXPECT_GT(live.runner()->simulation().nextEventTime(), t);

  // The past is a no-op; beyond the end means the end.
  live.runUntil(kSecond);
  EXPECT_FALSE(live.isPlaying());
  EXPECT_EQ(live.now(), t);
  QSignalSpy finished(&live, &LiveRun::finished);
  live.runUntil(live.end() + kHour);
  ASSERT_TRUE(waitUntilPaused(live));
  EXPECT_EQ(live.now(), live.end());
  EXPECT_TRUE(live.isFinished());
  EXPECT_EQ(finished.count(), 1);
}

TEST(LiveRun, ResetGoesBackToZeroWithNothingRun) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("three-tier.json")));
  for (int i = 0; i < 50; ++i) live.stepToDelivery();
  live.setSpeed(100);
  live.play();
  QTest::qWait(50);
  ASSERT_GT(live.eventCount(), 0u);
  ASSERT_GT(live.recorder().log().size(), 0u);
  live.reset();
  EXPECT_FALSE(live.isPlaying());
  EXPECT_EQ(live.now(), 0);
  EXPECT_EQ(live.eventCount(), 0u);
  EXPECT_EQ(live.recorder().log().size(), 0u);
  EXPECT_TRUE(live.recorder().flights().empty());
  EXPECT_EQ(live.speed(), 100);  // a preference, kept
}

TEST(LiveRun, FlatOutDetachesTheRecorderOnlyWhilePlaying) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("three-tier.json")));
  Simulation& sim = live.runner()->simulation();
  EXPECT_NE(sim.observer(), nullptr);
  live.setAsFastAsPossible(true);
  EXPECT_NE(sim.observer(), nullptr);  // paused: steps are still watched
  for (int i = 0; i < 200; ++i) live.step();
  EXPECT_FALSE(live.recorder().flights().empty());
  live.play();
  EXPECT_EQ(sim.observer(), nullptr);
  EXPECT_TRUE(live.recorder().flights().empty());
  QTest::qWait(30);
  EXPECT_TRUE(live.recorder().flights().empty());
  live.setAsFastAsPossible(false);  // while playing: watched again from here
  EXPECT_NE(sim.observer(), nullptr);
  live.pause();
  EXPECT_NE(sim.observer(), nullptr);
}

TEST(LiveRun, CrashTakesAComponentDownAndItsRequestsFail) {
  const Scenario s = exampleScenario("three-tier.json");
  LiveRun crashed;
  LiveRun control;
  ASSERT_TRUE(crashed.load(s));
  ASSERT_TRUE(control.load(s));
  goTo(crashed, 20 * kSecond);
  goTo(control, 20 * kSecond);
  EXPECT_FALSE(crashed.isDown("db"));
  crashed.crash("db");
  EXPECT_TRUE(crashed.isDown("db"));
  goTo(crashed, 30 * kSecond);
  goTo(control, 30 * kSecond);

  const RunResults a = crashed.results();
  const RunResults b = control.results();
  const ComponentResult& users = componentResult(a, "users");
  const ComponentResult& usersControl = componentResult(b, "users");
  std::printf("[ LiveRun  ] db crashed at 20 s: users timed out %llu, failed %llu (control %llu, %llu)\n",
              static_cast<unsigned long long>(users.timedOut), static_cast<unsigned long long>(users.failed),
              static_cast<unsigned long long>(usersControl.timedOut),
              static_cast<unsigned long long>(usersControl.failed));
  EXPECT_GT(users.timedOut + users.failed, usersControl.timedOut + usersControl.failed + 100);
  EXPECT_GT(a.timedOut + a.failed, b.timedOut + b.failed);

  crashed.restart("db");
  EXPECT_FALSE(crashed.isDown("db"));
  // A group crashes all its members.
  crashed.crash("zone-b");
  EXPECT_TRUE(crashed.isDown("web3"));
  EXPECT_FALSE(crashed.isDown("web1"));
}

TEST(LiveRun, ACutLinkCarriesNothingUntilHealed) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("three-tier.json")));
  goTo(live, 15 * kSecond);
  const LinkId link = live.linkId("lb->web1");
  const LinkId other = live.linkId("lb->web3");
  ASSERT_NE(link, kNoLink);
  live.cut("lb->web1");
  EXPECT_TRUE(live.isCut("lb->web1"));
  live.recorder().takeLinkTraffic();  // count from the cut on

  live.setSpeed(1000);  // watched play, not flat out: the recorder counts
  live.runUntil(17 * kSecond);
  ASSERT_TRUE(waitUntilPaused(live));
  const auto during = live.recorder().takeLinkTraffic();
  EXPECT_EQ(traffic(during, link), 0u);
  EXPECT_GT(traffic(during, other), 0u);

  live.heal("lb->web1");
  EXPECT_FALSE(live.isCut("lb->web1"));
  live.runUntil(20 * kSecond);
  ASSERT_TRUE(waitUntilPaused(live));
  EXPECT_GT(traffic(live.recorder().takeLinkTraffic(), link), 0u);

  int cuts = 0;
  for (std::size_t i = 0; i < live.recorder().log().size(); ++i) {
    cuts += live.recorder().log().at(i).type == FlightRecorder::EventType::LinkCut;
  }
  EXPECT_EQ(cuts, 1);
}

TEST(LiveRun, ThreeTierDrivenEveryWayGivesTheCliSummary) {
  const Scenario s = exampleScenario("three-tier.json");
  LiveRun live;
  ASSERT_TRUE(live.load(s));
  for (int i = 0; i < 100; ++i) live.step();
  for (int i = 0; i < 10; ++i) live.stepToDelivery();
  live.setSpeed(1000);
  live.play();
  QTest::qWait(60);
  live.setAsFastAsPossible(true);  // switch while playing
  QTest::qWait(60);
  live.pause();
  live.setAsFastAsPossible(false);
  live.runUntil(live.now() + 1500 * kMillisecond);
  ASSERT_TRUE(waitUntilPaused(live));
  for (int i = 0; i < 7; ++i) live.step();
  live.setAsFastAsPossible(true);
  live.play();
  QTest::qWait(40);
  live.setAsFastAsPossible(false);
  QTest::qWait(30);
  live.pause();
  ASSERT_FALSE(live.isFinished());
  EXPECT_TRUE(live.runToEnd());
  ASSERT_TRUE(live.isFinished());

  const RunResults straight = runStraight(s);
  const RunResults driven = live.results();
  EXPECT_EQ(driven.fingerprint, straight.fingerprint);
  EXPECT_EQ(driven.events, straight.events);
  EXPECT_EQ(summaryJson(driven), summaryJson(straight));
}

TEST(LiveRun, PowerOfTwoAfterAResetGivesTheCliSummary) {
  const Scenario s = exampleScenario("lb-power-of-two.json");
  LiveRun live;
  ASSERT_TRUE(live.load(s));
  goTo(live, 30 * kSecond);
  live.reset();
  for (int i = 0; i < 20; ++i) live.stepToDelivery();
  live.setAsFastAsPossible(true);
  live.play();
  QTest::qWait(50);
  live.pause();
  for (int i = 0; i < 3; ++i) live.step();
  live.setAsFastAsPossible(false);
  live.setSpeed(0.5);
  live.play();
  QTest::qWait(40);
  live.pause();
  double last = 0;
  EXPECT_TRUE(live.runToEnd([&](double f) {
    last = f;
    return true;
  }));
  EXPECT_EQ(last, 1.0);
  ASSERT_TRUE(live.isFinished());
  EXPECT_EQ(summaryJson(live.results()), summaryJson(runStraight(s)));
}

// The Intelligence pillar's control loops (an autoscaler adding and removing instances, a
// chaos monkey killing them, burn-rate alerts) run in the app exactly as in pillars-cli: the
// same seed gives the same trace, decisions, alerts and verdict however the run is driven.
TEST(LiveRun, IntelligenceExamplesDrivenInTheAppGiveTheCliSummary) {
  for (const char* file : {"autoscale-spike.json", "chaos-monkey.json", "burn-rate.json", "zone-outage.json"}) {
    SCOPED_TRACE(file);
    const Scenario s = exampleScenario(file);
    LiveRun live;
    ASSERT_TRUE(live.load(s));
    for (int i = 0; i < 50; ++i) live.step();
    // Past the first scaling, kill or alert, with pauses in between.
    goTo(live, s.duration / 3);
    for (int i = 0; i < 10; ++i) live.stepToDelivery();
    goTo(live, s.duration / 2);
    ASSERT_TRUE(live.runToEnd());
    ASSERT_TRUE(live.isFinished());
    const RunResults straight = runStraight(s);
    const RunResults driven = live.results();
    EXPECT_EQ(driven.fingerprint, straight.fingerprint);
    EXPECT_EQ(summaryJson(driven), summaryJson(straight));
    EXPECT_TRUE(!straight.alerts.empty() || !straight.experiments.empty() ||
                std::any_of(straight.components.begin(), straight.components.end(),
                            [](const ComponentResult& c) { return !c.decisions.empty(); }))
        << "the example exercises its control loop";
  }
}

// A hand-made design with every Control mechanism on at once (retries under a budget and a
// deadline, breakers, outlier ejection and a rate limiter at the balancer, a replica set with
// probes, adaptive LIFO and deadline shedding) and a canary rollout, a crash and a slowdown on
// its fault timeline: driven in the app with pauses, steps and request tracing, it gives
// pillars-cli's fingerprint and summary.
TEST(LiveRun, AHandMadeRolloutWithEveryControlMechanismGivesTheCliSummary) {
  const std::string json = R"json({
    "format": "pillars-scenario", "version": 1, "name": "every control mechanism", "seed": 7,
    "duration": "120s", "warmup": "5s", "metrics": {"interval": "1s"},
    "components": [
      {"id": "users", "kind": "client", "params": {"rate": 300, "timeout": "500ms", "retries": 2,
        "retry_budget_percent": 20, "deadline": "2s", "circuit_breaker": true, "open_duration": "5s"}},
      {"id": "lb", "kind": "load_balancer", "params": {"policy": "least_connections", "outlier_detection": true,
        "rate_limiter": 1000}},
      {"id": "web", "kind": "service", "params": {"replicas": 4, "workers": 4, "service_time": "exp(10ms)",
        "queue_discipline": "adaptive_lifo", "shedding": "deadline", "restart_policy": "always",
        "liveness_period": "5s", "probe_path": "dedicated", "readiness_period": "2s",
        "v2_service_time": "exp(12ms)", "v2_error_probability": 0.2, "rollout_strategy": "canary",
        "canary_interval": "15s"}}
    ],
    "links": [
      {"from": "users", "to": "lb", "params": {"latency": "1ms"}},
      {"from": "lb", "to": "web", "params": {"latency": "1ms"}}
    ],
    "faults": [
      {"at": "20s", "action": "rollout", "target": "web"},
      {"at": "30s", "action": "crash", "target": "web"},
      {"at": "60s", "action": "slow", "target": "web", "factor": 3},
      {"at": "70s", "action": "slow", "target": "web", "factor": 1}
    ]
  })json";
  const ScenarioLoad load = readScenario(json, "every-control.json", builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  const Scenario& s = *load.scenario;
  LiveRun live;
  ASSERT_TRUE(live.load(s));
  for (int i = 0; i < 50; ++i) live.step();
  goTo(live, 25 * kSecond);  // the canary's first step is running
  for (int i = 0; i < 10; ++i) live.stepToDelivery();
  goTo(live, 65 * kSecond);  // slowed
  ASSERT_TRUE(live.runToEnd());
  ASSERT_TRUE(live.isFinished());
  const RunResults straight = runStraight(s);
  const RunResults driven = live.results();
  EXPECT_EQ(driven.fingerprint, straight.fingerprint);
  EXPECT_EQ(summaryJson(driven), summaryJson(straight));
  // Every mechanism did something: the canary of a release with 20% errors was rolled back
  // (its version-2 instance removed), and the client's breaker opened during the crash.
  EXPECT_TRUE(std::any_of(straight.components.begin(), straight.components.end(), [](const ComponentResult& c) {
    return c.removed && figureNamed(c.extras, "version") == 2;
  })) << "a rolled-back canary instance";
  const auto users = std::find_if(straight.components.begin(), straight.components.end(),
                                  [](const ComponentResult& c) { return c.id == "users"; });
  ASSERT_NE(users, straight.components.end());
  EXPECT_GT(figureNamed(users->extras, "breaker_opened"), 0);
}

TEST(LiveRun, RunToEndReportsProgressAndCanBeCancelled) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("mmc.json")));
  QSignalSpy finished(&live, &LiveRun::finished);
  std::vector<double> seen;
  EXPECT_FALSE(live.runToEnd([&](double f) {
    seen.push_back(f);
    return seen.size() < 3;
  }));
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_GT(seen.front(), 0.0);
  EXPECT_LT(live.now(), live.end());
  EXPECT_FALSE(live.isFinished());
  EXPECT_FALSE(live.isPlaying());
  EXPECT_FALSE(live.isRunningToEnd());
  EXPECT_EQ(finished.count(), 0);
  EXPECT_NE(live.runner()->simulation().observer(), nullptr);  // watched again

  EXPECT_TRUE(live.runToEnd([&](double f) {
    seen.push_back(f);
    return true;
  }));
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i], seen[i - 1]);
  EXPECT_GT(seen[3], seen[2]);
  EXPECT_EQ(seen.back(), 1.0);
  EXPECT_TRUE(live.isFinished());
  EXPECT_EQ(finished.count(), 1);
  std::printf("[ LiveRun  ] run to end: %zu progress calls\n", seen.size());
}

TEST(LiveRun, ResetDuringRunToEndAbandonsIt) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("mmc.json")));
  int calls = 0;
  EXPECT_FALSE(live.runToEnd([&](double) {
    if (++calls == 2) live.reset();
    return true;
  }));
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(live.now(), 0);
  EXPECT_FALSE(live.isRunningToEnd());
  live.step();
  EXPECT_EQ(live.eventCount(), 1u);
}

TEST(LiveRun, FlatOutFramesStayNearTheirBudget) {
  // Records how long the longest frame took and how fast flat-out play goes (ticking in the
  // event loop, nothing painted) beside a straight ScenarioRunner::run(); wall times are
  // printed, never asserted: the machine may be busy.
  for (const char* file : {"mmc.json", "three-tier.json"}) {
    const Scenario s = exampleScenario(file);
    LiveRun live;
    ASSERT_TRUE(live.load(s));
    live.setAsFastAsPossible(true);
    const auto t0 = std::chrono::steady_clock::now();
    live.play();
    while (!live.isFinished() && std::chrono::steady_clock::now() - t0 < std::chrono::minutes(2)) {
      QCoreApplication::processEvents();
    }
    const double liveS = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_TRUE(live.isFinished());
    EXPECT_FALSE(live.isPlaying());
    const RunResults driven = live.results();

    const auto t1 = std::chrono::steady_clock::now();
    const RunResults straight = runStraight(s);
    const double straightS = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    EXPECT_EQ(driven.fingerprint, straight.fingerprint);

    std::printf("[ LiveRun  ] %s flat out: %llu events in %.3f s wall = %.2f M events/s, longest frame "
                "%.2f ms; ScenarioRunner::run() %.3f s = %.2f M events/s; ratio %.2f\n",
                file, static_cast<unsigned long long>(driven.events), liveS,
                static_cast<double>(driven.events) / liveS / 1e6, live.longestFrameMs(), straightS,
                static_cast<double>(straight.events) / straightS / 1e6, straightS / liveS);
  }
}

TEST(LiveRun, TheRunnerIsNotFinishedWhileEventsDueAtTheEndRemain) {
  // three-tier.json has two events at exactly its end (a sample and a health check). A slice
  // that stops between them must not count as the end, or the CLI (which runs in slices for
  // its progress line) and the app could report different summaries.
  const Scenario s = exampleScenario("three-tier.json");
  ScenarioRunner runner(s, builtinRegistry());
  runner.advance(runner.endTime() - 1, ~0ull);
  runner.advance(runner.endTime(), 1);
  ASSERT_EQ(runner.simulation().now(), runner.endTime());
  ASSERT_LE(runner.simulation().nextEventTime(), runner.endTime());
  EXPECT_FALSE(runner.finished());
  runner.advance(runner.endTime(), ~0ull);
  EXPECT_TRUE(runner.finished());
  EXPECT_EQ(runner.results().fingerprint, runStraight(s).fingerprint);
}

TEST(LiveRun, EventsPerSecondIsMeasuredWhilePlaying) {
  LiveRun live;
  ASSERT_TRUE(live.load(exampleScenario("three-tier.json")));
  EXPECT_EQ(live.eventsPerSecond(), 0.0);
  live.setAsFastAsPossible(true);
  live.play();
  QTest::qWait(150);
  EXPECT_GT(live.eventsPerSecond(), 0.0);
  EXPECT_GT(live.measuredSpeed(), 0.0);
  live.pause();
}

}  // namespace
}  // namespace pillars
