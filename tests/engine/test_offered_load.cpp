// Offered load against capacity, read off designs (λ > c·μ), and the design warnings built on it.
#include <gtest/gtest.h>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/review/design_warnings.hpp"
#include "engine/review/offered_load.hpp"

namespace pillars::review {
namespace {

const OfferedLoad& of(const std::vector<OfferedLoad>& all, const std::string& id) {
  for (const auto& l : all) {
    if (l.component == id) return l;
  }
  static const OfferedLoad none;
  ADD_FAILURE() << "no " << id;
  return none;
}

TEST(OfferedLoad, AClientAtTwoHundredOverwhelmsOneWorkerOfTenMilliseconds) {
  // The newcomer's design: one worker at the default 10 ms serves 100 req/s.
  const Scenario s = ScenarioBuilder("first")
                         .component("client1", "client", {{"rate", "200"}})
                         .component("service1", "service")
                         .link("client1", "service1").build();
  const auto load = estimateOfferedLoad(s);
  EXPECT_DOUBLE_EQ(of(load, "service1").arrivalRps, 200.0);
  EXPECT_DOUBLE_EQ(of(load, "service1").capacityRps, 100.0);
  EXPECT_TRUE(of(load, "service1").overloaded());
  EXPECT_DOUBLE_EQ(of(load, "client1").arrivalRps, 0.0);
  const auto warnings = designWarnings(s);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].component, "service1");
  EXPECT_EQ(warnings[0].kind, DesignWarning::Kind::Overload);
  EXPECT_NE(warnings[0].sentence.find("offered 200 req/s but can serve 100 req/s (1 worker"), std::string::npos)
      << warnings[0].sentence;
}

TEST(OfferedLoad, BalancersSplitServicesFanOutCachesPassTheirMisses) {
  const Scenario s = ScenarioBuilder("tiers")
                         .component("c", "client", {{"rate", "900"}, {"keys", "1000"}})
                         .component("lb", "load_balancer", {{"policy", "weighted_round_robin"}})
                         .component("a", "service", {{"workers", "8"}})
                         .component("b", "service", {{"workers", "8"}})
                         .component("cache", "cache", {{"capacity", "250"}})
                         .component("db", "service", {{"workers", "2"}})
                         .link("c", "lb")
                         .link("lb", "a", {{"weight", "2"}})
                         .link("lb", "b", {{"weight", "1"}})
                         .link("a", "cache").link("b", "cache").link("cache", "db").build();
  const auto load = estimateOfferedLoad(s);
  EXPECT_DOUBLE_EQ(of(load, "lb").arrivalRps, 900.0);
  EXPECT_DOUBLE_EQ(of(load, "a").arrivalRps, 600.0);  // 2 : 1 by weight
  EXPECT_DOUBLE_EQ(of(load, "b").arrivalRps, 300.0);
  EXPECT_DOUBLE_EQ(of(load, "cache").arrivalRps, 900.0);  // each request calls the cache
  EXPECT_DOUBLE_EQ(of(load, "db").arrivalRps, 675.0);     // 1 - 250/1000 of it misses
  EXPECT_TRUE(of(load, "db").overloaded());              // 2 workers at 10 ms: 200 req/s
  EXPECT_FALSE(of(load, "a").overloaded());              // 8 workers: 800 req/s
}

TEST(OfferedLoad, TheExamplesAreNotOverloadedAndAClosedLoopIsLeftOut) {
  for (const char* name : {"three-tier.json", "mmc.json", "lb-round-robin.json", "async-queue.json"}) {
    const ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/" + name,
                                               builtinRegistry());
    ASSERT_TRUE(load.ok()) << name;
    for (const auto& w : designWarnings(*load.scenario)) ADD_FAILURE() << name << ": " << w.sentence;
  }
  const Scenario closed = ScenarioBuilder("closed")
                              .component("c", "client", {{"mode", "closed"}, {"users", "1000"}})
                              .component("s", "service").link("c", "s").build();
  EXPECT_DOUBLE_EQ(estimateOfferedLoad(closed)[1].arrivalRps, 0.0);
}

TEST(DesignWarnings, ACacheWithNothingBehindItIsNamed) {
  const Scenario s = ScenarioBuilder("alone")
                         .component("c", "client").component("cache1", "cache").link("c", "cache1").build();
  const auto warnings = designWarnings(s);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].kind, DesignWarning::Kind::CacheWithoutStore);
  EXPECT_NE(warnings[0].sentence.find("cache1 has nothing behind it"), std::string::npos);
}

}  // namespace
}  // namespace pillars::review
