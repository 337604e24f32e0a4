// Raft leader election: one leader per healthy group, re-election after a crash within the
// bounds the timeouts give, and no election or commit on the minority side of a partition.
#include <gtest/gtest.h>

#include "raft_fixtures.hpp"

namespace pillars {
namespace {

using testing::makeRaftCluster;
using testing::RaftCluster;
using testing::RaftClusterOptions;

TEST(RaftElection, AHealthyGroupElectsExactlyOneLeaderAndKeepsIt) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    RaftClusterOptions o;
    o.seed = seed;
    RaftCluster c = makeRaftCluster(o);
    c.runUntil(10 * kSecond);
    const auto leaders = c.leaders();
    ASSERT_EQ(leaders.size(), 1u);
    const RaftNode& leader = *leaders.front();
    for (RaftNode* n : c.nodes) {
      EXPECT_EQ(n->currentTerm(), leader.currentTerm());
      EXPECT_EQ(n->knownLeader(), leader.id());
      // The new leader's no-op is replicated and committed everywhere.
      EXPECT_EQ(n->commitIndex(), leader.lastLogIndex());
    }
    // Heartbeats every 50 ms keep followers from ever timing out again: one leader for good.
    EXPECT_EQ(c.group().stats().leaderChanges(), 1u);
    // The first election cannot end before the shortest timeout (150 ms) plus a vote round trip
    // (2 ms); without a split vote it ends by the longest timeout plus that round trip.
    const SimTime first = c.group().stats().elections().front();
    EXPECT_GE(first, 152 * kMillisecond);
    if (leader.currentTerm() == 1) {
      EXPECT_LE(first, 302 * kMillisecond);
    }
    EXPECT_EQ(c.violations(), 0u);
  }
}

TEST(RaftElection, ReElectsAfterTheLeaderCrashesWithinTimeoutRangePlusRoundTrip) {
  // Followers last heard the leader at most one heartbeat (50 ms) plus a latency (1 ms) before
  // the crash, and then wait 150..300 ms: a new leader is elected between 150 - 51 = 99 ms and
  // 300 + 2 (a vote round trip) ms after the crash, unless a vote splits, which costs at most
  // one more timeout.
  int withinOneRound = 0;
  constexpr int kSeeds = 40;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    RaftClusterOptions o;
    o.seed = seed;
    RaftCluster c = makeRaftCluster(o);
    c.runUntil(2 * kSecond);
    ASSERT_EQ(c.leaders().size(), 1u);
    const RaftNode* old = c.leaders().front();
    const std::int64_t oldTerm = old->currentTerm();
    c.sim->crash(old->id());
    c.runUntil(4 * kSecond);
    ASSERT_EQ(c.leaders().size(), 1u);
    EXPECT_NE(c.leaders().front(), old);
    EXPECT_GT(c.leaders().front()->currentTerm(), oldTerm);
    const SimTime window = c.group().stats().elections().back();
    EXPECT_GE(window, 99 * kMillisecond);
    EXPECT_LE(window, 2 * 300 * kMillisecond + 4 * kMillisecond);
    if (window <= 302 * kMillisecond) ++withinOneRound;
    EXPECT_EQ(c.violations(), 0u);
  }
  // Split votes among four candidates with 150 ms of spread and 1 ms latency are rare.
  EXPECT_GE(withinOneRound, kSeeds * 9 / 10);
}

TEST(RaftElection, AMinorityPartitionCannotElectOrCommitButTheMajorityCan) {
  RaftClusterOptions o;
  o.clientRate = 200;
  o.seed = 3;
  RaftCluster c = makeRaftCluster(o);
  c.runUntil(2 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  // Put the leader and one follower on the minority side.
  const RaftNode* oldLeader = c.leaders().front();
  std::size_t leaderIndex = 0;
  while (c.nodes[leaderIndex] != oldLeader) ++leaderIndex;
  const std::size_t buddy = (leaderIndex + 1) % 5;
  const std::vector<std::size_t> minority{leaderIndex, buddy};
  c.partition(minority);
  const std::int64_t committedAtCut = std::max(c.node(leaderIndex).commitIndex(),
                                               c.node(buddy).commitIndex());
  const std::int64_t oldTerm = oldLeader->currentTerm();
  c.runUntil(7 * kSecond);
  // Minority: after check_quorum the old leader steps down; no one there leads, and nothing
  // new commits (entries in flight at the cut may still commit within a round trip).
  for (const std::size_t i : minority) {
    EXPECT_NE(c.node(i).role(), RaftNode::Role::Leader) << c.node(i).name();
    EXPECT_LE(c.node(i).commitIndex(), committedAtCut + 5) << c.node(i).name();
  }
  // Majority: one leader in a later term, committing the client's requests.
  std::int64_t majorityCommit = 0;
  int majorityLeaders = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    if (i == leaderIndex || i == buddy) continue;
    if (c.node(i).role() == RaftNode::Role::Leader) {
      ++majorityLeaders;
      EXPECT_GT(c.node(i).currentTerm(), oldTerm);
    }
    majorityCommit = std::max(majorityCommit, c.node(i).commitIndex());
  }
  EXPECT_EQ(majorityLeaders, 1);
  // 5 s at 200 req/s, three fifths of them sent to majority nodes: about 600 new entries.
  EXPECT_GT(majorityCommit, committedAtCut + 400);
  // Healed, everyone converges on one log.
  c.partition(minority, false);
  c.runUntil(10 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  const RaftNode& leader = *c.leaders().front();
  for (RaftNode* n : c.nodes) {
    ASSERT_EQ(n->lastLogIndex(), leader.lastLogIndex()) << n->name();
    for (std::size_t k = 0; k < leader.log().size(); ++k) {
      ASSERT_TRUE(n->log()[k].sameAs(leader.log()[k])) << n->name() << " index " << k + 1;
    }
  }
  EXPECT_EQ(c.violations(), 0u);
}

}  // namespace
}  // namespace pillars
