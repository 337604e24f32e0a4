// pillars-cli simulate on Raft scenarios: group figures nest in the results JSON, and a safety
// violation fails the run with a clear message on stderr and in the JSON.
#include <gtest/gtest.h>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliRaft : public CliTest {};

TEST_F(CliRaft, GroupFiguresAreReportedOnceUnderGroupsAsNestedObjects) {
  const CliRun r = runCli({"simulate", std::string(PILLARS_SOURCE_DIR) + "/resources/examples/raft-5.json",
                           "--quiet", "--until", "30s", "--json", "-"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const JsonValue doc = parseJsonOrFail(r.out, "raft-5 results");
  EXPECT_EQ(count(doc, {"version"}), 2u);
  // The group of n1..n5 is named after its first member and lists every member.
  const JsonValue* group = at(doc, {"groups", "raft:n1"});
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(at(doc, {"groups", "raft:n1", "kind"})->asString(), "raft_group");
  ASSERT_EQ(at(doc, {"groups", "raft:n1", "members"})->items().size(), 5u);
  EXPECT_EQ(at(doc, {"groups", "raft:n1", "members"})->items()[4].asString(), "n5");
  // "election_ms.p50" is written as {"election_ms": {"p50": ...}}.
  const JsonValue* election = at(doc, {"groups", "raft:n1", "election_ms"});
  ASSERT_NE(election, nullptr);
  ASSERT_TRUE(election->isObject());
  const double p50 = number(doc, {"groups", "raft:n1", "election_ms", "p50"});
  const double max = number(doc, {"groups", "raft:n1", "election_ms", "max"});
  // One election after the leader's crash at 20 s: at least the shortest timeout less one
  // heartbeat, at most the longest plus a round trip (uniform 0.5-2 ms links).
  EXPECT_GE(p50, 100.0);
  EXPECT_LE(max, 304.0);
  EXPECT_EQ(count(doc, {"groups", "raft:n1", "leader_changes"}), 1u);
  EXPECT_EQ(count(doc, {"groups", "raft:n1", "safety_violations"}), 0u);
  EXPECT_GT(number(doc, {"groups", "raft:n1", "commit_latency_ms", "p99"}), 0.0);
  EXPECT_EQ(at(doc, {"groups", "raft:n1", "election_ms.p50"}), nullptr);
  // A member keeps only its own figures: no more group figures repeated on every node.
  EXPECT_NE(at(doc, {"components", "n2", "term"}), nullptr);
  EXPECT_EQ(at(doc, {"components", "n2", "leader_changes"}), nullptr);
  EXPECT_EQ(at(doc, {"components", "n2", "election_ms"}), nullptr);
  ASSERT_NE(at(doc, {"violations"}), nullptr);
  EXPECT_TRUE(at(doc, {"violations"})->isArray());
  EXPECT_EQ(at(doc, {"violations"})->items().size(), 0u);
}

TEST_F(CliRaft, ASafetyViolationFailsTheRunAndSaysWhatBroke) {
  const std::string out = tmp("bug.json").string();
  const CliRun r = runCli({"simulate", fixture("raft-vote-bug.json"), "--quiet", "--json", out});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find("SAFETY VIOLATION (leader_completeness)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("by n5"), std::string::npos) << r.err;
  const JsonValue doc = parseJsonOrFail(readFile(out), "results");
  const JsonValue* violations = at(doc, {"violations"});
  ASSERT_NE(violations, nullptr);
  ASSERT_EQ(violations->items().size(), 1u);
  const JsonValue& v = violations->items().front();
  EXPECT_EQ(v.find("property")->asString(), "leader_completeness");
  EXPECT_EQ(v.find("component")->asString(), "n5");
  // The checker's facts (term, index) are fields of the violation and named on stderr.
  ASSERT_NE(v.find("term"), nullptr);
  ASSERT_NE(v.find("index"), nullptr);
  EXPECT_NE(r.err.find("by n5, term " + std::to_string(v.find("term")->asInt64()) + ", index "),
            std::string::npos) << r.err;
  // n5 is back at 3 s and wins within one of its (100-110 ms) timeouts: the run halts there.
  const double at_s = v.find("at_s")->asNumber();
  EXPECT_GT(at_s, 3.0);
  EXPECT_LT(at_s, 3.2);
  EXPECT_DOUBLE_EQ(number(doc, {"sim_time_s"}), at_s);
}

}  // namespace
}  // namespace pillars::clitest
