// Chaos experiments (chaos-monkey.json): Chaos Monkey's scheduling checked against the binomial
// law it follows, the blast radius, the steady-state hypothesis and its abort, injections that
// are lifted again, and the reader's refusals.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "control_fixtures.hpp"
#include "engine/io/results_reader.hpp"
#include "engine/io/results_writer.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/pillars/intelligence/chaos_monkey.hpp"
#include "engine/run/instances.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

using testing::exampleScenario;
using testing::runScenario;

const ChaosMonkey& monkeyOf(ScenarioRunner& runner) {
  const auto* m = dynamic_cast<const ChaosMonkey*>(runner.simulation().findComponent("monkey"));
  EXPECT_NE(m, nullptr);
  return *m;
}

const ExperimentResult& experimentOf(const RunResults& r) {
  EXPECT_EQ(r.experiments.size(), 1u);
  return r.experiments.front();
}

TEST(ChaosMonkey, TheAttackCountFollowsItsBinomialLawAndAGroupIsAttackedOncePerWindowAtMost) {
  // p = window / mean time between kills = 10 / 40; windows open every 10 s from 60 s to
  // 3990 s: 394 of them, so the attacks are binomial(394, 0.25): mean 98.5, sd 8.6.
  Scenario s = exampleScenario("chaos-monkey.json",
                               {"monkey.window=10s", "monkey.mean_time_between_kills=40s", "monkey.blast_radius=6",
                                "monkey.hypothesis_availability=0", "monkey.hypothesis_p99=0"});
  s.duration = 4000 * kSecond;
  testing::FinishedRun run = runScenario(std::move(s));
  const ChaosMonkey& monkey = monkeyOf(*run.runner);
  const double n = 394, p = 0.25, mean = n * p, sd = std::sqrt(n * p * (1 - p));
  const double attacks = static_cast<double>(monkey.attacks().size());
  std::cout << "attacks " << attacks << " against binomial mean " << mean << " sd " << sd << "\n";
  EXPECT_LT(std::abs(attacks - mean), 3 * sd);
  EXPECT_EQ(monkey.kills(), monkey.attacksMade()) << "every attack is a kill";
  std::set<long long> windows;
  for (const auto& a : monkey.attacks()) {
    EXPECT_GE(a.at, 60 * kSecond);
    const long long window = (a.at - 60 * kSecond) / (10 * kSecond);
    EXPECT_TRUE(windows.insert(window).second) << "two attacks on web in the window from "
                                               << 60 + 10 * window << " s";
  }
  // Every kill is brought back by the replica set (restart_policy always).
  for (const ComponentId id : instancesOf(run.runner->simulation(), "web")) {
    EXPECT_GT(run.runner->simulation().component(id).metrics().completed, 0u);
  }
  EXPECT_EQ(experimentOf(run.results).verdict, "unchecked");
}

TEST(ChaosMonkey, NeverMoreThanTheBlastRadiusImpairedAtOnce) {
  // An attack in every window (p = 1), and killed instances slow to come back (CrashLoopBackOff
  // 10 s, then 60 s to start): without the limit, most of the set would be down.
  Scenario s = exampleScenario("chaos-monkey.json",
                               {"monkey.window=10s", "monkey.mean_time_between_kills=10s", "monkey.blast_radius=2",
                                "web.startup_time=60s", "monkey.hypothesis_availability=0", "monkey.hypothesis_p99=0",
                                "monkey.start=70s"});
  s.metricsInterval = kSecond;
  testing::FinishedRun run = runScenario(std::move(s));
  const ChaosMonkey& monkey = monkeyOf(*run.runner);
  std::size_t heldBack = 0;
  for (const auto& a : monkey.attacks()) {
    if (a.skippedBlastRadius) {
      ++heldBack;
      EXPECT_GE(a.impaired, 2u);
    } else {
      EXPECT_LT(a.impaired, 2u) << "an attack at " << simTimeToSeconds(a.at) << " s";
    }
  }
  EXPECT_GT(heldBack, 10u) << "the limit was reached and held attacks back";
  EXPECT_GT(monkey.kills(), 5u);
  const TimeSeries* ts = run.runner->timeSeries();
  const auto impaired = ts->columnIndex("monkey.impaired");
  ASSERT_TRUE(impaired);
  double most = 0;
  for (std::size_t row = 0; row < ts->rowCount(); ++row) most = std::max(most, ts->value(row, *impaired));
  EXPECT_EQ(most, 2.0) << "two impaired at once at most, and two reached";
}

TEST(ChaosMonkey, TheSteadyStateHoldsWhenRetriesAndHealthChecksAbsorbTheKills) {
  testing::FinishedRun run = runScenario(exampleScenario("chaos-monkey.json"));
  const ExperimentResult& e = experimentOf(run.results);
  EXPECT_EQ(e.verdict, "held") << e.detail;
  EXPECT_EQ(e.hypothesis, "availability >= 99.9% and p99 <= 150ms over 30s");
  EXPECT_EQ(e.startedAtS, 60.0);
  const ChaosMonkey& monkey = monkeyOf(*run.runner);
  EXPECT_GE(monkey.kills(), 4u);
  // Checked every 5 s from 60 s to 600 s.
  EXPECT_EQ(monkey.checks(), 108u);
  EXPECT_TRUE(monkey.brokenChecks().empty());
}

TEST(ChaosMonkey, ABrokenSteadyStateAbortsTheExperimentAndNothingIsAttackedAfter) {
  // Round robin keeps sending a dead instance its sixth until two health checks have failed,
  // and without retries those requests fail: 99.9% is broken at the first kill.
  testing::FinishedRun run =
      runScenario(exampleScenario("chaos-monkey.json", {"lb.policy=round_robin", "users.retries=0"}));
  const ExperimentResult& e = experimentOf(run.results);
  ASSERT_EQ(e.verdict, "aborted") << e.detail;
  EXPECT_NE(e.detail.find("availability"), std::string::npos) << e.detail;
  const ChaosMonkey& monkey = monkeyOf(*run.runner);
  ASSERT_GE(monkey.kills(), 1u);
  const double firstKill = simTimeToSeconds(monkey.attacks().front().at);
  EXPECT_GT(e.abortedAtS, firstKill);
  EXPECT_LE(e.abortedAtS, firstKill + 5) << "found at the first check after the kill";
  EXPECT_EQ(e.endedAtS, e.abortedAtS);
  for (const auto& a : monkey.attacks()) EXPECT_LT(simTimeToSeconds(a.at), e.abortedAtS);
  EXPECT_EQ(monkey.brokenChecks().size(), 1u);
}

TEST(ChaosMonkey, AnExperimentOnASystemNotInItsSteadyStateDoesNotRun) {
  // A p99 of 20 ms cannot hold with 20 ms mean work: the baseline over 30-60 s breaks it.
  testing::FinishedRun run = runScenario(exampleScenario("chaos-monkey.json", {"monkey.hypothesis_p99=20ms"}));
  const ExperimentResult& e = experimentOf(run.results);
  EXPECT_EQ(e.verdict, "not run") << e.detail;
  EXPECT_NE(e.detail.find("before the experiment began"), std::string::npos) << e.detail;
  EXPECT_TRUE(monkeyOf(*run.runner).attacks().empty());
  EXPECT_EQ(e.startedAtS, -1.0);
}

TEST(ChaosMonkey, InjectedLatencyIsLiftedWhenTheExperimentEnds) {
  testing::FinishedRun run = runScenario(exampleScenario(
      "chaos-monkey.json", {"lb.policy=round_robin", "monkey.attack=latency", "monkey.injected_latency=200ms", "monkey.attack_duration=20s",
                            "monkey.stop=500s", "monkey.hypothesis_availability=0", "monkey.hypothesis_p99=0"}));
  const ChaosMonkey& monkey = monkeyOf(*run.runner);
  EXPECT_GE(monkey.attacksMade(), 4u);
  EXPECT_EQ(monkey.kills(), 0u);
  // Round robin sends the victim its sixth however slow it is: a sixth of the traffic 200 ms
  // slower for 20 s in most minutes, well over 1% of the requests. (Least connections would
  // send it less: its requests pile up.)
  EXPECT_GT(run.results.latency.p99, 200.0);
  const Simulation& sim = run.runner->simulation();
  for (const LinkId l : linksOf(sim, "lb->web")) EXPECT_EQ(sim.network().link(l).extraLatency, 0) << "lifted";
  EXPECT_EQ(experimentOf(run.results).endedAtS, 500.0);
}

TEST(ChaosMonkey, TheVerdictIsInTheResultsJsonAndReadBack) {
  testing::FinishedRun run =
      runScenario(exampleScenario("chaos-monkey.json", {"lb.policy=round_robin", "users.retries=0"}));
  const std::string json = writeResultsJson(run.results, "chaos");
  EXPECT_NE(json.find("\"experiments\""), std::string::npos);
  std::string error;
  const std::optional<RunResults> back = readResultsJson(json, &error);
  ASSERT_TRUE(back) << error;
  ASSERT_EQ(back->experiments.size(), 1u);
  const ExperimentResult& e = back->experiments.front();
  EXPECT_EQ(e.component, "monkey");
  EXPECT_EQ(e.verdict, "aborted");
  EXPECT_EQ(e.abortedAtS, run.results.experiments.front().abortedAtS);
  EXPECT_EQ(e.detail, run.results.experiments.front().detail);
}

TEST(ChaosMonkey, TheSameSeedAttacksTheSameWay) {
  testing::FinishedRun a = runScenario(exampleScenario("chaos-monkey.json"));
  testing::FinishedRun b = runScenario(exampleScenario("chaos-monkey.json"));
  EXPECT_EQ(a.results.fingerprint, b.results.fingerprint);
  Scenario other = exampleScenario("chaos-monkey.json");
  other.seed = 8;
  testing::FinishedRun c = runScenario(std::move(other));
  EXPECT_NE(monkeyOf(*a.runner).attacks().front().at, monkeyOf(*c.runner).attacks().front().at);
}

TEST(LatencyHistogramCountAbove, AP99CeilingAllowsOneSlowRequestInAHundred) {
  LatencyHistogram h;
  for (int i = 0; i < 99; ++i) h.record(10 * kMillisecond);
  h.record(500 * kMillisecond);
  EXPECT_EQ(h.countAbove(100 * kMillisecond), 1u);
  EXPECT_LE(h.quantile(0.99), 100 * kMillisecond) << "1 of 100 above: p99 still at or below";
  h.record(500 * kMillisecond);
  EXPECT_EQ(h.countAbove(100 * kMillisecond), 2u);
  EXPECT_GT(h.quantile(0.99), 100 * kMillisecond) << "2 of 101 above: p99 above";
  for (int i = 0; i < 1000; ++i) h.record(i * kMillisecond);  // bucketed from here
  EXPECT_NEAR(static_cast<double>(h.countAbove(100 * kMillisecond)), 2 + 899, 2);
  EXPECT_EQ(h.countAbove(2 * kSecond), 0u);
}

std::vector<Diagnostic> errorsOf(const std::string& paramsJson) {
  const std::string text = R"({"format": "pillars-scenario", "version": 1, "duration": "10s",
    "components": [
      {"id": "users", "kind": "client"},
      {"id": "web", "kind": "service"},
      {"id": "monkey", "kind": "chaos_monkey", "params": )" + paramsJson + R"(}],
    "links": [{"from": "users", "to": "web"}, {"from": "monkey", "to": "web"}]})";
  return readScenario(text, "bad.json", builtinRegistry()).errors;
}

TEST(ChaosMonkey, AMeanTimeBetweenKillsShorterThanTheWindowIsRefusedAtTheField) {
  const auto errors = errorsOf(R"({"window": "60s", "mean_time_between_kills": "30s"})");
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  EXPECT_EQ(errors[0].file, "bad.json");
  EXPECT_EQ(errors[0].path, "$.components[2].params.mean_time_between_kills");
  EXPECT_GT(errors[0].location.line, 0u);
}

TEST(ChaosMonkey, AStopBeforeTheStartAndAnAvailabilityAbove100AreRefused) {
  auto errors = errorsOf(R"({"start": "60s", "stop": "30s"})");
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  EXPECT_EQ(errors[0].path, "$.components[2].params.stop");
  errors = errorsOf(R"({"hypothesis_availability": 101})");
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  EXPECT_EQ(errors[0].path, "$.components[2].params.hypothesis_availability");
}

TEST(ChaosMonkey, AMonkeyWithNothingToAttackIsRefused) {
  const std::string text = R"({"format": "pillars-scenario", "version": 1, "duration": "10s",
    "components": [{"id": "users", "kind": "client"}, {"id": "web", "kind": "service"},
                   {"id": "monkey", "kind": "chaos_monkey"}],
    "links": [{"from": "users", "to": "web"}]})";
  const auto errors = readScenario(text, "bad.json", builtinRegistry()).errors;
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  EXPECT_NE(errors[0].message.find("monkey"), std::string::npos) << errors[0].message;
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

// The self-healing report of chaos-monkey.json: every kill is an incident the orchestrator
// repairs in its CrashLoopBackOff wait plus the start-up time, and the wait doubles for an
// instance killed again before it has run 10 minutes (Kubernetes: 10 s, 20 s, 40 s ...).
TEST(SelfHealing, EachKillIsRepairedInTheBackOffPlusTheStartUpTime) {
  testing::FinishedRun run = testing::runScenario(testing::exampleScenario("chaos-monkey.json"));
  const ChaosMonkey& monkey = monkeyOf(*run.runner);
  const std::vector<IncidentResult>& incidents = run.results.selfHealing;
  ASSERT_EQ(incidents.size(), monkey.kills());
  std::map<std::string, int> killsSoFar;
  std::size_t k = 0;
  std::uint64_t lost = 0;
  for (const auto& a : monkey.attacks()) {
    if (a.victim == kNoComponent) continue;
    const IncidentResult& i = incidents[k++];
    const std::string name = run.runner->simulation().component(a.victim).name();
    EXPECT_EQ(i.component, name);
    EXPECT_DOUBLE_EQ(i.failedAtS, simTimeToSeconds(a.at));
    const double backoff = 10.0 * (1 << killsSoFar[name]++);
    EXPECT_NEAR(i.restartedAtS - i.failedAtS, backoff, 1e-9) << name << " at " << i.failedAtS;
    EXPECT_NEAR(i.repairS(), backoff + 10.0, 1e-9) << "back-off, then the 10 s start-up";
    EXPECT_EQ(i.exits, 1u);
    lost += i.requestsLost;
  }
  EXPECT_GT(lost, 0u) << "a kill loses what the instance was serving";
  // web#2 is killed three times in about a minute: 20, 30 and 50 s to repair.
  EXPECT_EQ(killsSoFar["web#2"], 3);
}

TEST(SelfHealing, TheReportIsInTheResultsJsonAndReadBack) {
  testing::FinishedRun run = testing::runScenario(testing::exampleScenario("chaos-monkey.json"));
  std::string error;
  const std::optional<RunResults> back = readResultsJson(writeResultsJson(run.results, "chaos"), &error);
  ASSERT_TRUE(back) << error;
  ASSERT_EQ(back->selfHealing.size(), run.results.selfHealing.size());
  for (std::size_t i = 0; i < back->selfHealing.size(); ++i) {
    EXPECT_EQ(back->selfHealing[i].component, run.results.selfHealing[i].component);
    EXPECT_EQ(back->selfHealing[i].readyAtS, run.results.selfHealing[i].readyAtS);
    EXPECT_EQ(back->selfHealing[i].requestsLost, run.results.selfHealing[i].requestsLost);
  }
}

}  // namespace
}  // namespace pillars
