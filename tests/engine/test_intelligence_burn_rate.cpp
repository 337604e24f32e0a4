// SLO burn-rate alerts as the Google SRE Workbook defines them: with a 99.9% availability SLO
// over 30 days, a total outage after three healthy days fires the 14.4x page once 2% of the
// month's budget is gone (0.864 min of errors against the last hour), the 6x page at 5% (2.16
// min against the last six hours) and the 1x ticket at 10% (4.32 min against the last three
// days); an error rate under the budget's rate fires nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/pillars/intelligence/burn_rate.hpp"
#include "engine/run/scenario_runner.hpp"
#include "state_fixtures.hpp"

namespace pillars {
namespace {

const AlertResult* find(const RunResults& r, const std::string& name) {
  const auto it = std::find_if(r.alerts.begin(), r.alerts.end(), [&](const AlertResult& a) { return a.name == name; });
  return it == r.alerts.end() ? nullptr : &*it;
}

TEST(BurnRate, TheWorkbookWindowsScaleWithTheSloPeriod) {
  const auto month = workbookAlerts(30 * 24 * kHour);
  EXPECT_EQ(month[0].longWindow, kHour);
  EXPECT_EQ(month[0].shortWindow, 5 * kMinute);
  EXPECT_DOUBLE_EQ(month[0].burnRate, 14.4);
  EXPECT_EQ(month[1].longWindow, 6 * kHour);
  EXPECT_EQ(month[2].longWindow, 72 * kHour);
  EXPECT_EQ(month[2].shortWindow, 6 * kHour);
  const auto day = workbookAlerts(24 * kHour);
  EXPECT_EQ(day[0].longWindow, 2 * kMinute) << "1 h / 30";
  EXPECT_EQ(day[0].shortWindow, 10 * kSecond);
}

TEST(BurnRate, TheErrorRatioOfAWindowCountsOnlyItsBuckets) {
  WindowedErrorRatio w(kSecond, 10 * kSecond);
  std::uint64_t good = 0, bad = 0;
  for (int s = 0; s < 20; ++s) {
    good += 9;
    bad += s >= 15 ? 1 : 0;  // the last five seconds have one error in ten
    w.push(good, bad);
  }
  EXPECT_DOUBLE_EQ(w.errorRatio(10 * kSecond), 5.0 / (90.0 + 5.0));
  EXPECT_DOUBLE_EQ(w.errorRatio(5 * kSecond), 5.0 / (45.0 + 5.0));
  EXPECT_DOUBLE_EQ(w.errorRatio(2 * kSecond), 2.0 / (18.0 + 2.0));
}

TEST(BurnRate, ATotalOutageFiresThe14xPageAfter52SecondsThenThe6xPageThenTheTicket) {
  // Four requests a second, evenly spaced, for three days; then the service dies.
  const SimTime outage = 72 * kHour;
  const Scenario s = ScenarioBuilder("outage")
                         .component("users", "client",
                                    {{"rate", "4"}, {"arrival", "constant"}, {"timeout", "10ms"},
                                     {"slo_availability", "99.9"}})
                         .component("api", "service", {{"service_time", "1ms"}})
                         .link("users", "api", {{"latency", "1ms"}})
                         .fault(outage, FaultAction::Crash, "api")
                         .duration(outage + 300 * kSecond)
                         .metricsInterval(kHour)
                         .build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  const AlertResult* page14 = find(r, "page_14.4x");
  const AlertResult* page6 = find(r, "page_6x");
  const AlertResult* ticket = find(r, "ticket_1x");
  ASSERT_NE(page14, nullptr);
  ASSERT_NE(page6, nullptr);
  ASSERT_NE(ticket, nullptr);
  const double t0 = simTimeToSeconds(outage);
  // 1.44% of the last hour's 14,400 requests are 207.4: the 208th error, 52 s in (0.864 min);
  // evaluated every second.
  EXPECT_DOUBLE_EQ(page14->firedAtS - t0, 52.0);
  // 0.6% of six hours' 86,400 requests: 518.4 errors, 129.6 s in; evaluated every 6 s (1/300
  // of its 30 min short window), so at 132 s.
  EXPECT_DOUBLE_EQ(page6->firedAtS - t0, 132.0);
  // 0.1% of three days' 1,036,800: 1,036.8 errors, 259.2 s in; evaluated every 72 s (1/300 of
  // its 6 h short window), so at 288 s.
  EXPECT_DOUBLE_EQ(ticket->firedAtS - t0, 288.0);
  EXPECT_EQ(page14->severity, "page");
  EXPECT_EQ(ticket->severity, "ticket");
  EXPECT_LT(page14->resolvedAtS, 0) << "still firing: the outage goes on";
  EXPECT_EQ(r.alerts.size(), 3u) << "nothing fired in the three healthy days";
  EXPECT_EQ(r.alerts.front().name, "page_14.4x") << "in firing order";
}

// A day-long SLO period (windows / 30) and a service failing a share of its requests.
RunResults runWithErrors(const char* errorProbability) {
  const Scenario s = ScenarioBuilder("errors")
                         .component("users", "client",
                                    {{"rate", "20"}, {"timeout", "1s"}, {"slo_availability", "99.9"}, {"slo_period", "1d"}})
                         .component("api", "service", {{"service_time", "exp(5ms)"}, {"workers", "4"},
                                                      {"error_probability", errorProbability}})
                         .link("users", "api", {{"latency", "1ms"}})
                         .duration(6 * kHour)
                         .metricsInterval(10 * kMinute)
                         .seed(3)
                         .build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  return runner.results();
}

TEST(BurnRate, AnErrorRateUnderTheBudgetsRateFiresNothing) {
  const RunResults r = runWithErrors("0.0007");
  EXPECT_TRUE(r.alerts.empty()) << r.alerts.size() << " alerts, first " << r.alerts.front().name;
}

TEST(BurnRate, TwiceTheBudgetsRateOpensATicketButPagesNoOne) {
  const RunResults r = runWithErrors("0.002");
  EXPECT_NE(find(r, "ticket_1x"), nullptr);
  EXPECT_EQ(find(r, "page_14.4x"), nullptr);
  EXPECT_EQ(find(r, "page_6x"), nullptr);
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

TEST(BurnRate, AnSloAbove100PercentIsRefusedAtTheField) {
  const std::string text = R"({"format": "pillars-scenario", "version": 1, "duration": "10s",
    "components": [
      {"id": "users", "kind": "client", "params": {"slo_availability": 101}},
      {"id": "web", "kind": "service"}],
    "links": [{"from": "users", "to": "web"}]})";
  const auto errors = readScenario(text, "slo.json", builtinRegistry()).errors;
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  EXPECT_EQ(errors[0].file, "slo.json");
  EXPECT_EQ(errors[0].path, "$.components[0].params.slo_availability");
  EXPECT_EQ(errors[0].location.line, 3u);
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

// A latency SLO burns on slow answers as an availability SLO burns on errors: the same
// Workbook alerts over the share of requests answered later than the threshold.
TEST(LatencyBurnRate, ASlowdownThatMakesEveryAnswerSlowFiresTheLatencyPageAfter52Seconds) {
  // Four requests a second for three days answered in about 3 ms against a 50 ms threshold;
  // then the service becomes 100 times slower (about 100 ms, so every answer is slow, none fails).
  const SimTime slowdown = 72 * kHour;
  Scenario s = ScenarioBuilder("slowdown")
                         .component("users", "client",
                                    {{"rate", "4"}, {"arrival", "constant"}, {"timeout", "10s"},
                                     {"slo_availability", "99.9"}, {"slo_latency", "50ms"},
                                     {"slo_latency_objective", "99.9"}})
                         .component("api", "service", {{"service_time", "1ms"}})
                         .link("users", "api", {{"latency", "1ms"}})
                         .duration(slowdown + 300 * kSecond)
                         .metricsInterval(kHour)
                         .build();
  FaultSpec slow{slowdown, FaultAction::Slow, "api"};
  slow.value = 100;
  s.faults.push_back(slow);
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  const AlertResult* page14 = find(r, "latency_page_14.4x");
  const AlertResult* page6 = find(r, "latency_page_6x");
  const AlertResult* ticket = find(r, "latency_ticket_1x");
  ASSERT_NE(page14, nullptr);
  ASSERT_NE(page6, nullptr);
  ASSERT_NE(ticket, nullptr);
  const double t0 = simTimeToSeconds(slowdown);
  // 1.44% of the last hour's 14,400 answers: the 208th slow one, issued 51.75 s in and answered
  // about 0.1 s later; evaluated every second. Then 129.6 s (every 6 s) and 259.2 s (every 72 s),
  // as for errors.
  EXPECT_NEAR(page14->firedAtS - t0, 52.0, 1.0);
  EXPECT_NEAR(page6->firedAtS - t0, 132.0, 6.0);
  EXPECT_NEAR(ticket->firedAtS - t0, 288.0, 1.0);
  EXPECT_EQ(page14->severity, "page");
  EXPECT_NE(page14->detail.find("latency 99.9% within 50ms"), std::string::npos) << page14->detail;
  // Slow is not down: the availability SLO has nothing to say.
  EXPECT_EQ(r.alerts.size(), 3u) << "only the latency alerts, and none in the three fast days";
}

TEST(LatencyBurnRate, TheBudgetSpentIsTheSlowShareOverWhatTheObjectiveAllows) {
  // M/M/1 at 50% load with a 10 ms mean service time: the time in the system is exponential
  // with mean 1/(mu - lambda) = 20 ms, so P(T > 50 ms) = e^-2.5 = 8.2%. Against a 90% objective
  // (10% allowed) that spends 82% of the budget.
  const Scenario s = ScenarioBuilder("mm1")
                         .component("users", "client",
                                    {{"rate", "50"}, {"timeout", "10s"}, {"slo_latency", "50ms"},
                                     {"slo_latency_objective", "90"}})
                         .component("api", "service", {{"service_time", "exp(10ms)"}, {"workers", "1"}})
                         .link("users", "api", {{"latency", "0s"}})
                         .duration(4 * kHour)
                         .metricsInterval(kHour)
                         .seed(5)
                         .build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  EXPECT_NEAR(testing::componentFigure(r, "users", "latency_budget_spent"), std::exp(-2.5) / 0.10, 0.03);
  EXPECT_TRUE(r.alerts.empty()) << "a burn rate under 1 fires nothing; first " << r.alerts.front().name;
}

TEST(LatencyBurnRate, AnObjectiveAbove100PercentIsRefusedAtTheField) {
  const std::string text = R"({"format": "pillars-scenario", "version": 1, "duration": "10s",
    "components": [
      {"id": "users", "kind": "client", "params": {"slo_latency": "300ms",
                                                   "slo_latency_objective": 100.5}},
      {"id": "web", "kind": "service"}],
    "links": [{"from": "users", "to": "web"}]})";
  const auto errors = readScenario(text, "latency.json", builtinRegistry()).errors;
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  EXPECT_EQ(errors[0].path, "$.components[0].params.slo_latency_objective");
  EXPECT_EQ(errors[0].location.line, 4u);
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

// A service's SLO is the service's, not each process's: a replica set of three has one
// availability SLO over all three instances' outcomes and one set of alerts named after it.
TEST(ServiceSlo, AReplicaSetHasOneSloOverEveryInstanceAndItsAlertsCarryTheSetsName) {
  const Scenario s = ScenarioBuilder("service slo")
                         .component("users", "client", {{"rate", "300"}, {"timeout", "1s"}})
                         .component("lb", "load_balancer")
                         .component("web", "service",
                                    {{"replicas", "3"}, {"workers", "4"}, {"service_time", "exp(5ms)"},
                                     {"error_probability", "0.05"}, {"slo_availability", "99.9"}, {"slo_period", "1d"}})
                         .link("users", "lb", {{"latency", "1ms"}})
                         .link("lb", "web", {{"latency", "1ms"}})
                         .duration(10 * kMinute)
                         .metricsInterval(kMinute)
                         .seed(4)
                         .build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  // A 5% error rate burns a 0.1% budget 50 times too fast: both pages fire, once each.
  std::size_t pages14 = 0;
  for (const AlertResult& a : r.alerts) {
    EXPECT_EQ(a.component, "web") << a.name << ": an instance's alert";
    pages14 += a.name == "page_14.4x" ? 1 : 0;
  }
  EXPECT_EQ(pages14, 1u);
  EXPECT_NE(std::find_if(r.alerts.begin(), r.alerts.end(), [](const AlertResult& a) { return a.name == "page_6x"; }),
            r.alerts.end());
  // Every instance shows the set's budget: the errors of all three over the budget they allow.
  const double spent = testing::componentFigure(r, "web#1", "error_budget_spent");
  EXPECT_NEAR(spent, 50.0, 5.0);
  EXPECT_DOUBLE_EQ(testing::componentFigure(r, "web#3", "error_budget_spent"), spent);
  EXPECT_DOUBLE_EQ(testing::componentFigure(r, "web#2", "alerts_firing"), 3.0) << "the two pages and the ticket still fire";
}

TEST(ServiceSlo, AServicesLatencySloMeasuresItsOwnResponseTime) {
  // The M/M/1 server of the client's test, measured at the server: its response time is
  // exponential with mean 1/(mu - lambda) = 20 ms, so 8.2% take longer than 50 ms: 82% of a
  // 90% objective's budget.
  const Scenario s = ScenarioBuilder("service latency slo")
                         .component("users", "client", {{"rate", "50"}, {"timeout", "10s"}})
                         .component("api", "service",
                                    {{"service_time", "exp(10ms)"}, {"workers", "1"}, {"slo_latency", "50ms"},
                                     {"slo_latency_objective", "90"}})
                         .link("users", "api", {{"latency", "20ms"}})
                         .duration(4 * kHour)
                         .metricsInterval(kHour)
                         .seed(5)
                         .build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  EXPECT_NEAR(testing::componentFigure(r, "api", "latency_budget_spent"), std::exp(-2.5) / 0.10, 0.03);
  EXPECT_TRUE(r.alerts.empty());
}

}  // namespace
}  // namespace pillars
