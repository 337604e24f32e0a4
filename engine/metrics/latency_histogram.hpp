#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>

namespace pillars {

/// Log-linear histogram of non-negative int64 values (nanoseconds): O(1) recording that allocates nothing once warm.
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
/// Memory follows use, so idle and lightly used components stay cheap (a design of 10,000 services fits):
///  - the first kInline values are kept as they are, in a buffer inside the object (256 bytes); quantiles are read
///    off them exactly as the buckets would report them;
///  - past that, values are counted in buckets, and each of the (64 - kSubBucketBits) = 57 power-of-two ranges is
///    allocated (128 counters, 1 KiB) the first time a value falls in it, then kept, also across reset(). Latencies
///    between 1 ms and 1 s take about ten ranges. Memory never grows with the number of values, only with the
///    spread of their magnitudes, at most 57 KiB.
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
  /// Values kept as they are before the buckets are used.
  static constexpr std::size_t kInline = 32;

  LatencyHistogram() = default;
  LatencyHistogram(const LatencyHistogram& other);
  LatencyHistogram& operator=(const LatencyHistogram& other);
  LatencyHistogram(LatencyHistogram&&) noexcept = default;
  LatencyHistogram& operator=(LatencyHistogram&&) noexcept = default;

  /// Hot path: a store or a bucket increment plus exact count/sum/min/max updates. Negative values clamp to 0.
  void record(std::int64_t value) {
    const std::int64_t v = value < 0 ? 0 : value;
    if (m_bucketed) [[likely]] {
      ++counter(bucketIndex(static_cast<std::uint64_t>(v)));
    } else if (m_count < kInline) {
      m_inline[m_count] = v;
    } else {
      useBuckets();
      ++counter(bucketIndex(static_cast<std::uint64_t>(v)));
    }
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
  /// How many values lie in buckets above `threshold`'s bucket: the values above `threshold`, to
  /// the bucket resolution quantile() reports at (exact below kExactLimit). A latency objective
  /// reads it: p99 <= T holds exactly when at most count() - ceil(0.99 count()) values are above T.
  std::uint64_t countAbove(std::int64_t threshold) const;

  /// Adds all of `other`'s values; the result equals recording both streams into one histogram.
  void merge(const LatencyHistogram& other);
  /// Forgets all values; keeps the allocation. Cost is proportional to the bucket range actually used.
  void reset();
  /// Bytes of bucket counters allocated so far (for memory accounting); 0 while the inline buffer suffices.
  std::size_t allocatedBytes() const;

private:
  // Unsigned 128-bit sum: up to 2^64 values of up to 2^63 each cannot overflow it, so mean() stays exact.
  __extension__ using Sum = unsigned __int128;
  static constexpr std::size_t kRangeCount = kBucketCount >> kSubBucketBits;

  static std::size_t bucketIndex(std::uint64_t v) {
    // OR-ing in kSubBucketCount gives values below 2^k the same zero shift as [2^k, 2^(k+1)), so one
    // branch-free formula covers the exact region and every log-linear range.
    const int shift = static_cast<int>(std::bit_width(v | kSubBucketCount)) - 1 - kSubBucketBits;
    return (static_cast<std::size_t>(shift) << kSubBucketBits) + static_cast<std::size_t>(v >> shift);
  }
  static std::int64_t bucketMidpoint(std::size_t index);
  /// The rank ceil(q * count) of a quantile, in [1, count].
  static std::uint64_t rankOf(double q, std::uint64_t count);

  /// The counter of bucket `index`, its range allocated (zeroed) on first use.
  std::uint64_t& counter(std::size_t index) {
    std::uint64_t* range = m_ranges[index >> kSubBucketBits].get();
    if (!range) [[unlikely]] range = allocateRange(index >> kSubBucketBits);
    return range[index & (kSubBucketCount - 1)];
  }
  /// The count in bucket `index`, 0 where its range was never allocated.
  std::uint64_t countAt(std::size_t index) const {
    const std::uint64_t* range = m_ranges[index >> kSubBucketBits].get();
    return range ? range[index & (kSubBucketCount - 1)] : 0;
  }
  std::uint64_t* allocateRange(std::size_t range);
  /// Moves the inline values into buckets; from now on every value is counted there.
  void useBuckets();

  bool m_bucketed = false;
  std::array<std::int64_t, kInline> m_inline{};  // the first m_count values, while !m_bucketed
  // uint64 counters: recordN and long runs can exceed 2^32 in one bucket.
  std::array<std::unique_ptr<std::uint64_t[]>, kRangeCount> m_ranges;
  std::uint64_t m_count = 0;
  Sum m_sum = 0;
  std::int64_t m_min = std::numeric_limits<std::int64_t>::max();
  std::int64_t m_max = 0;
};

}  // namespace pillars
