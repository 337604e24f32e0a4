// The review's Intelligence evidence: autoscalers answer "Scaling triggers defined?", SLO
// burn-rate alerts answer "Anomaly detection?" (and say which fired in the last run), and the
// seed's maturity ladder is read off the design: a level counts once every level below it is
// there.
#include <gtest/gtest.h>

#include <algorithm>

#include "control_fixtures.hpp"
#include "engine/review/evidence.hpp"

namespace pillars::review {
namespace {

const EvidenceItem* item(const std::vector<EvidenceItem>& all, const std::string& key) {
  const auto it = std::find_if(all.begin(), all.end(), [&](const EvidenceItem& e) { return e.key == key; });
  return it == all.end() ? nullptr : &*it;
}

TEST(IntelligenceEvidence, AnAutoscalerDefinesScalingTriggers) {
  const Scenario s = testing::exampleScenario("autoscale-spike.json");
  const auto evidence = gatherEvidence(s, nullptr, {});
  const EvidenceItem* e = item(evidence, "autoscaling");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->suggests, "yes");
  EXPECT_NE(e->sentence.find("scaler scales web between 2 and 12 instances to keep utilization at 50%"), std::string::npos)
      << e->sentence;
  // After a run it says what the autoscaler did.
  const testing::FinishedRun run = testing::runExample("autoscale-spike.json");
  const auto afterRun = gatherEvidence(s, &run.results, {});
  const EvidenceItem* measured = item(afterRun, "autoscaling");
  ASSERT_NE(measured, nullptr);
  EXPECT_NE(measured->sentence.find("changed the set 3 times"), std::string::npos) << measured->sentence;
}

TEST(IntelligenceEvidence, SloAlertsAnswerAnomalyDetectionAndNameWhatFired) {
  const Scenario s = testing::exampleScenario("burn-rate.json");
  const testing::FinishedRun run = testing::runExample("burn-rate.json");
  const auto evidence = gatherEvidence(s, &run.results, {});
  const EvidenceItem* e = item(evidence, "slo_alerts");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->suggests, "yes");
  EXPECT_NE(e->sentence.find("ticket_1x at 2277.6 s"), std::string::npos) << e->sentence;
  EXPECT_NE(e->sentence.find("page_14.4x"), std::string::npos) << e->sentence;
  // The anomaly detector's alarms are counted apart: more of them than burn-rate alerts.
  EXPECT_NE(e->sentence.find("The anomaly detector raised"), std::string::npos) << e->sentence;
  EXPECT_EQ(e->sentence.find("anomaly_latency at"), std::string::npos) << e->sentence;
}

TEST(IntelligenceEvidence, TheMaturityLevelIsTheHighestRungWithEveryRungBelow) {
  // Alerts only: level 1, and level 2 needs an autoscaler.
  const auto alertsOnly = gatherEvidence(testing::exampleScenario("burn-rate.json"), nullptr, {});
  const EvidenceItem* one = item(alertsOnly, "intelligence_maturity");
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->value, "1");
  EXPECT_NE(one->sentence.find("Level 2 needs an autoscaler"), std::string::npos) << one->sentence;
  // An autoscaler without alerts: level 0, the autoscaler noted above the missing rung.
  const auto scalerOnly = gatherEvidence(testing::exampleScenario("autoscale-spike.json"), nullptr, {});
  const EvidenceItem* zero = item(scalerOnly, "intelligence_maturity");
  ASSERT_NE(zero, nullptr);
  EXPECT_EQ(zero->value, "0");
  EXPECT_NE(zero->sentence.find("Also present, above a missing level: auto-scaling"), std::string::npos) << zero->sentence;
  // Both: level 2; predictive scaling is the next rung.
  const Scenario both = testing::exampleScenario("autoscale-spike.json", {"users.slo_availability=99.9"});
  const auto bothEvidence = gatherEvidence(both, nullptr, {});
  const EvidenceItem* two = item(bothEvidence, "intelligence_maturity");
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(two->value, "2");
  EXPECT_NE(two->sentence.find("Level 3 needs scaling ahead of load"), std::string::npos) << two->sentence;
}

TEST(IntelligenceEvidence, APredictiveAutoscalerWithAnSloIsLevelThree) {
  const auto evidence = gatherEvidence(testing::exampleScenario("autoscale-diurnal.json"), nullptr, {});
  const EvidenceItem* three = item(evidence, "intelligence_maturity");
  ASSERT_NE(three, nullptr);
  EXPECT_EQ(three->value, "3");
  EXPECT_NE(three->sentence.find("predictive scaling (scaler's forecast of the load's 600 s cycle)"), std::string::npos)
      << three->sentence;
  EXPECT_NE(three->sentence.find("Level 4 needs instances restarted"), std::string::npos) << three->sentence;
  const EvidenceItem* scaling = item(evidence, "autoscaling");
  ASSERT_NE(scaling, nullptr);
  EXPECT_NE(scaling->sentence.find("the Kubernetes HPA raised to a forecast of the load learned over its 600 s cycle"),
            std::string::npos)
      << scaling->sentence;
}

TEST(IntelligenceEvidence, AChaosExperimentAnswersLearningFromFailuresWithItsVerdict) {
  const Scenario s = testing::exampleScenario("chaos-monkey.json");
  const auto designed = gatherEvidence(s, nullptr, {});
  const EvidenceItem* e = item(designed, "chaos_experiments");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->suggests, "yes");
  EXPECT_EQ(e->value, "designed");
  EXPECT_NE(e->sentence.find("monkey runs a chaos experiment on web (kill"), std::string::npos) << e->sentence;
  EXPECT_NE(e->sentence.find("availability at least 99.9% and p99 at most 150ms"), std::string::npos) << e->sentence;
  // Without a fault timeline the design is still tried: no "no" drags the answer down.
  const EvidenceItem* faults = item(designed, "fault_experiments");
  ASSERT_NE(faults, nullptr);
  EXPECT_EQ(faults->suggests, "");
  // After a run that broke the steady state, the verdict and why.
  const Scenario broken = testing::exampleScenario("chaos-monkey.json", {"lb.policy=round_robin", "users.retries=0"});
  const testing::FinishedRun run = testing::runScenario(broken);
  const auto measured = gatherEvidence(broken, &run.results, {});
  const EvidenceItem* m = item(measured, "chaos_experiments");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->value, "aborted");
  EXPECT_TRUE(m->fromRun);
  EXPECT_NE(m->sentence.find("In the last run: aborted (availability"), std::string::npos) << m->sentence;
}

}  // namespace
}  // namespace pillars::review
