// Replica sets and the orchestrator: `replicas` instances that are components of their own,
// restarted after Kubernetes' CrashLoopBackOff waits when restart_policy is always, and kept
// out of rotation while they start.
#include <gtest/gtest.h>

#include <vector>

#include "engine/model/scenario_builder.hpp"
#include "engine/pillars/control/orchestrator.hpp"
#include "engine/run/instances.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "state_fixtures.hpp"

namespace pillars {
namespace {

using testing::componentFigure;

TEST(ControlOrchestrator, CrashLoopBackOffDoublesFromTenSecondsToAFiveMinuteCap) {
  RestartBackoff backoff;
  std::vector<double> waits;
  SimTime t = 0;
  for (int i = 0; i < 8; ++i) {
    backoff.started(t);
    t += kSecond;  // crashes a second after each start
    const SimTime wait = backoff.exited(t);
    waits.push_back(simTimeToSeconds(wait));
    t += wait;
  }
  EXPECT_EQ(waits, (std::vector<double>{10, 20, 40, 80, 160, 300, 300, 300}));
}

TEST(ControlOrchestrator, TenMinutesRunningResetsTheBackoff) {
  RestartBackoff backoff;
  backoff.started(0);
  EXPECT_EQ(backoff.exited(100 * kSecond), 10 * kSecond);
  backoff.started(110 * kSecond);
  EXPECT_EQ(backoff.exited(120 * kSecond), 20 * kSecond) << "ran 10 s: the wait keeps doubling";
  backoff.started(140 * kSecond);
  EXPECT_EQ(backoff.exited(140 * kSecond + 599 * kSecond), 40 * kSecond) << "just under 10 min";
  backoff.started(800 * kSecond);
  EXPECT_EQ(backoff.exited(1400 * kSecond), 10 * kSecond) << "10 min without exiting: back to 10 s";
}

// Runs fine until a crash at 10 s; the release then fails every start.
Scenario crashLooping(SimTime duration) {
  return ScenarioBuilder("crash loop")
      .component("users", "client", {{"rate", "20"}, {"timeout", "1s"}})
      .component("api", "service",
                 {{"restart_policy", "always"}, {"startup_time", "1s"}, {"start_failure_probability", "1"}})
      .link("users", "api")
      .fault(10 * kSecond, FaultAction::Crash, "api")
      .duration(duration)
      .build();
}

TEST(ControlOrchestrator, AnInstanceThatCrashesOnEveryStartIsRestartedAfter10_20_40_80_160_300_300Seconds) {
  const Scenario s = crashLooping(1200 * kSecond);
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const Orchestrator* orchestrator = runner.simulation().findExtension<Orchestrator>();
  ASSERT_NE(orchestrator, nullptr);
  std::vector<double> waits;
  for (const Orchestrator::Restart& r : orchestrator->restarts()) waits.push_back(simTimeToSeconds(r.restartAt - r.exitedAt));
  ASSERT_GE(waits.size(), 7u);
  waits.resize(7);
  EXPECT_EQ(waits, (std::vector<double>{10, 20, 40, 80, 160, 300, 300}));
  // Running when the run began (deployed before), it crashes at 10 s; from then on every start
  // fails at the end of its one-second start-up.
  EXPECT_EQ(orchestrator->restarts()[0].exitedAt, 10 * kSecond);
  EXPECT_EQ(orchestrator->restarts()[1].exitedAt, 21 * kSecond);
  const RunResults r = runner.results();
  EXPECT_NEAR(static_cast<double>(r.completed), 200.0, 40.0) << "only before the crash: 20 req/s for 10 s";
  EXPECT_EQ(componentFigure(r, "api", "restarts"), 7.0);
  EXPECT_EQ(componentFigure(r, "api", "restart_backoff_s"), 300.0);
}

TEST(ControlOrchestrator, WithoutARestartPolicyACrashedServiceStaysDown) {
  Scenario s = ScenarioBuilder("no orchestrator")
                   .component("users", "client", {{"rate", "20"}})
                   .component("api", "service", {})
                   .link("users", "api")
                   .fault(10 * kSecond, FaultAction::Crash, "api")
                   .duration(100 * kSecond)
                   .build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  EXPECT_EQ(runner.simulation().findExtension<Orchestrator>(), nullptr);
  EXPECT_FALSE(runner.results().components[1].up);
}

Scenario replicated(const std::string& startup) {
  return ScenarioBuilder("replica set")
      .component("users", "client", {{"rate", "300"}, {"timeout", "2s"}})
      .component("lb", "load_balancer", {{"health_check_interval", "500ms"}})
      .component("web", "service",
                 {{"replicas", "3"}, {"workers", "4"}, {"restart_policy", "always"}, {"startup_time", startup}})
      .link("users", "lb")
      .link("lb", "web")
      .duration(120 * kSecond)
      .build();
}

TEST(ControlOrchestrator, ReplicasAreInstancesOfTheirOwnThatShareTheLoad) {
  const Scenario s = replicated("0s");
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  ASSERT_EQ(instancesOf(runner.simulation(), "web").size(), 3u);
  double total = 0;
  for (const ComponentResult& c : r.components) {
    if (scenarioIdOf(c.id) != "web") continue;
    EXPECT_NE(c.id, "web");
    EXPECT_NEAR(static_cast<double>(c.completed), static_cast<double>(r.completed) / 3, 0.02 * static_cast<double>(r.completed));
    total += static_cast<double>(c.completed);
  }
  EXPECT_EQ(total, static_cast<double>(r.completed));
}

TEST(ControlOrchestrator, ACrashedInstanceComesBackAfterTenSecondsAndOnlyTakesTrafficOnceReady) {
  const Scenario s = replicated("5s");
  ScenarioRunner runner(s, builtinRegistry());
  Simulation& sim = runner.simulation();
  runner.advance(30 * kSecond, ~std::uint64_t{0});
  const ComponentId web2 = instancesOf(sim, "web")[1];
  sim.crash(web2);
  runner.advance(39 * kSecond, ~std::uint64_t{0});
  EXPECT_FALSE(sim.component(web2).isUp());
  runner.advance(41 * kSecond, ~std::uint64_t{0});
  EXPECT_TRUE(sim.component(web2).isUp()) << "restarted 10 s after the crash";
  EXPECT_FALSE(sim.component(web2).healthy()) << "still starting (5 s)";
  const std::uint64_t refusedBefore = sim.component(web2).metrics().dropped;
  runner.advance(45 * kSecond, ~std::uint64_t{0});
  // The balancer's health checks kept it out while it started: it refused nothing.
  EXPECT_EQ(sim.component(web2).metrics().dropped, refusedBefore);
  runner.advance(runner.endTime(), ~std::uint64_t{0});
  EXPECT_TRUE(sim.component(web2).healthy());
  EXPECT_GT(sim.component(web2).metrics().completed, 0u) << "back in rotation once ready";
}

}  // namespace
}  // namespace pillars
