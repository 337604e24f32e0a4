// Evidence read off designs: single points of failure on hand-made graphs, and what each
// bundled example's topology implies (policies, replicas, SPOFs), then risks from it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/overrides.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/review/evidence.hpp"
#include "engine/review/risk.hpp"
#include "engine/review/topology_analysis.hpp"
#include "engine/run/scenario_runner.hpp"
#include "review_fixtures.hpp"

namespace pillars::review {
namespace {

using Strings = std::vector<std::string>;

Strings spofIds(const Scenario& s) {
  Strings ids;
  for (const auto& p : findSinglePointsOfFailure(s)) ids.push_back(p.component);
  return ids;
}

Scenario example(const std::string& name) {
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/" + name, builtinRegistry());
  EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  return load.ok() ? *load.scenario : Scenario{};
}

/// The items with `key`, as "value" strings in order.
Strings values(const std::vector<EvidenceItem>& items, const std::string& key) {
  Strings out;
  for (const auto& e : items) {
    if (e.key == key) out.push_back(e.value);
  }
  return out;
}

const EvidenceItem* first(const std::vector<EvidenceItem>& items, const std::string& key) {
  for (const auto& e : items) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

// --- single points of failure on hand-made graphs ------------------------------------------

TEST(ReviewSpof, Chain) {
  const Scenario s = ScenarioBuilder("chain")
                         .component("c", "client").component("a", "service").component("b", "service")
                         .link("c", "a").link("a", "b").build();
  EXPECT_EQ(spofIds(s), (Strings{"a", "b"}));
}

TEST(ReviewSpof, DiamondBehindABalancer) {
  // c -> lb -> {x, y} -> d: either branch will do, so only lb and the shared d are single.
  const Scenario s = ScenarioBuilder("diamond")
                         .component("c", "client").component("lb", "load_balancer")
                         .component("x", "service").component("y", "service").component("d", "service")
                         .link("c", "lb").link("lb", "x").link("lb", "y").link("x", "d").link("y", "d").build();
  EXPECT_EQ(spofIds(s), (Strings{"lb", "d"}));
}

TEST(ReviewSpof, DiamondBehindAServiceNeedsBothBranches) {
  // A service calls every downstream link, so each branch is needed.
  const Scenario s = ScenarioBuilder("fan-out")
                         .component("c", "client").component("s", "service")
                         .component("x", "service").component("y", "service").component("d", "service")
                         .link("c", "s").link("s", "x").link("s", "y").link("x", "d").link("y", "d").build();
  EXPECT_EQ(spofIds(s), (Strings{"s", "x", "y", "d"}));
}

/// A client and a Raft group of `n` (every pair linked), the client linked to `linked` members.
Scenario raftGroup(int n, int linked) {
  ScenarioBuilder b("raft");
  b.component("c", "client");
  for (int i = 1; i <= n; ++i) b.component("n" + std::to_string(i), "raft_node");
  for (int i = 1; i <= n; ++i) {
    for (int j = i + 1; j <= n; ++j) b.link("n" + std::to_string(i), "n" + std::to_string(j));
  }
  for (int i = 1; i <= linked; ++i) b.link("c", "n" + std::to_string(i));
  return b.build();
}

TEST(ReviewSpof, AConsensusGroupSurvivesAnyOneMember) {
  // Peer links carry votes and replication, not calls: no member is needed by another, and
  // a client linked to every member still reaches the group's majority without any one.
  EXPECT_EQ(spofIds(raftGroup(5, 5)), Strings{});
  EXPECT_EQ(spofIds(raftGroup(3, 3)), Strings{});
  // Linked to two members: either will do.
  EXPECT_EQ(spofIds(raftGroup(3, 2)), Strings{});
  // Linked to one member only: that member is the client's only way in.
  EXPECT_EQ(spofIds(raftGroup(5, 1)), Strings{"n1"});
}

TEST(ReviewEvidence, AConsensusGroupIsOneReplicaSetWithItsQuorum) {
  const auto a = analyzeTopology(raftGroup(5, 5));
  ASSERT_EQ(a.replicaSets.size(), 1u);
  EXPECT_EQ(a.replicaSets[0].members, (Strings{"n1", "n2", "n3", "n4", "n5"}));
  EXPECT_EQ(a.replicaSets[0].quorum, 3u);
  const auto e = gatherEvidence(example("raft-5.json"), nullptr);
  EXPECT_EQ(values(e, "replication"), Strings{"5"});
  EXPECT_EQ(values(e, "single_points_of_failure"), Strings{"none"});
}

TEST(ReviewSpof, TwoClientsSharingABalancer) {
  const Scenario s = ScenarioBuilder("shared")
                         .component("c1", "client").component("c2", "client").component("lb", "load_balancer")
                         .component("a", "service").component("b", "service")
                         .link("c1", "lb").link("c2", "lb").link("lb", "a").link("lb", "b").build();
  const auto spofs = findSinglePointsOfFailure(s);
  ASSERT_EQ(spofs.size(), 1u);
  EXPECT_EQ(spofs[0].component, "lb");
  EXPECT_EQ(spofs[0].clients, (Strings{"c1", "c2"}));
}

TEST(ReviewSpof, OnlyTheClientsThatDependOnIt) {
  // c1 -> a alone; c2 -> lb -> {a, b}: a is single for c1 only.
  const Scenario s = ScenarioBuilder("partial")
                         .component("c1", "client").component("c2", "client").component("lb", "load_balancer")
                         .component("a", "service").component("b", "service")
                         .link("c1", "a").link("c2", "lb").link("lb", "a").link("lb", "b").build();
  const auto spofs = findSinglePointsOfFailure(s);
  ASSERT_EQ(spofs.size(), 2u);
  EXPECT_EQ(spofs[0].component, "lb");
  EXPECT_EQ(spofs[0].clients, Strings{"c2"});
  EXPECT_EQ(spofs[1].component, "a");
  EXPECT_EQ(spofs[1].clients, Strings{"c1"});
}

TEST(ReviewSpof, BranchesWithTheirOwnStoresAndUnreachableParts) {
  // lb -> a -> d1, lb -> b -> d2: losing d1 still leaves the b branch. z is called by nobody.
  const Scenario s = ScenarioBuilder("branches")
                         .component("c", "client").component("lb", "load_balancer")
                         .component("a", "service").component("b", "service")
                         .component("d1", "service").component("d2", "service").component("z", "service")
                         .link("c", "lb").link("lb", "a").link("lb", "b").link("a", "d1").link("b", "d2").build();
  EXPECT_EQ(spofIds(s), Strings{"lb"});
}

// --- the bundled examples ------------------------------------------------------------------

TEST(ReviewEvidence, ThreeTier) {
  const auto e = gatherEvidence(example("three-tier.json"), nullptr);
  EXPECT_EQ(values(e, "load_balancing_policy"), Strings{"least_connections"});
  EXPECT_EQ(values(e, "health_checks"), Strings{"1s"});
  EXPECT_EQ(values(e, "single_points_of_failure"), Strings{"lb,cache,db"});
  EXPECT_EQ(first(e, "single_points_of_failure")->components, (Strings{"lb", "cache", "db"}));
  EXPECT_EQ(values(e, "replication"), Strings{"none"});
  EXPECT_EQ(first(e, "replication")->components, Strings{"db"});
  EXPECT_NE(first(e, "replication")->sentence.find("(only in zone-a)"), std::string::npos) << first(e, "replication")->sentence;
  EXPECT_EQ(values(e, "caches"), Strings{"1"});
  EXPECT_EQ(values(e, "queues"), Strings{"0"});
  EXPECT_EQ(values(e, "zones"), Strings{"2"});
  EXPECT_EQ(first(e, "zones")->sentence, "2 zones (zone-a and zone-b) in 1 region (region).");
  EXPECT_EQ(values(e, "retries"), Strings{"1"});
  EXPECT_EQ(values(e, "fault_experiments"), Strings{"2"});
  EXPECT_TRUE(values(e, "partitioning").empty());
  EXPECT_TRUE(values(e, "measured_availability").empty()) << "no run, no measurement";
}

TEST(ReviewEvidence, ControlPillarExamples) {
  // A rolling update tried in the scenario: a deployment strategy, a rollback only by hand, and
  // ten instances of web are no single point of failure.
  const auto rolling = gatherEvidence(example("rolling-update.json"), nullptr);
  ASSERT_EQ(values(rolling, "deployment_strategy"), Strings{"rolling"});
  EXPECT_EQ(first(rolling, "deployment_strategy")->suggests, "yes");
  EXPECT_NE(first(rolling, "deployment_strategy")->sentence.find("10 replicas"), std::string::npos);
  EXPECT_EQ(values(rolling, "rollback"), Strings{"manual"});
  EXPECT_EQ(first(rolling, "rollback")->suggests, "partly");
  EXPECT_EQ(values(rolling, "replication"), Strings{"10"});
  const auto spofs = first(rolling, "single_points_of_failure")->components;
  EXPECT_EQ(std::find(spofs.begin(), spofs.end(), "web"), spofs.end()) << "one instance down leaves nine";
  // A canary rolls back by itself.
  const auto canary = gatherEvidence(example("canary-rollback.json"), nullptr);
  EXPECT_EQ(values(canary, "rollback"), Strings{"automatic"});
  EXPECT_EQ(first(canary, "rollback")->suggests, "yes");
  // Retries without a guard, and a storm measured in the run.
  const Scenario storm = example("retry-storm.json");
  EXPECT_EQ(values(gatherEvidence(storm, nullptr), "retry_amplification"), Strings{"4"});
  ScenarioRunner runner(storm, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  const auto measured = gatherEvidence(storm, &r);
  ASSERT_EQ(values(measured, "retry_amplification").size(), 2u);
  EXPECT_EQ(values(measured, "retry_amplification")[1], "3.06") << "attempts per request over the run";
  // No replica set, no deployment evidence: the design cannot tell.
  EXPECT_TRUE(values(gatherEvidence(example("three-tier.json"), nullptr), "deployment_strategy").empty());
  // An orchestrator that restarts instances.
  Scenario restarting = example("rolling-update.json");
  ASSERT_EQ(applyOverride(restarting, "web.restart_policy=always"), "");
  EXPECT_EQ(values(gatherEvidence(restarting, nullptr), "auto_restart"), Strings{"1"});
}

TEST(ReviewEvidence, BalancerExamples) {
  struct Case {
    std::string file, policy;
    std::size_t replicas;
  };
  for (const Case& c : {Case{"lb-round-robin.json", "round_robin", 3}, Case{"lb-least-connections.json", "least_connections", 3},
                        Case{"lb-power-of-two.json", "power_of_two", 10}, Case{"lb-random.json", "random", 10},
                        Case{"lb-weighted-round-robin.json", "weighted_round_robin", 3},
                        Case{"lb-consistent-hash.json", "consistent_hash", 3}}) {
    SCOPED_TRACE(c.file);
    const auto e = gatherEvidence(example(c.file), nullptr);
    EXPECT_EQ(values(e, "load_balancing_policy"), Strings{c.policy});
    EXPECT_EQ(values(e, "single_points_of_failure"), Strings{"lb"});
    EXPECT_EQ(values(e, "replication"), Strings{std::to_string(c.replicas)});
    EXPECT_EQ(first(e, "replication")->suggests, "yes");
    EXPECT_EQ(values(e, "partitioning").size(), c.policy == "consistent_hash" ? 1u : 0u);
  }
}

TEST(ReviewEvidence, AsyncQueueAndMmc) {
  const auto q = gatherEvidence(example("async-queue.json"), nullptr);
  EXPECT_EQ(values(q, "load_balancing_policy"), Strings{"none"});
  EXPECT_EQ(values(q, "single_points_of_failure"), Strings{"jobs"});
  EXPECT_EQ(values(q, "replication"), Strings{"2"});
  EXPECT_EQ(first(q, "replication")->components, (Strings{"w1", "w2"}));
  EXPECT_EQ(values(q, "queues"), Strings{"1"});
  EXPECT_EQ(first(q, "queues")->suggests, "stream");

  const auto m = gatherEvidence(example("mmc.json"), nullptr);
  EXPECT_EQ(values(m, "load_balancing_policy"), Strings{"none"});
  EXPECT_EQ(first(m, "load_balancing_policy")->sentence, "No load balancer: station takes client traffic directly.");
  EXPECT_EQ(values(m, "health_checks"), Strings{"none"});
  EXPECT_EQ(values(m, "single_points_of_failure"), Strings{"station"});
  EXPECT_EQ(values(m, "replication"), Strings{"none"});
  EXPECT_EQ(values(m, "fault_experiments"), Strings{"0"});
}

TEST(ReviewEvidence, HealthChecksOff) {
  const Scenario s = ScenarioBuilder("blind")
                         .component("c", "client").component("lb", "load_balancer", {{"health_check_interval", "0s"}})
                         .component("a", "service").component("b", "service")
                         .link("c", "lb").link("lb", "a").link("lb", "b").build();
  const auto e = gatherEvidence(s, nullptr);
  EXPECT_EQ(values(e, "health_checks"), Strings{"off"});
  EXPECT_EQ(first(e, "health_checks")->suggests, "no");
}

TEST(ReviewEvidence, ProbesAreHealthChecksAndAServingPathLivenessProbeIsARisk) {
  Scenario s = example("mmc.json");
  ASSERT_EQ(applyOverride(s, "station.restart_policy=always"), "");
  ASSERT_EQ(applyOverride(s, "station.liveness_period=10s"), "");
  ASSERT_EQ(applyOverride(s, "station.readiness_period=5s"), "");
  auto e = gatherEvidence(s, nullptr);
  // With probes, mmc's lone station is no longer unchecked.
  EXPECT_EQ(values(e, "health_checks"), (Strings{"liveness_probe", "readiness_probe"}));
  EXPECT_EQ(first(e, "health_checks")->suggests, "partly");
  EXPECT_NE(first(e, "health_checks")->sentence.find("cascade"), std::string::npos);
  ASSERT_EQ(applyOverride(s, "station.probe_path=dedicated"), "");
  e = gatherEvidence(s, nullptr);
  EXPECT_EQ(first(e, "health_checks")->suggests, "yes");
  EXPECT_EQ(first(e, "health_checks")->sentence.find("cascade"), std::string::npos);
}

// --- risks from evidence -------------------------------------------------------------------

TEST(ReviewRisk, ThreeTierSuggestionsAndCounts) {
  const Checklist& checklist = testing::bundledLibrary().checklists.at(0);
  const auto e = gatherEvidence(example("three-tier.json"), nullptr);
  const auto suggestions = suggestAnswers(checklist, e);
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& s : suggestions) got.emplace_back(s.questionId, s.choice);
  const std::vector<std::pair<std::string, std::string>> expected{
      {"work.load_balancing", "yes"}, {"state.replication_factor", "no"},
      {"control.health_checks", "yes"}, {"intelligence.learning_from_failures", "partly"}};
  EXPECT_EQ(got, expected);
  const RiskReport report = evaluateRisks(checklist, answersFrom(suggestions), e);
  EXPECT_EQ(report.total, 15);
  EXPECT_EQ(report.answered, 4);
  EXPECT_EQ(report.high, 1);    // no replica of db
  EXPECT_EQ(report.medium, 1);  // a balancer, but itself a single point of failure
  EXPECT_EQ(report.pillars[0].pillar, "work");
  EXPECT_EQ(report.pillars[0].medium, 1);
  EXPECT_EQ(report.pillars[1].high, 1);
  EXPECT_EQ(report.pillars[3].answered, 1);
  EXPECT_EQ(report.pillars[3].high + report.pillars[3].medium, 0);
}

TEST(ReviewRisk, NotApplicableNeedsAReason) {
  const Checklist& checklist = testing::bundledLibrary().checklists.at(0);
  Answers answers;
  answers["state.backup"] = Answer{"", true, "stateless: nothing to back up", ""};
  answers["state.partitioning"] = Answer{"", true, "", ""};
  answers["truth.transaction_boundaries"] = Answer{"no", false, "", ""};
  answers["truth.consistency_model"] = Answer{"sometimes", false, "", ""};  // not a choice
  const RiskReport r = evaluateRisks(checklist, answers, {});
  EXPECT_EQ(r.answered, 2);
  EXPECT_EQ(r.high, 1);
  EXPECT_EQ(r.pillars[1].notApplicable, 1);
  EXPECT_EQ(r.pillars[1].answered, 1);
  EXPECT_NEAR(r.progress(), 2.0 / 15.0, 1e-12);
}

TEST(ReviewRisk, EvidenceCanRaiseTheRiskOfAGoodAnswer) {
  const Question* q = testing::bundledLibrary().findQuestion("work.load_balancing");
  ASSERT_NE(q, nullptr);
  const std::vector<EvidenceItem> spof{{"single_points_of_failure", "lb", "", {"lb"}, "no", false}};
  const std::vector<EvidenceItem> none{{"single_points_of_failure", "none", "", {}, "yes", false}};
  EXPECT_EQ(riskFor(*q, "yes", spof), Risk::Medium);
  EXPECT_EQ(riskFor(*q, "yes", none), Risk::None);
  EXPECT_EQ(riskFor(*q, "no", none), Risk::High);
}

TEST(ReviewEvidence, FromARun) {
  // One worker, 5 ms per request: 100 req/s is 50% busy, 180 req/s 90% (a hot spot).
  for (const double rate : {100.0, 180.0}) {
    const Scenario s = ScenarioBuilder("run")
                           .component("c", "client", {{"rate", std::to_string(rate)}, {"timeout", "0s"}})
                           .component("svc", "service", {{"service_time", "exp(5ms)"}})
                           .link("c", "svc", {{"latency", "0s"}})
                           .duration(900 * kSecond)
                           .warmup(5 * kSecond)
                           .build();
    ScenarioRunner runner(s, builtinRegistry());
    runner.run();
    const RunResults r = runner.results();
    const auto e = gatherEvidence(s, &r);
    EXPECT_EQ(values(e, "measured_availability"), Strings{"100.000"});
    EXPECT_EQ(first(e, "measured_availability")->suggests, "yes");
    EXPECT_TRUE(first(e, "measured_availability")->fromRun);
    EXPECT_EQ(values(e, "utilization_hot_spots"), Strings{rate > 150 ? "1" : "0"}) << rate;
    ASSERT_NE(first(e, "latency_p99"), nullptr);
    // M/M/1 sojourn time is exponential with mean 1/(mu - lambda): p99 = ln(100)/(mu - lambda).
    const double p99 = std::log(100.0) / (200.0 - rate) * 1000.0;
    EXPECT_NEAR(std::stod(first(e, "latency_p99")->value), p99, p99 * 0.15) << rate;
  }
}

}  // namespace
}  // namespace pillars::review

#include "engine/review/milestones.hpp"

namespace pillars::review {
namespace {

TEST(ReviewMilestones, AddingAReplicaRemovesTheHighRisk) {
  // Milestone 1: three-tier as shipped (db alone). Milestone 2: the same answers except that
  // replication is now "yes" with no single point of failure left.
  const Checklist& checklist = testing::bundledLibrary().checklists.at(0);
  const auto evidence = gatherEvidence(example("three-tier.json"), nullptr);
  Milestone before{"as shipped", answersFrom(suggestAnswers(checklist, evidence)), ""};
  Milestone after = before;
  after.name = "db replicated";
  after.answers["state.replication_factor"] = Answer{"yes", false, "", ""};
  after.answers["state.backup"] = Answer{"partly", false, "", ""};
  const MilestoneComparison c = compareMilestones(checklist, before, after, evidence);
  // Replication: high -> medium (yes, but the evidence still shows SPOFs); backup: + medium.
  EXPECT_EQ(c.high, -1);
  EXPECT_EQ(c.medium, 2);
  ASSERT_EQ(c.questions.size(), 2u);
  EXPECT_EQ(c.questions[0].questionId, "state.replication_factor");
  EXPECT_EQ(c.questions[0].before, Risk::High);
  EXPECT_EQ(c.questions[0].after, Risk::Medium);
  EXPECT_EQ(c.pillars[1].pillar, "state");
  EXPECT_EQ(c.pillars[1].answered, 1);
  EXPECT_EQ(c.pillars[0].high + c.pillars[0].medium, 0);
}

}  // namespace
}  // namespace pillars::review
