// Raft interventions by hand (the app's context menu): timeoutNow starts an election at once,
// submitCommand puts a request into the leader's log from any node that knows the leader.
#include <gtest/gtest.h>

#include "engine/io/diagnostic.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/run/scenario_runner.hpp"
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

/// Three raft_nodes (n1 wins the first election: its timeouts are the shortest), a client, and
/// the given fault timeline.
std::string threeNodesWithFaults(const std::string& faults) {
  return R"({"format": "pillars-scenario", "version": 1, "name": "t", "seed": 3, "duration": "3s",
    "components": [
      {"id": "c", "kind": "client", "params": {"rate": 10}},
      {"id": "n1", "kind": "raft_node", "params": {"election_timeout_min": "100ms", "election_timeout_max": "110ms"}},
      {"id": "n2", "kind": "raft_node"}, {"id": "n3", "kind": "raft_node"}],
    "links": [{"from": "c", "to": "n1"}, {"from": "n1", "to": "n2"}, {"from": "n1", "to": "n3"},
              {"from": "n2", "to": "n3"}],
    "faults": [)" + faults + "]}";
}

TEST(RaftInterventions, ATimeoutFaultStartsAnElectionAtItsTime) {
  const ScenarioLoad load = readScenario(
      threeNodesWithFaults(R"({"at": "1s", "action": "timeout", "target": "n3"})"), "t.json", builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  ASSERT_EQ(load.scenario->faults.size(), 1u);
  EXPECT_EQ(load.scenario->faults[0].action, FaultAction::Timeout);
  ScenarioRunner r(*load.scenario, builtinRegistry());
  Simulation& s = r.simulation();
  auto& n3 = dynamic_cast<RaftNode&>(*s.findComponent("n3"));
  s.runUntil(1 * kSecond - 1);
  ASSERT_EQ(n3.role(), RaftNode::Role::Follower);
  EXPECT_EQ(n3.currentTerm(), 1);
  EXPECT_EQ(n3.electionsStarted(), 0u);
  s.runUntil(1 * kSecond);
  EXPECT_EQ(n3.role(), RaftNode::Role::Candidate);
  EXPECT_EQ(n3.currentTerm(), 2);
  EXPECT_EQ(n3.electionsStarted(), 1u);
  s.runUntil(2 * kSecond);
  auto& n1 = dynamic_cast<RaftNode&>(*s.findComponent("n1"));
  // Everyone moved to term 2 or later, under one leader.
  int leaders = 0;
  for (const RaftNode* n : {&n1, &n3, &dynamic_cast<RaftNode&>(*s.findComponent("n2"))}) {
    EXPECT_GE(n->currentTerm(), 2);
    leaders += n->role() == RaftNode::Role::Leader ? 1 : 0;
  }
  EXPECT_EQ(leaders, 1);
}

TEST(RaftInterventions, ATimeoutFaultOnAnotherKindIsAnErrorNamingIt) {
  const ScenarioLoad load = readScenario(
      threeNodesWithFaults(R"({"at": "1s", "action": "timeout", "target": "c"})"), "t.json", builtinRegistry());
  ASSERT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 1u) << formatDiagnostics(load.errors);
  EXPECT_EQ(load.errors[0].path, "$.faults[0].target");
  EXPECT_NE(load.errors[0].message.find(R"(a "timeout" fault needs a raft_node (or a group), but "c" is a client)"),
            std::string::npos)
      << load.errors[0].message;
}

}  // namespace
}  // namespace pillars
