// Scenario validation of raft_node groups, and how their figures are written in results.
#include <gtest/gtest.h>

#include <string>

#include "engine/io/json.hpp"
#include "engine/io/results_writer.hpp"
#include "engine/io/scenario_reader.hpp"

namespace pillars {
namespace {

/// A scenario text with raft_nodes n1..nN and the given links (pairs of 1-based node numbers).
std::string raftScenario(int nodes, const std::vector<std::pair<int, int>>& links) {
  std::string text = R"({"format": "pillars-scenario", "version": 1, "duration": "10s", "components": [)";
  for (int i = 1; i <= nodes; ++i) {
    text += std::string(i > 1 ? "," : "") + R"({"id": "n)" + std::to_string(i) +
            R"(", "kind": "raft_node"})";
  }
  text += R"(], "links": [)";
  for (std::size_t k = 0; k < links.size(); ++k) {
    text += std::string(k > 0 ? "," : "") + R"({"from": "n)" + std::to_string(links[k].first) +
            R"(", "to": "n)" + std::to_string(links[k].second) + R"("})";
  }
  return text + "]}";
}

std::vector<std::pair<int, int>> fullMesh(int nodes) {
  std::vector<std::pair<int, int>> links;
  for (int i = 1; i <= nodes; ++i) {
    for (int j = i + 1; j <= nodes; ++j) links.emplace_back(i, j);
  }
  return links;
}

std::string errorsOf(const std::string& text) {
  const ScenarioLoad load = readScenario(text, "raft.json", builtinRegistry());
  return formatDiagnostics(load.errors);
}

TEST(RaftValidation, GroupsOfThreeToNineFullyLinkedNodesAreAccepted) {
  for (int n : {3, 5, 9}) EXPECT_EQ(errorsOf(raftScenario(n, fullMesh(n))), "") << n << " nodes";
}

TEST(RaftValidation, TooSmallOrTooLargeGroupsAreRefusedWithTheirMembers) {
  const std::string two = errorsOf(raftScenario(2, fullMesh(2)));
  EXPECT_NE(two.find("raft.json"), std::string::npos) << two;
  EXPECT_NE(two.find("$.components[0]"), std::string::npos) << two;
  EXPECT_NE(two.find("the raft_node group {\"n1\", \"n2\"} has 2 members; a group needs 3 to 9"),
            std::string::npos)
      << two;
  const std::string ten = errorsOf(raftScenario(10, fullMesh(10)));
  EXPECT_NE(ten.find("has 10 members; a group needs 3 to 9"), std::string::npos) << ten;
  // A lone node is a group of one.
  const std::string lone = errorsOf(raftScenario(4, {{1, 2}, {1, 3}, {2, 3}}));
  EXPECT_NE(lone.find("{\"n4\"} has 1 member;"), std::string::npos) << lone;
}

TEST(RaftValidation, MembersMustBeLinkedPairwiseExactlyOnce) {
  const std::string missing = errorsOf(raftScenario(3, {{1, 2}, {2, 3}}));
  EXPECT_NE(missing.find("\"n1\" and \"n3\" are in one group but not linked"), std::string::npos)
      << missing;
  auto twice = fullMesh(3);
  twice.emplace_back(2, 1);
  // A second link between a pair is refused for every kind (links carry both directions).
  const std::string doubled = errorsOf(raftScenario(3, twice));
  EXPECT_NE(doubled.find("\"n2\" and \"n1\" are already linked"), std::string::npos) << doubled;
}

TEST(RaftValidation, DottedExtraNamesAreWrittenAsNestedObjects) {
  RunResults r;
  ComponentResult c;
  c.id = "n1";
  c.kind = "raft_node";
  c.extras = {{"term", 3}, {"election_ms.p50", 180}, {"a.b.c", 1}, {"election_ms.max", 250},
              {"a.d", 2}};
  r.components.push_back(c);
  const auto parsed = parseJson(writeResultsJson(r, "x"));
  ASSERT_TRUE(std::holds_alternative<JsonValue>(parsed));
  const JsonValue& n1 = *std::get<JsonValue>(parsed).find("components")->find("n1");
  EXPECT_EQ(n1.find("term")->asNumber(), 3);
  const JsonValue* election = n1.find("election_ms");
  ASSERT_NE(election, nullptr);
  EXPECT_EQ(election->find("p50")->asNumber(), 180);
  EXPECT_EQ(election->find("max")->asNumber(), 250);
  EXPECT_EQ(n1.find("a")->find("b")->find("c")->asNumber(), 1);
  EXPECT_EQ(n1.find("a")->find("d")->asNumber(), 2);
  EXPECT_EQ(n1.find("election_ms.p50"), nullptr);
  // Order of first appearance is kept: term, election_ms, a.
  const auto& members = n1.members();
  std::vector<std::string> tail;
  for (std::size_t i = members.size() - 3; i < members.size(); ++i) tail.push_back(members[i].first);
  EXPECT_EQ(tail, (std::vector<std::string>{"term", "election_ms", "a"}));
}

}  // namespace
}  // namespace pillars
