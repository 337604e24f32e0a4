// pillars-cli check-history (exit codes 0/1/2/3, explanations, diagnostics) and
// simulate --history (saga histories).
#include <gtest/gtest.h>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliTransactions : public CliTest {};

TEST_F(CliTransactions, CheckHistoryExitsZeroForALinearizableHistory) {
  const std::string f = fixture("history-linearizable.json");
  const CliRun r = runCli({"check-history", f});
  EXPECT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find(f + ": linearizable (4 operations on 1 key"), std::string::npos)
      << r.describe();
  EXPECT_NE(r.out.find("1 pending read ignored"), std::string::npos) << r.describe();
}

TEST_F(CliTransactions, CheckHistoryExitsOneAndNamesTheOperationThatCannotBePlaced) {
  const CliRun r = runCli({"check-history", fixture("history-stale-read.json")});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.out.find("NOT linearizable: key \"x\""), std::string::npos) << r.describe();
  EXPECT_NE(r.out.find("cannot place operations[1] (process b): read key \"x\" -> 0"),
            std::string::npos)
      << r.describe();
}

TEST_F(CliTransactions, CheckHistoryExitsTwoOnBadInputNamingFileAndField) {
  const auto path = tmp("bad.json");
  writeFile(path, R"({"format": "pillars-history", "version": 1,
  "operations": [{"op": "write", "value": 1, "invoke": "soon"}]})");
  const CliRun r = runCli({"check-history", path.string()});
  EXPECT_EQ(r.exitCode, 2) << r.describe();
  EXPECT_NE(r.err.find(path.string() + ":2:"), std::string::npos) << r.describe();
  EXPECT_NE(r.err.find("$.operations[0].invoke: expected a time as a number"), std::string::npos)
      << r.describe();
  EXPECT_EQ(runCli({"check-history", tmp("missing.json").string()}).exitCode, 2);
  EXPECT_EQ(runCli({"check-history"}).exitCode, 2);
}

TEST_F(CliTransactions, CheckHistoryExitsThreeWhenTheSearchBudgetRunsOut) {
  // Twelve concurrent writes, then reads that contradict every order of them.
  std::string ops;
  for (int v = 1; v <= 12; ++v) {
    ops += R"({"op": "write", "value": )" + std::to_string(v) + R"(, "invoke": 0, "response": 10},)";
  }
  for (int v = 1; v <= 12; ++v) {
    ops += R"({"op": "read", "value": )" + std::to_string(v == 12 ? 1 : v) + R"(, "invoke": )" +
           std::to_string(20 + 2 * v) + R"(, "response": )" + std::to_string(21 + 2 * v) + "},";
  }
  ops.pop_back();
  const auto path = tmp("hard.json");
  writeFile(path, R"({"format": "pillars-history", "version": 1, "operations": [)" + ops + "]}");
  const CliRun r = runCli({"check-history", path.string(), "--max-steps", "100"});
  EXPECT_EQ(r.exitCode, 3) << r.describe();
  EXPECT_NE(r.out.find("too large to decide"), std::string::npos) << r.describe();
  // With the default budget the same history is decided.
  EXPECT_EQ(runCli({"check-history", path.string()}).exitCode, 1);
}

TEST_F(CliTransactions, SimulateHistoryPrintsSagaStepsAndCompensations) {
  const std::string example = std::string(PILLARS_SOURCE_DIR) + "/resources/examples/saga-payment.json";
  const CliRun r = runCli({"simulate", example, "--until", "20s", "--history"});
  EXPECT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("Saga history"), std::string::npos) << r.describe();
  EXPECT_NE(r.out.find("order saga #"), std::string::npos) << r.describe();
  EXPECT_NE(r.out.find("step       payment"), std::string::npos) << r.describe();
  const CliRun plain = runCli({"simulate", example, "--until", "20s"});
  EXPECT_EQ(plain.out.find("Saga history"), std::string::npos) << plain.describe();
}

}  // namespace
}  // namespace pillars::clitest
