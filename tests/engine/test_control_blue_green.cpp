// Blue/green rollouts (Argo Rollouts' blueGreen strategy) and the canary's latency analysis.
// Blue/green on rolling-update.json: ten green instances start beside the ten blue ones on
// standby, traffic switches in one step once all are ready, blue stays on standby for the
// scale-down delay (a rollback there is a switch back) and is then removed; no request is lost.
#include <gtest/gtest.h>

#include <algorithm>

#include "control_fixtures.hpp"
#include "engine/pillars/control/orchestrator.hpp"
#include "engine/run/instances.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

using testing::exampleScenario;
using testing::rolloutOf;

// How many of web's instances are ready (in rotation) and how many run version 2.
struct WebNow {
  std::size_t instances = 0, ready = 0, readyV2 = 0;
};
WebNow webNow(Simulation& sim) {
  WebNow w;
  for (const ComponentId id : instancesOf(sim, "web")) {
    const Component& c = sim.component(id);
    ++w.instances;
    bool v2 = false;
    for (const auto& [name, value] : c.extraMetrics(sim.now())) v2 = v2 || (name == "version" && value == 2);
    if (c.isUp() && c.healthy()) {
      ++w.ready;
      w.readyV2 += v2 ? 1 : 0;
    }
  }
  return w;
}

TEST(ControlBlueGreen, TrafficSwitchesInOneStepAndTheOldSetGoesAfterTheScaleDownDelay) {
  // The rollout starts at 30 s; green needs its 5 s start-up; blue is kept 30 s after the switch.
  const Scenario s = exampleScenario("rolling-update.json", {"web.rollout_strategy=blue_green"});
  ScenarioRunner runner(s, builtinRegistry());
  Simulation& sim = runner.simulation();
  runner.advance(33 * kSecond, ~std::uint64_t{0});
  WebNow w = webNow(sim);
  EXPECT_EQ(w.instances, 20u) << "a whole green set beside blue";
  EXPECT_EQ(w.ready, 10u);
  EXPECT_EQ(w.readyV2, 0u) << "green waits on standby until all of it is ready";
  runner.advance(36 * kSecond, ~std::uint64_t{0});
  w = webNow(sim);
  EXPECT_EQ(w.instances, 20u) << "blue is kept for a switch back";
  EXPECT_EQ(w.ready, 10u);
  EXPECT_EQ(w.readyV2, 10u) << "switched in one step";
  runner.run();
  const Rollout& r = rolloutOf(runner);
  EXPECT_EQ(r.phase(), Rollout::Phase::Done);
  std::uint32_t most = 0, fewestReady = 1000;
  SimTime blueGone = -1;
  for (const Rollout::Sample& sample : r.samples()) {
    most = std::max(most, sample.instances());
    fewestReady = std::min(fewestReady, sample.ready);
    if (blueGone < 0 && sample.oldInstances == 0) blueGone = sample.at;
  }
  EXPECT_EQ(most, 20u);
  EXPECT_EQ(fewestReady, 10u) << "never fewer ready than the set's size";
  // Switched at 35 s (the 5 s start-up, at the controller's 500 ms ticks), blue taken out 30 s later.
  EXPECT_NEAR(simTimeToSeconds(blueGone), 65.0, 0.6);
  w = webNow(sim);
  EXPECT_EQ(w.instances, 10u);
  EXPECT_EQ(w.readyV2, 10u);
  const RunResults results = runner.results();
  EXPECT_EQ(results.failed + results.timedOut, 0u) << "blue serves what reaches it until the balancer moves on";
}

TEST(ControlBlueGreen, ARollbackBeforeBlueIsGoneIsASwitchBack) {
  Scenario s = exampleScenario("rolling-update.json", {"web.rollout_strategy=blue_green"});
  FaultSpec rollback{50 * kSecond, FaultAction::Rollback, "web"};
  s.faults.push_back(rollback);
  ScenarioRunner runner(s, builtinRegistry());
  Simulation& sim = runner.simulation();
  runner.advance(50 * kSecond + kMillisecond, ~std::uint64_t{0});
  const WebNow w = webNow(sim);
  EXPECT_EQ(w.ready, 10u) << "blue back in rotation at once";
  EXPECT_EQ(w.readyV2, 0u);
  runner.run();
  EXPECT_EQ(rolloutOf(runner).phase(), Rollout::Phase::RolledBack);
  EXPECT_EQ(webNow(sim).instances, 10u) << "green drained and removed, no blue instance added";
  EXPECT_EQ(runner.results().failed + runner.results().timedOut, 0u);
}

TEST(ControlCanary, ACanaryTooSlowAtP99IsRolledBackAndAFastOneGoesThrough) {
  // canary-rollback.json's release without errors but slower: exp(80ms) has a p99 of 368 ms.
  const Scenario slow = exampleScenario("canary-rollback.json", {"web.v2_error_probability=0", "web.v2_service_time=exp(80ms)",
                                                                 "web.canary_max_p99=200ms"});
  ScenarioRunner slowRun(slow, builtinRegistry());
  slowRun.run();
  EXPECT_EQ(rolloutOf(slowRun).phase(), Rollout::Phase::RolledBack);
  EXPECT_EQ(rolloutOf(slowRun).failedChecks(), 1u);
  // Without the latency check the same release is not caught.
  const Scenario unchecked = exampleScenario("canary-rollback.json", {"web.v2_error_probability=0", "web.v2_service_time=exp(80ms)"});
  ScenarioRunner uncheckedRun(unchecked, builtinRegistry());
  uncheckedRun.run();
  EXPECT_EQ(rolloutOf(uncheckedRun).phase(), Rollout::Phase::Done);
  // A release as fast as the old one passes the same check at every step.
  const Scenario fast = exampleScenario("canary-rollback.json", {"web.v2_error_probability=0", "web.v2_service_time=exp(10ms)",
                                                                 "web.canary_max_p99=200ms"});
  ScenarioRunner fastRun(fast, builtinRegistry());
  fastRun.run();
  EXPECT_EQ(rolloutOf(fastRun).phase(), Rollout::Phase::Done);
  EXPECT_EQ(rolloutOf(fastRun).failedChecks(), 0u);
}

}  // namespace
}  // namespace pillars
