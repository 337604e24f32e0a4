// Applying recommended patterns: each action edits three-tier (and a hand-made design) into a
// valid scenario with the expected components and links; replicating db ends db's single point
// of failure; refused actions leave the scenario untouched; two stored runs compare.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/review/apply_pattern.hpp"
#include "engine/review/evidence.hpp"
#include "engine/review/run_comparison.hpp"
#include "engine/review/topology_analysis.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/run/stored_run.hpp"

namespace pillars::review {
namespace {

using Strings = std::vector<std::string>;

Scenario exampleScenario(const std::string& name) {
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/" + name, builtinRegistry());
  EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  return load.ok() ? *load.scenario : Scenario{};
}

Scenario threeTier() {
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json",
                                       builtinRegistry());
  EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  return load.ok() ? *load.scenario : Scenario{};
}

/// A client calling one service that calls one database: nothing in front of anything.
Scenario handMade() {
  Scenario s = ScenarioBuilder("hand")
                   .component("c", "client", {{"rate", "50"}})
                   .component("api", "service", {{"workers", "4"}})
                   .component("store", "service", {{"workers", "2"}})
                   .link("c", "api")
                   .link("api", "store")
                   .duration(30 * kSecond)
                   .build();
  s.components[0].position = std::make_pair(0.0, 0.0);
  s.components[1].position = std::make_pair(300.0, 0.0);
  s.components[2].position = std::make_pair(600.0, 0.0);
  return s;
}

/// Writes and reads the scenario back: the reader's rules are the validity check.
void expectValid(const Scenario& s) {
  const ScenarioLoad back = readScenario(writeScenarioJson(s), "applied.json", builtinRegistry());
  EXPECT_TRUE(back.ok()) << formatDiagnostics(back.errors);
  if (back.ok()) {
    EXPECT_EQ(writeScenarioJson(*back.scenario), writeScenarioJson(s));
  }
}

Strings linksOf(const Scenario& s) {
  Strings out;
  for (const auto& l : s.links) out.push_back(l.id);
  return out;
}

bool hasLink(const Scenario& s, const std::string& from, const std::string& to) {
  return std::any_of(s.links.begin(), s.links.end(), [&](const LinkSpec& l) { return l.from == from && l.to == to; });
}

Strings spofs(const Scenario& s) {
  Strings ids;
  for (const auto& p : findSinglePointsOfFailure(s)) ids.push_back(p.component);
  return ids;
}

bool cardsOverlap(const Scenario& s) {
  for (std::size_t i = 0; i < s.components.size(); ++i) {
    for (std::size_t j = i + 1; j < s.components.size(); ++j) {
      const auto& a = *s.components[i].position;
      const auto& b = *s.components[j].position;
      if (std::abs(a.first - b.first) < 200 && std::abs(a.second - b.second) < 64) return true;
    }
  }
  return false;
}

RunResults run(const Scenario& s) {
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  return runner.results();
}

TEST(ApplyPattern, ReplicaOfDbEndsItsSinglePointOfFailure) {
  Scenario s = threeTier();
  ASSERT_NE(std::find(spofs(s).begin(), spofs(s).end(), "db"), spofs(s).end());
  ASSERT_EQ(applyHint(s, {"add_replica", "db"}), "");
  expectValid(s);
  // The cache called db directly, so a balancer goes in front first, then the copy behind it.
  ASSERT_NE(s.findComponent("db-lb"), nullptr);
  EXPECT_EQ(s.findComponent("db-lb")->kind, "load_balancer");
  ASSERT_NE(s.findComponent("db2"), nullptr);
  EXPECT_EQ(s.findComponent("db2")->params.integer("workers"), 32);
  EXPECT_EQ(s.findComponent("db2")->params.text("service_time"), s.findComponent("db")->params.text("service_time"));
  EXPECT_TRUE(hasLink(s, "cache", "db-lb"));
  EXPECT_FALSE(hasLink(s, "cache", "db"));
  EXPECT_TRUE(hasLink(s, "db-lb", "db"));
  EXPECT_TRUE(hasLink(s, "db-lb", "db2"));
  EXPECT_EQ(s.components.size(), 9u);
  EXPECT_EQ(s.links.size(), 10u);
  EXPECT_EQ(s.groups[0].members.back(), "db2");  // Zone A, beside db
  EXPECT_FALSE(cardsOverlap(s));
  const Strings after = spofs(s);
  EXPECT_EQ(std::find(after.begin(), after.end(), "db"), after.end());
  // The review's evidence agrees, and the replica set now has two members.
  for (const auto& e : gatherEvidence(s, nullptr)) {
    if (e.key != "single_points_of_failure") continue;
    EXPECT_EQ(std::find(e.components.begin(), e.components.end(), "db"), e.components.end()) << e.sentence;
  }
  const TopologyAnalysis a = analyzeTopology(s);
  ASSERT_FALSE(a.replicaSets.empty());
  EXPECT_EQ(a.replicaSets.front().members, (Strings{"db", "db2"}));
  const RunResults r = run(s);
  EXPECT_GT(r.completed, 100000u);
  EXPECT_GT(r.throughputRps, 1000.0);
}

TEST(ApplyPattern, InstanceBehindAnExistingBalancerJoinsIt) {
  Scenario s = threeTier();
  ASSERT_EQ(applyHint(s, {"add_instance", "web1"}), "");
  expectValid(s);
  // lb is in front already: no new balancer, web4 is a fourth backend calling the cache.
  EXPECT_EQ(s.components.size(), 8u);
  ASSERT_NE(s.findComponent("web4"), nullptr);
  EXPECT_TRUE(hasLink(s, "lb", "web4"));
  EXPECT_TRUE(hasLink(s, "web4", "cache"));
  EXPECT_FALSE(cardsOverlap(s));
  EXPECT_GT(run(s).completed, 100000u);
}

TEST(ApplyPattern, LoadBalancerTakesOverIncomingLinks) {
  Scenario s = handMade();
  ASSERT_EQ(applyHint(s, {"add_load_balancer", "api"}), "");
  expectValid(s);
  EXPECT_EQ(linksOf(s), (Strings{"c->api-lb", "api->store", "api-lb->api"}));
  EXPECT_EQ(s.findComponent("api-lb")->kind, "load_balancer");
  EXPECT_FALSE(cardsOverlap(s));
  EXPECT_GT(run(s).completed, 1000u);
}

TEST(ApplyPattern, ReplicaWithoutBalancerInsertsOne) {
  Scenario s = handMade();
  ASSERT_EQ(applyHint(s, {"add_replica", "store"}), "");
  expectValid(s);
  EXPECT_EQ(linksOf(s), (Strings{"c->api", "api->store-lb", "store-lb->store", "store-lb->store2"}));
  EXPECT_EQ(s.findComponent("store2")->params.integer("workers"), 2);
  EXPECT_FALSE(cardsOverlap(s));
  EXPECT_GT(run(s).completed, 1000u);
}

TEST(ApplyPattern, CacheGoesBetweenCallersAndStore) {
  Scenario s = handMade();
  ASSERT_EQ(applyHint(s, {"add_cache", "store"}), "");
  expectValid(s);
  EXPECT_EQ(s.findComponent("store-cache")->kind, "cache");
  EXPECT_EQ(linksOf(s), (Strings{"c->api", "api->store-cache", "store-cache->store"}));
  EXPECT_GT(run(s).completed, 1000u);
  // Three-tier's db has a cache in front already: refused, nothing changed.
  Scenario t = threeTier();
  const std::string before = writeScenarioJson(t);
  EXPECT_EQ(applyHint(t, {"add_cache", "db"}), "db already has a cache in front (cache).");
  EXPECT_EQ(writeScenarioJson(t), before);
}

TEST(ApplyPattern, HealthChecksAndCrashFault) {
  Scenario s = threeTier();
  s.components[1].params.set(*s.components[1].params.indexOf("health_check_interval"), ParamValue{std::int64_t{0}});
  ASSERT_EQ(applyHint(s, {"enable_health_checks", "lb"}), "");
  expectValid(s);
  EXPECT_EQ(s.findComponent("lb")->params.duration("health_check_interval"), kSecond);
  EXPECT_EQ(s.findComponent("lb")->params.duration("health_check_timeout"), 500 * kMillisecond);
  EXPECT_EQ(applyHint(s, {"enable_health_checks", "db"}),
            "db is not a load balancer: only balancers run health checks.");

  Scenario h = handMade();  // 30 s: crash at 10 s, restart at 20 s
  ASSERT_EQ(applyHint(h, {"add_crash_fault", "store"}), "");
  expectValid(h);
  ASSERT_EQ(h.faults.size(), 2u);
  EXPECT_EQ(h.faults[0], (FaultSpec{10 * kSecond, FaultAction::Crash, "store", 0.0, 0}));
  EXPECT_EQ(h.faults[1], (FaultSpec{20 * kSecond, FaultAction::Restart, "store", 0.0, 0}));
  const RunResults r = run(h);
  EXPECT_GT(r.failed + r.timedOut, 0u);  // the crash shows
}

TEST(ApplyPattern, AnAutoscalerScalesTheServiceItIsAddedTo) {
  Scenario h = handMade();
  // 150 req/s on one worker of 10 ms: 150% busy, so the HPA must add instances.
  h.components[0].params.set(*h.components[0].params.indexOf("rate"), ParamValue{150.0});
  h.components[1].params.set(*h.components[1].params.indexOf("workers"), ParamValue{std::int64_t{1}});
  ASSERT_EQ(applyHint(h, {"add_autoscaler", "api"}), "");
  expectValid(h);
  const ComponentSpec* scaler = h.findComponent("api-autoscaler");
  ASSERT_NE(scaler, nullptr);
  EXPECT_EQ(scaler->kind, "autoscaler");
  EXPECT_EQ(findCallerWith(h, "api", &ComponentKind::scalesTarget), scaler);
  EXPECT_EQ(scaler->params.integer("min_replicas"), 1);
  EXPECT_EQ(scaler->params.integer("max_replicas"), 10);
  EXPECT_EQ(scaler->params.text("algorithm"), "hpa");
  EXPECT_EQ(applyHint(h, {"add_autoscaler", "api"}), "api is already scaled by api-autoscaler.");
  EXPECT_EQ(applyHint(h, {"add_autoscaler", "c"}), "c is a client: only a service's replica set can be autoscaled.");
  const RunResults r = run(h);
  const auto decided = std::find_if(r.components.begin(), r.components.end(),
                                    [](const ComponentResult& c) { return c.id == "api-autoscaler"; });
  ASSERT_NE(decided, r.components.end());
  ASSERT_FALSE(decided->decisions.empty());
  EXPECT_EQ(decided->decisions.front().summary.rfind("scaled 1 \u2192 ", 0), 0u) << decided->decisions.front().summary;

  // A set of 8 gets room from 4 to 16.
  Scenario big = handMade();
  big.components[1].params.set(*big.components[1].params.indexOf("replicas"), ParamValue{std::int64_t{8}});
  ASSERT_EQ(applyHint(big, {"add_autoscaler", "api"}), "");
  EXPECT_EQ(big.findComponent("api-autoscaler")->params.integer("min_replicas"), 4);
  EXPECT_EQ(big.findComponent("api-autoscaler")->params.integer("max_replicas"), 16);
}

TEST(ApplyPattern, AChaosMonkeyAttacksTheReplicaSetAndReportsAVerdict) {
  Scenario s = exampleScenario("chaos-monkey.json");
  // The example without its monkey, as a design before the pattern.
  s.components.erase(std::remove_if(s.components.begin(), s.components.end(),
                                    [](const ComponentSpec& c) { return c.kind == "chaos_monkey"; }),
                     s.components.end());
  s.links.erase(std::remove_if(s.links.begin(), s.links.end(), [&](const LinkSpec& l) { return !s.findComponent(l.from); }),
                s.links.end());
  ASSERT_EQ(applyHint(s, {"add_chaos_monkey", "web"}), "");
  expectValid(s);
  const ComponentSpec* monkey = s.findComponent("chaos-monkey");
  ASSERT_NE(monkey, nullptr);
  EXPECT_EQ(findCallerWith(s, "web", &ComponentKind::attacksTarget), monkey);
  EXPECT_EQ(monkey->params.duration("start"), s.duration / 4);
  EXPECT_DOUBLE_EQ(monkey->params.real("hypothesis_availability"), 99.9);
  EXPECT_EQ(applyHint(s, {"add_chaos_monkey", "web"}), "web is already attacked by chaos-monkey.");
  EXPECT_EQ(applyHint(s, {"add_chaos_monkey", "users"}), "users is a client: a chaos monkey attacks what serves requests.");
  const RunResults r = run(s);
  ASSERT_EQ(r.experiments.size(), 1u);
  EXPECT_EQ(r.experiments[0].component, "chaos-monkey");
  EXPECT_DOUBLE_EQ(r.experiments[0].startedAtS, simTimeToSeconds(s.duration / 4));
  EXPECT_NE(r.experiments[0].verdict, "unchecked");
  EXPECT_FALSE(r.selfHealing.empty()) << "the kills were repaired";
}

TEST(ApplyPattern, CircuitBreakerOnTheRetryingClient) {
  Scenario s = exampleScenario("retry-storm.json");
  ASSERT_EQ(applyHint(s, {"enable_circuit_breakers", "users"}), "");
  expectValid(s);
  EXPECT_TRUE(s.findComponent("users")->params.boolean("circuit_breaker"));
  EXPECT_EQ(applyHint(s, {"enable_circuit_breakers", "nosuch"}), "No component \"nosuch\" to apply enable_circuit_breakers to.");
  // A storm the breaker cures: the run after Apply ends with goodput back.
  const RunResults r = run(s);
  EXPECT_GT(r.goodputRps, 0.5 * r.offeredRps);
}

double groupFigure(const RunResults& r, const std::string& group, const std::string& name) {
  for (const GroupResult& g : r.groups) {
    if (g.id != group) continue;
    for (const auto& [n, v] : g.extras) {
      if (n == name) return v;
    }
  }
  return -1;
}

TEST(ApplyPattern, AReplicaOfAStoreJoinsItsReplicaSet) {
  // cache-staleness.json: users -> cache -> db, one store.
  Scenario s = exampleScenario("cache-staleness.json");
  ASSERT_EQ(applyHint(s, {"add_replica", "db"}), "");
  expectValid(s);
  ASSERT_NE(s.findComponent("db2"), nullptr);
  EXPECT_EQ(s.findComponent("db2")->kind, "store") << "a real replica, not a balancer and a copy";
  EXPECT_EQ(s.findComponent("db-lb"), nullptr);
  EXPECT_TRUE(hasLink(s, "db", "db2"));
  EXPECT_TRUE(hasLink(s, "cache", "db")) << "callers keep calling the set";
  EXPECT_FALSE(cardsOverlap(s));
  // The simulation makes a replica set of the two, and the evidence says so.
  const RunResults r = run(s);
  EXPECT_EQ(groupFigure(r, "replicas:db", "replicas"), 2.0);
  EXPECT_GT(r.completed, 10000u);
  bool described = false;
  for (const auto& e : gatherEvidence(s, nullptr)) {
    described = described || (e.key == "replication" && e.sentence.find("a leader/follower store set of 2") != std::string::npos);
  }
  EXPECT_TRUE(described);
  // A third replica joins the same set, linked to both.
  ASSERT_EQ(applyHint(s, {"add_replica", "db2"}), "");
  const std::string third = s.components.back().id;
  EXPECT_EQ(s.components.back().kind, "store");
  EXPECT_TRUE(hasLink(s, "db", third));
  EXPECT_TRUE(hasLink(s, "db2", third));
}

TEST(ApplyPattern, ShardingAStorePutsARouterInFrontOfTwoShards) {
  Scenario s = exampleScenario("cache-staleness.json");
  ASSERT_EQ(applyHint(s, {"shard", "db"}), "");
  expectValid(s);
  const ComponentSpec* router = s.findComponent("db-router");
  ASSERT_NE(router, nullptr);
  EXPECT_EQ(router->kind, "shard_router");
  EXPECT_EQ(router->params.choice("strategy"), "consistent_hash");
  EXPECT_EQ(router->params.integer("keys"), s.findComponent("users")->params.integer("keys"));
  EXPECT_TRUE(hasLink(s, "cache", "db-router"));
  EXPECT_TRUE(hasLink(s, "db-router", "db"));
  EXPECT_TRUE(hasLink(s, "db-router", "db2"));
  EXPECT_FALSE(cardsOverlap(s));
  const RunResults r = run(s);
  EXPECT_GT(r.completed, 10000u);
  // Both shards serve: consistent hashing over two shards gives each about half the keys.
  std::uint64_t shards = 0, smaller = ~std::uint64_t{0};
  for (const ComponentResult& c : r.components) {
    if (c.id != "db" && c.id != "db2") continue;
    shards += c.completed;
    smaller = std::min(smaller, c.completed);
  }
  EXPECT_GT(smaller, shards * 3 / 10);
  EXPECT_EQ(applyHint(s, {"shard", "db"}), "db is already a shard of db-router.");
  Scenario q = exampleScenario("quorum-kv.json");
  EXPECT_EQ(applyHint(q, {"shard", "s1"}),
            "s1 is one replica of a replica set: shard the set by hand, each shard a set of its own.");
}

TEST(ApplyPattern, RefusalsAreClearAndChangeNothing) {
  Scenario s = threeTier();
  const std::string before = writeScenarioJson(s);
  EXPECT_EQ(applyHint(s, {"shard", "db"}).rfind("Only a store can be sharded automatically", 0), 0u);
  EXPECT_EQ(applyHint(s, {"teleport", "db"}), "Unknown apply action \"teleport\".");
  EXPECT_EQ(applyHint(s, {"add_replica", "nosuch"}), "No component \"nosuch\" to apply add_replica to.");
  EXPECT_EQ(writeScenarioJson(s), before);
  EXPECT_EQ(describeHint({"add_replica", "db"}), "add replica of db");
}

TEST(RunComparison, KeyMetricsSideBySide) {
  Scenario s = handMade();
  s.duration = 20 * kSecond;
  const auto store = [](const Scenario& sc) {
    ScenarioRunner runner(sc, builtinRegistry());
    runner.run();
    return storeRun(sc, runner, runner.results());
  };
  const StoredRun before = store(s);
  ASSERT_EQ(applyHint(s, {"add_replica", "store"}), "");
  const StoredRun after = store(s);
  std::string error;
  const auto c = compareRuns(before, after, &error);
  ASSERT_TRUE(c) << error;
  ASSERT_EQ(c->metrics.size(), 8u);
  EXPECT_EQ(c->metrics[3].name, "p99 latency");
  EXPECT_EQ(c->metrics[7].name, "Availability");
  EXPECT_EQ(c->added, (Strings{"store-lb", "store2"}));
  EXPECT_EQ(describeDesignChange(*c), "+store-lb, +store2; 3 → 5 components, 2 → 4 links, 0 → 0 faults");
  // Equal values have no verdict; lower latency is better.
  const MetricComparison& p99 = c->metrics[3];
  EXPECT_EQ(p99.verdict, p99.after < p99.before ? 1 : p99.after > p99.before ? -1 : 0);
  EXPECT_FALSE(compareRuns(StoredRun{}, after, &error));
  EXPECT_EQ(error.rfind("previous run: summary: ", 0), 0u);
}

}  // namespace
}  // namespace pillars::review
