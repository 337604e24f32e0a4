// Raft safety under random faults: the checker finds nothing in correct Raft over hundreds of
// fault schedules, and finds the broken vote rule; runs are deterministic.
#include <gtest/gtest.h>

#include "engine/pillars/truth/raft_safety_checker.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/io/scenario_reader.hpp"
#include "raft_fixtures.hpp"

namespace pillars {
namespace {

using testing::makeRaftCluster;
using testing::RaftCluster;
using testing::RaftClusterOptions;

/// One random fault schedule: every 20..200 ms one of crash, restart, cut, heal, a loss change
/// or an extra delay (0..400 ms, beyond the election timeout) on a link, for `length` of
/// simulated time, with a client at 200 req/s sending to every node.
/// All choices come from an Rng seeded with `seed`, so a failing seed replays exactly.
RaftCluster runRandomSchedule(std::uint64_t seed, const char* bug, SimTime length,
                              std::size_t nodes = 5) {
  RaftClusterOptions o;
  o.nodes = nodes;
  o.seed = seed;
  o.clientRate = 200;
  o.clientTimeout = "300ms";
  o.nodeLatency = "uniform(200us, 3ms)";
  o.nodeParams = {{"bug", bug}};
  RaftCluster c = makeRaftCluster(o);
  Rng rng(seed * 7919 + 17);
  const std::size_t n = c.nodes.size();
  SimTime t = 0;
  while (t < length && !c.sim->halted()) {
    t += 20 * kMillisecond + static_cast<SimTime>(rng.below(180)) * kMillisecond;
    c.runUntil(t);
    const std::size_t a = rng.below(n);
    const std::size_t b = (a + 1 + rng.below(n - 1)) % n;
    switch (rng.below(7)) {
      case 0: c.crash(a); break;
      case 1:
      case 2: c.restart(a); break;  // restarts outnumber crashes so the group mostly lives
      case 3: c.cut(a, b); break;
      case 4: c.heal(a, b); break;
      case 5: c.sim->setLinkLossProbability(c.link(a, b), rng.uniform01() * 0.3); break;
      case 6:
        c.sim->setLinkExtraLatency(c.link(a, b), static_cast<SimTime>(rng.below(400)) * kMillisecond);
        break;
    }
  }
  c.runUntil(length);
  return c;
}

std::string firstViolation(const RaftCluster& c) {
  const auto& v = c.group().checker().violations();
  if (v.empty()) return "none";
  return v.front().property + " by " + v.front().component + " at index " +
         std::to_string(v.front().field("index")) + ": " + v.front().detail;
}

TEST(RaftSafety, NoViolationInFiveHundredRandomFaultSchedules) {
  std::uint64_t committedRuns = 0;
  for (std::uint64_t seed = 1; seed <= 500; ++seed) {
    // Groups of 3, 5 and 7 in turn.
    const std::size_t nodes = 3 + 2 * (seed % 3);
    RaftCluster c = runRandomSchedule(seed, "none", 3 * kSecond, nodes);
    ASSERT_EQ(c.violations(), 0u) << "seed " << seed << ", " << nodes << " nodes: " << firstViolation(c);
    std::int64_t commit = 0;
    for (const RaftNode* node : c.nodes) commit = std::max(commit, node->commitIndex());
    if (commit > 50) ++committedRuns;
  }
  // Not vacuous: the group made progress in most schedules despite the faults.
  EXPECT_GT(committedRuns, 400u);
}

TEST(RaftSafety, TheCheckerCatchesVotesGrantedWithoutTheLogCheck) {
  // Seeds are searched in order, so the result is the same on every machine.
  std::uint64_t found = 0;
  std::string what;
  for (std::uint64_t seed = 1; seed <= 500 && found == 0; ++seed) {
    RaftCluster c = runRandomSchedule(seed, "vote_without_log_check", 3 * kSecond);
    if (c.violations() == 0) continue;
    found = seed;
    const auto& v = c.group().checker().violations().front();
    what = firstViolation(c);
    // A candidate with a stale log wins votes it should not: the elected leader lacks an
    // entry that was committed before its term.
    EXPECT_EQ(v.property, "leader_completeness") << "seed " << seed << ": " << what;
    // The violation halted the run where it happened.
    EXPECT_TRUE(c.sim->halted());
    EXPECT_EQ(c.sim->now(), v.at);
  }
  ASSERT_NE(found, 0u) << "no schedule exposed the broken vote rule";
  std::printf("vote_without_log_check caught with seed %llu: %s\n",
              static_cast<unsigned long long>(found), what.c_str());
}

TEST(RaftSafety, SameSeedGivesTheSameTraceFingerprint) {
  const auto fingerprint = [](std::uint64_t seed) {
    RaftCluster c = runRandomSchedule(seed, "none", 2 * kSecond);
    return c.sim->fingerprint();
  };
  EXPECT_EQ(fingerprint(42), fingerprint(42));
  EXPECT_NE(fingerprint(42), fingerprint(43));
  // The bundled example, run twice through the scenario runner.
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/raft-5.json",
                                       builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  const auto runOnce = [&] {
    ScenarioRunner r(*load.scenario, builtinRegistry(), 7, 25 * kSecond);
    r.run();
    return r.results().fingerprint;
  };
  EXPECT_EQ(runOnce(), runOnce());
}

// --- The checker on its own: each property, fed a history that breaks it --------------------

struct RaftChecker : ::testing::Test {
  Simulation sim{1};
  RaftSafetyChecker checker{sim, {"a", "b", "c"}};
  std::string property() const {
    return checker.violations().empty() ? "" : checker.violations().front().property;
  }
};

TEST_F(RaftChecker, TwoLeadersInOneTermBreakElectionSafety) {
  checker.leaderElected(0, 3, {});
  checker.leaderElected(0, 3, {});  // the same node again is fine
  EXPECT_EQ(checker.violationCount(), 0u);
  checker.leaderElected(1, 3, {});
  EXPECT_EQ(property(), "election_safety");
  EXPECT_EQ(checker.violations().front().component, "b");
  EXPECT_TRUE(sim.halted());
}

TEST_F(RaftChecker, SameIndexAndTermWithDifferentContentBreaksLogMatching) {
  checker.appended(0, 1, RaftEntry{1, 10, 0}, 0);
  checker.appended(1, 1, RaftEntry{1, 10, 0}, 0);
  checker.appended(2, 1, RaftEntry{2, 11, 0}, 0);  // another term at the index: allowed
  EXPECT_EQ(checker.violationCount(), 0u);
  checker.appended(2, 1, RaftEntry{1, 12, 0}, 0);
  EXPECT_EQ(property(), "log_matching");
  EXPECT_EQ(checker.violations().front().field("index"), 1);
}

TEST_F(RaftChecker, ALeaderWithoutACommittedEntryOfAnEarlierTermBreaksCompleteness) {
  const RaftEntry e{1, 10, 0};
  checker.committed(0, 1, e, 1);
  checker.leaderElected(1, 2, {e});  // has it
  EXPECT_EQ(checker.violationCount(), 0u);
  checker.leaderElected(2, 3, {});   // lacks it
  EXPECT_EQ(property(), "leader_completeness");
  EXPECT_EQ(checker.violations().front().field("term"), 3);
}

TEST_F(RaftChecker, DifferentEntriesAppliedAtOneIndexBreakStateMachineSafety) {
  checker.applied(0, 4, RaftEntry{2, 10, 0});
  checker.applied(1, 4, RaftEntry{2, 10, 0});
  EXPECT_EQ(checker.violationCount(), 0u);
  checker.applied(2, 4, RaftEntry{3, 99, 0});
  EXPECT_EQ(property(), "state_machine_safety");
  EXPECT_EQ(checker.violations().front().component, "c");
}

}  // namespace
}  // namespace pillars
