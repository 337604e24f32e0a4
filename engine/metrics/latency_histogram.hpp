#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace pillars {

/// Fixed-memory log-linear histogram of non-negative int64 values (nanoseconds): O(1), allocation-free recording.
///
/// Layout (the idea behind HdrHistogram): values below 2^(kSubBucketBits+1) = 256 get one bucket each and are
/// recorded exactly. Every higher power-of-two range [2^m, 2^(m+1)) is split into 2^kSubBucketBits = 128 equal
/// sub-buckets of width 2^(m-kSubBucketBits), so a bucket is never wider than 1/128 of its lower bound.
///
/// Error bound: a quantile is reported as the midpoint of the bucket holding the nearest-rank value (then clamped
/// into [min, max]), so it differs from the exact nearest-rank quantile by less than half a bucket width, i.e.
/// a relative error < 2^-(kSubBucketBits+1) = 1/256 ~= 0.39% (kMaxRelativeError), with margin under the 1% the
/// product promises. count(), min(), max() and mean() are exact.
///
/// Memory: (64 - kSubBucketBits) * 2^kSubBucketBits = 7296 uint64 counters (57 KiB), allocated once in the
/// constructor and covering the whole int64 range, so memory never grows with the number of recorded values.
class LatencyHistogram {
public:
  /// log2 of the number of linear sub-buckets per power-of-two range; 7 is the smallest value meeting 0.5%.
  static constexpr int kSubBucketBits = 7;
  static constexpr std::uint64_t kSubBucketCount = std::uint64_t{1} << kSubBucketBits;
  /// Values in [0, kExactLimit) are stored in a bucket of their own and reported exactly.
  static constexpr std::int64_t kExactLimit = std::int64_t{1} << (kSubBucketBits + 1);
  static constexpr std::size_t kBucketCount = static_cast<std::size_t>(64 - kSubBucketBits) << kSubBucketBits;
  /// Strict upper bound on the relative error of quantile() versus the exact nearest-rank quantile.
  static constexpr double kMaxRelativeError = 1.0 / static_cast<double>(kSubBucketCount * 2);

  LatencyHistogram();

  /// Hot path: a bucket increment plus exact count/sum/min/max updates; never allocates. Negative values clamp to 0.
  void record(std::int64_t value) {
    const std::int64_t v = value < 0 ? 0 : value;
    ++m_counts[bucketIndex(static_cast<std::uint64_t>(v))];
    ++m_count;
    m_sum += static_cast<std::uint64_t>(v);
    if (v < m_min) m_min = v;
    if (v > m_max) m_max = v;
  }

  /// Records `value` `count` times (count 0 is a no-op).
  void recordN(std::int64_t value, std::uint64_t count);

  std::uint64_t count() const { return m_count; }
  bool empty() const { return m_count == 0; }
  /// Exact smallest recorded value; 0 when empty.
  std::int64_t min() const { return m_count == 0 ? 0 : m_min; }
  /// Exact largest recorded value; 0 when empty.
  std::int64_t max() const { return m_count == 0 ? 0 : m_max; }
  /// Exact arithmetic mean (128-bit integer sum, one rounding at the end); 0 when empty.
  double mean() const;

  /// Nearest-rank quantile: the smallest recorded v with at least ceil(q*count) values <= v, reported as its bucket
  /// midpoint clamped into [min, max] (see the error bound above). q <= 0 (or NaN) returns min(), q >= 1 returns
  /// max(), both exact; an empty histogram returns 0.
  std::int64_t quantile(double q) const;

  /// Adds all of `other`'s values; the result equals recording both streams into one histogram.
  void merge(const LatencyHistogram& other);
  /// Forgets all values; keeps the allocation. Cost is proportional to the bucket range actually used.
  void reset();

private:
  // Unsigned 128-bit sum: up to 2^64 values of up to 2^63 each cannot overflow it, so mean() stays exact.
  __extension__ using Sum = unsigned __int128;

  static std::size_t bucketIndex(std::uint64_t v) {
    // OR-ing in kSubBucketCount gives values below 2^k the same zero shift as [2^k, 2^(k+1)), so one
    // branch-free formula covers the exact region and every log-linear range.
    const int shift = static_cast<int>(std::bit_width(v | kSubBucketCount)) - 1 - kSubBucketBits;
    return (static_cast<std::size_t>(shift) << kSubBucketBits) + static_cast<std::size_t>(v >> shift);
  }
  static std::int64_t bucketMidpoint(std::size_t index);

  std::vector<std::uint64_t> m_counts;  // uint64: recordN and long runs can exceed 2^32 in one bucket
  std::uint64_t m_count = 0;
  Sum m_sum = 0;
  std::int64_t m_min = std::numeric_limits<std::int64_t>::max();
  std::int64_t m_max = 0;
};

}  // namespace pillars
