// The traits generic code asks a kind instead of comparing its name (issue: make room for five
// pillars): each is checked against what the kind is, so a kind registered without its trait,
// or a trait that says the wrong thing, fails here before the review or the estimate goes wrong.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/model/scenario_builder.hpp"
#include "tests/engine/review_fixtures.hpp"

namespace pillars {
namespace {

ParamSet paramsOf(std::string_view kind,
                  std::initializer_list<std::pair<const char*, const char*>> values = {}) {
  ParamSet p(kindTraits(kind).params);
  for (const auto& [name, text] : values) {
    const auto index = p.indexOf(name);
    EXPECT_TRUE(index.has_value()) << kind << "." << name;
    std::string why;
    auto value = parseParamText(p.specs()[*index], text, &why);
    EXPECT_TRUE(value.has_value()) << why;
    p.set(*index, *value);
  }
  return p;
}

TEST(KindTraits, OnlyTheClientGeneratesLoad) {
  for (const auto& kind : builtinRegistry().kinds()) {
    EXPECT_EQ(isLoadGenerator(kind->name), kind->name == "client") << kind->name;
    // A load generator says what it sends; nothing else does.
    EXPECT_EQ(static_cast<bool>(kind->meanSendRate), kind->measuresEndToEnd) << kind->name;
  }
  EXPECT_FALSE(isLoadGenerator("no_such_kind"));
}

TEST(KindTraits, AClientSendsItsMeanRateAndAClosedLoopNothingBeforeARun) {
  const ComponentKind& client = kindTraits("client");
  EXPECT_DOUBLE_EQ(client.meanSendRate(paramsOf("client", {{"rate", "120"}})), 120.0);
  // On 2 s, off 6 s: a quarter of the time at the rate.
  EXPECT_DOUBLE_EQ(client.meanSendRate(paramsOf("client", {{"rate", "120"},
                                                           {"arrival", "on_off"},
                                                           {"on_time", "constant(2s)"},
                                                           {"off_time", "constant(6s)"}})),
                   30.0);
  EXPECT_DOUBLE_EQ(client.meanSendRate(paramsOf("client", {{"mode", "closed"}})), 0.0);
}

TEST(KindTraits, LoadPassesOnAsEachKindForwardsIt) {
  // A service calls every downstream; a balancer, a queue and a client pick one link.
  ASSERT_TRUE(kindTraits("service").passesLoad);
  EXPECT_TRUE(kindTraits("service").passesLoad->fanOut);
  for (const char* one : {"load_balancer", "queue", "client", "cache"}) {
    ASSERT_TRUE(kindTraits(one).passesLoad) << one;
    EXPECT_FALSE(kindTraits(one).passesLoad->fanOut) << one;
  }
  // Data and agreement end a request's path; a control loop passes nothing on.
  for (const char* end : {"store", "raft_node", "autoscaler", "chaos_monkey"})
    EXPECT_FALSE(kindTraits(end).passesLoad) << end;
  const LoadPassing& lb = *kindTraits("load_balancer").passesLoad;
  EXPECT_TRUE(lb.byLinkWeight(paramsOf("load_balancer", {{"policy", "weighted_round_robin"}})));
  EXPECT_FALSE(lb.byLinkWeight(paramsOf("load_balancer", {{"policy", "round_robin"}})));
  // A cache of 2,000 keys in front of 10,000: 80% of lookups miss and go on; none without keys
  // to reason about (every lookup goes on).
  const LoadPassing& cache = *kindTraits("cache").passesLoad;
  EXPECT_DOUBLE_EQ(cache.passedShare(paramsOf("cache", {{"capacity", "2000"}}), 10000.0), 0.8);
  EXPECT_DOUBLE_EQ(cache.passedShare(paramsOf("cache", {{"capacity", "20000"}}), 10000.0), 0.0);
  EXPECT_DOUBLE_EQ(cache.passedShare(paramsOf("cache", {{"capacity", "2000"}}), 0.0), 1.0);
}

TEST(KindTraits, AStoreSetPromisesWhatItsQuorumsAllow) {
  const auto& promise = kindTraits("store").dataGuarantee;
  ASSERT_TRUE(promise);
  // Dynamo's rule: strong exactly when R + W > N, unless a sloppy quorum counts stand-ins.
  const auto quorum = [&](const char* w, const char* r, const char* handoff, std::size_t n) {
    return promise(paramsOf("store", {{"replication", "leaderless"},
                                      {"write_quorum", w},
                                      {"read_quorum", r},
                                      {"hinted_handoff", handoff}}),
                   n);
  };
  EXPECT_TRUE(quorum("2", "2", "false", 3).strong);
  EXPECT_FALSE(quorum("2", "1", "false", 3).strong);
  EXPECT_FALSE(quorum("1", "1", "false", 3).strong);
  EXPECT_FALSE(quorum("2", "2", "true", 3).strong);
  EXPECT_TRUE(quorum("3", "1", "false", 3).strong);
  // Leaderless replicas take writes side by side; a leader orders them.
  EXPECT_FALSE(quorum("2", "2", "false", 3).singleWriter);
  const DataGuarantee leader =
      promise(paramsOf("store", {{"replication", "leader_follower"}, {"ack", "sync"}}), 3);
  EXPECT_TRUE(leader.strong);
  ASSERT_TRUE(leader.singleWriter);
  EXPECT_FALSE(
      promise(paramsOf("store", {{"replication", "leader_follower"}, {"ack", "async"}}), 3).strong);
  EXPECT_FALSE(
      promise(paramsOf("store", {{"replication", "leader_follower"}, {"read_from", "followers"}}),
              3)
          .strong);
  // One copy: every read sees the last write.
  EXPECT_TRUE(promise(paramsOf("store"), 1).strong);
}

TEST(KindTraits, ARaftGroupIsLinearizableWithOneLeaderPerTerm) {
  const DataGuarantee raft = kindTraits("raft_node").dataGuarantee(paramsOf("raft_node"), 5);
  EXPECT_TRUE(raft.strong);
  ASSERT_TRUE(raft.singleWriter);
  EXPECT_NE(raft.singleWriter->find("leader"), std::string::npos);
  // Kinds that hold no replicated data promise nothing.
  for (const char* none : {"service", "cache", "client", "tpc_participant"})
    EXPECT_FALSE(kindTraits(none).dataGuarantee) << none;
}

TEST(KindTraits, OnlyAServiceScalesOutAndOnlyControllersScaleOrAttack) {
  for (const auto& kind : builtinRegistry().kinds()) {
    EXPECT_EQ(kind->scalesOut(), kind->name == "service") << kind->name;
    EXPECT_EQ(kind->scalesTarget, kind->name == "autoscaler") << kind->name;
    EXPECT_EQ(kind->attacksTarget, kind->name == "chaos_monkey") << kind->name;
  }
}

TEST(KindTraits, FindCallerWithFindsTheAutoscalerAndTheChaosMonkeyByTrait) {
  ScenarioBuilder b("traits");
  b.component("users", "client", {{"rate", "10"}})
      .component("web", "service", {{"replicas", "3"}})
      .component("hpa", "autoscaler")
      .component("monkey", "chaos_monkey")
      .link("users", "web")
      .link("hpa", "web")
      .link("monkey", "web");
  const Scenario s = b.build();
  ASSERT_NE(findCallerWith(s, "web", &ComponentKind::scalesTarget), nullptr);
  EXPECT_EQ(findCallerWith(s, "web", &ComponentKind::scalesTarget)->id, "hpa");
  EXPECT_EQ(findCallerWith(s, "web", &ComponentKind::attacksTarget)->id, "monkey");
  EXPECT_EQ(findCallerWith(s, "users", &ComponentKind::scalesTarget), nullptr);
}

TEST(KindTraits, EveryKindPatternIsAPatternOfTheSeedsTable) {
  std::set<std::string> ids;
  for (const review::Pattern& p : review::testing::bundledLibrary().patterns) ids.insert(p.id);
  std::set<std::string> named;
  for (const auto& kind : builtinRegistry().kinds()) {
    if (!kind->pattern) continue;
    EXPECT_TRUE(ids.count(kind->pattern->id)) << kind->name << " claims " << kind->pattern->id;
    EXPECT_TRUE(named.insert(kind->pattern->id).second) << "two kinds claim " << kind->pattern->id;
    EXPECT_FALSE(kind->pattern->one.empty()) << kind->name;
    EXPECT_FALSE(kind->pattern->many.empty()) << kind->name;
  }
  // The kinds that are a pattern by being drawn.
  for (const char* id : {"load_balancer", "sharding", "consensus_raft", "caching", "saga",
                         "two_phase_commit", "auto_scaling", "chaos_engineering"}) {
    EXPECT_TRUE(named.count(id)) << id;
  }
}

}  // namespace
}  // namespace pillars
