// Scaling a replica set by hand (the `scale` fault, as `kubectl scale`): instances added as
// copies of the newest, taken out gracefully in the order Kubernetes' ReplicaSet controller
// picks them (a failed one, then an unready one, then the newest), refused mid-rollout, and
// read and written with its `replicas` value.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "control_fixtures.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/pillars/control/orchestrator.hpp"
#include "engine/run/instances.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

// web x4 behind a balancer at 200 req/s, 3 s drain (the default), then the given faults.
Scenario scaledSet(const std::string& faults, const std::string& webParams = "") {
  const std::string json = R"json({"format": "pillars-scenario", "version": 1, "name": "scale", "seed": 7,
    "duration": "60s", "warmup": "0s", "metrics": {"interval": "1s"},
    "components": [{"id": "users", "kind": "client", "params": {"rate": 200}},
                   {"id": "lb", "kind": "load_balancer"},
                   {"id": "web", "kind": "service", "params": {"replicas": 4, "workers": 4)json" +
                           webParams + R"json(}}],
    "links": [{"from": "users", "to": "lb"}, {"from": "lb", "to": "web"}],
    "faults": [)json" + faults + "]}";
  const ScenarioLoad load = readScenario(json, "scale.json", builtinRegistry());
  EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  return load.ok() ? *load.scenario : Scenario{};
}

std::vector<std::string> namesOf(const Simulation& sim, const std::vector<ComponentId>& ids) {
  std::vector<std::string> names;
  for (const ComponentId id : ids) names.push_back(sim.component(id).name());
  return names;
}

std::size_t readyCount(const Simulation& sim) {
  const std::vector<ComponentId> ids = instancesOf(sim, "web");
  return static_cast<std::size_t>(std::count_if(ids.begin(), ids.end(), [&](ComponentId id) {
    return sim.component(id).isUp() && sim.component(id).healthy();
  }));
}

TEST(ControlScale, UpAddsCopiesAtOnceDownTakesTheNewestOutGracefully) {
  const Scenario s = scaledSet(R"json({"at": "10s", "action": "scale", "target": "web", "replicas": 7},
                                      {"at": "30s", "action": "scale", "target": "web", "replicas": 2})json");
  ScenarioRunner runner(s, builtinRegistry());
  Simulation& sim = runner.simulation();
  runner.advance(10 * kSecond + 1, ~std::uint64_t{0});
  EXPECT_EQ(namesOf(sim, instancesOf(sim, "web")),
            (std::vector<std::string>{"web#1", "web#2", "web#3", "web#4", "web#5", "web#6", "web#7"}));
  EXPECT_EQ(readyCount(sim), 7u);
  runner.advance(20 * kSecond, ~std::uint64_t{0});
  // Every new instance takes its share of the traffic.
  for (const ComponentId id : instancesOf(sim, "web")) EXPECT_GT(sim.component(id).metrics().received, 100u) << sim.component(id).name();

  // Down to 2: five taken out at once (unready, so the balancer stops sending)...
  runner.advance(30 * kSecond + 1, ~std::uint64_t{0});
  EXPECT_EQ(instancesOf(sim, "web").size(), 7u) << "still draining";
  EXPECT_EQ(readyCount(sim), 2u);
  // ... the newest ones, removed once drained (3 s).
  runner.advance(33 * kSecond + 1, ~std::uint64_t{0});
  EXPECT_EQ(namesOf(sim, instancesOf(sim, "web")), (std::vector<std::string>{"web#1", "web#2"}));
  runner.advance(runner.endTime(), ~std::uint64_t{0});
  const RunResults results = runner.results();
  EXPECT_EQ(results.failed + results.timedOut, 0u) << "graceful: no request is lost on the way";
}

TEST(ControlScale, AFailedInstanceGoesFirstAndAtOnce) {
  const Scenario s = scaledSet(R"json({"at": "10s", "action": "scale", "target": "web", "replicas": 3})json");
  ScenarioRunner runner(s, builtinRegistry());
  Simulation& sim = runner.simulation();
  runner.advance(5 * kSecond, ~std::uint64_t{0});
  sim.crash(instancesOf(sim, "web")[1]);  // web#2; restart_policy never, so it stays down
  runner.advance(10 * kSecond + 1, ~std::uint64_t{0});
  // The crashed web#2 is removed with nothing to drain; the others keep serving.
  EXPECT_EQ(namesOf(sim, instancesOf(sim, "web")), (std::vector<std::string>{"web#1", "web#3", "web#4"}));
  EXPECT_EQ(readyCount(sim), 3u);
}

TEST(ControlScale, RefusedMidRolloutThenASetThatRolledOutGrowsInTheNewRelease) {
  // Instances take 2 s to start, so the rollout of 4 (one surge instance at a time) lasts
  // past 8 s.
  const Scenario s = scaledSet(R"json({"at": "5s", "action": "rollout", "target": "web"},
                                      {"at": "8s", "action": "scale", "target": "web", "replicas": 9},
                                      {"at": "30s", "action": "scale", "target": "web", "replicas": 9},
                                      {"at": "40s", "action": "scale", "target": "web", "replicas": 6})json",
                               R"json(, "v2_service_time": "exp(8ms)", "startup_time": "2s")json");
  ScenarioRunner runner(s, builtinRegistry());
  Simulation& sim = runner.simulation();
  runner.advance(8 * kSecond + 1, ~std::uint64_t{0});
  const Rollout* rollout = sim.findExtension<Orchestrator>()->findRollout("web");
  ASSERT_NE(rollout, nullptr);
  ASSERT_EQ(rollout->phase(), Rollout::Phase::Rolling);
  EXPECT_LE(instancesOf(sim, "web").size(), 5u) << "the scale to 9 was refused: 4 and one surge";
  const auto v2Ready = [&] {
    std::size_t n = 0;
    for (const ComponentId id : instancesOf(sim, "web")) {
      for (const auto& [name, value] : sim.component(id).extraMetrics(sim.now())) {
        if (name == "version" && value == 2 && sim.component(id).healthy()) ++n;
      }
    }
    return n;
  };
  runner.advance(29 * kSecond, ~std::uint64_t{0});
  EXPECT_EQ(rollout->phase(), Rollout::Phase::Done);
  EXPECT_EQ(instancesOf(sim, "web").size(), 4u);
  runner.advance(33 * kSecond, ~std::uint64_t{0});
  EXPECT_EQ(v2Ready(), 9u) << "grown in the new release, each ready after its 2 s start";
  runner.advance(44 * kSecond, ~std::uint64_t{0});
  EXPECT_EQ(instancesOf(sim, "web").size(), 6u);
  EXPECT_EQ(v2Ready(), 6u);
}

TEST(ControlScale, TheSameSeedGivesTheSameRun) {
  const std::string faults = R"json({"at": "10s", "action": "scale", "target": "web", "replicas": 7},
                                    {"at": "30s", "action": "scale", "target": "web", "replicas": 2})json";
  const testing::FinishedRun a = testing::runScenario(scaledSet(faults));
  const testing::FinishedRun b = testing::runScenario(scaledSet(faults));
  EXPECT_EQ(a.results.fingerprint, b.results.fingerprint);
  EXPECT_EQ(a.results.completed, b.results.completed);
  // And the series follows the count: 4, then 7, then 2.
  EXPECT_EQ(a.mean("web.instances", 5, 9), 4);
  EXPECT_EQ(a.mean("web.instances", 11, 29), 7);
  EXPECT_EQ(a.mean("web.instances", 34, 60), 2);
}

TEST(ControlScale, BadCountsAndTargetsAreRefusedAtTheirFields) {
  const auto errorsOf = [](const std::string& fault) {
    const std::string json = R"json({"format": "pillars-scenario", "version": 1,
  "components": [{"id": "users", "kind": "client"}, {"id": "web", "kind": "service"}],
  "links": [{"from": "users", "to": "web"}],
  "faults": [)json" + fault + "]}";
    return formatDiagnostics(readScenario(json, "scale.json", builtinRegistry()).errors);
  };
  const std::string zero = errorsOf(R"json({"at": "1s", "action": "scale", "target": "web", "replicas": 0})json");
  EXPECT_NE(zero.find("scale.json:4:"), std::string::npos) << zero;
  EXPECT_NE(zero.find("faults[0].replicas"), std::string::npos) << zero;
  EXPECT_NE(zero.find("a whole number from 1 to 1000"), std::string::npos) << zero;
  EXPECT_NE(errorsOf(R"json({"at": "1s", "action": "scale", "target": "web", "replicas": 2.5})json").find("whole number"),
            std::string::npos);
  EXPECT_NE(errorsOf(R"json({"at": "1s", "action": "scale", "target": "web", "replicas": 1001})json").find("whole number"),
            std::string::npos);
  const std::string missing = errorsOf(R"json({"at": "1s", "action": "scale", "target": "web"})json");
  EXPECT_NE(missing.find("missing required field \"replicas\""), std::string::npos) << missing;
  const std::string onCrash = errorsOf(R"json({"at": "1s", "action": "crash", "target": "web", "replicas": 3})json");
  EXPECT_NE(onCrash.find("\"replicas\" is only for \"scale\" faults"), std::string::npos) << onCrash;
  const std::string onClient = errorsOf(R"json({"at": "1s", "action": "scale", "target": "users", "replicas": 3})json");
  EXPECT_NE(onClient.find("service"), std::string::npos) << onClient;
}

TEST(ControlScale, AScaleFaultIsWrittenWithItsCountAndReadsBack) {
  const Scenario s = scaledSet(R"json({"at": "10s", "action": "scale", "target": "web", "replicas": 7})json");
  const std::string written = writeScenarioJson(s);
  EXPECT_NE(written.find("\"replicas\": 7"), std::string::npos) << written;
  const ScenarioLoad back = readScenario(written, "back.json", builtinRegistry());
  ASSERT_TRUE(back.ok()) << formatDiagnostics(back.errors);
  ASSERT_EQ(back.scenario->faults.size(), 1u);
  EXPECT_EQ(back.scenario->faults[0], s.faults[0]);
}

}  // namespace
}  // namespace pillars
