// The autoscaler in a run (autoscale-spike.json): a Horizontal Pod Autoscaler resizing a
// replica set whose instances need 60 s to start, checked against what the HPA's rules predict
// step by step; and the reader's refusals of a malformed autoscaler.
#include <gtest/gtest.h>

#include <algorithm>

#include "control_fixtures.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/pillars/intelligence/autoscaler.hpp"
#include "engine/run/instances.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

using testing::exampleScenario;
using testing::runScenario;

const Autoscaler& scalerOf(ScenarioRunner& runner) {
  const Component* c = runner.simulation().findComponent("scaler");
  const auto* a = dynamic_cast<const Autoscaler*>(c);
  EXPECT_NE(a, nullptr);
  return *a;
}

TEST(Autoscaler, UtilizationSaturatesSoASpikeTakesTwoRoundsOfStartUps) {
  testing::FinishedRun run = runScenario(exampleScenario("autoscale-spike.json"));
  const auto& scalings = scalerOf(*run.runner).scalings();
  ASSERT_GE(scalings.size(), 2u);
  // Before the spike (200 req/s on 2 instances of 200 req/s) utilization is near the 50%
  // target: no change. At the first evaluation after the spike (75 s) utilization is at its
  // 100% ceiling, which asks for 2 x 100/50 = 4 only.
  EXPECT_EQ(scalings[0].at, 75 * kSecond);
  EXPECT_EQ(scalings[0].from, 2u);
  EXPECT_EQ(scalings[0].to, 4u);
  EXPECT_GT(scalings[0].metric, 95.0);
  // While the two new instances start (60 s) the HPA counts them idle: (100 + 100 + 0 + 0) / 4
  // is the target, so nothing moves until they have been ready for a window: 75 + 60 + 15.
  EXPECT_EQ(scalings[1].at, 150 * kSecond);
  EXPECT_EQ(scalings[1].from, 4u);
  EXPECT_EQ(scalings[1].to, 8u) << "800 req/s needs 8 instances at 50%";
  // The spike ends at 300 s; the evaluation at 300 s still saw it, so the set stays at 8 for
  // the 300 s stabilization window and scales in at 600 s, not before.
  for (const auto& s : scalings) {
    if (s.to < s.from) {
      EXPECT_EQ(s.at, 600 * kSecond);
      break;
    }
  }
  const auto firstDown = std::find_if(scalings.begin(), scalings.end(), [](const auto& s) { return s.to < s.from; });
  ASSERT_NE(firstDown, scalings.end());
  // Requests time out while the set is short of capacity (60-210 s), and not once it keeps up.
  EXPECT_GT(run.mean("global.timed_out_rps", 60, 210), 50.0);
  EXPECT_LT(run.mean("global.timed_out_rps", 230, 300), 1.0);
  EXPECT_NEAR(run.mean("scaler.instances", 230, 300), 8.0, 0.01);
  EXPECT_NEAR(run.mean("scaler.ready", 230, 300), 8.0, 0.01);
}

TEST(Autoscaler, RequestsPerSecondDoNotSaturateSoTheSetGetsItsSizeInTwoSteps) {
  testing::FinishedRun run =
      runScenario(exampleScenario("autoscale-spike.json", {"scaler.metric=rps", "scaler.target=100"}));
  const auto& scalings = scalerOf(*run.runner).scalings();
  ASSERT_GE(scalings.size(), 2u);
  // 800 req/s over 2 instances: 400 each against 100 wants 8; the default scale-up policy
  // allows max(2 + 4, 2 x 2) = 6 in the first 15 s.
  EXPECT_EQ(scalings[0].at, 75 * kSecond);
  EXPECT_EQ(scalings[0].recommended, 8u);
  EXPECT_EQ(scalings[0].to, 6u);
  EXPECT_EQ(scalings[0].limit, hpa::Limit::ScaleUpPolicy);
  // Starting instances count (as running pods with their 0 req/s) for a pods metric:
  // (400 + 400 + 0 x 4) / 6 = 133 -> ceil(1.33 x 6) = 8, now within the policy.
  EXPECT_EQ(scalings[1].at, 90 * kSecond);
  EXPECT_EQ(scalings[1].to, 8u);
}

TEST(Autoscaler, TheSetNeverLeavesItsBoundsAndScaledInInstancesAreRemoved) {
  testing::FinishedRun run = runScenario(exampleScenario("autoscale-spike.json", {"scaler.max_replicas=5"}));
  const auto& scalings = scalerOf(*run.runner).scalings();
  for (const auto& s : scalings) {
    EXPECT_LE(s.to, 5u);
    EXPECT_GE(s.to, 2u);
  }
  const TimeSeries* ts = run.runner->timeSeries();
  const auto col = ts->columnIndex("scaler.instances");
  ASSERT_TRUE(col);
  for (std::size_t row = 0; row < ts->rowCount(); ++row) EXPECT_LE(ts->value(row, *col), 5.0);
  // Every instance ever made is reported; the scaled-in ones as removed.
  std::size_t removed = 0;
  for (const ComponentResult& c : run.results.components) {
    if (scenarioIdOf(c.id) == "web" && c.removed) ++removed;
  }
  EXPECT_EQ(removed, 5u - scalings.back().to) << "5 at most, back down to the last count";
}

TEST(Autoscaler, TheSameSeedGivesTheSameScalings) {
  testing::FinishedRun a = runScenario(exampleScenario("autoscale-spike.json"));
  testing::FinishedRun b = runScenario(exampleScenario("autoscale-spike.json"));
  EXPECT_EQ(a.results.fingerprint, b.results.fingerprint);
  ASSERT_EQ(scalerOf(*a.runner).scalings().size(), scalerOf(*b.runner).scalings().size());
}

TEST(Autoscaler, ItsDecisionsAreInTheResultsInWords) {
  testing::FinishedRun run = runScenario(exampleScenario("autoscale-spike.json"));
  const auto scaler = std::find_if(run.results.components.begin(), run.results.components.end(),
                                   [](const ComponentResult& c) { return c.id == "scaler"; });
  ASSERT_NE(scaler, run.results.components.end());
  ASSERT_FALSE(scaler->decisions.empty());
  EXPECT_DOUBLE_EQ(scaler->decisions[0].atS, 75.0);
  EXPECT_NE(scaler->decisions[0].summary.find("scaled 2 → 4"), std::string::npos) << scaler->decisions[0].summary;
}

TEST(Autoscaler, ACrashedAutoscalerStopsScalingAndResumesAfterItsRestart) {
  Scenario s = exampleScenario("autoscale-spike.json");
  FaultSpec crash;
  crash.at = 70 * kSecond;
  crash.action = FaultAction::Crash;
  crash.target = "scaler";
  FaultSpec restart = crash;
  restart.at = 200 * kSecond;
  restart.action = FaultAction::Restart;
  s.faults = {crash, restart};
  testing::FinishedRun run = runScenario(std::move(s));
  const auto& scalings = scalerOf(*run.runner).scalings();
  ASSERT_FALSE(scalings.empty());
  // Its next look is a sync period after the restart, at 215 s; the set stayed at 2 until then.
  EXPECT_EQ(scalings[0].at, 215 * kSecond);
  EXPECT_EQ(scalings[0].from, 2u);
}

std::vector<Diagnostic> errorsOf(const std::string& paramsJson) {
  const std::string text = R"({"format": "pillars-scenario", "version": 1, "duration": "10s",
    "components": [
      {"id": "users", "kind": "client"},
      {"id": "web", "kind": "service"},
      {"id": "scaler", "kind": "autoscaler", "params": )" + paramsJson + R"(}],
    "links": [{"from": "users", "to": "web"}, {"from": "scaler", "to": "web"}]})";
  return readScenario(text, "bad.json", builtinRegistry()).errors;
}

TEST(Autoscaler, MinAboveMaxIsRefusedAtTheField) {
  const auto errors = errorsOf(R"({"min_replicas": 5, "max_replicas": 3})");
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  EXPECT_EQ(errors[0].file, "bad.json");
  EXPECT_EQ(errors[0].path, "$.components[2].params.min_replicas");
  EXPECT_GT(errors[0].location.line, 0u);
  EXPECT_NE(errors[0].message.find("above max_replicas"), std::string::npos) << errors[0].message;
}

TEST(Autoscaler, ATargetOfZeroIsRefused) {
  const auto errors = errorsOf(R"({"target": 0})");
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  EXPECT_EQ(errors[0].path, "$.components[2].params.target");
}

TEST(Autoscaler, AUtilizationTargetAbove100IsRefused) {
  const auto errors = errorsOf(R"({"target": 150})");
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  EXPECT_NE(errors[0].message.find("can never be reached"), std::string::npos);
  EXPECT_TRUE(errorsOf(R"({"metric": "rps", "target": 150})").empty()) << "150 req/s per instance is fine";
}

TEST(Autoscaler, ItScalesOnlyAServiceAndOnlyOne) {
  const std::string twoTargets = R"({"format": "pillars-scenario", "version": 1, "duration": "10s",
    "components": [{"id": "users", "kind": "client"}, {"id": "web", "kind": "service"},
                   {"id": "api", "kind": "service"}, {"id": "scaler", "kind": "autoscaler"}],
    "links": [{"from": "users", "to": "web"}, {"from": "scaler", "to": "web"}, {"from": "scaler", "to": "api"}]})";
  const auto two = readScenario(twoTargets, "two.json", builtinRegistry()).errors;
  ASSERT_EQ(two.size(), 1u) << formatDiagnostics(two);
  EXPECT_NE(two[0].message.find("at most 1"), std::string::npos) << two[0].message;
  const std::string toClient = R"({"format": "pillars-scenario", "version": 1, "duration": "10s",
    "components": [{"id": "users", "kind": "client"}, {"id": "web", "kind": "service"}, {"id": "scaler", "kind": "autoscaler"}],
    "links": [{"from": "users", "to": "web"}, {"from": "scaler", "to": "users"}]})";
  const auto client = readScenario(toClient, "client.json", builtinRegistry()).errors;
  ASSERT_EQ(client.size(), 1u) << formatDiagnostics(client);
  EXPECT_NE(client[0].message.find("sends only to service"), std::string::npos) << client[0].message;
  const std::string alone = R"({"format": "pillars-scenario", "version": 1, "duration": "10s",
    "components": [{"id": "users", "kind": "client"}, {"id": "web", "kind": "service"}, {"id": "scaler", "kind": "autoscaler"}],
    "links": [{"from": "users", "to": "web"}]})";
  EXPECT_EQ(readScenario(alone, "alone.json", builtinRegistry()).errors.size(), 1u);
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

TEST(AutoscalerCost, AFixedSetCostsItsInstanceHours) {
  // min = max = 2: the set never changes. Two instances at 1 an hour for 720 s: 0.4.
  testing::FinishedRun run = runScenario(exampleScenario(
      "autoscale-spike.json", {"web.instance_cost_per_hour=1", "scaler.min_replicas=2", "scaler.max_replicas=2"}));
  EXPECT_NEAR(run.results.costTotal, 2 * 720.0 / 3600.0, 1e-9);
  EXPECT_NEAR(run.results.costPerHour, 2.0, 1e-9);
  EXPECT_NEAR(run.mean("global.cost_per_hour", 0, 720), 2.0, 1e-9);
}

TEST(AutoscalerCost, AnAutoscaledSetCostsWhatItsInstancesRan) {
  testing::FinishedRun run = runScenario(exampleScenario("autoscale-spike.json", {"web.instance_cost_per_hour=1"}));
  // The spend rate sampled every 5 s, summed: the instance-hours, up to the sampling (and the
  // 3 s drains of the five instances scaled in).
  const double sampled = run.mean("global.cost_per_hour", 0, 720) * 720.0 / 3600.0;
  EXPECT_NEAR(run.results.costTotal, sampled, 0.02 * sampled);
  EXPECT_GT(run.results.costTotal, 2 * 720.0 / 3600.0) << "more than the two it started with";
  EXPECT_LT(run.results.costTotal, 12 * 720.0 / 3600.0) << "less than max_replicas all along";
}

}  // namespace
}  // namespace pillars
