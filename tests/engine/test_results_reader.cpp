// Reading run summaries back: version 2 (group figures under `groups`), version 1 summaries
// stored by earlier Pillars (group figures repeated on members), and newer versions refused.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/io/results_reader.hpp"
#include "engine/io/results_writer.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/run/scenario_runner.hpp"

namespace pillars {
namespace {

double extraOf(const std::vector<std::pair<std::string, double>>& extras, const std::string& name) {
  for (const auto& [n, v] : extras) {
    if (n == name) return v;
  }
  ADD_FAILURE() << "no figure " << name;
  return -1;
}

TEST(ResultsReader, ReadsGroupsAndFlattensNestedFiguresBackToDottedNames) {
  const ScenarioLoad load =
      loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/raft-5.json", builtinRegistry());
  ASSERT_TRUE(load.ok());
  ScenarioRunner runner(*load.scenario, builtinRegistry(), load.scenario->seed, 30 * kSecond);
  runner.run();
  const RunResults direct = runner.results();
  ASSERT_EQ(direct.groups.size(), 1u);
  std::string error;
  const auto back = readResultsJson(writeResultsJson(direct, "raft"), &error);
  ASSERT_TRUE(back) << error;
  ASSERT_EQ(back->groups.size(), 1u);
  const GroupResult& g = back->groups.front();
  EXPECT_EQ(g.id, "raft:n1");
  EXPECT_EQ(g.kind, "raft_group");
  EXPECT_EQ(g.members, (std::vector<std::string>{"n1", "n2", "n3", "n4", "n5"}));
  ASSERT_EQ(g.extras.size(), direct.groups.front().extras.size());
  for (std::size_t i = 0; i < g.extras.size(); ++i) {
    EXPECT_EQ(g.extras[i].first, direct.groups.front().extras[i].first);
    EXPECT_DOUBLE_EQ(g.extras[i].second, direct.groups.front().extras[i].second);
  }
  // A member's own figures come back as its extras.
  EXPECT_EQ(extraOf(back->components[1].extras, "term"), extraOf(direct.components[1].extras, "term"));
}

TEST(ResultsReader, AVersionOneSummaryStillReadsWithGroupFiguresOnItsMembers) {
  // As pillars-cli 0.1 wrote it: no version, Raft's group figures on every member.
  const std::string v1 = R"({
    "scenario": "raft", "seed": 7, "sim_time_s": 60, "measured_s": 58, "fingerprint": "02c8a7b0ea1b8ee8",
    "engine": {"events": 10, "wall_s": 0.1, "events_per_s": 100},
    "global": {"completed": 17540, "failed": 0, "dropped": 0, "timed_out": 0, "retries": 1185,
               "throughput_rps": 302.4, "latency_ms": {"count": 17540, "p99": 1128.27}},
    "network": {"sent": 1, "delivered": 1, "dropped": 0},
    "components": {
      "n1": {"kind": "raft_node", "up": false, "received": 5, "completed": 4, "term": 1,
             "leader_changes": 1, "election_ms": {"mean": 171.2, "p50": 171.2}},
      "users": {"kind": "client", "up": true, "completed": 17540, "in_flight": 3}
    },
    "violations": [], "links": {}
  })";
  std::string error;
  const auto r = readResultsJson(v1, &error);
  ASSERT_TRUE(r) << error;
  EXPECT_EQ(r->completed, 17540u);
  EXPECT_TRUE(r->groups.empty());
  ASSERT_EQ(r->components.size(), 2u);
  EXPECT_FALSE(r->components[0].up);
  EXPECT_EQ(extraOf(r->components[0].extras, "leader_changes"), 1.0);
  EXPECT_EQ(extraOf(r->components[0].extras, "election_ms.p50"), 171.2);
  EXPECT_EQ(extraOf(r->components[1].extras, "in_flight"), 3.0);
}

TEST(ResultsReader, ANewerVersionIsRefusedWithAnUpgradeHint) {
  std::string error;
  EXPECT_FALSE(readResultsJson(R"({"version": 99, "global": {}, "components": {}})", &error));
  EXPECT_NE(error.find("version 99"), std::string::npos) << error;
  EXPECT_NE(error.find("upgrade Pillars"), std::string::npos) << error;
}

}  // namespace
}  // namespace pillars
