// A store set heals itself by failing over: each automatic failover is an incident of the
// self-healing report, beside the orchestrator's restarts. The times follow from the set's
// rules: followers report the leader silent once they have not heard it for failover_after
// (checked at every heartbeat), a majority of them agreeing promotes the newest follower at
// once. An operator's switchover is no incident.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "engine/io/results_reader.hpp"
#include "engine/io/results_writer.hpp"
#include "engine/review/report_operations.hpp"
#include "state_fixtures.hpp"

namespace pillars {
namespace {

using testing::groupFigure;

RunResults runToEnd(const Scenario& s) {
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  return runner.results();
}

ScenarioBuilder threeStores(const std::string& ack) {
  return testing::replicaSet(3, {{"failover_after", "2s"}, {"heartbeat_interval", "100ms"}, {"ack", ack}},
                             {{"rate", "300"}, {"read_fraction", "0.5"}, {"timeout", "500ms"}});
}

TEST(SelfHealingFailover, ACrashedLeaderIsAnIncidentRepairedByTheFailover) {
  ScenarioBuilder b = threeStores("async");
  b.fault(10 * kSecond, FaultAction::Crash, "s1").duration(20 * kSecond);
  const RunResults r = runToEnd(b.build());
  ASSERT_EQ(r.selfHealing.size(), 1u);
  const IncidentResult& i = r.selfHealing.front();
  EXPECT_EQ(i.component, "s1");
  EXPECT_EQ(i.repair, "failover");
  EXPECT_TRUE(i.replacement == "s2" || i.replacement == "s3") << i.replacement;
  EXPECT_DOUBLE_EQ(i.failedAtS, 10.0);  // the crash
  // Detected when a majority of the followers had not heard it for 2 s: within a heartbeat
  // interval (plus the last heartbeat's delivery) of 12 s; the promotion is at once.
  EXPECT_GE(i.detectedS(), 12.0);
  EXPECT_LE(i.detectedS(), 12.2);
  EXPECT_DOUBLE_EQ(i.readyAtS, i.detectedS());
  EXPECT_LT(i.restartedAtS, 0) << "a failover restarts nothing";
  EXPECT_GE(i.repairS(), 2.0);
  EXPECT_LE(i.repairS(), 2.2);
  // What the failover discarded is the set's lost writes (nothing else lost any).
  EXPECT_EQ(static_cast<double>(i.requestsLost), groupFigure(r, "replicas:s1", "lost_writes"));
}

TEST(SelfHealingFailover, ALeaderCutOffFailedWhenItWasLastHeard) {
  ScenarioBuilder b = threeStores("async");
  b.fault(10 * kSecond, FaultAction::Cut, "s1->s2").fault(10 * kSecond, FaultAction::Cut, "s1->s3").duration(20 * kSecond);
  const RunResults r = runToEnd(b.build());
  ASSERT_EQ(r.selfHealing.size(), 1u);
  const IncidentResult& i = r.selfHealing.front();
  EXPECT_EQ(i.component, "s1");
  // Up all along, so its failure is dated by its silence: the last heartbeat the followers
  // heard, at most one heartbeat interval before the cut.
  EXPECT_GE(i.failedAtS, 9.85);
  EXPECT_LE(i.failedAtS, 10.05);
  EXPECT_NEAR(i.repairS(), 2.0, 0.15);
  // Without a lease the old leader goes on acknowledging writes nobody else will see: lost to
  // the split brain after the failover, not by it.
  EXPECT_LT(static_cast<double>(i.requestsLost), groupFigure(r, "replicas:s1", "lost_writes"));
}

TEST(SelfHealingFailover, AnOperatorsSwitchoverIsNoIncident) {
  ScenarioBuilder b = threeStores("sync");
  b.fault(10 * kSecond, FaultAction::Failover, "s1").duration(15 * kSecond);
  const RunResults r = runToEnd(b.build());
  EXPECT_EQ(groupFigure(r, "replicas:s1", "failovers"), 1.0);
  EXPECT_TRUE(r.selfHealing.empty());
}

TEST(SelfHealingFailover, TheIncidentIsReportedAndReadBackFromTheResults) {
  ScenarioBuilder b = threeStores("async");
  b.fault(10 * kSecond, FaultAction::Crash, "s1").duration(20 * kSecond);
  const RunResults r = runToEnd(b.build());
  ASSERT_EQ(r.selfHealing.size(), 1u);
  std::string error;
  const std::optional<RunResults> back = readResultsJson(writeResultsJson(r, "failover"), &error);
  ASSERT_TRUE(back) << error;
  ASSERT_EQ(back->selfHealing.size(), 1u);
  EXPECT_EQ(back->selfHealing[0].repair, "failover");
  EXPECT_EQ(back->selfHealing[0].replacement, r.selfHealing[0].replacement);
  EXPECT_DOUBLE_EQ(back->selfHealing[0].detectedS(), r.selfHealing[0].detectedS());

  const review::ReportTable t = review::selfHealingTable(r);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][0], "s1");
  EXPECT_EQ(t.rows[0][1], "failover to " + r.selfHealing[0].replacement);
  EXPECT_EQ(t.rows[0][2], "10.0 s");
  EXPECT_NE(t.intro.find("1 failure, 1 repaired, mean time to repair 2."), std::string::npos) << t.intro;
}

}  // namespace
}  // namespace pillars
