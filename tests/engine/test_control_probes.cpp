// Liveness and readiness probes with Kubernetes' semantics: a probe not answered within its
// timeout fails, failure_threshold failures in a row flip the verdict. With probe_path worker a
// probe waits for a worker like any request, so an overloaded (busy, not broken) instance fails
// its liveness probe and is killed, again and again after each CrashLoopBackOff wait: the
// cascade probes through the serving path cause. A dedicated listener does not.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "engine/io/scenario_reader.hpp"
#include "engine/pillars/control/probe.hpp"
#include "control_fixtures.hpp"
#include "sim_fixtures.hpp"

namespace pillars {
namespace {

using testing::build;
using testing::extra;

/// When `watched` went down and came back up.
class UpDownLog final : public SimObserver {
 public:
  explicit UpDownLog(ComponentId watched) : m_watched(watched) {}
  void onComponentState(ComponentId id, ComponentState state, SimTime at) override {
    if (id != m_watched) return;
    (state == ComponentState::Down ? downs : ups).push_back(simTimeToSeconds(at));
  }
  std::vector<double> downs;
  std::vector<double> ups;

 private:
  ComponentId m_watched;
};

/// 20 requests/s, one at a time every 50 ms, into one worker taking 100 ms: capacity 10/s, so
/// the queue grows by 10 a second and a probe behind it waits a second more every second.
/// (`api` holds the service's parameters; the tests give workers 1 and service_time 100ms.)
ScenarioBuilder overloaded(ScenarioBuilder::Params api, const std::string& rate = "20") {
  ScenarioBuilder b("overloaded");
  b.component("users", "client", {{"arrival", "constant"}, {"rate", rate}, {"timeout", "30s"}})
      .component("api", "service", api)
      .link("users", "api", {{"latency", "0"}});
  return b;
}

TEST(ControlProbes, AVerdictFlipsAfterThresholdResultsInARow) {
  Probe liveness({kSecond, kSecond, 3, 1});
  EXPECT_TRUE(liveness.passing());
  EXPECT_FALSE(liveness.record(false));
  EXPECT_FALSE(liveness.record(false));
  EXPECT_FALSE(liveness.record(true)) << "a success in between starts the count again";
  EXPECT_FALSE(liveness.record(false));
  EXPECT_FALSE(liveness.record(false));
  EXPECT_TRUE(liveness.record(false)) << "the third failure in a row";
  EXPECT_FALSE(liveness.passing());
  EXPECT_EQ(liveness.failures(), 5u);

  Probe readiness({kSecond, kSecond, 1, 2});
  EXPECT_TRUE(readiness.record(false));
  EXPECT_FALSE(readiness.record(true)) << "success_threshold 2: one is not enough";
  EXPECT_TRUE(readiness.record(true));
  EXPECT_TRUE(readiness.passing());
}

TEST(ControlProbes, LivenessThroughTheWorkersKillsABusyInstanceOverAndOver) {
  auto sim = build(overloaded({{"workers", "1"}, {"service_time", "100ms"}, {"restart_policy", "always"}, {"liveness_period", "1s"}}));
  const ComponentId api = sim->findComponent("api")->id();
  UpDownLog log(api);
  sim->addObserver(&log);
  sim->runUntil(60 * kSecond);
  // The probes sent at 2, 3 and 4 s wait behind more than a second of work: the third failure
  // (at 5 s) kills it. Restarted after CrashLoopBackOff's 10 s, then 20 s; each time the queue
  // builds again from empty and the instance is killed 4 s after it came back.
  EXPECT_EQ(log.downs, (std::vector<double>{5, 19, 43}));
  EXPECT_EQ(log.ups, (std::vector<double>{15, 39}));
  EXPECT_EQ(extra(*sim, "api", "liveness_kills"), 3);
  // Every kill threw away the queue: the requests in it are lost (callers time out).
  EXPECT_GT(sim->findComponent("api")->metrics().dropped, 100u);
}

TEST(ControlProbes, ADedicatedListenerKeepsABusyInstanceAlive) {
  auto sim = build(overloaded({{"workers", "1"}, {"service_time", "100ms"}, {"restart_policy", "always"}, {"liveness_period", "1s"},
                          {"probe_path", "dedicated"}}));
  sim->runUntil(60 * kSecond);
  EXPECT_EQ(extra(*sim, "api", "liveness_kills"), 0);
  EXPECT_EQ(extra(*sim, "api", "liveness_failures"), 0);
  // Busy all along: it completes what its one worker can, 10 a second.
  EXPECT_NEAR(static_cast<double>(sim->findComponent("api")->metrics().completed), 600, 2);
}

TEST(ControlProbes, BelowCapacityEveryProbePasses) {
  auto sim = build(overloaded({{"workers", "1"}, {"service_time", "100ms"}, {"restart_policy", "always"}, {"liveness_period", "1s"}}, "5"));
  sim->runUntil(60 * kSecond);
  EXPECT_EQ(extra(*sim, "api", "liveness_failures"), 0);
  EXPECT_EQ(extra(*sim, "api", "liveness_kills"), 0);
}

TEST(ControlProbes, AFailingReadinessProbeTakesTheInstanceOutOfTheBalancer) {
  ScenarioBuilder b("readiness");
  b.component("users", "client", {{"arrival", "constant"}, {"rate", "20"}, {"timeout", "30s"}})
      .component("lb", "load_balancer")
      .component("api", "service", {{"workers", "1"}, {"service_time", "100ms"}, {"readiness_period", "1s"}})
      .link("users", "lb", {{"latency", "0"}})
      .link("lb", "api", {{"latency", "0"}});
  auto sim = build(b);
  sim->runUntil(60 * kSecond);
  const ComponentMetrics& api = sim->findComponent("api")->metrics();
  // Out of rotation whenever its queue holds more than a second of work, back once a probe
  // gets through: the balancer refuses what the instance cannot take, so its queue stays short
  // (without the probe it grows to 600) and it still works flat out.
  EXPECT_GT(extra(*sim, "api", "readiness_failures"), 10);
  EXPECT_LT(api.queueLength.max(), 100);
  EXPECT_GT(sim->findComponent("lb")->metrics().dropped, 400u);
  EXPECT_NEAR(static_cast<double>(api.completed), 600, 50);
}

TEST(ControlProbes, ProbesNeverChangeTheRandomStreamOfAHealthyService) {
  // Probes take a fixed time and draw nothing: the requests' service times are the same.
  auto plain = build(overloaded({{"workers", "2"}, {"service_time", "exp(10ms)"}}, "5"));
  auto withProbes = build(overloaded({{"workers", "2"}, {"service_time", "exp(10ms)"}, {"readiness_period", "1s"}}, "5"));
  plain->runUntil(30 * kSecond);
  withProbes->runUntil(30 * kSecond);
  EXPECT_EQ(plain->findComponent("users")->metrics().latency.max(),
            withProbes->findComponent("users")->metrics().latency.max());
}

TEST(ControlProbes, ALivenessProbeWithoutRestartsIsAnError) {
  const std::string json = R"({"format": "pillars-scenario", "version": 1, "name": "x",
    "components": [{"id": "api", "kind": "service", "params": {"liveness_period": "10s"}}]})";
  const ScenarioLoad load = readScenario(json, "bad.json", builtinRegistry());
  ASSERT_FALSE(load.ok());
  const std::string text = formatDiagnostics(load.errors);
  EXPECT_NE(text.find("bad.json"), std::string::npos) << text;
  EXPECT_NE(text.find("liveness_period"), std::string::npos) << text;
  EXPECT_NE(text.find("restart_policy always"), std::string::npos) << text;
}

// A second instance (web#1) added at 5 s needs 40 s to start; its liveness probe (every 5 s, 3
// failures) is refused while it starts, so without an initial delay it is killed at 20 s of
// its start-up, again after each CrashLoopBackOff wait, and never serves; with
// liveness_initial_delay 45s the probe waits for the start-up and the instance joins.
TEST(ControlProbes, AnInitialDelayLongerThanTheStartUpKeepsASlowStartAlive) {
  const auto run = [](const std::string& delay) {
    const std::string json = R"json({"format": "pillars-scenario", "version": 1, "name": "slow start", "seed": 3,
      "duration": "200s", "warmup": "0s",
      "components": [{"id": "users", "kind": "client", "params": {"rate": 50}},
                     {"id": "lb", "kind": "load_balancer"},
                     {"id": "web", "kind": "service", "params": {"startup_time": "40s", "restart_policy": "always",
                        "liveness_period": "5s", "liveness_initial_delay": ")json" + delay + R"json("}}],
      "links": [{"from": "users", "to": "lb"}, {"from": "lb", "to": "web"}],
      "faults": [{"at": "5s", "action": "scale", "target": "web", "replicas": 2}]})json";
    const ScenarioLoad load = readScenario(json, "slow.json", builtinRegistry());
    EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
    return testing::runScenario(*load.scenario);
  };
  const auto second = [](const testing::FinishedRun& r) {
    return std::find_if(r.results.components.begin(), r.results.components.end(),
                        [](const ComponentResult& c) { return c.id == "web#1"; });
  };
  const auto figure = [](const ComponentResult& c, const std::string& name) {
    for (const auto& [key, value] : c.extras) {
      if (key == name) return value;
    }
    return -1.0;
  };
  const testing::FinishedRun killed = run("0s");
  const auto k = second(killed);
  ASSERT_NE(k, killed.results.components.end()) << [&] {
    std::string ids;
    for (const ComponentResult& c : killed.results.components) ids += c.id + " ";
    return ids;
  }();
  // Killed 15 s into each start (three refused probes at 5, 10, 15 s), restarted after 10, 20,
  // 40, 80 s: it never gets through its 40 s start-up.
  EXPECT_GE(figure(*k, "liveness_kills"), 4);
  EXPECT_EQ(k->completed, 0u);
  const testing::FinishedRun alive = run("45s");
  const auto a = second(alive);
  ASSERT_NE(a, alive.results.components.end());
  EXPECT_EQ(figure(*a, "liveness_kills"), 0);
  EXPECT_GT(a->completed, 2000u) << "ready from 45 s, half of 50 req/s for 155 s";
}

}  // namespace
}  // namespace pillars
