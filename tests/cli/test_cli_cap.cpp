// pillars-cli cap: a store replica set's CAP trade-off measured, CP and AP side by side on the
// same seed and partition (quorum-kv.json has its own partition; a set without one gets one).
#include <gtest/gtest.h>

#include <regex>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliCap : public CliTest {};

const std::string kExamples = std::string(PILLARS_SOURCE_DIR) + "/resources/examples/";

/// The numbers of the row named `name`: CP's first, then AP's.
std::vector<double> rowNumbers(const std::string& out, const std::string& name) {
  std::vector<double> numbers;
  const std::size_t at = out.find("  " + name);
  if (at == std::string::npos) return numbers;
  const std::string line = out.substr(at + 2 + name.size(), out.find('\n', at) - at - 2 - name.size());
  const std::regex number(R"([0-9]+(\.[0-9]+)?)");
  for (auto it = std::sregex_iterator(line.begin(), line.end(), number); it != std::sregex_iterator(); ++it) {
    numbers.push_back(std::stod(it->str()));
  }
  return numbers;
}

TEST_F(CliCap, AStrictQuorumRefusesWhereASloppyOneGoesStale) {
  const CliRun r = runCli({"cap", kExamples + "quorum-kv.json"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("Partition: the design's own"), std::string::npos) << r.out;
  const std::vector<double> availability = rowNumbers(r.out, "availability");
  ASSERT_EQ(availability.size(), 2u) << r.out;
  EXPECT_LT(availability[0], 99.0) << "CP refuses what it cannot serve safely";
  EXPECT_EQ(availability[1], 100.0) << "AP keeps answering";
  const std::vector<double> stale = rowNumbers(r.out, "stale reads");  // n of reads (percent), twice
  ASSERT_EQ(stale.size(), 6u) << r.out;
  EXPECT_EQ(stale[0], 0.0) << "no stale read under a strict quorum";
  EXPECT_GT(stale[3], 100.0) << "stale reads from the cut-off replica";
  EXPECT_NE(r.out.find("converged at the end   yes"), std::string::npos) << r.out;
}

TEST_F(CliCap, ALeaderFollowerSetWithoutAPartitionGetsOne) {
  const CliRun r = runCli({"cap", kExamples + "leader-follower-failover.json", "--store", "s2"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("Partition: s3 cut off from s1 and s2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(added: the design has none)"), std::string::npos) << r.out;
  const std::vector<double> stale = rowNumbers(r.out, "stale reads");
  ASSERT_EQ(stale.size(), 6u) << r.out;
  EXPECT_EQ(stale[0], 0.0) << "reads at the leader with a lease";
  EXPECT_GT(stale[3], 0.0) << "reads at a follower behind";
}

TEST_F(CliCap, WhatCannotBeExperimentedOnIsSaidAndExitsOne) {
  const CliRun noStore = runCli({"cap", fixture("mmc.json")});
  EXPECT_EQ(noStore.exitCode, 1) << noStore.describe();
  EXPECT_NE(noStore.err.find("the design has no store"), std::string::npos) << noStore.err;
  const CliRun notAStore = runCli({"cap", kExamples + "quorum-kv.json", "--store", "users"});
  EXPECT_EQ(notAStore.exitCode, 1) << notAStore.describe();
  EXPECT_NE(notAStore.err.find("\"users\" is a client, not a store"), std::string::npos) << notAStore.err;
  const CliRun unknown = runCli({"cap", kExamples + "quorum-kv.json", "--store", "nope"});
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_NE(unknown.err.find("no component has the id \"nope\""), std::string::npos) << unknown.err;
  EXPECT_EQ(runCli({"cap"}).exitCode, 2) << "FILE is required";
  EXPECT_EQ(runCli({"cap", kExamples + "quorum-kv.json", "--bogus"}).exitCode, 2);
}

}  // namespace
}  // namespace pillars::clitest
