// Raft interventions by hand (the app's context menu): timeoutNow starts an election at once,
// submitCommand puts a request into the leader's log from any node that knows the leader.
#include <gtest/gtest.h>

#include "raft_fixtures.hpp"

namespace pillars {
namespace {

using testing::makeRaftCluster;
using testing::RaftCluster;
using testing::RaftClusterOptions;

RaftNode* aFollower(RaftCluster& c) {
  for (RaftNode* n : c.nodes) {
    if (n->isUp() && n->role() == RaftNode::Role::Follower) return n;
  }
  return nullptr;
}

TEST(RaftInterventions, TimeoutNowMakesAFollowerACandidateOfTheNextTermAtOnce) {
  RaftCluster c = makeRaftCluster({});
  c.runUntil(2 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  const RaftNode* oldLeader = c.leaders().front();
  const std::int64_t term = oldLeader->currentTerm();
  RaftNode* f = aFollower(c);
  ASSERT_NE(f, nullptr);
  const std::uint64_t elections = f->electionsStarted();

  ASSERT_TRUE(f->timeoutNow());
  // No event ran: the election started inside the call.
  EXPECT_EQ(f->role(), RaftNode::Role::Candidate);
  EXPECT_EQ(f->currentTerm(), term + 1);
  EXPECT_EQ(f->votedFor(), f->id());
  EXPECT_EQ(f->electionsStarted(), elections + 1);
  // A fresh random timeout (150..300 ms by default) from now.
  EXPECT_GE(f->electionDeadline(), c.sim->now() + 150 * kMillisecond);
  EXPECT_LE(f->electionDeadline(), c.sim->now() + 300 * kMillisecond);
  EXPECT_EQ(f->electionDeadline() - c.sim->now(), f->electionTimeout());

  // Its log is as up to date as everyone's, so the group follows it to a new term with one
  // leader (usually the candidate itself), and stays safe.
  c.runUntil(4 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  EXPECT_GE(c.leaders().front()->currentTerm(), term + 1);
  for (RaftNode* n : c.nodes) EXPECT_EQ(n->currentTerm(), c.leaders().front()->currentTerm());
  EXPECT_EQ(c.violations(), 0u);
}

TEST(RaftInterventions, TimeoutNowDoesNothingToALeaderOrACrashedNode) {
  RaftCluster c = makeRaftCluster({});
  c.runUntil(2 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  RaftNode* leader = c.leaders().front();
  const std::int64_t term = leader->currentTerm();
  EXPECT_FALSE(leader->timeoutNow());
  EXPECT_EQ(leader->role(), RaftNode::Role::Leader);
  EXPECT_EQ(leader->currentTerm(), term);

  RaftNode* f = aFollower(c);
  ASSERT_NE(f, nullptr);
  c.sim->crash(f->id());
  EXPECT_FALSE(f->timeoutNow());
  EXPECT_EQ(f->currentTerm(), term);
  EXPECT_EQ(f->role(), RaftNode::Role::Follower);
}

TEST(RaftInterventions, SubmitCommandAtAFollowerIsCommittedEverywhere) {
  RaftCluster c = makeRaftCluster({});
  c.runUntil(2 * kSecond);
  ASSERT_EQ(c.leaders().size(), 1u);
  const RaftNode* leader = c.leaders().front();
  const std::int64_t before = leader->lastLogIndex();
  RaftNode* f = aFollower(c);
  ASSERT_NE(f, nullptr);

  ASSERT_TRUE(f->submitCommand());
  EXPECT_EQ(f->handCommands(), 1u);
  c.runUntil(3 * kSecond);
  ASSERT_EQ(leader->lastLogIndex(), before + 1);
  const RaftEntry& e = leader->log().back();
  EXPECT_EQ(e.command, RaftNode::kHandCommandBit | 1u);
  EXPECT_EQ(e.term, leader->currentTerm());
  EXPECT_EQ(leader->termOf(before + 1), leader->currentTerm());
  for (RaftNode* n : c.nodes) EXPECT_EQ(n->commitIndex(), before + 1);
  EXPECT_EQ(c.violations(), 0u);
}

TEST(RaftInterventions, SubmitCommandNeedsAKnownLeader) {
  RaftCluster c = makeRaftCluster({});
  // Before the first election (150 ms at the earliest) nobody knows a leader.
  c.runUntil(50 * kMillisecond);
  EXPECT_TRUE(c.leaders().empty());
  EXPECT_FALSE(c.node(0).submitCommand());
  EXPECT_EQ(c.node(0).handCommands(), 0u);
  EXPECT_EQ(c.node(0).termOf(1), 0);  // out of range
}

}  // namespace
}  // namespace pillars
