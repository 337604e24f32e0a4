// pillars-cli simulate --check-linearizability: a Raft key-value register under crashes, a
// partition and loss passes, the stale_reads bug fails with exit 1, and the history written by
// --history-out gives check-history the same verdict.
#include <gtest/gtest.h>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliLinearizability : public CliTest {};

/// The number of operations a "linearizable (N operations on K keys" line names, or -1.
long operationsIn(const std::string& text) {
  const auto at = text.find("linearizable (");
  if (at == std::string::npos) return -1;
  return std::stol(text.substr(at + 14));
}

TEST_F(CliLinearizability, RaftRegisterHistoryIsLinearizableAndTheFileSaysTheSame) {
  const std::string history = tmp("history.json").string();
  const CliRun r = runCli({"simulate", fixture("raft-kv.json"), "--quiet",
                           "--check-linearizability", "--history-out", history});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("Client history: linearizable ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("on 3 keys"), std::string::npos) << r.out;
  // 80 req/s for 9 s: about 720 operations (Poisson, sd ~27).
  const long ops = operationsIn(r.out);
  EXPECT_GT(ops, 600);
  EXPECT_LT(ops, 840);
  const CliRun check = runCli({"check-history", history});
  EXPECT_EQ(check.exitCode, 0) << check.describe();
  EXPECT_EQ(operationsIn(check.out), ops) << check.out;
}

TEST_F(CliLinearizability, StaleReadsFailTheRunWithTheOperationThatCannotBePlaced) {
  const std::string history = tmp("stale.json").string();
  std::vector<std::string> args{"simulate", fixture("raft-kv.json"), "--quiet",
                                "--check-linearizability", "--history-out", history};
  for (int i = 1; i <= 5; ++i) {
    args.push_back("--set");
    args.push_back("n" + std::to_string(i) + ".bug=stale_reads");
  }
  const CliRun r = runCli(args);
  ASSERT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.out.find("Client history: NOT linearizable: key"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cannot place"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(": read key"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("NOT linearizable"), std::string::npos) << r.err;
  const CliRun check = runCli({"check-history", history, "--quiet"});
  EXPECT_EQ(check.exitCode, 1) << check.describe();
}

TEST_F(CliLinearizability, TheTraceIsWrittenInTheSameRunAndTheRunIsUnchanged) {
  // The recorder passes every event on to the trace writer: the trace has the client's
  // requests, and the fingerprint is the one of a run with neither.
  const std::string trace = tmp("trace.csv").string();
  const CliRun both = runCli({"simulate", fixture("raft-kv.json"), "--check-linearizability",
                              "--trace", trace});
  ASSERT_EQ(both.exitCode, 0) << both.describe();
  const CliRun plain = runCli({"simulate", fixture("raft-kv.json")});
  ASSERT_EQ(plain.exitCode, 0) << plain.describe();
  const auto fingerprint = [](const std::string& out) {
    const auto at = out.find("fingerprint ");
    return at == std::string::npos ? std::string() : out.substr(at, 28);
  };
  EXPECT_FALSE(fingerprint(plain.out).empty());
  EXPECT_EQ(fingerprint(both.out), fingerprint(plain.out));
  const std::string csv = readFile(trace);
  EXPECT_NE(csv.find(",send,request,c1,n"), std::string::npos) << csv.substr(0, 400);
}

TEST_F(CliLinearizability, WithoutTheFlagNothingIsChecked) {
  const CliRun r = runCli({"simulate", fixture("raft-kv.json"), "--quiet",
                           "--set", "n2.bug=stale_reads"});
  EXPECT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_EQ(r.out.find("Client history"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace pillars::clitest
