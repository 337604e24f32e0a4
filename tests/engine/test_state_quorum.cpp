// Leaderless replica sets (Dynamo-style quorums) against the theory: R + W > N never reads
// stale data, R = W = 1 does; a majority quorum of three replicas up 90% of the time each is
// available 97.2% of the time; under a partition a CP set refuses and an AP set goes stale,
// then converges once healed.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine/sim/random.hpp"
#include "state_fixtures.hpp"

namespace pillars {
namespace {

using testing::componentFigure;
using testing::groupFigure;
using testing::replicaSet;

RunResults runToEnd(const Scenario& s) {
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  return runner.results();
}

/// Three leaderless replicas with the given quorums behind a client that reads half the
/// time, keys contended (200 of them at 2,000 requests/s), random latencies, and replica s2
/// crashed at 20 s and back at 30 s with its data (durable).
Scenario quorumSet(const std::string& w, const std::string& r) {
  ScenarioBuilder b = replicaSet(
      3, {{"replication", "leaderless"}, {"write_quorum", w}, {"read_quorum", r}},
      {{"rate", "2000"}, {"read_fraction", "0.5"}, {"keys", "200"}, {"timeout", "1s"}});
  b.fault(20 * kSecond, FaultAction::Crash, "s2")
      .fault(30 * kSecond, FaultAction::Restart, "s2")
      .duration(110 * kSecond)
      .warmup(kSecond);
  return b.build();
}

TEST(StateQuorum, StrictQuorumsNeverReturnAStaleRead) {
  const RunResults r = runToEnd(quorumSet("2", "2"));
  const double reads = componentFigure(r, "users", "reads");
  EXPECT_GE(reads, 100000.0);
  EXPECT_EQ(componentFigure(r, "users", "stale_reads"), 0.0);
  EXPECT_EQ(componentFigure(r, "users", "staleness_versions.max"), 0.0);
  // The crash did happen: requests sent to s2 while it was down failed.
  EXPECT_GT(r.timedOut, 0u);
}

TEST(StateQuorum, OneReplicaQuorumsReturnStaleReads) {
  const RunResults r = runToEnd(quorumSet("1", "1"));
  EXPECT_GE(componentFigure(r, "users", "reads"), 100000.0);
  const double stale = componentFigure(r, "users", "stale_reads");
  EXPECT_GT(stale, 0.0);
  EXPECT_GE(componentFigure(r, "users", "staleness_versions.max"), 1.0);
  EXPECT_NEAR(componentFigure(r, "users", "stale_read_fraction"), stale / componentFigure(r, "users", "reads"), 1e-12);
}

TEST(StateQuorum, AMajorityOfThreeReplicasUpNinetyPercentIsAvailableNinetySevenPercent) {
  // Each replica fails and recovers on its own random timeline: up for exp(9 s), down for
  // exp(1 s), so up 90% of the time. A quorum of 2 of 3 stands with probability
  // 0.9^3 + 3 * 0.9^2 * 0.1 = 0.972.
  ScenarioBuilder b("availability");
  for (int i = 1; i <= 3; ++i) {
    b.component("s" + std::to_string(i), "store", {{"replication", "leaderless"}, {"write_quorum", "2"}, {"read_quorum", "2"}});
  }
  b.link("s1", "s2").link("s1", "s3").link("s2", "s3");
  const SimTime horizon = 200'000 * kSecond;
  Rng rng(20240607);
  for (int i = 1; i <= 3; ++i) {
    SimTime t = 0;
    for (;;) {
      t += secondsToSimTime(-9.0 * std::log(1.0 - rng.uniform01()));
      if (t >= horizon) break;
      b.fault(t, FaultAction::Crash, "s" + std::to_string(i));
      t += secondsToSimTime(-1.0 * std::log(1.0 - rng.uniform01()));
      if (t >= horizon) break;
      b.fault(t, FaultAction::Restart, "s" + std::to_string(i));
    }
  }
  b.duration(horizon).metricsInterval(0);
  const RunResults r = runToEnd(b.build());
  EXPECT_NEAR(groupFigure(r, "replicas:s1", "quorum_available"), 0.972, 0.01);
}

/// The CAP experiment: s3 is cut off from its peers from 10 s to 40 s while the client keeps
/// sending to all three; the client stops at 50 s so the set can settle by 80 s.
Scenario partitioned(ScenarioBuilder::Params storeParams) {
  ScenarioBuilder b = replicaSet(3, storeParams,
                                 {{"rate", "1000"}, {"read_fraction", "0.5"}, {"keys", "200"},
                                  {"timeout", "1s"}, {"requests", "50000"}});
  for (const char* link : {"s1->s3", "s2->s3"}) {
    b.fault(10 * kSecond, FaultAction::Cut, link).fault(40 * kSecond, FaultAction::Heal, link);
  }
  b.duration(80 * kSecond);
  return b.build();
}

TEST(StateQuorum, UnderAPartitionACpSetRefusesAndNeverGoesStale) {
  const RunResults r = runToEnd(partitioned(
      {{"replication", "leaderless"}, {"write_quorum", "2"}, {"read_quorum", "2"}, {"hinted_handoff", "false"}}));
  // Requests that reached the cut-off s3 could not gather a quorum: refused, not answered wrong.
  EXPECT_GT(groupFigure(r, "replicas:s1", "unavailable"), 1000.0);
  EXPECT_GT(r.failed, 1000u);
  EXPECT_EQ(componentFigure(r, "users", "stale_reads"), 0.0);
}

TEST(StateQuorum, UnderAPartitionAnApSetKeepsAnsweringGoesStaleAndConvergesAfterTheHeal) {
  const RunResults r = runToEnd(partitioned(
      {{"replication", "leaderless"}, {"write_quorum", "2"}, {"read_quorum", "1"}, {"hinted_handoff", "true"}}));
  EXPECT_EQ(groupFigure(r, "replicas:s1", "unavailable"), 0.0);
  EXPECT_EQ(r.failed, 0u);
  EXPECT_GT(componentFigure(r, "users", "stale_reads"), 100.0);
  // Hints kept on both sides were handed back after the heal: every replica holds the same
  // versions of every key, and nothing acknowledged was lost.
  EXPECT_GT(groupFigure(r, "replicas:s1", "hints_stored"), 100.0);
  EXPECT_EQ(groupFigure(r, "replicas:s1", "handoffs"), groupFigure(r, "replicas:s1", "hints_stored"));
  EXPECT_EQ(groupFigure(r, "replicas:s1", "converged"), 1.0);
  EXPECT_EQ(groupFigure(r, "replicas:s1", "lost_writes"), 0.0);
}

}  // namespace
}  // namespace pillars
