// Rollouts of a replica set's second version: a rolling update within Kubernetes' surge and
// unavailability bounds (rolling-update.json), and a canary whose analysis catches a bad
// release and rolls it back (canary-rollback.json).
#include <gtest/gtest.h>

#include <algorithm>

#include "control_fixtures.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/pillars/control/orchestrator.hpp"
#include "engine/run/instances.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "state_fixtures.hpp"

namespace pillars {
namespace {

using testing::exampleScenario;
using testing::rolloutOf;

// The instances of web now and how many run version 2.
std::pair<std::size_t, std::size_t> versions(Simulation& sim) {
  std::size_t all = 0, v2 = 0;
  for (const ComponentId id : instancesOf(sim, "web")) {
    ++all;
    for (const auto& [name, value] : sim.component(id).extraMetrics(sim.now())) {
      if (name == "version" && value == 2) ++v2;
    }
  }
  return {all, v2};
}

// Requests web's instances received and failed so far, removed instances included.
std::pair<std::uint64_t, std::uint64_t> webCounts(const Simulation& sim) {
  std::uint64_t received = 0, failed = 0;
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const Component& c = sim.component(static_cast<ComponentId>(i));
    if (scenarioIdOf(c.name()) != "web") continue;
    received += c.metrics().received;
    failed += c.metrics().failed;
  }
  return {received, failed};
}

TEST(ControlRollout, ARollingUpdateOfTenKeepsAtMost13InstancesAndAtLeast8Ready) {
  const Scenario s = exampleScenario("rolling-update.json");
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const Rollout& r = rolloutOf(runner);
  EXPECT_EQ(r.maxSurge(), 3u) << "25% of 10 rounds up";
  EXPECT_EQ(r.maxUnavailable(), 2u) << "25% of 10 rounds down";
  ASSERT_FALSE(r.samples().empty());
  std::uint32_t most = 0, fewestReady = 1000;
  for (const Rollout::Sample& sample : r.samples()) {
    most = std::max(most, sample.instances());
    fewestReady = std::min(fewestReady, sample.ready);
  }
  EXPECT_EQ(most, 13u) << "it uses the surge it has, and no more";
  EXPECT_GE(fewestReady, 8u);
  EXPECT_EQ(r.phase(), Rollout::Phase::Done);
  EXPECT_EQ(versions(runner.simulation()), (std::pair<std::size_t, std::size_t>{10, 10}));
  // Graceful: instances are taken out of rotation before they go, so no request is lost.
  const RunResults results = runner.results();
  EXPECT_EQ(results.failed + results.timedOut, 0u);
  EXPECT_EQ(results.retries, 0u);
}

TEST(ControlRollout, TheSetsTimeSeriesIsTheRolloutsTimeline) {
  // web.instances, web.ready and web.v2_instances, sampled each second: the rolling update
  // keeps within its surge and unavailability, and version 2 goes from none to all ten.
  const testing::FinishedRun r = testing::runExample("rolling-update.json");
  const TimeSeries* ts = r.runner->timeSeries();
  ASSERT_NE(ts, nullptr);
  const auto instances = ts->columnIndex("web.instances");
  const auto ready = ts->columnIndex("web.ready");
  const auto second = ts->columnIndex("web.v2_instances");
  ASSERT_TRUE(instances && ready && second);
  double most = 0, fewestReady = 1000, firstV2 = -1;
  for (std::size_t row = 0; row < ts->rowCount(); ++row) {
    most = std::max(most, ts->value(row, *instances));
    fewestReady = std::min(fewestReady, ts->value(row, *ready));
    if (firstV2 < 0 && ts->value(row, *second) > 0) firstV2 = simTimeToSeconds(ts->time(row));
  }
  EXPECT_LE(most, 13);
  EXPECT_GT(most, 10) << "the surge shows";
  EXPECT_GE(fewestReady, 8);
  EXPECT_EQ(ts->value(0, *second), 0);
  EXPECT_EQ(ts->value(ts->rowCount() - 1, *second), 10);
  EXPECT_EQ(ts->value(ts->rowCount() - 1, *instances), 10);
  EXPECT_GE(firstV2, 30) << "the rollout starts at 30 s";
  // The set is a group of results too, with its instances at the end.
  const auto group = std::find_if(r.results.groups.begin(), r.results.groups.end(),
                                  [](const GroupResult& g) { return g.id == "web"; });
  ASSERT_NE(group, r.results.groups.end());
  EXPECT_EQ(group->kind, "service_set");
  EXPECT_EQ(group->members.size(), 10u);
}

TEST(ControlRollout, AOneInstanceServiceARolloutGrowsBecomesASetFromThatMoment) {
  const std::string json = R"json({"format": "pillars-scenario", "version": 1, "name": "one grows", "seed": 1,
    "duration": "20s", "warmup": "0s", "metrics": {"interval": "1s"},
    "components": [{"id": "users", "kind": "client", "params": {"rate": 50}},
                   {"id": "lb", "kind": "load_balancer"},
                   {"id": "web", "kind": "service", "params": {"v2_service_time": "exp(12ms)"}}],
    "links": [{"from": "users", "to": "lb"}, {"from": "lb", "to": "web"}],
    "faults": [{"at": "5s", "action": "rollout", "target": "web"}]})json";
  const ScenarioLoad load = readScenario(json, "one.json", builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  const testing::FinishedRun r = testing::runScenario(*load.scenario);
  const TimeSeries* ts = r.runner->timeSeries();
  const auto second = ts->columnIndex("web.v2_instances");
  ASSERT_TRUE(second.has_value()) << "the set's columns appear once it has a second instance";
  // Surge 25% of 1 rounds up to one more instance: version 2 joins, then version 1 goes.
  EXPECT_EQ(ts->value(ts->rowCount() - 1, *second), 1);
  EXPECT_EQ(ts->value(ts->rowCount() - 1, *ts->columnIndex("web.instances")), 1);
  const auto group = std::find_if(r.results.groups.begin(), r.results.groups.end(),
                                  [](const GroupResult& g) { return g.id == "web"; });
  ASSERT_NE(group, r.results.groups.end());
  EXPECT_EQ(group->members, std::vector<std::string>{"web#1"});
}

TEST(ControlRollout, WithoutSurgeTheSetNeverGrowsAndLosesOneAtATime) {
  const Scenario s = exampleScenario("rolling-update.json", {"web.max_surge=0", "web.max_unavailable=10"});
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const Rollout& r = rolloutOf(runner);
  EXPECT_EQ(r.maxSurge(), 0u);
  EXPECT_EQ(r.maxUnavailable(), 1u);
  for (const Rollout::Sample& sample : r.samples()) {
    EXPECT_LE(sample.instances(), 10u) << "at " << simTimeToSeconds(sample.at);
    EXPECT_GE(sample.ready, 9u) << "at " << simTimeToSeconds(sample.at);
  }
  EXPECT_EQ(r.phase(), Rollout::Phase::Done);
}

TEST(ControlRollout, ACanaryWith20PercentErrorsIsRolledBackAndTheErrorRateReturnsToTheOldVersions) {
  const Scenario s = exampleScenario("canary-rollback.json");
  ScenarioRunner runner(s, builtinRegistry());
  Simulation& sim = runner.simulation();
  runner.advance(30 * kSecond, ~std::uint64_t{0});
  const auto [before, beforeFailed] = webCounts(sim);
  EXPECT_EQ(beforeFailed, 0u) << "version 1 fails nothing";
  runner.advance(100 * kSecond, ~std::uint64_t{0});
  const Rollout& r = rolloutOf(runner);
  EXPECT_EQ(r.phase(), Rollout::Phase::RolledBack) << "caught at the first step";
  EXPECT_EQ(r.failedChecks(), 1u);
  // One step: one canary instance of four, never more.
  std::uint32_t mostNew = 0;
  for (const Rollout::Sample& sample : r.samples()) mostNew = std::max(mostNew, sample.newInstances);
  EXPECT_EQ(mostNew, 1u);
  EXPECT_EQ(versions(sim), (std::pair<std::size_t, std::size_t>{4, 0}));
  // During the canary about a quarter of the traffic met a 20% error rate: 5% in all.
  const auto [during, duringFailed] = webCounts(sim);
  const double canaryRate = static_cast<double>(duringFailed) / static_cast<double>(during - before);
  EXPECT_GT(canaryRate, 0.02);
  // After the rollback, the old version's error rate: none.
  runner.advance(runner.endTime(), ~std::uint64_t{0});
  const auto [after, afterFailed] = webCounts(sim);
  EXPECT_GT(after - during, 20000u);
  EXPECT_EQ(afterFailed, duringFailed);
}

TEST(ControlRollout, AGoodCanaryGoesThroughEveryStepToTheNewVersion) {
  const Scenario s = exampleScenario("canary-rollback.json", {"web.v2_error_probability=0.01"});
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const Rollout& r = rolloutOf(runner);
  EXPECT_EQ(r.phase(), Rollout::Phase::Done);
  EXPECT_EQ(r.failedChecks(), 0u);
  // 25%, 50%, 75%, 100% of four instances: 1, 2, 3, 4 new ones in turn.
  std::vector<std::uint32_t> steps;
  for (const Rollout::Sample& sample : r.samples()) {
    if (steps.empty() || steps.back() != sample.newInstances) steps.push_back(sample.newInstances);
  }
  EXPECT_EQ(steps, (std::vector<std::uint32_t>{1, 2, 3, 4}));
  EXPECT_EQ(versions(runner.simulation()), (std::pair<std::size_t, std::size_t>{4, 4}));
}

TEST(ControlRollout, ARolloutOfAServiceWithoutASecondVersionIsRefusedAtTheFault) {
  const std::string text = R"({
  "format": "pillars-scenario", "version": 1, "duration": "60s",
  "components": [
    {"id": "users", "kind": "client"},
    {"id": "web", "kind": "service", "params": {"replicas": 3}}
  ],
  "links": [ {"from": "users", "to": "web"} ],
  "faults": [ {"at": "10s", "action": "rollout", "target": "web"},
              {"at": "20s", "action": "rollout", "target": "users"} ]
}
)";
  const std::string errors = formatDiagnostics(readScenario(text, "deploy.json", builtinRegistry()).errors);
  EXPECT_NE(errors.find("deploy.json:8:"), std::string::npos) << errors;
  EXPECT_NE(errors.find("$.faults[0].target"), std::string::npos) << errors;
  EXPECT_NE(errors.find("no second version"), std::string::npos) << errors;
  EXPECT_NE(errors.find("$.faults[1].target"), std::string::npos) << errors;
  EXPECT_NE(errors.find("needs a service"), std::string::npos) << errors;
}

TEST(ControlRollout, TheSameSeedRollsOutTheSameWay) {
  const auto a = testing::runExample("canary-rollback.json", {"web.v2_error_probability=0.01"});
  const auto b = testing::runExample("canary-rollback.json", {"web.v2_error_probability=0.01"});
  EXPECT_EQ(a.results.fingerprint, b.results.fingerprint);
  EXPECT_EQ(a.results.completed, b.results.completed);
}

}  // namespace
}  // namespace pillars
