#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine/metrics/latency_histogram.hpp"
#include "engine/metrics/running_stats.hpp"
#include "engine/metrics/time_series.hpp"
#include "engine/metrics/time_weighted.hpp"

namespace pillars {
namespace {

// ---------------------------------------------------------------------------------------------------------------
// Sample generators: own transforms over mt19937_64 so results do not depend on the standard library's
// distribution implementations.

double uniform01(std::mt19937_64& rng) {  // [0, 1)
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

double standardNormal(std::mt19937_64& rng) {  // Box-Muller
  const double u1 = 1.0 - uniform01(rng);    // (0, 1]
  const double u2 = uniform01(rng);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
}

std::int64_t toNs(double x) { return static_cast<std::int64_t>(std::llround(x)); }

enum class Dist { Exponential, LogNormal, WideUniform, LogUniform };

std::vector<std::int64_t> makeSamples(Dist dist, std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::int64_t> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    switch (dist) {
      case Dist::Exponential:  // mean 1 ms
        out.push_back(toNs(-1e6 * std::log(1.0 - uniform01(rng))));
        break;
      case Dist::LogNormal:  // median 1 ms, sigma 1.5
        out.push_back(toNs(std::exp(std::log(1e6) + 1.5 * standardNormal(rng))));
        break;
      case Dist::WideUniform:  // linear uniform on [1 ns, 1e12 ns]
        out.push_back(1 + static_cast<std::int64_t>(rng() % 1'000'000'000'000ULL));
        break;
      case Dist::LogUniform:  // every decade from 1 ns to 1e12 ns equally likely: exercises all bucket ranges
        out.push_back(toNs(std::pow(10.0, 12.0 * uniform01(rng))));
        break;
    }
  }
  return out;
}

std::int64_t exactNearestRank(const std::vector<std::int64_t>& sorted, double q) {
  const auto n = static_cast<double>(sorted.size());
  const double rank = std::clamp(std::ceil(q * n), 1.0, n);
  return sorted[static_cast<std::size_t>(rank) - 1];
}

// The product-level target, fixed here so that a coarser bucket layout cannot relax the tests with it.
constexpr double kTargetRelativeError = 0.005;

double relativeError(std::int64_t got, std::int64_t exact) {
  if (exact == 0) return got == 0 ? 0.0 : std::numeric_limits<double>::infinity();
  return std::fabs(static_cast<double>(got) - static_cast<double>(exact)) / static_cast<double>(exact);
}

void checkQuantiles(Dist dist, std::uint64_t seed) {
  const std::vector<std::int64_t> samples = makeSamples(dist, 1'000'000, seed);
  LatencyHistogram h;
  std::uint64_t sum = 0;  // fits: 1e6 values of at most 1e12
  for (const std::int64_t v : samples) {
    h.record(v);
    sum += static_cast<std::uint64_t>(v);
  }
  std::vector<std::int64_t> sorted = samples;
  std::sort(sorted.begin(), sorted.end());

  EXPECT_EQ(h.count(), samples.size());
  EXPECT_EQ(h.min(), sorted.front());
  EXPECT_EQ(h.max(), sorted.back());
  EXPECT_DOUBLE_EQ(h.mean(), static_cast<double>(static_cast<long double>(sum) / 1e6L));
  EXPECT_EQ(h.quantile(0.0), sorted.front());
  EXPECT_EQ(h.quantile(1.0), sorted.back());

  for (const double q : {0.5, 0.9, 0.95, 0.99, 0.999}) {
    const std::int64_t exact = exactNearestRank(sorted, q);
    const std::int64_t got = h.quantile(q);
    EXPECT_LE(relativeError(got, exact), kTargetRelativeError) << "q=" << q << " exact=" << exact << " got=" << got;
    EXPECT_LT(relativeError(got, exact), LatencyHistogram::kMaxRelativeError) << "q=" << q;
  }
  // A dense sweep guards against rank/bucket off-by-one errors that the five headline quantiles might miss.
  for (int i = 1; i < 1000; ++i) {
    const double q = i / 1000.0;
    const std::int64_t exact = exactNearestRank(sorted, q);
    const double err = relativeError(h.quantile(q), exact);
    ASSERT_LT(err, LatencyHistogram::kMaxRelativeError) << "q=" << q;
    ASSERT_LE(err, kTargetRelativeError) << "q=" << q;
  }
}

TEST(LatencyHistogram, QuantilesExponential) { checkQuantiles(Dist::Exponential, 1); }
TEST(LatencyHistogram, QuantilesLogNormal) { checkQuantiles(Dist::LogNormal, 2); }
TEST(LatencyHistogram, QuantilesWideUniform) { checkQuantiles(Dist::WideUniform, 3); }
TEST(LatencyHistogram, QuantilesLogUniform) { checkQuantiles(Dist::LogUniform, 4); }

TEST(LatencyHistogram, ErrorBoundIsUnderHalfPercent) {
  EXPECT_LE(LatencyHistogram::kMaxRelativeError, kTargetRelativeError);
  EXPECT_LE(LatencyHistogram::kBucketCount * sizeof(std::uint64_t), 64u * 1024u);
}

TEST(LatencyHistogram, SmallValuesAreExact) {
  LatencyHistogram h;
  const std::int64_t n = LatencyHistogram::kExactLimit;
  for (std::int64_t v = n - 1; v >= 0; --v) h.record(v);  // 0..255, once each
  for (std::int64_t i = 0; i < n; ++i) {
    // q in the middle of rank i+1 so that rounding in q*n cannot move the rank.
    const double q = (static_cast<double>(i) + 0.5) / static_cast<double>(n);
    EXPECT_EQ(h.quantile(q), i) << "rank " << i + 1;
  }
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), n - 1);
  EXPECT_DOUBLE_EQ(h.mean(), static_cast<double>(n - 1) / 2.0);
}

TEST(LatencyHistogram, EveryValueWithinBoundAsSingleton) {
  // Single-value histograms clamp to the value; a two-value one must place each value in its own bucket.
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const auto v = static_cast<std::int64_t>(rng() >> (1 + rng() % 63));
    LatencyHistogram h;
    h.record(0);
    h.record(v);
    h.record(std::numeric_limits<std::int64_t>::max());
    const std::int64_t got = h.quantile(0.5);
    ASSERT_LT(relativeError(got, v), LatencyHistogram::kMaxRelativeError) << "v=" << v << " got=" << got;
    ASSERT_LE(relativeError(got, v), kTargetRelativeError) << "v=" << v << " got=" << got;
  }
}

TEST(LatencyHistogram, EmptyHistogram) {
  LatencyHistogram h;
  EXPECT_TRUE(h.empty());
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), 0);
  EXPECT_EQ(h.mean(), 0.0);
  EXPECT_EQ(h.quantile(0.5), 0);
}

TEST(LatencyHistogram, RecordNEqualsRepeatedRecord) {
  LatencyHistogram a;
  LatencyHistogram b;
  for (const std::int64_t v : {5, 1000, 123456789, 7}) {
    for (int i = 0; i < 37; ++i) a.record(v);
    b.recordN(v, 37);
  }
  b.recordN(999, 0);  // no-op: must not disturb min/max
  EXPECT_EQ(a.count(), b.count());
  EXPECT_EQ(a.min(), b.min());
  EXPECT_EQ(a.max(), b.max());
  EXPECT_EQ(a.mean(), b.mean());
  for (int i = 0; i <= 100; ++i) EXPECT_EQ(a.quantile(i / 100.0), b.quantile(i / 100.0));
}

TEST(LatencyHistogram, MergeEqualsRecordingBoth) {
  const auto xs = makeSamples(Dist::Exponential, 100000, 11);
  const auto ys = makeSamples(Dist::LogUniform, 100000, 12);
  LatencyHistogram a;
  LatencyHistogram b;
  LatencyHistogram both;
  for (const auto v : xs) {
    a.record(v);
    both.record(v);
  }
  for (const auto v : ys) {
    b.record(v);
    both.record(v);
  }
  a.merge(b);
  EXPECT_EQ(a.count(), both.count());
  EXPECT_EQ(a.min(), both.min());
  EXPECT_EQ(a.max(), both.max());
  EXPECT_EQ(a.mean(), both.mean());
  for (int i = 0; i <= 1000; ++i) ASSERT_EQ(a.quantile(i / 1000.0), both.quantile(i / 1000.0)) << i;

  LatencyHistogram empty;
  a.merge(empty);
  EXPECT_EQ(a.count(), both.count());
  empty.merge(both);
  EXPECT_EQ(empty.count(), both.count());
  EXPECT_EQ(empty.min(), both.min());
  EXPECT_EQ(empty.quantile(0.99), both.quantile(0.99));
}

TEST(LatencyHistogram, ResetEmptiesAndClearsBuckets) {
  LatencyHistogram h;
  for (const auto v : makeSamples(Dist::LogUniform, 10000, 21)) h.record(v);
  h.reset();
  EXPECT_TRUE(h.empty());
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.quantile(0.5), 0);
  EXPECT_EQ(h.mean(), 0.0);

  // Leftover bucket counts would shift the ranks of the new values.
  LatencyHistogram fresh;
  for (const auto v : makeSamples(Dist::Exponential, 10000, 22)) {
    h.record(v);
    fresh.record(v);
  }
  EXPECT_EQ(h.min(), fresh.min());
  EXPECT_EQ(h.max(), fresh.max());
  for (int i = 0; i <= 100; ++i) ASSERT_EQ(h.quantile(i / 100.0), fresh.quantile(i / 100.0)) << i;
}

TEST(LatencyHistogram, ExtremeValues) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  LatencyHistogram h;
  h.record(0);
  h.record(-5);  // clamps to 0
  h.record(std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), 0);
  EXPECT_EQ(h.quantile(0.5), 0);

  h.reset();
  for (int i = 0; i < 10; ++i) h.record(kMax);
  h.recordN(kMax, 1'000'000);  // sum ~9.2e24: overflows 64 bits, not the 128-bit accumulator
  h.recordN(kMax - 1, std::numeric_limits<std::uint32_t>::max());
  EXPECT_EQ(h.max(), kMax);
  EXPECT_EQ(h.min(), kMax - 1);
  EXPECT_EQ(h.quantile(1.0), kMax);
  EXPECT_EQ(h.quantile(0.0), kMax - 1);
  const std::int64_t mid = h.quantile(0.5);
  EXPECT_GE(mid, kMax - 1);
  EXPECT_LE(mid, kMax);
  EXPECT_NEAR(h.mean(), static_cast<double>(kMax), 1e4);
  EXPECT_GT(h.mean(), 9.2e18);
}

TEST(LatencyHistogram, ExactMeanBeyondDoublePrecision) {
  // Each +1 is below half an ulp of 2^60, so a double running sum would drop all of them.
  LatencyHistogram h;
  h.record(std::int64_t{1} << 60);
  h.recordN(1, 1000);
  for (int i = 0; i < 1000; ++i) h.record(1);
  const long double exactSum = 0x1.0p60L + 2000.0L;
  EXPECT_EQ(h.mean(), static_cast<double>(exactSum / 2001.0L));
  EXPECT_NE(h.mean(), 0x1.0p60 / 2001.0);
}

// ---------------------------------------------------------------------------------------------------------------

struct TwoPass {
  double mean;
  double variance;  // population
};

TwoPass twoPass(const std::vector<double>& xs) {
  long double sum = 0;
  for (const double x : xs) sum += x;
  const long double mean = sum / static_cast<long double>(xs.size());
  long double ss = 0;
  for (const double x : xs) ss += (x - mean) * (x - mean);
  return {static_cast<double>(mean), static_cast<double>(ss / static_cast<long double>(xs.size()))};
}

std::vector<double> offsetNormalSamples(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> xs;
  xs.reserve(n);
  // A large offset relative to the spread is where naive sum-of-squares cancels catastrophically.
  for (std::size_t i = 0; i < n; ++i) xs.push_back(1e9 + 3.0 * standardNormal(rng));
  return xs;
}

TEST(LatencyHistogram, MemoryFollowsTheSpreadOfMagnitudesNotTheCount) {
  // Idle: nothing but the table of ranges.
  LatencyHistogram h;
  EXPECT_EQ(h.allocatedBytes(), 0u);
  EXPECT_EQ(h.quantile(0.99), 0);
  // A million values between 2^20 and 2^23 ns (about 1 to 8 ms: three powers of two) take
  // three 1 KiB ranges.
  for (std::int64_t i = 0; i < 1'000'000; ++i) h.record((std::int64_t{1} << 20) + i * 7);
  EXPECT_EQ(h.allocatedBytes(), 3u * 128u * 8u);
  const std::size_t warm = h.allocatedBytes();
  h.reset();
  for (int i = 0; i < 1000; ++i) h.record(2'000'000);
  EXPECT_EQ(h.allocatedBytes(), warm);  // kept across reset: no allocation once warm
  // A copy and a merge see the same buckets, quantiles to the nanosecond.
  LatencyHistogram copy = h;
  EXPECT_EQ(copy.quantile(0.5), h.quantile(0.5));
  LatencyHistogram sparse;
  sparse.record(5);
  sparse.record(std::int64_t{1} << 40);
  sparse.merge(h);
  EXPECT_EQ(sparse.count(), 1002u);
  // The same bucket; only its reported midpoint is no longer clamped to a single value.
  EXPECT_NEAR(static_cast<double>(sparse.quantile(0.5)), 2e6, 2e6 * LatencyHistogram::kMaxRelativeError);
  EXPECT_EQ(sparse.quantile(1.0), std::int64_t{1} << 40);
  EXPECT_EQ(sparse.quantile(0.0), 5);
}

TEST(RunningStats, MatchesTwoPass) {
  const auto xs = offsetNormalSamples(200000, 31);
  RunningStats s;
  for (const double x : xs) s.add(x);
  const TwoPass ref = twoPass(xs);
  EXPECT_EQ(s.count(), xs.size());
  EXPECT_NEAR(s.mean(), ref.mean, 1e-12 * ref.mean);
  EXPECT_NEAR(s.variance(), ref.variance, 1e-6 * ref.variance);
  EXPECT_NEAR(s.sampleVariance(), ref.variance * 200000.0 / 199999.0, 1e-6 * ref.variance);
  EXPECT_NEAR(s.stddev(), std::sqrt(ref.variance), 1e-6);
  EXPECT_EQ(s.min(), *std::min_element(xs.begin(), xs.end()));
  EXPECT_EQ(s.max(), *std::max_element(xs.begin(), xs.end()));
}

TEST(RunningStats, SmallHandComputed) {
  RunningStats s;
  for (const double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) s.add(x);
  EXPECT_DOUBLE_EQ(s.mean(), 5.0);
  EXPECT_DOUBLE_EQ(s.variance(), 4.0);
  EXPECT_DOUBLE_EQ(s.stddev(), 2.0);
  EXPECT_DOUBLE_EQ(s.sampleVariance(), 32.0 / 7.0);
  EXPECT_DOUBLE_EQ(s.sum(), 40.0);
  EXPECT_EQ(s.min(), 2.0);
  EXPECT_EQ(s.max(), 9.0);
  s.reset();
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s.mean(), 0.0);
  EXPECT_EQ(s.variance(), 0.0);
  EXPECT_EQ(s.min(), 0.0);
  EXPECT_EQ(s.max(), 0.0);
}

TEST(RunningStats, MergeEqualsSequential) {
  const auto xs = offsetNormalSamples(100000, 32);
  RunningStats sequential;
  for (const double x : xs) sequential.add(x);

  // Uneven chunks, including an empty one, merged in order.
  const std::array<std::size_t, 6> cuts{0, 1, 17, 17, 40000, xs.size()};
  RunningStats merged;
  for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
    RunningStats part;
    for (std::size_t i = cuts[c]; i < cuts[c + 1]; ++i) part.add(xs[i]);
    merged.merge(part);
  }
  EXPECT_EQ(merged.count(), sequential.count());
  EXPECT_NEAR(merged.mean(), sequential.mean(), 1e-12 * sequential.mean());
  EXPECT_NEAR(merged.variance(), sequential.variance(), 1e-9 * sequential.variance());
  EXPECT_NEAR(merged.sum(), sequential.sum(), 1e-12 * sequential.sum());
  EXPECT_EQ(merged.min(), sequential.min());
  EXPECT_EQ(merged.max(), sequential.max());

  // Self-merge doubles the sample without changing mean or variance.
  RunningStats self = sequential;
  self.merge(self);
  EXPECT_EQ(self.count(), 2 * sequential.count());
  EXPECT_NEAR(self.mean(), sequential.mean(), 1e-12 * sequential.mean());
  EXPECT_NEAR(self.variance(), sequential.variance(), 1e-9 * sequential.variance());
}

// ---------------------------------------------------------------------------------------------------------------

TEST(TimeWeightedValue, HandComputedScenario) {
  TimeWeightedValue tw;
  tw.start(0, 0.0);
  tw.set(2 * kSecond, 3.0);
  tw.set(3 * kSecond, 1.0);
  EXPECT_EQ(tw.mean(4 * kSecond), 1.0);
  EXPECT_EQ(tw.integral(4 * kSecond), 4.0);
  EXPECT_EQ(tw.max(), 3.0);
  EXPECT_EQ(tw.level(), 1.0);
  TimeWeightedValue fresh;
  fresh.start(5 * kSecond, 7.0);
  EXPECT_EQ(fresh.mean(5 * kSecond), 0.0);  // nothing elapsed
  EXPECT_EQ(fresh.mean(6 * kSecond), 7.0);

  // Same scenario through add(), with a zero-length blip that must not count.
  TimeWeightedValue viaAdd;
  viaAdd.start(0, 0.0);
  viaAdd.add(2 * kSecond, 3.0);
  viaAdd.add(3 * kSecond, 100.0);
  viaAdd.add(3 * kSecond, -102.0);
  EXPECT_EQ(viaAdd.mean(4 * kSecond), 1.0);
  EXPECT_EQ(viaAdd.max(), 103.0);
}

TEST(TimeWeightedValue, ResetMidway) {
  TimeWeightedValue tw;
  tw.start(0, 5.0);
  tw.set(1 * kSecond, 2.0);
  tw.reset(2 * kSecond);  // keeps level 2, forgets the 5
  EXPECT_EQ(tw.level(), 2.0);
  EXPECT_EQ(tw.max(), 2.0);
  EXPECT_EQ(tw.startTime(), 2 * kSecond);
  EXPECT_EQ(tw.mean(2 * kSecond), 0.0);
  tw.set(3 * kSecond, 4.0);
  // [2,3): 2, [3,5): 4 -> integral 10 over 3 s
  EXPECT_EQ(tw.integral(5 * kSecond), 10.0);
  EXPECT_DOUBLE_EQ(tw.mean(5 * kSecond), 10.0 / 3.0);
  EXPECT_EQ(tw.max(), 4.0);

  tw.start(10 * kSecond, 0.5);  // start() replaces the level too
  EXPECT_EQ(tw.level(), 0.5);
  EXPECT_EQ(tw.max(), 0.5);
  EXPECT_EQ(tw.mean(12 * kSecond), 0.5);
}

TEST(TimeWeightedValue, IntegerLevelsExactOverLongHorizon) {
  std::mt19937_64 rng(41);
  TimeWeightedValue tw;
  tw.start(0, 0.0);
  __extension__ using Int128 = __int128;
  Int128 exact = 0;
  std::int64_t level = 0;
  SimTime t = 0;
  while (t < 1'000'000'000'000) {  // 1e12 ns with ~1e6 level changes
    const auto dt = static_cast<SimTime>(rng() % 2'000'000);
    exact += static_cast<Int128>(level) * dt;
    t += dt;
    level = static_cast<std::int64_t>(rng() % 1000);
    tw.set(t, static_cast<double>(level));
  }
  const double expected = static_cast<double>(static_cast<long double>(exact) / static_cast<long double>(t));
  EXPECT_EQ(tw.mean(t), expected);
}

TEST(TimeWeightedValue, FractionalLevelsAccurate) {
  std::mt19937_64 rng(42);
  TimeWeightedValue tw;
  tw.start(0, 0.1);
  // Reference: a plain long double sum (error ~1e-17 relative here). A naive double accumulator drifts by
  // ~1e-13 over a million segments and would miss the 1e-15 tolerance.
  long double reference = 0;
  double level = 0.1;
  SimTime t = 0;
  for (int i = 0; i < 1'000'000; ++i) {
    const auto dt = static_cast<SimTime>(1 + rng() % 2'000'000);
    reference += static_cast<long double>(level) * static_cast<long double>(dt);
    t += dt;
    level = 0.1 + static_cast<double>(rng() % 1000) / 7.0;
    tw.set(t, level);
  }
  const double expected = static_cast<double>(reference / 1e9L);
  EXPECT_NEAR(tw.integral(t), expected, 1e-15 * expected);
  const double expectedMean = static_cast<double>(reference / static_cast<long double>(t));
  EXPECT_NEAR(tw.mean(t), expectedMean, 1e-15 * expectedMean);
  EXPECT_GT(t, 900'000'000'000);
}

// ---------------------------------------------------------------------------------------------------------------

TEST(TimeSeries, AppendAndReadBack) {
  TimeSeries ts({"queue", "busy"});
  EXPECT_EQ(ts.columnCount(), 2u);
  EXPECT_EQ(ts.rowCount(), 0u);
  ts.reserve(4);
  ts.append(0, {1.0, 2.0});
  const std::array<double, 2> row2{3.5, -4.0};
  ts.append(kSecond, row2);
  EXPECT_EQ(ts.rowCount(), 2u);
  EXPECT_EQ(ts.time(1), kSecond);
  EXPECT_EQ(ts.value(0, 1), 2.0);
  EXPECT_EQ(ts.value(1, 0), 3.5);
  EXPECT_EQ(ts.row(1)[1], -4.0);
  EXPECT_EQ(ts.columnIndex("busy"), std::optional<std::size_t>(1));
  EXPECT_EQ(ts.columnIndex("nope"), std::nullopt);
  EXPECT_EQ(ts.columns()[0], "queue");
  ts.clear();
  EXPECT_EQ(ts.rowCount(), 0u);
  EXPECT_EQ(ts.columnCount(), 2u);
}

TEST(TimeSeries, CsvExact) {
  TimeSeries ts({"a", "b"});
  ts.append(0, {1.0, 2.5});
  ts.append(1'500'000'000, {std::numeric_limits<double>::quiet_NaN(), -3.0});
  ts.append(1, {1e-5, 0.1});
  ts.append(123'456'789'012, {1e21, 1.0 / 3.0});
  ts.append(-2 * kSecond, {0.0, 100.0});
  std::ostringstream out;
  ts.writeCsv(out);
  EXPECT_EQ(out.str(),
            "time_s,a,b\n"
            "0,1,2.5\n"
            "1.5,,-3\n"
            "0.000000001,1e-05,0.1\n"
            "123.456789012,1e+21,0.3333333333333333\n"
            "-2,0,100\n");
}

TEST(TimeSeries, CsvQuoting) {
  TimeSeries ts({"plain", "a,b", "say \"hi\""});
  ts.append(kMillisecond, {1.0, 2.0, 3.0});
  std::ostringstream out;
  ts.writeCsv(out);
  EXPECT_EQ(out.str(),
            "time_s,plain,\"a,b\",\"say \"\"hi\"\"\"\n"
            "0.001,1,2,3\n");
}

#ifndef NDEBUG
TEST(TimeSeriesDeathTest, AppendWrongWidthAsserts) {
  TimeSeries ts({"a", "b"});
  EXPECT_DEATH(ts.append(0, {1.0}), "one value per column");
}
#endif

}  // namespace
}  // namespace pillars
