// simulate --trace FILE: every message event and fault as CSV, identical for identical runs.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliTrace : public CliTest {};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST_F(CliTrace, WritesEverySendAndDeliveryAsCsv) {
  const auto path = tmp("trace.csv");
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet", "--until", "2s",
                           "--trace", path.string()});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const auto rows = lines(readFile(path));
  ASSERT_GT(rows.size(), 100u);
  EXPECT_EQ(rows[0], "time_s,event,kind,from,to,link,request,detail");
  std::size_t sends = 0, delivers = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].find(",send,") != std::string::npos) ++sends;
    if (rows[i].find(",deliver,") != std::string::npos) ++delivers;
  }
  // No loss and no faults in this fixture: every message sent before the end arrives, except
  // those still in flight when the run stops.
  EXPECT_GT(sends, 0u);
  EXPECT_LE(delivers, sends);
  EXPECT_GE(delivers + 10, sends);
}

TEST_F(CliTrace, SameSeedGivesTheSameTraceByteForByte) {
  const auto a = tmp("a.csv");
  const auto b = tmp("b.csv");
  ASSERT_EQ(runCli({"simulate", fixture("three-tier.json"), "--quiet", "--until", "8s", "--trace",
                    a.string()}).exitCode, 0);
  ASSERT_EQ(runCli({"simulate", fixture("three-tier.json"), "--quiet", "--until", "8s", "--trace",
                    b.string()}).exitCode, 0);
  const std::string first = readFile(a);
  EXPECT_GT(first.size(), 1000u);
  EXPECT_EQ(first, readFile(b));
}

TEST_F(CliTrace, UnwritableTraceFailsBeforeRunning) {
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet", "--trace",
                           "/nonexistent/dir/trace.csv"});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find("/nonexistent/dir/trace.csv"), std::string::npos) << r.describe();
}

}  // namespace
}  // namespace pillars::clitest

namespace pillars::clitest {
namespace {

class CliTraceRequest : public CliTest {};

TEST_F(CliTraceRequest, PrintsTheSpanTreeOfOneRequest) {
  const CliRun r = runCli({"simulate", fixture("three-tier.json"), "--quiet", "--until", "8s",
                           "--trace-request", "users#100"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("request users#100: issued at"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("attempt 1: users → lb"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("work at web"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("span"), std::string::npos) << r.out;
}

TEST_F(CliTraceRequest, TheSameRequestTracesTheSameEveryRun) {
  const std::vector<std::string> args{"simulate", fixture("three-tier.json"), "--quiet", "--until", "8s",
                                      "--trace-request", "users#250"};
  const CliRun a = runCli(args);
  const CliRun b = runCli(args);
  ASSERT_EQ(a.exitCode, 0) << a.describe();
  EXPECT_EQ(a.out, b.out);
}

TEST_F(CliTraceRequest, ABadIdIsAUsageErrorAndAnUnissuedRequestFails) {
  const CliRun unknownClient = runCli({"simulate", fixture("three-tier.json"), "--quiet", "--until", "8s",
                                       "--trace-request", "nobody#3"});
  EXPECT_EQ(unknownClient.exitCode, 2) << unknownClient.describe();
  EXPECT_NE(unknownClient.err.find("CLIENT#N"), std::string::npos) << unknownClient.describe();
  const CliRun neverIssued = runCli({"simulate", fixture("three-tier.json"), "--quiet", "--until", "8s",
                                     "--trace-request", "users#999999"});
  EXPECT_EQ(neverIssued.exitCode, 1) << neverIssued.describe();
  EXPECT_NE(neverIssued.err.find("never issued"), std::string::npos) << neverIssued.describe();
}

}  // namespace
}  // namespace pillars::clitest
