// pillars-cli simulate on a chaos experiment: the verdict is printed after the run, and a run
// whose experiment aborted still exits 0 (the run completed; the verdict is a finding).
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace pillars::clitest {
namespace {

const std::string kChaos = std::string(PILLARS_SOURCE_DIR) + "/resources/examples/chaos-monkey.json";

TEST(CliChaos, AHeldSteadyStateIsPrintedWithTheAttacks) {
  const CliRun r = runCli({"simulate", kChaos});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("Chaos experiment monkey: HELD"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("steady state: availability >= 99.9% and p99 <= 150ms over 30s"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("killed web#"), std::string::npos) << "the decisions list the kills\n" << r.out;
}

TEST(CliChaos, AnAbortedExperimentSaysWhyAndTheRunStillExitsZero) {
  const CliRun r = runCli({"simulate", kChaos, "--set", "lb.policy=round_robin", "--set", "users.retries=0"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("Chaos experiment monkey: ABORTED"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("availability 99.26% < 99.9% over the last 30s"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace pillars::clitest
