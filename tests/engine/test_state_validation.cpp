// Scenario validation of the State pillar's kinds: a malformed replica set, quorums larger
// than the set, a shard router without shards or with a shard that is not a store; and the
// new fault actions on the kinds that have them.
#include <gtest/gtest.h>

#include <string>

#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"

namespace pillars {
namespace {

/// `stores` is a list of (id, params JSON); every pair of stores is linked; `extra` adds
/// components and `links` more links, `faults` a fault list.
std::string stateScenario(const std::vector<std::pair<std::string, std::string>>& stores,
                          const std::string& extra = "", const std::string& links = "",
                          const std::string& faults = "") {
  std::string text = "{\n  \"format\": \"pillars-scenario\", \"version\": 1, \"duration\": \"10s\",\n  \"components\": [\n";
  for (std::size_t i = 0; i < stores.size(); ++i) {
    text += std::string(i > 0 ? ",\n" : "") + "    {\"id\": \"" + stores[i].first +
            "\", \"kind\": \"store\", \"params\": " + stores[i].second + "}";
  }
  text += extra + "\n  ],\n  \"links\": [\n";
  std::string all;
  for (std::size_t i = 0; i < stores.size(); ++i) {
    for (std::size_t j = i + 1; j < stores.size(); ++j) {
      all += std::string(all.empty() ? "" : ",\n") + "    {\"from\": \"" + stores[i].first + "\", \"to\": \"" +
             stores[j].first + "\"}";
    }
  }
  if (!links.empty()) all += std::string(all.empty() ? "" : ",\n") + links;
  text += all + "\n  ]" + (faults.empty() ? "" : ",\n  \"faults\": [" + faults + "]") + "\n}\n";
  return text;
}

std::string errorsOf(const std::string& text) {
  return formatDiagnostics(readScenario(text, "kv.json", builtinRegistry()).errors);
}

TEST(StateValidation, AWellFormedReplicaSetIsAccepted) {
  const std::string quorum = R"({"replication": "leaderless", "write_quorum": 2, "read_quorum": 2})";
  EXPECT_EQ(errorsOf(stateScenario({{"s1", quorum}, {"s2", quorum}, {"s3", quorum}})), "");
  EXPECT_EQ(errorsOf(stateScenario({{"s1", "{}"}, {"s2", "{}"}})), "");
  EXPECT_EQ(errorsOf(stateScenario({{"alone", "{}"}})), "");
}

TEST(StateValidation, MembersOfOneSetMustReplicateTheSameWay) {
  const std::string e = errorsOf(stateScenario({{"s1", R"({"replication": "leaderless"})"}, {"s2", "{}"}}));
  // kv.json, the line of s2's (default) parameters, its path, and what is expected.
  EXPECT_NE(e.find("kv.json:5:"), std::string::npos) << e;
  EXPECT_NE(e.find("$.components[1]"), std::string::npos) << e;
  EXPECT_NE(e.find("the stores of one replica set replicate one way; this one is \"leader_follower\" but "
                   "the set's first is \"leaderless\""),
            std::string::npos)
      << e;
}

TEST(StateValidation, QuorumsLargerThanTheSetAreRefusedAtTheirField) {
  const std::string w = R"({"replication": "leaderless", "write_quorum": 4, "read_quorum": 2})";
  const std::string ok = R"({"replication": "leaderless", "write_quorum": 2, "read_quorum": 2})";
  const std::string e = errorsOf(stateScenario({{"s1", w}, {"s2", ok}, {"s3", ok}}));
  EXPECT_NE(e.find("kv.json:4:"), std::string::npos) << e;
  EXPECT_NE(e.find("$.components[0].params.write_quorum: expected at most 3 (the replica set has 3 stores), got 4"),
            std::string::npos)
      << e;
  const std::string r = errorsOf(stateScenario(
      {{"s1", R"({"replication": "leaderless", "read_quorum": 3})"}, {"s2", R"({"replication": "leaderless"})"}}));
  EXPECT_NE(r.find("$.components[0].params.read_quorum: expected at most 2 (the replica set has 2 stores), got 3"),
            std::string::npos)
      << r;
}

TEST(StateValidation, ALeaseMustRunOutBeforeAFailover) {
  const std::string e = errorsOf(stateScenario({{"s1", R"({"leader_lease": "5s", "failover_after": "2s"})"}, {"s2", "{}"}}));
  EXPECT_NE(e.find("$.components[0].params.failover_after: a new leader must not be promoted before the old "
                   "one's lease has run out"),
            std::string::npos)
      << e;
}

TEST(StateValidation, AShardRouterNeedsShardsAndItsShardsMustBeStores) {
  const std::string noShards = errorsOf(stateScenario(
      {}, R"({"id": "router", "kind": "shard_router"})"));
  EXPECT_NE(noShards.find("$.components[0]: the shard_router \"router\" has no outgoing link"), std::string::npos)
      << noShards;
  const std::string notAStore = errorsOf(stateScenario(
      {{"k1", "{}"}}, R"(,
    {"id": "router", "kind": "shard_router"},
    {"id": "web", "kind": "service"})",
      R"(    {"from": "router", "to": "k1"},
    {"from": "router", "to": "web"})"));
  EXPECT_NE(notAStore.find("kv.json:10:"), std::string::npos) << notAStore;
  EXPECT_NE(notAStore.find("$.links[1].to: the shard_router \"router\" sends only to store components, but \"web\" "
                           "is a service"),
            std::string::npos)
      << notAStore;
}

TEST(StateValidation, KindActionsOnTheKindsThatHaveThem) {
  const std::string router = R"(,
    {"id": "router", "kind": "shard_router"})";
  const std::string link = R"(    {"from": "router", "to": "k1"})";
  EXPECT_EQ(errorsOf(stateScenario({{"k1", "{}"}}, router, link,
                                   R"({"at": "1s", "action": "add_shard", "target": "router"},
                                      {"at": "2s", "action": "failover", "target": "k1"})")),
            "");
  const std::string wrong = errorsOf(stateScenario({{"k1", "{}"}}, router, link,
                                                   R"({"at": "1s", "action": "add_shard", "target": "k1"})"));
  EXPECT_NE(wrong.find("a \"add_shard\" fault needs a shard_router (or a group), but \"k1\" is a store"),
            std::string::npos)
      << wrong;
  // Written back, the actions read the same.
  const ScenarioLoad load = readScenario(stateScenario({{"k1", "{}"}}, router, link,
                                                       R"({"at": "1s", "action": "remove_shard", "target": "router"})"),
                                         "kv.json", builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  EXPECT_NE(writeScenarioJson(*load.scenario).find("\"action\": \"remove_shard\""), std::string::npos);
}

}  // namespace
}  // namespace pillars
