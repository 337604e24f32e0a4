// Raft log replication: conflict repair, persistence across restart, forwarding to the leader.
#include <gtest/gtest.h>

#include "raft_fixtures.hpp"
#include "sim_fixtures.hpp"

namespace pillars {
namespace {

using testing::makeRaftCluster;
using testing::RaftCluster;
using testing::RaftClusterOptions;

std::size_t indexOf(const RaftCluster& c, const RaftNode* n) {
  std::size_t i = 0;
  while (c.nodes[i] != n) ++i;
  return i;
}

TEST(RaftReplication, ARestartedOldLeaderHasItsConflictingEntriesRepaired) {
  // The client talks only to n1 (at first the leader, thanks to its short timeout) and n2.
  RaftClusterOptions o;
  o.clientRate = 200;
  o.clientTargets = {0, 1};
  o.seed = 5;
  RaftCluster c = makeRaftCluster(o);
  // Make n1 win the first election: only its timeout is short.
  c.runUntil(2 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  const std::size_t old = indexOf(c, c.leaders().front());
  // Isolate the leader: for up to an election timeout it keeps appending requests it can
  // never commit (check_quorum then makes it step down).
  c.partition({old});
  const std::int64_t commitAtCut = c.node(old).commitIndex();
  c.runUntil(2 * kSecond + 100 * kMillisecond);
  const std::int64_t oldLength = c.node(old).lastLogIndex();
  ASSERT_GT(oldLength, commitAtCut + 5) << "the isolated leader should hold uncommitted entries";
  c.crash(old);
  c.runUntil(4 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  const RaftNode& leader = *c.leaders().front();
  // The new leader wrote different entries at the old leader's uncommitted indexes.
  const RaftNode& stale = c.node(old);
  ASSERT_GE(leader.lastLogIndex(), oldLength);
  std::int64_t conflicts = 0;
  for (std::int64_t i = commitAtCut + 1; i <= oldLength; ++i) {
    const auto k = static_cast<std::size_t>(i - 1);
    if (!stale.log()[k].sameAs(leader.log()[k])) ++conflicts;
  }
  EXPECT_GT(conflicts, 0);
  // Back with its log intact, healed: nextIndex backs off to the divergence and the suffix is
  // replaced.
  c.partition({old}, false);
  c.restart(old);
  c.runUntil(6 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  const RaftNode& now = *c.leaders().front();
  for (RaftNode* n : c.nodes) {
    ASSERT_EQ(n->lastLogIndex(), now.lastLogIndex()) << n->name();
    for (std::size_t k = 0; k < now.log().size(); ++k) {
      ASSERT_TRUE(n->log()[k].sameAs(now.log()[k])) << n->name() << " index " << k + 1;
    }
  }
  // Requests keep arriving, so the newest commit may still be on its way to one node.
  EXPECT_GE(c.node(old).commitIndex(), now.commitIndex() - 5);
  EXPECT_EQ(c.violations(), 0u);
}

TEST(RaftReplication, TermVoteAndLogSurviveACrashButCommitIndexDoesNot) {
  RaftClusterOptions o;
  o.clientRate = 100;
  o.seed = 9;
  RaftCluster c = makeRaftCluster(o);
  c.runUntil(3 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  const std::size_t follower = (indexOf(c, c.leaders().front()) + 1) % 5;
  RaftNode& f = c.node(follower);
  const std::int64_t term = f.currentTerm();
  const ComponentId vote = f.votedFor();
  const std::vector<RaftEntry> log = f.log();
  ASSERT_GT(f.commitIndex(), 100);
  c.crash(follower);
  c.restart(follower);
  EXPECT_EQ(f.currentTerm(), term);
  EXPECT_EQ(f.votedFor(), vote);
  ASSERT_EQ(f.log().size(), log.size());
  for (std::size_t k = 0; k < log.size(); ++k) EXPECT_TRUE(f.log()[k].sameAs(log[k]));
  EXPECT_EQ(f.commitIndex(), 0);
  EXPECT_EQ(f.lastApplied(), 0);
  EXPECT_EQ(f.role(), RaftNode::Role::Follower);
  // The next AppendEntries tells it the commit index again, and it re-applies the log.
  c.runUntil(3 * kSecond + 200 * kMillisecond);
  const RaftNode& leader = *c.leaders().front();
  EXPECT_GE(f.commitIndex(), leader.commitIndex() - 5);
  EXPECT_EQ(f.lastApplied(), f.commitIndex());
  EXPECT_EQ(c.violations(), 0u);
}

TEST(RaftReplication, FollowersForwardRequestsToTheLeaderAndRelayTheAnswers) {
  RaftClusterOptions o;
  o.clientRate = 100;
  o.seed = 11;
  o.nodeParams = {{"apply_time", "0"}};
  RaftCluster c = makeRaftCluster(o);
  c.runUntil(1 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  Component& user = *c.sim->findComponent("client");
  user.resetMetrics(c.sim->now());
  for (RaftNode* n : c.nodes) n->resetMetrics(c.sim->now());
  const double issuedBefore = testing::extra(user, "issued");
  const double inFlightBefore = testing::extra(user, "in_flight");
  c.runUntil(11 * kSecond);
  const ComponentMetrics& client = user.metrics();
  // Every request completes: what was issued or in flight, less what is still in flight.
  EXPECT_EQ(static_cast<double>(client.completed),
            testing::extra(user, "issued") - issuedBefore + inFlightBefore -
                testing::extra(user, "in_flight"));
  EXPECT_GT(client.completed, 900u);
  EXPECT_EQ(client.failed, 0u);
  EXPECT_EQ(client.timedOut, 0u);
  const RaftNode& leader = *c.leaders().front();
  std::uint64_t forwarded = 0;
  for (RaftNode* n : c.nodes) {
    if (n == &leader) continue;
    // A follower forwards everything it receives.
    EXPECT_EQ(static_cast<double>(n->metrics().received), testing::extra(*n, "forwarded")) << n->name();
    forwarded += n->metrics().received;
  }
  // The client spreads requests evenly over five links: four fifths reach followers.
  EXPECT_NEAR(static_cast<double>(forwarded) / static_cast<double>(client.completed), 0.8, 0.05);
  // The leader answered every one (its own and the forwarded).
  EXPECT_NEAR(static_cast<double>(leader.metrics().completed), static_cast<double>(client.completed), 5.0);
}

TEST(RaftReplication, WithoutAMajorityRequestsAreAnsweredUnavailable) {
  RaftClusterOptions o;
  o.clientRate = 100;
  o.clientTargets = {0};
  o.seed = 13;
  RaftCluster c = makeRaftCluster(o);
  c.runUntil(1 * kSecond);
  // Three of five down: no one can be elected, so n1 never knows a leader.
  c.crash(2);
  c.crash(3);
  c.crash(4);
  c.runUntil(2 * kSecond);
  const ComponentMetrics before = c.node(0).metrics();
  c.runUntil(4 * kSecond);
  const ComponentMetrics& after = c.node(0).metrics();
  EXPECT_TRUE(c.leaders().empty());
  // Every one of the ~200 requests of these 2 s was refused at once, none completed.
  EXPECT_EQ(after.completed, before.completed);
  EXPECT_NEAR(static_cast<double>(after.failed - before.failed), 200.0, 30.0);
  EXPECT_EQ(c.violations(), 0u);
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

TEST(RaftReplication, AFollowerGivesUpOnForwardsTheLeaderNeverAnswers) {
  // The leader and one follower are cut off from the other three, and the leader does not
  // step down (check_quorum off): it appends the forwarded requests but can never commit them.
  RaftClusterOptions o;
  o.clientRate = 100;
  o.seed = 17;
  o.nodeParams = {{"check_quorum", "false"}};
  RaftCluster c = makeRaftCluster(o);
  c.runUntil(1 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  const std::size_t leader = indexOf(c, c.leaders().front());
  const std::size_t follower = (leader + 1) % 5;
  c.partition({leader, follower});
  const double forwardedBefore = testing::extra(c.node(follower), "forwarded");
  const double waitingBefore = testing::extra(c.node(follower), "forwards_waiting");
  const std::uint64_t timedOutBefore = c.node(follower).metrics().timedOut;
  c.runUntil(11 * kSecond);
  const RaftNode& f = c.node(follower);
  const double forwarded = testing::extra(f, "forwarded") - forwardedBefore;
  const double waiting = testing::extra(f, "forwards_waiting");
  // About a fifth of 1,000 requests reached the follower in 10 s; only those of the last
  // second (forward_timeout) are still waited for, the rest were given up.
  EXPECT_GT(forwarded, 150.0);
  EXPECT_LT(waiting, 45.0);
  // Every forward is answered, still waited for, or given up: none leaks.
  EXPECT_EQ(static_cast<double>(f.metrics().timedOut - timedOutBefore),
            waitingBefore + forwarded - waiting);
  EXPECT_EQ(c.violations(), 0u);
}

}  // namespace
}  // namespace pillars
