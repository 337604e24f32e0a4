// The recommender fires exactly at the seed's thresholds, ranks, warns with the seed's "don't
// use when" cells and points apply hints at components of a design.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/review/apply_pattern.hpp"
#include "engine/review/patterns_in_design.hpp"
#include "engine/review/recommender.hpp"
#include "engine/run/run_results.hpp"
#include "review_fixtures.hpp"

namespace pillars::review {
namespace {

using testing::bundledLibrary;

Facts factsOf(std::initializer_list<std::pair<std::string, std::string>> values) {
  Facts f;
  for (const auto& [name, text] : values) EXPECT_EQ(f.setFromText(name, text), "") << name;
  return f;
}

const RecommendedPattern* find(const std::vector<RecommendedPattern>& recs, const std::string& id) {
  for (const auto& r : recs) {
    if (r.pattern->id == id) return &r;
  }
  return nullptr;
}

bool recommended(const std::string& fact, const std::string& value, const std::string& pattern) {
  return find(recommend(bundledLibrary(), factsOf({{fact, value}})), pattern) != nullptr;
}

TEST(ReviewRecommender, ThresholdsAreTheSeeds) {
  // "Traffic > 1000 req/s": strictly above.
  EXPECT_FALSE(recommended("peak_rps", "999.9", "load_balancer"));
  EXPECT_FALSE(recommended("peak_rps", "1000", "load_balancer"));
  EXPECT_TRUE(recommended("peak_rps", "1000.1", "load_balancer"));
  // "Data > 1TB" (1,000 GB).
  EXPECT_FALSE(recommended("data_size_gb", "1000", "sharding"));
  EXPECT_TRUE(recommended("data_size_gb", "1001", "sharding"));
  // "Need 99.9%+ uptime": 99.9 itself counts.
  EXPECT_FALSE(recommended("uptime_target_percent", "99.89", "replication"));
  EXPECT_TRUE(recommended("uptime_target_percent", "99.9", "replication"));
  EXPECT_TRUE(recommended("uptime_target_percent", "99.99", "replication"));
  // "> 10 microservices".
  EXPECT_FALSE(recommended("services", "10", "service_mesh"));
  EXPECT_TRUE(recommended("services", "11", "service_mesh"));
  // "> $1M/hour downtime cost".
  EXPECT_FALSE(recommended("downtime_cost_per_hour", "1000000", "chaos_engineering"));
  EXPECT_TRUE(recommended("downtime_cost_per_hour", "1000001", "chaos_engineering"));
  // Words and yes/no.
  EXPECT_TRUE(recommended("consistency", "strong", "consensus_raft"));
  EXPECT_FALSE(recommended("consistency", "eventual", "consensus_raft"));
  EXPECT_TRUE(recommended("audit_trail", "yes", "event_sourcing"));
  EXPECT_FALSE(recommended("audit_trail", "no", "event_sourcing"));
}

TEST(ReviewRecommender, ReasonSaysWhichRuleFired) {
  const auto recs = recommend(bundledLibrary(), factsOf({{"peak_rps", "5000"}}));
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].pattern->id, "load_balancer");
  ASSERT_EQ(recs[0].reasons.size(), 1u);
  EXPECT_EQ(recs[0].reasons[0], "Load Balancer: 5,000 req/s > 1,000 req/s (seed: Traffic > 1000 req/s)");
  EXPECT_EQ(recs[0].dontUseWhen, "< 100 req/s");
  EXPECT_TRUE(recs[0].warnings.empty());
}

TEST(ReviewRecommender, DontUseWhenWarnsAndRanksLower) {
  // Replication is wanted (99.95%) but a single region is fine: it warns and drops below
  // sharding, whose rule fired without a warning.
  const auto recs = recommend(bundledLibrary(), factsOf({{"uptime_target_percent", "99.95"},
                                                         {"single_region_ok", "yes"},
                                                         {"data_size_gb", "2000"}}));
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].pattern->id, "sharding");
  EXPECT_EQ(recs[1].pattern->id, "replication");
  ASSERT_EQ(recs[1].warnings.size(), 1u);
  EXPECT_EQ(recs[1].warnings[0], "Don't use when Single region OK: single_region_ok = yes");
}

TEST(ReviewRecommender, TiesGoToLowerComplexity) {
  // Load balancer (Low), sharding (Medium), service mesh (High), all fired.
  const auto recs = recommend(bundledLibrary(), factsOf({{"services", "12"}, {"data_size_gb", "5000"}, {"peak_rps", "2000"}}));
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].pattern->id, "load_balancer");
  EXPECT_EQ(recs[1].pattern->id, "sharding");
  EXPECT_EQ(recs[2].pattern->id, "service_mesh");
}

TEST(ReviewRecommender, DecisionMatrixProblemAddsItsPatterns) {
  const auto recs = recommend(bundledLibrary(), factsOf({{"problem", "updates_conflict"}}));
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].pattern->id, "event_sourcing");
  EXPECT_EQ(recs[1].pattern->id, "cqrs");
  EXPECT_NE(recs[0].reasons[0].find("\"Updates conflict\""), std::string::npos) << recs[0].reasons[0];
  EXPECT_NE(recs[0].reasons[0].find("Event Sourcing → CQRS"), std::string::npos) << recs[0].reasons[0];
}

TEST(ReviewRecommender, UnknownFactsFireNothing) {
  EXPECT_TRUE(recommend(bundledLibrary(), Facts{}).empty());
}

TEST(ReviewRecommender, BadFactTextIsExplained) {
  Facts f;
  EXPECT_EQ(f.setFromText("peak_rps", "lots"), "peak_rps expects a non-negative number, got \"lots\"");
  EXPECT_EQ(f.setFromText("audit_trail", "maybe"), "audit_trail expects yes or no, got \"maybe\"");
  EXPECT_NE(f.setFromText("colour", "blue").find("unknown fact \"colour\""), std::string::npos);
}

TEST(ReviewRecommender, PrefillFromThreeTier) {
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json", builtinRegistry());
  ASSERT_TRUE(load.ok());
  const Facts facts = prefillFacts(*load.scenario, nullptr);
  EXPECT_EQ(std::get<double>(*facts.get("peak_rps")), 1200.0);
  EXPECT_EQ(std::get<double>(*facts.get("services")), 4.0);  // web1..3 and db
  EXPECT_FALSE(facts.get("data_size_gb").has_value());
  // 1,200 req/s > 1,000 fires the load balancer's rule, but three-tier has one (lb in front of
  // every web server): it is said to be in the design, not recommended.
  std::vector<RecommendedPattern> present;
  const auto recs = recommend(bundledLibrary(), facts, &present);
  EXPECT_EQ(find(recs, "load_balancer"), nullptr);
  EXPECT_TRUE(recs.empty());
  ASSERT_NE(find(present, "load_balancer"), nullptr);
  EXPECT_EQ(find(present, "load_balancer")->inDesign, "lb spreads requests over web1, web2 and web3");
  EXPECT_EQ(find(present, "load_balancer")->reasons.front(),
            "Load Balancer: 1,200 req/s > 1,000 req/s (seed: Traffic > 1000 req/s)");
}

TEST(ReviewRecommender, TheDecisionMatrixNeverNamesAPatternTheDesignHas) {
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json", builtinRegistry());
  ASSERT_TRUE(load.ok());
  Facts facts = prefillFacts(*load.scenario, nullptr);
  // "System too slow": Load Balancer, then Caching. Three-tier has both; replication of its
  // single db is still to do, so a high uptime target recommends it.
  ASSERT_EQ(facts.setFromText("problem", "too_slow"), "");
  ASSERT_EQ(facts.setFromText("uptime_target_percent", "99.95"), "");
  std::vector<RecommendedPattern> present;
  const auto recs = recommend(bundledLibrary(), facts, &present);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].pattern->id, "replication");
  ASSERT_EQ(present.size(), 2u);
  EXPECT_EQ(present[0].pattern->id, "load_balancer");  // the row's order is kept
  EXPECT_EQ(present[1].pattern->id, "caching");
  EXPECT_EQ(present[1].inDesign, "cache in front of db");
}

TEST(ReviewRecommender, ABalancerSomewhereIsNotABalancerInFrontOfTheEntryService) {
  // users calls svc directly; the balancer sits in front of the two databases only. The
  // load balancer pattern is still missing where the traffic comes in.
  const Scenario s = ScenarioBuilder("entry")
                         .component("users", "client", {{"rate", "2000"}})
                         .component("svc", "service")
                         .component("db-lb", "load_balancer")
                         .component("db1", "service")
                         .component("db2", "service")
                         .link("users", "svc")
                         .link("svc", "db-lb")
                         .link("db-lb", "db1")
                         .link("db-lb", "db2")
                         .build();
  auto recs = recommend(bundledLibrary(), prefillFacts(s, nullptr));
  resolveApplyHints(recs, s, nullptr);
  const RecommendedPattern* lb = find(recs, "load_balancer");
  ASSERT_NE(lb, nullptr);
  ASSERT_TRUE(lb->apply.has_value());
  EXPECT_EQ(lb->apply->target, "svc");
}

TEST(ReviewRecommender, PatternsInDesignFollowWhatIsDrawn) {
  const auto has = [](const Scenario& s, const std::string& id) {
    const auto present = patternsInDesign(s);
    return std::any_of(present.begin(), present.end(), [&](const PatternInDesign& p) { return p.patternId == id; });
  };
  const Scenario bare = ScenarioBuilder("bare")
                            .component("c", "client")
                            .component("svc", "service")
                            .component("db", "service")
                            .link("c", "svc")
                            .link("svc", "db")
                            .build();
  EXPECT_TRUE(patternsInDesign(bare).empty());
  // Health checks off on the one balancer: balanced, but not health-checked.
  const Scenario unchecked = ScenarioBuilder("unchecked")
                                 .component("c", "client", {{"circuit_breaker", "true"}})
                                 .component("lb", "load_balancer", {{"health_check_interval", "0s"}})
                                 .component("a", "service")
                                 .component("b", "service")
                                 .link("c", "lb")
                                 .link("lb", "a")
                                 .link("lb", "b")
                                 .build();
  EXPECT_TRUE(has(unchecked, "load_balancer"));
  EXPECT_FALSE(has(unchecked, "health_checks"));
  EXPECT_TRUE(has(unchecked, "circuit_breakers"));
  // a and b are copies behind lb: every data store is replicated.
  EXPECT_TRUE(has(unchecked, "replication"));
  EXPECT_FALSE(has(unchecked, "caching"));
}

TEST(ReviewRecommender, SpikeAndDiurnalPeaks) {
  const Scenario s = ScenarioBuilder("peaks")
                         .component("a", "client", {{"arrival", "spike"}, {"rate", "100"}, {"spike_multiplier", "5"}})
                         .component("b", "client", {{"arrival", "diurnal"}, {"rate", "200"}, {"amplitude", "0.5"}})
                         .component("svc", "service")
                         .link("a", "svc")
                         .link("b", "svc")
                         .build();
  const Facts facts = prefillFacts(s, nullptr);
  EXPECT_DOUBLE_EQ(std::get<double>(*facts.get("peak_rps")), 500.0 + 300.0);
}

TEST(ReviewRecommender, AutoScalingAndChaosEngineeringApplyToTheServicesTheyFit) {
  // Costs out of control: Auto-scaling, on the service no autoscaler scales (the largest set
  // without a run). $2M an hour of downtime: Chaos Engineering, on the largest replica set.
  const Scenario s = ScenarioBuilder("direct")
                         .component("users", "client", {{"rate", "200"}})
                         .component("web", "service", {{"replicas", "4"}})
                         .component("db", "service")
                         .link("users", "web")
                         .link("web", "db")
                         .build();
  Facts facts = prefillFacts(s, nullptr);
  ASSERT_EQ(facts.setFromText("problem", "costs"), "");
  ASSERT_EQ(facts.setFromText("downtime_cost_per_hour", "2000000"), "");
  auto recs = recommend(bundledLibrary(), facts);
  resolveApplyHints(recs, s, nullptr);
  const RecommendedPattern* scaling = find(recs, "auto_scaling");
  ASSERT_NE(scaling, nullptr);
  ASSERT_TRUE(scaling->apply.has_value());
  EXPECT_EQ(scaling->apply->action, "add_autoscaler");
  EXPECT_EQ(scaling->apply->target, "web");
  const RecommendedPattern* chaos = find(recs, "chaos_engineering");
  ASSERT_NE(chaos, nullptr);
  ASSERT_TRUE(chaos->apply.has_value());
  EXPECT_EQ(chaos->apply->action, "add_chaos_monkey");
  EXPECT_EQ(chaos->apply->target, "web");
  const ApplyHint scaleWeb = *scaling->apply, attackWeb = *chaos->apply;

  // After a run the busiest unscaled service is chosen: db here, though web is the larger set.
  RunResults run;
  run.components.resize(2);
  run.components[0].id = "web";
  run.components[0].kind = "service";
  run.components[0].utilization = 0.2;
  run.components[1].id = "db";
  run.components[1].kind = "service";
  run.components[1].utilization = 0.9;
  resolveApplyHints(recs, s, &run);
  EXPECT_EQ(find(recs, "auto_scaling")->apply->target, "db");

  // Applied, both are in the design and no longer recommended.
  Scenario applied = s;
  ASSERT_EQ(applyHint(applied, scaleWeb), "");
  ASSERT_EQ(applyHint(applied, attackWeb), "");
  Facts after = prefillFacts(applied, nullptr);
  ASSERT_EQ(after.setFromText("problem", "costs"), "");
  ASSERT_EQ(after.setFromText("downtime_cost_per_hour", "2000000"), "");
  std::vector<RecommendedPattern> present;
  const auto again = recommend(bundledLibrary(), after, &present);
  EXPECT_EQ(find(again, "auto_scaling"), nullptr);
  EXPECT_EQ(find(again, "chaos_engineering"), nullptr);
  ASSERT_NE(find(present, "auto_scaling"), nullptr);
  EXPECT_EQ(find(present, "auto_scaling")->inDesign, "web-autoscaler is an autoscaler");
  ASSERT_NE(find(present, "chaos_engineering"), nullptr);
  EXPECT_EQ(find(present, "chaos_engineering")->inDesign, "chaos-monkey is a chaos monkey");
}

TEST(ReviewRecommender, ApplyHintsPointAtComponents) {
  // A client calling one service directly, 2,000 req/s, 99.99% wanted: add a balancer in
  // front of svc, and a replica of the single db.
  const Scenario s = ScenarioBuilder("direct")
                         .component("users", "client", {{"rate", "2000"}})
                         .component("svc", "service")
                         .component("db", "service")
                         .link("users", "svc")
                         .link("svc", "db")
                         .build();
  Facts facts = prefillFacts(s, nullptr);
  ASSERT_EQ(facts.setFromText("uptime_target_percent", "99.99"), "");
  auto recs = recommend(bundledLibrary(), facts);
  resolveApplyHints(recs, s, nullptr);
  const RecommendedPattern* lb = find(recs, "load_balancer");
  ASSERT_NE(lb, nullptr);
  ASSERT_TRUE(lb->apply.has_value());
  EXPECT_EQ(lb->apply->action, "add_load_balancer");
  EXPECT_EQ(lb->apply->target, "svc");
  const RecommendedPattern* rep = find(recs, "replication");
  ASSERT_NE(rep, nullptr);
  ASSERT_TRUE(rep->apply.has_value());
  EXPECT_EQ(rep->apply->action, "add_replica");
  EXPECT_EQ(rep->apply->target, "db");
}

}  // namespace
}  // namespace pillars::review
