// The register linearizability checker and its history file reader.
#include <gtest/gtest.h>

#include "engine/io/history_reader.hpp"
#include "engine/pillars/truth/linearizability.hpp"

namespace pillars {
namespace {

using lin::Verdict;

/// Builds histories in code: values and keys are small integers, 0 is the initial value.
struct H {
  lin::History h;
  std::size_t write(std::uint32_t key, std::uint32_t v, double inv, double res) {
    return add({key, true, v, inv, res, false, ""});
  }
  std::size_t read(std::uint32_t key, std::uint32_t v, double inv, double res) {
    return add({key, false, v, inv, res, false, ""});
  }
  std::size_t pendingWrite(std::uint32_t key, std::uint32_t v, double inv) {
    return add({key, true, v, inv, 0, true, ""});
  }
  std::size_t add(lin::Operation op) {
    h.ops.push_back(op);
    return h.ops.size() - 1;
  }
};

TEST(Linearizability, ReadsOverlappingAWriteMaySeeEitherValue) {
  H x;
  x.write(0, 1, 0, 10);
  x.read(0, 0, 1, 4);    // before the write took effect
  x.read(0, 1, 5, 15);   // after it
  x.read(0, 1, 20, 30);
  const lin::Result r = lin::check(x.h);
  EXPECT_EQ(r.verdict, Verdict::Linearizable) << r.reason;
}

TEST(Linearizability, AStaleReadAfterACompletedWriteIsNot) {
  H x;
  x.write(0, 1, 0, 10);
  x.write(0, 2, 12, 20);
  const std::size_t stale = x.read(0, 1, 25, 30);  // 2 was written before it began
  const lin::Result r = lin::check(x.h);
  ASSERT_EQ(r.verdict, Verdict::NotLinearizable);
  EXPECT_EQ(r.unplaceable, stale);
  // The search got furthest with both writes placed, the register then holding 2.
  EXPECT_EQ(r.longestPrefix, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(r.stateAfterPrefix, 2u);
}

TEST(Linearizability, ConcurrentWritesObservedInBothOrdersAreNot) {
  H x;
  x.write(0, 1, 0, 10);
  x.write(0, 2, 0, 10);
  // Process A sees 1 then 2, process B sees 2 then 1, all after both writes completed.
  x.read(0, 1, 20, 25);
  x.read(0, 2, 30, 35);
  x.read(0, 2, 20, 25);
  x.read(0, 1, 30, 35);
  EXPECT_EQ(lin::check(x.h).verdict, Verdict::NotLinearizable);
}

TEST(Linearizability, ConcurrentWritesSeenInOneOrderWhileTheyRunAre) {
  H x;
  x.write(0, 1, 0, 100);
  x.write(0, 2, 0, 100);
  x.read(0, 1, 10, 20);
  x.read(0, 2, 30, 40);
  x.read(0, 2, 110, 120);
  EXPECT_EQ(lin::check(x.h).verdict, Verdict::Linearizable);
}

TEST(Linearizability, APendingWriteMayTakeEffectOrNot) {
  H seen;
  seen.write(0, 1, 0, 10);
  seen.pendingWrite(0, 2, 20);
  seen.read(0, 2, 30, 40);  // the pending write took effect
  EXPECT_EQ(lin::check(seen.h).verdict, Verdict::Linearizable);

  H unseen;
  unseen.write(0, 1, 0, 10);
  unseen.pendingWrite(0, 2, 20);
  unseen.read(0, 1, 30, 40);  // or not (yet)
  EXPECT_EQ(lin::check(unseen.h).verdict, Verdict::Linearizable);

  H flipFlop = seen;
  const std::size_t back = flipFlop.read(0, 1, 50, 60);  // once 2 was seen, 1 cannot return
  const lin::Result r = lin::check(flipFlop.h);
  ASSERT_EQ(r.verdict, Verdict::NotLinearizable);
  EXPECT_EQ(r.unplaceable, back);

  H early;
  early.pendingWrite(0, 2, 20);
  const std::size_t tooSoon = early.read(0, 2, 0, 10);  // before the write was invoked
  const lin::Result e = lin::check(early.h);
  ASSERT_EQ(e.verdict, Verdict::NotLinearizable);
  EXPECT_EQ(e.unplaceable, tooSoon);
}

TEST(Linearizability, KeysAreCheckedIndependently) {
  H x;
  // Key 0 alone is fine; key 1 alone is fine; a read on key 1 of key 0's value is not.
  x.write(0, 1, 0, 10);
  x.read(0, 1, 20, 30);
  x.write(1, 2, 0, 10);
  x.read(1, 2, 20, 30);
  EXPECT_EQ(lin::check(x.h).verdict, Verdict::Linearizable);
  EXPECT_EQ(lin::check(x.h).keysChecked, 2u);
  const std::size_t wrongKey = x.read(1, 1, 40, 50);
  const lin::Result r = lin::check(x.h);
  ASSERT_EQ(r.verdict, Verdict::NotLinearizable);
  EXPECT_EQ(r.key, 1u);
  EXPECT_EQ(r.unplaceable, wrongKey);
}

TEST(Linearizability, AHardHistoryBeyondTheBudgetIsTooLargeNotAHang) {
  // 24 concurrent writes, then a read of each value in turn: no order works, and proving it
  // means visiting many subsets of writes.
  H x;
  for (std::uint32_t v = 1; v <= 24; ++v) x.write(0, v, 0, 10);
  for (std::uint32_t v = 1; v <= 24; ++v) x.read(0, v == 24 ? 1 : v, 10.0 + v, 10.5 + v);
  lin::Limits limits;
  limits.maxSteps = 10000;
  const lin::Result r = lin::check(x.h, limits);
  EXPECT_EQ(r.verdict, Verdict::TooLarge);
  EXPECT_LE(r.steps, 10001u);
  limits.maxOpsPerKey = 10;
  EXPECT_EQ(lin::check(x.h, limits).verdict, Verdict::TooLarge);
}

TEST(Linearizability, MemoizationKeepsLongSequentialHistoriesCheap) {
  // 1,000 operations, 10 writers racing per round: plain backtracking would explode, the
  // memo keeps it to a few steps per operation.
  H x;
  std::uint32_t value = 1;
  for (int round = 0; round < 100; ++round) {
    const double t = round * 100.0;
    std::uint32_t last = 0;
    for (int w = 0; w < 9; ++w) last = value++, x.write(0, last, t, t + 50);
    x.read(0, last, t + 60, t + 70);
  }
  const lin::Result r = lin::check(x.h);
  EXPECT_EQ(r.verdict, Verdict::Linearizable);
  EXPECT_LT(r.steps, 200000u);
}

// --- the file format ----------------------------------------------------------------------

TEST(HistoryFile, ReadsAndExplainsInTheFilesOwnTerms) {
  const HistoryLoad load = readHistory(R"({
    "format": "pillars-history", "version": 1, "initial": 0,
    "operations": [
      {"process": "a", "key": "x", "op": "write", "value": 1, "invoke": 0, "response": 10},
      {"process": "b", "key": "x", "op": "read", "value": 0, "invoke": 20, "response": 30},
      {"process": "c", "key": "y", "op": "write", "value": "s", "invoke": 0},
      {"process": "c", "key": "y", "op": "read", "invoke": 5}
    ]})", "h.json");
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  EXPECT_EQ(load.history->ops.size(), 4u);
  EXPECT_TRUE(load.history->ops[2].pending);
  const lin::Result r = lin::check(*load.history);
  ASSERT_EQ(r.verdict, Verdict::NotLinearizable);
  EXPECT_EQ(r.pendingReadsIgnored, 1u);
  const std::string text = explainCheck(load, r);
  EXPECT_NE(text.find("key \"x\""), std::string::npos) << text;
  EXPECT_NE(text.find("operations[1] (process b): read key \"x\" -> 0"), std::string::npos) << text;
}

TEST(HistoryFile, ErrorsNameTheFileTheFieldAndWhatWasExpected) {
  const HistoryLoad load = readHistory(R"({"format": "pillars-history", "version": 1,
    "operations": [
      {"op": "write", "invoke": 5, "response": 1, "value": 1},
      {"op": "read", "invoke": 0, "response": 1},
      {"op": "delete", "invoke": 0, "colour": 1}
    ]})", "bad.json");
  EXPECT_FALSE(load.ok());
  const std::string text = formatDiagnostics(load.errors);
  EXPECT_NE(text.find("bad.json:3:"), std::string::npos) << text;
  EXPECT_NE(text.find("$.operations[0].response: the response (1) comes before the invocation (5)"),
            std::string::npos) << text;
  EXPECT_NE(text.find("$.operations[1]: missing required field \"value\""), std::string::npos) << text;
  EXPECT_NE(text.find("$.operations[2].op: expected \"read\" or \"write\""), std::string::npos) << text;
  EXPECT_NE(text.find("$.operations[2].colour: unknown field"), std::string::npos) << text;

  EXPECT_FALSE(readHistory(R"({"format": "pillars-scenario", "version": 1})", "f").ok());
  EXPECT_FALSE(readHistory("[1,", "f").ok());
  EXPECT_FALSE(loadHistoryFile("/nonexistent/h.json").ok());
}

}  // namespace
}  // namespace pillars
