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

TEST(CliChaos, ZoneOutagesAreListedAndCountedBesideTheKills) {
  const CliRun r = runCli({"simulate", std::string(PILLARS_SOURCE_DIR) + "/resources/examples/zone-outage.json"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("Chaos experiment gorilla: HELD"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("took down zone az-b for 1m (3 components)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("5 attacks (0 kills, 5 zone outages)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace pillars::clitest

namespace pillars::clitest {
namespace {

// Found by fuzz_overrides: each --set value may be valid while the design is not. Here the
// canary's second version is set back to the first, but the fault timeline still rolls it out.
TEST(CliOverrides, AnOverrideThatBreaksARuleAcrossTheDesignIsRefusedWithItsPath) {
  const CliRun r = runCli({"simulate", std::string(PILLARS_SOURCE_DIR) + "/resources/examples/canary-rollback.json",
                           "--set", "web.v2_error_probability=0"});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find("after --set: $.faults[0].target"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no second version"), std::string::npos) << r.err;
  // And a rule across parameters.
  const CliRun minMax = runCli({"simulate", std::string(PILLARS_SOURCE_DIR) + "/resources/examples/autoscale-spike.json",
                                "--set", "scaler.min_replicas=20"});
  EXPECT_EQ(minMax.exitCode, 1) << minMax.describe();
  EXPECT_NE(minMax.err.find("$.components[3].params.min_replicas"), std::string::npos) << minMax.err;
}

}  // namespace
}  // namespace pillars::clitest
