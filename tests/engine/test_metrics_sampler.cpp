// The time series a run records: one row per interval, rates per second of that interval.

#include <gtest/gtest.h>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/run/scenario_runner.hpp"

namespace pillars {
namespace {

// A client at a constant 100 req/s into a service that answers at once.
ScenarioBuilder steadyLoad(SimTime warmup, SimTime interval) {
  ScenarioBuilder b("steady");
  b.component("c", "client", {{"arrival", "constant"}, {"rate", "100"}})
      .component("s", "service", {{"service_time", "constant(0)"}})
      .link("c", "s")
      .duration(10 * kSecond)
      .warmup(warmup)
      .metricsInterval(interval);
  return b;
}

double column(const TimeSeries& ts, std::size_t row, const char* name) {
  return ts.value(row, *ts.columnIndex(name));
}

TEST(MetricsSampler, WarmupEndKeepsTheIntervalItCloses) {
  // Warm-up resets every counter; the row that ends with it used to be all zeros (the reset ran
  // first), which drew a false outage in every chart at the end of warm-up.
  ScenarioRunner runner(steadyLoad(3 * kSecond, kSecond).scenario(), builtinRegistry());
  runner.run();
  const TimeSeries& ts = *runner.timeSeries();
  ASSERT_EQ(ts.rowCount(), 10u);  // one per second, no extra row at the warm-up boundary
  for (std::size_t row = 0; row < ts.rowCount(); ++row) {
    EXPECT_EQ(ts.time(row), static_cast<SimTime>(row + 1) * kSecond);
    // Row 0 misses the request sent at t=0 only if its reply lands after 1 s; it does not.
    EXPECT_NEAR(column(ts, row, "global.throughput_rps"), 100.0, 1.0) << "row " << row;
  }
}

TEST(MetricsSampler, AnEmptyDesignRunsToTheEndWithARowPerInterval) {
  // Found by fuzz_scenario_run (tests/fuzz/corpus/scenario_reader/no-components.json): with no
  // component the sampler's row was never sized and the first sample wrote past it (a
  // segmentation fault in `pillars-cli simulate` on a scenario with "components": []).
  ScenarioBuilder b("empty");
  b.duration(5 * kSecond).metricsInterval(kSecond);
  ScenarioRunner runner(b.scenario(), builtinRegistry());
  runner.run();
  const TimeSeries& ts = *runner.timeSeries();
  ASSERT_EQ(ts.rowCount(), 5u);
  for (std::size_t row = 0; row < ts.rowCount(); ++row) {
    EXPECT_EQ(column(ts, row, "global.throughput_rps"), 0.0) << "row " << row;
    EXPECT_EQ(column(ts, row, "global.attempts_rps"), 0.0) << "row " << row;
  }
}

TEST(MetricsSampler, WarmupBetweenSamplesGivesAPartialRowAtItsRate) {
  // Warm-up at 2.5 s with 1 s rows: the interval 2..2.5 s is recorded as its own row, its rate
  // per second of those 0.5 s, and the grid resumes at 3 s from the reset counters.
  ScenarioRunner runner(steadyLoad(2500 * kMillisecond, kSecond).scenario(), builtinRegistry());
  runner.run();
  const TimeSeries& ts = *runner.timeSeries();
  ASSERT_EQ(ts.rowCount(), 11u);
  EXPECT_EQ(ts.time(2), 2500 * kMillisecond);
  EXPECT_EQ(ts.time(3), 3 * kSecond);
  for (std::size_t row = 0; row < ts.rowCount(); ++row) {
    EXPECT_NEAR(column(ts, row, "global.throughput_rps"), 100.0, 2.0) << "row " << row;
  }
}

}  // namespace
}  // namespace pillars
