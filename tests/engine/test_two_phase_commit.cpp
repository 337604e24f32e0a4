// Two-phase commit: commits when everyone votes yes, aborts on a no or a missing vote, and
// blocks exactly as the theory says when the coordinator fails between the phases.
#include <gtest/gtest.h>

#include <cmath>

#include "sim_fixtures.hpp"

namespace pillars {
namespace {

using testing::extra;

constexpr SimTime kMs = kMillisecond;

/// A client, a coordinator and three participants; every link takes exactly 10 ms, a
/// participant prepares in 5 ms and the coordinator logs a decision in 2 ms. Keys are drawn
/// from so many that two transactions never share one unless `keys` says otherwise.
Scenario twoPhase(const std::string& rate, const std::string& requests,
                  const std::string& keys = "1000000000000") {
  ScenarioBuilder b("2pc");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", rate}, {"requests", requests},
               {"timeout", "10s"}, {"keys", keys}})
      .component("coord", "tpc_coordinator",
                 {{"vote_timeout", "1s"}, {"log_time", "2ms"}, {"resend_interval", "0"}})
      .link("client", "coord", {{"latency", "10ms"}});
  for (const char* p : {"p1", "p2", "p3"}) {
    b.component(p, "tpc_participant", {{"prepare_time", "5ms"}});
    b.link("coord", p, {{"latency", "10ms"}});
  }
  b.duration(600 * kSecond).metricsInterval(0);
  return b.build();
}

/// Changes one parameter of a component, written as in a scenario file.
void set(Scenario& s, const std::string& id, const std::string& name, const std::string& text) {
  for (ComponentSpec& c : s.components) {
    if (c.id != id) continue;
    const auto index = c.params.indexOf(name);
    ASSERT_TRUE(index.has_value()) << name;
    std::string error;
    auto value = parseParamText(c.params.specs()[*index], text, &error);
    ASSERT_TRUE(value.has_value()) << error;
    c.params.set(*index, *value);
    return;
  }
  FAIL() << "no component " << id;
}

std::unique_ptr<Simulation> build(const Scenario& s) {
  return buildSimulation(s, builtinRegistry(), s.seed);
}

TEST(TwoPhaseCommit, CommitsWhenEveryParticipantVotesYes) {
  auto sim = build(twoPhase("10", "100"));
  sim->runUntil(60 * kSecond);
  EXPECT_EQ(testing::metricsOf(*sim, "client").completed, 100u);
  EXPECT_EQ(extra(*sim, "coord", "committed"), 100);
  EXPECT_EQ(extra(*sim, "coord", "aborted"), 0);
  EXPECT_EQ(extra(*sim, "coord", "open_transactions"), 0);  // every decision acknowledged
  for (const char* p : {"p1", "p2", "p3"}) {
    SCOPED_TRACE(p);
    EXPECT_EQ(extra(*sim, p, "committed"), 100);
    EXPECT_EQ(extra(*sim, p, "locks_held"), 0);
    // Lock from Prepare's arrival to Commit's: prepare 5 + vote 10 + log 2 + commit 10 ms.
    EXPECT_DOUBLE_EQ(extra(*sim, p, "lock_held_ms.max"), 27.0);
    EXPECT_DOUBLE_EQ(extra(*sim, p, "lock_held_ms.mean"), 27.0);
    // In doubt from the yes vote to the decision: 22 ms per transaction.
    EXPECT_NEAR(extra(*sim, p, "blocked_s"), 100 * 0.022, 1e-9);
    EXPECT_EQ(extra(*sim, p, "blocked_now"), 0);
  }
  // Client latency: 10 + 10 + 5 + 10 + 2 + 10 ms.
  EXPECT_EQ(testing::metricsOf(*sim, "client").latency.max(), 47 * kMs);
}

TEST(TwoPhaseCommit, AbortsWhenOneParticipantVotesNo) {
  Scenario s = twoPhase("10", "100");
  set(s, "p2", "abort_probability", "1");
  auto sim = build(s);
  sim->runUntil(60 * kSecond);
  EXPECT_EQ(testing::metricsOf(*sim, "client").completed, 0u);
  EXPECT_EQ(testing::metricsOf(*sim, "client").failed, 100u);
  EXPECT_EQ(extra(*sim, "coord", "aborted"), 100);
  EXPECT_EQ(extra(*sim, "p2", "voted_no"), 100);
  for (const char* p : {"p1", "p3"}) {
    EXPECT_EQ(extra(*sim, p, "aborted"), 100) << p;
    EXPECT_EQ(extra(*sim, p, "committed"), 0) << p;
    EXPECT_DOUBLE_EQ(extra(*sim, p, "lock_held_ms.max"), 27.0) << p;
  }
  // A no voter releases its lock when it votes: it held it for its 5 ms of prepare work.
  EXPECT_DOUBLE_EQ(extra(*sim, "p2", "lock_held_ms.max"), 5.0);
  EXPECT_EQ(extra(*sim, "p2", "blocked_s"), 0);
}

TEST(TwoPhaseCommit, AbortsWhenAVoteMissesTheTimeout) {
  Scenario s = twoPhase("1", "20");
  set(s, "p3", "prepare_time", "2s");
  auto sim = build(s);
  sim->runUntil(60 * kSecond);
  EXPECT_EQ(testing::metricsOf(*sim, "client").failed, 20u);
  EXPECT_EQ(testing::metricsOf(*sim, "coord").timedOut, 20u);
  EXPECT_EQ(extra(*sim, "coord", "aborted"), 20);
  // Prepare sent at T arrives at T + 10 ms; the abort is decided at T + 1 s, logged by
  // T + 1.002 s and arrives at T + 1.012 s: every lock, p3's unfinished prepare included,
  // was held 1.002 s.
  for (const char* p : {"p1", "p2", "p3"}) {
    EXPECT_DOUBLE_EQ(extra(*sim, p, "lock_held_ms.max"), 1002.0) << p;
    EXPECT_EQ(extra(*sim, p, "aborted"), 20) << p;
  }
  EXPECT_EQ(extra(*sim, "p3", "blocked_s"), 0);  // it never voted
}

TEST(TwoPhaseCommit, LockConflictsVoteNoRatherThanWait) {
  // One key, a transaction every 100 ms, each holding its locks for 150 + 32 ms: every second
  // transaction finds the key locked and is refused at once.
  Scenario s = twoPhase("10", "100", "1");
  for (const char* p : {"p1", "p2", "p3"}) set(s, p, "prepare_time", "150ms");
  auto sim = build(s);
  sim->runUntil(60 * kSecond);
  EXPECT_EQ(testing::metricsOf(*sim, "client").completed, 50u);
  EXPECT_EQ(testing::metricsOf(*sim, "client").failed, 50u);
  EXPECT_EQ(extra(*sim, "p1", "lock_conflicts"), 50);
}

TEST(TwoPhaseCommit, CommitProbabilityIsTheProductOfYesVotes) {
  Scenario s = twoPhase("100", "3000");
  for (const char* p : {"p1", "p2", "p3"}) set(s, p, "abort_probability", "0.1");
  auto sim = build(s);
  sim->runUntil(60 * kSecond);
  const double committed = extra(*sim, "coord", "committed");
  EXPECT_EQ(committed + extra(*sim, "coord", "aborted"), 3000);
  // 0.9^3 = 0.729; one sd over 3000 transactions is 0.008.
  EXPECT_NEAR(committed / 3000, 0.729, 0.035);
}

/// Runs the one-transaction scenario to `t`.
struct OneTransaction {
  std::unique_ptr<Simulation> sim = build(twoPhase("1", "1"));
  ComponentId coord = sim->findComponent("coord")->id();
  void runTo(SimTime t) { sim->runUntil(t); }
  double blockedNow() {
    double sum = 0;
    for (const char* p : {"p1", "p2", "p3"}) sum += extra(*sim, p, "blocked_now");
    return sum;
  }
};

// The request leaves the client at 1 s and reaches the coordinator at 1.010 s; Prepare arrives
// at 1.020 s; each participant locks, prepares and votes yes at 1.025 s; the votes would reach
// the coordinator at 1.035 s and the decision would be logged at 1.037 s.

TEST(TwoPhaseCommit, CrashBeforeTheDecisionIsLoggedBlocksUntilRestartThenAborts) {
  OneTransaction t;
  t.runTo(1030 * kMs);
  t.sim->crash(t.coord);  // all three prepared and voted; the votes are still in flight
  t.runTo(3 * kSecond);
  // Blocked: in doubt and holding the lock for as long as the coordinator is down.
  EXPECT_EQ(t.blockedNow(), 3);
  for (const char* p : {"p1", "p2", "p3"}) EXPECT_EQ(extra(*t.sim, p, "locks_held"), 1) << p;
  t.runTo(4030 * kMs);
  t.sim->restart(t.coord);  // downtime 3 s; no decision on the log: presumed abort
  t.runTo(20 * kSecond);
  EXPECT_EQ(t.blockedNow(), 0);
  EXPECT_EQ(extra(*t.sim, "coord", "aborted_on_recovery"), 1);
  EXPECT_EQ(extra(*t.sim, "coord", "aborted"), 1);
  EXPECT_EQ(extra(*t.sim, "coord", "committed"), 0);
  for (const char* p : {"p1", "p2", "p3"}) {
    SCOPED_TRACE(p);
    EXPECT_EQ(extra(*t.sim, p, "aborted"), 1);
    EXPECT_EQ(extra(*t.sim, p, "locks_held"), 0);
    // In doubt from the vote (1.025 s) until the abort arrives: restart 4.030 + log 0.002 +
    // latency 0.010 = 4.042 s. That is the 3 s downtime, plus the 5 ms between vote and crash,
    // plus the log write and one message latency.
    EXPECT_NEAR(extra(*t.sim, p, "blocked_s"), 3.017, 1e-9);
    EXPECT_NEAR(extra(*t.sim, p, "lock_held_ms.max"), 3022.0, 1e-6);
  }
  // The client's transaction died with the coordinator's memory: no answer, a timeout.
  EXPECT_EQ(testing::metricsOf(*t.sim, "client").timedOut, 1u);
}

TEST(TwoPhaseCommit, CrashAfterTheDecisionIsLoggedResendsItOnRestart) {
  OneTransaction t;
  t.runTo(1036 * kMs);
  // The Commit messages sent at 1.037 s are lost, then the coordinator crashes at 1.040 s.
  std::vector<LinkId> links;
  for (const char* p : {"p1", "p2", "p3"}) {
    links.push_back(t.sim->network().findLink(t.coord, t.sim->findComponent(p)->id()));
    t.sim->setLinkLossProbability(links.back(), 1.0);
  }
  t.runTo(1040 * kMs);
  t.sim->crash(t.coord);
  for (const LinkId l : links) t.sim->setLinkLossProbability(l, 0.0);
  t.runTo(4040 * kMs);
  // The client has its answer (sent at 1.037 s, with the lost commits): the decision was
  // durable before it was announced, so a crash cannot take it back.
  EXPECT_EQ(testing::metricsOf(*t.sim, "client").completed, 1u);
  EXPECT_EQ(t.blockedNow(), 3);  // in doubt, though the outcome is commit
  t.sim->restart(t.coord);       // resends the logged commit at once
  t.runTo(20 * kSecond);
  EXPECT_EQ(t.blockedNow(), 0);
  EXPECT_EQ(extra(*t.sim, "coord", "open_transactions"), 0);
  for (const char* p : {"p1", "p2", "p3"}) {
    SCOPED_TRACE(p);
    EXPECT_EQ(extra(*t.sim, p, "committed"), 1);
    // In doubt from 1.025 s to the resent commit's arrival at 4.050 s: downtime 3 s + 15 ms
    // between vote and crash + 10 ms latency.
    EXPECT_NEAR(extra(*t.sim, p, "blocked_s"), 3.025, 1e-9);
    EXPECT_NEAR(extra(*t.sim, p, "lock_held_ms.max"), 3030.0, 1e-6);
  }
}

TEST(TwoPhaseCommit, SameSeedSameTrace) {
  Scenario s = twoPhase("100", "500", "50");
  for (const char* p : {"p1", "p2", "p3"}) {
    set(s, p, "prepare_time", "exp(5ms)");
    set(s, p, "abort_probability", "0.05");
  }
  auto a = build(s);
  auto c = build(s);
  a->runUntil(10 * kSecond);
  c->runUntil(10 * kSecond);
  EXPECT_EQ(a->fingerprint(), c->fingerprint());
  EXPECT_EQ(extra(*a, "coord", "committed"), extra(*c, "coord", "committed"));
}

}  // namespace
}  // namespace pillars
