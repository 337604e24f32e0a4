// The anomaly detector on clients: EWMA arithmetic by hand (Finch 2009), and in a run an alert
// that fires at the first interval of a slowdown and resolves at the first interval after it,
// with no false alarm in the steady state around it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/io/scenario_reader.hpp"
#include "engine/pillars/intelligence/anomaly_detector.hpp"
#include "engine/run/scenario_runner.hpp"

namespace pillars {
namespace {

TEST(Ewma, MeanAndVarianceFollowTheIncrementalFormulas) {
  Ewma e(0.5);
  e.add(10);
  EXPECT_EQ(e.mean(), 10);
  EXPECT_EQ(e.deviation(), 0);
  e.add(10);
  EXPECT_EQ(e.mean(), 10);
  EXPECT_EQ(e.deviation(), 0);
  // diff 10: mean 10 + 0.5 x 10 = 15; variance (1 - 0.5)(0 + 0.5 x 100) = 25.
  e.add(20);
  EXPECT_DOUBLE_EQ(e.mean(), 15);
  EXPECT_DOUBLE_EQ(e.deviation(), 5);
  // diff -15: mean 7.5; variance 0.5 (25 + 0.5 x 225) = 68.75.
  e.add(0);
  EXPECT_DOUBLE_EQ(e.mean(), 7.5);
  EXPECT_DOUBLE_EQ(e.deviation(), std::sqrt(68.75));
  EXPECT_EQ(e.samples(), 4u);
}

Scenario slowdownScenario(const std::string& clientParams) {
  const std::string text = R"json({"format": "pillars-scenario", "version": 1, "seed": 3, "duration": "600s",
    "components": [
      {"id": "users", "kind": "client", "params": {"rate": 100, "timeout": "2s", "anomaly_detection": true)json" +
                           clientParams + R"json(}},
      {"id": "web", "kind": "service", "params": {"workers": 4, "service_time": "exp(10ms)"}}],
    "links": [{"from": "users", "to": "web", "params": {"latency": "1ms"}}],
    "faults": [{"at": "300s", "action": "slow", "target": "web", "factor": 2},
               {"at": "400s", "action": "slow", "target": "web", "factor": 1}]})json";
  ScenarioLoad load = readScenario(text, "anomaly.json", builtinRegistry());
  EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  return load.ok() ? *load.scenario : Scenario{};
}

TEST(AnomalyDetector, ASlowdownFiresAtItsFirstIntervalAndResolvesAtTheFirstIntervalAfter) {
  const Scenario s = slowdownScenario("");
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  ASSERT_EQ(r.alerts.size(), 1u) << "one anomaly, no false alarm in 300 s of steady state before or 200 s after";
  const AlertResult& a = r.alerts.front();
  EXPECT_EQ(a.name, "anomaly_latency");
  EXPECT_EQ(a.severity, "anomaly");
  // Samples every 10 s: the one ending at 310 s is the first with slowed requests, the one
  // ending at 410 s the first after (the held baseline is the normal one).
  EXPECT_EQ(a.firedAtS, 310.0);
  EXPECT_EQ(a.resolvedAtS, 410.0);
  EXPECT_NE(a.detail.find("mean latency"), std::string::npos) << a.detail;
}

TEST(AnomalyDetector, NothingFiresDuringWarmUpAndAHigherKSeesLess) {
  // The slowdown at 300 s falls within 40 samples of learning: no alarm.
  const Scenario learning = slowdownScenario(R"(, "anomaly_warmup": 40)");
  ScenarioRunner patient(learning, builtinRegistry());
  patient.run();
  EXPECT_TRUE(patient.results().alerts.empty());
  // Twice as slow is about 30 deviations above the baseline (23 ms against 12.1 ± 0.35 ms),
  // so k = 100 misses it.
  const Scenario bluntScenario = slowdownScenario(R"(, "anomaly_k": 100)");
  ScenarioRunner blunt(bluntScenario, builtinRegistry());
  blunt.run();
  EXPECT_TRUE(blunt.results().alerts.empty());
}

TEST(AnomalyDetector, ALossyLinkRaisesTheErrorRateAlarm) {
  Scenario s = slowdownScenario("");
  s.faults = {{300 * kSecond, FaultAction::Loss, "users->web", 0.05, 0}, {400 * kSecond, FaultAction::Loss, "users->web", 0, 0}};
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  const auto errors = std::find_if(r.alerts.begin(), r.alerts.end(), [](const AlertResult& a) { return a.name == "anomaly_error_rate"; });
  ASSERT_NE(errors, r.alerts.end());
  EXPECT_EQ(errors->firedAtS, 310.0);
  EXPECT_GE(errors->resolvedAtS, 410.0);
  EXPECT_LE(errors->resolvedAtS, 420.0) << "requests lost just before 400 s time out 2 s later";
}

}  // namespace
}  // namespace pillars
