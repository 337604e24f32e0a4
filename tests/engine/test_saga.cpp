// Orchestrated sagas: steps run in order; a failure compensates exactly the steps already done,
// newest first; the completed fraction follows (1 - p)^n.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/pillars/truth/saga_orchestrator.hpp"
#include "sim_fixtures.hpp"

namespace pillars {
namespace {

using testing::extra;

constexpr SimTime kMs = kMillisecond;

/// client -> orch -> s0, s1, ..., each link 1 ms, each step 10 ms of work, 4 ms to undo.
/// `failing` names one step that always fails (or none); others fail with `p`.
Scenario saga(int steps, const std::string& p, int failing, const std::string& rate,
              const std::string& requests) {
  ScenarioBuilder b("saga");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", rate}, {"requests", requests}, {"timeout", "30s"}})
      .component("orch", "saga_orchestrator", {{"history", "8"}})
      .link("client", "orch", {{"latency", "1ms"}});
  for (int i = 0; i < steps; ++i) {
    const std::string id = "s" + std::to_string(i);
    b.component(id, "saga_step",
                {{"work_time", "10ms"}, {"compensation_time", "4ms"},
                 {"failure_probability", i == failing ? "1" : p}});
    b.link("orch", id, {{"latency", "1ms"}});
  }
  b.duration(600 * kSecond).metricsInterval(0);
  return b.build();
}

std::unique_ptr<Simulation> build(const Scenario& s) {
  return buildSimulation(s, builtinRegistry(), s.seed);
}

const SagaOrchestrator& orchestrator(Simulation& sim) {
  return dynamic_cast<const SagaOrchestrator&>(*sim.findComponent("orch"));
}

TEST(Saga, EveryStepDoneCompletesTheSaga) {
  auto sim = build(saga(4, "0", -1, "10", "50"));
  sim->runUntil(60 * kSecond);
  EXPECT_EQ(testing::metricsOf(*sim, "client").completed, 50u);
  EXPECT_EQ(extra(*sim, "orch", "sagas_completed"), 50);
  EXPECT_EQ(extra(*sim, "orch", "sagas_compensated"), 0);
  EXPECT_EQ(extra(*sim, "orch", "compensations_run"), 0);
  // Four steps of 1 + 10 + 1 ms, plus 1 ms each way from the client.
  EXPECT_EQ(testing::metricsOf(*sim, "client").latency.max(), 50 * kMs);
}

TEST(Saga, AFailedStepCompensatesTheDoneStepsInReverseOrder) {
  // Step s2 (the third) always fails: s1 then s0 are compensated; s2 and s3 are not.
  auto sim = build(saga(4, "0", 2, "10", "20"));
  sim->runUntil(60 * kSecond);
  EXPECT_EQ(testing::metricsOf(*sim, "client").failed, 20u);
  EXPECT_EQ(extra(*sim, "orch", "sagas_compensated"), 20);
  EXPECT_EQ(extra(*sim, "orch", "compensations_run"), 40);
  EXPECT_EQ(extra(*sim, "s0", "compensations"), 20);
  EXPECT_EQ(extra(*sim, "s1", "compensations"), 20);
  EXPECT_EQ(extra(*sim, "s2", "compensations"), 0);
  EXPECT_EQ(extra(*sim, "s3", "compensations"), 0);
  EXPECT_EQ(testing::metricsOf(*sim, "s3").received, 0u);

  const std::vector<SagaRecord> history = orchestrator(*sim).history();
  ASSERT_EQ(history.size(), 8u);  // the ring keeps the last 8 of 20
  EXPECT_EQ(history.front().number, 13u);
  EXPECT_EQ(history.back().number, 20u);
  const SagaRecord& r = history.back();
  EXPECT_EQ(r.outcome, SagaRecord::Outcome::Compensated);
  ASSERT_EQ(r.events.size(), 5u);
  struct Expected {
    std::uint32_t step;
    bool compensation;
    SagaEvent::Outcome outcome;
    SimTime duration;
  };
  const Expected expected[] = {{0, false, SagaEvent::Outcome::Done, 12 * kMs},
                               {1, false, SagaEvent::Outcome::Done, 12 * kMs},
                               {2, false, SagaEvent::Outcome::Failed, 12 * kMs},
                               {1, true, SagaEvent::Outcome::Done, 6 * kMs},
                               {0, true, SagaEvent::Outcome::Done, 6 * kMs}};
  SimTime t = r.start;
  for (std::size_t i = 0; i < 5; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(r.events[i].step, expected[i].step);
    EXPECT_EQ(r.events[i].compensation, expected[i].compensation);
    EXPECT_EQ(r.events[i].outcome, expected[i].outcome);
    EXPECT_EQ(r.events[i].start, t);  // each begins when the previous ends
    EXPECT_EQ(r.events[i].end - r.events[i].start, expected[i].duration);
    t = r.events[i].end;
  }
  EXPECT_EQ(r.end, t);
  const std::string text = formatSagaHistory("orch", orchestrator(*sim).stepNames(), {r});
  EXPECT_NE(text.find("compensate s1"), std::string::npos) << text;
  EXPECT_LT(text.find("compensate s1"), text.find("compensate s0")) << text;
}

TEST(Saga, CompletedFractionApproachesTheProductOfStepSuccesses) {
  // Four steps failing with p = 0.1 each: (0.9)^4 = 0.6561 of sagas complete.
  const int n = 4;
  const double p = 0.1;
  const int sagas = 4000;
  auto sim = build(saga(n, "0.1", -1, "200", std::to_string(sagas)));
  sim->runUntil(120 * kSecond);
  const double completed = extra(*sim, "orch", "sagas_completed");
  const double compensated = extra(*sim, "orch", "sagas_compensated");
  EXPECT_EQ(extra(*sim, "orch", "sagas_in_progress"), 0);
  EXPECT_EQ(completed + compensated, extra(*sim, "orch", "sagas_started"));
  EXPECT_EQ(completed + compensated, sagas);
  // One sd is sqrt(0.6561 * 0.3439 / 4000) = 0.0075; allow four.
  EXPECT_NEAR(completed / sagas, std::pow(1 - p, n), 0.03);
  // Exactly the done steps are compensated: step i's successes that are not part of a
  // completed saga were each undone once.
  double compensations = 0;
  for (int i = 0; i < n; ++i) {
    const std::string id = "s" + std::to_string(i);
    const double succeeded = static_cast<double>(testing::metricsOf(*sim, id).completed);
    EXPECT_EQ(extra(*sim, id, "compensations"), succeeded - completed) << id;
    compensations += succeeded - completed;
  }
  EXPECT_EQ(extra(*sim, "orch", "compensations_run"), compensations);
  // And the mean number of compensations per compensated saga matches the geometric law:
  // E[done steps | failure] = sum_k k q^k p / (1 - q^n), q = 0.9.
  double expectedDone = 0;
  for (int k = 0; k < n; ++k) expectedDone += k * std::pow(1 - p, k) * p;
  expectedDone /= 1 - std::pow(1 - p, n);
  EXPECT_NEAR(compensations / compensated, expectedDone, 0.1);
}

TEST(Saga, AStepThatDoesNotAnswerIsCompensatedToo) {
  Scenario s = saga(3, "0", -1, "1", "1");
  auto sim = build(s);
  sim->runUntil(1013 * kMs);  // step s0 is done (1.001 + 12 ms); s1 has its request
  sim->crash(sim->findComponent("s1")->id());
  sim->runUntil(2 * kSecond);
  sim->restart(sim->findComponent("s1")->id());
  sim->runUntil(60 * kSecond);
  // After the 2 s step timeout, s1 (which may have done its work) and s0 are compensated.
  EXPECT_EQ(extra(*sim, "orch", "step_timeouts"), 1);
  EXPECT_EQ(extra(*sim, "orch", "compensations_run"), 2);
  EXPECT_EQ(extra(*sim, "s1", "compensations"), 1);
  EXPECT_EQ(extra(*sim, "s0", "compensations"), 1);
  EXPECT_EQ(testing::metricsOf(*sim, "client").failed, 1u);
}

}  // namespace
}  // namespace pillars
