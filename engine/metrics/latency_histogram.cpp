#include "engine/metrics/latency_histogram.hpp"

#include <algorithm>
#include <cmath>

namespace pillars {

static_assert(LatencyHistogram::kMaxRelativeError <= 0.005, "sub-buckets too coarse for the 0.5% target");

LatencyHistogram::LatencyHistogram(const LatencyHistogram& other) { *this = other; }

LatencyHistogram& LatencyHistogram::operator=(const LatencyHistogram& other) {
  if (this == &other) return *this;
  for (std::size_t r = 0; r < kRangeCount; ++r) {
    if (!other.m_ranges[r]) {
      m_ranges[r].reset();
      continue;
    }
    if (!m_ranges[r]) m_ranges[r] = std::make_unique<std::uint64_t[]>(kSubBucketCount);
    std::copy_n(other.m_ranges[r].get(), kSubBucketCount, m_ranges[r].get());
  }
  m_bucketed = other.m_bucketed;
  m_inline = other.m_inline;
  m_count = other.m_count;
  m_sum = other.m_sum;
  m_min = other.m_min;
  m_max = other.m_max;
  return *this;
}

std::uint64_t* LatencyHistogram::allocateRange(std::size_t range) {
  m_ranges[range] = std::make_unique<std::uint64_t[]>(kSubBucketCount);  // value-initialised: zeros
  return m_ranges[range].get();
}

void LatencyHistogram::useBuckets() {
  if (m_bucketed) return;
  const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(m_count, kInline));
  for (std::size_t i = 0; i < n; ++i) ++counter(bucketIndex(static_cast<std::uint64_t>(m_inline[i])));
  m_bucketed = true;
}

std::size_t LatencyHistogram::allocatedBytes() const {
  std::size_t bytes = 0;
  for (const auto& r : m_ranges) bytes += r ? kSubBucketCount * sizeof(std::uint64_t) : 0;
  return bytes;
}

void LatencyHistogram::recordN(std::int64_t value, std::uint64_t count) {
  if (count == 0) return;
  const std::int64_t v = value < 0 ? 0 : value;
  if (!m_bucketed && m_count + count <= kInline) {
    for (std::uint64_t i = 0; i < count; ++i) m_inline[m_count + i] = v;
  } else {
    useBuckets();
    counter(bucketIndex(static_cast<std::uint64_t>(v))) += count;
  }
  m_count += count;
  m_sum += static_cast<Sum>(static_cast<std::uint64_t>(v)) * count;
  m_min = std::min(m_min, v);
  m_max = std::max(m_max, v);
}

double LatencyHistogram::mean() const {
  if (m_count == 0) return 0.0;
  return static_cast<double>(static_cast<long double>(m_sum) / static_cast<long double>(m_count));
}

std::int64_t LatencyHistogram::bucketMidpoint(std::size_t index) {
  // Inverse of bucketIndex(): the first two groups of 2^k buckets have unit width, group g >= 2 has width 2^(g-1).
  const std::size_t group = index >> kSubBucketBits;
  const int shift = group == 0 ? 0 : static_cast<int>(group) - 1;
  const std::uint64_t lower = (static_cast<std::uint64_t>(index) - (static_cast<std::uint64_t>(shift) << kSubBucketBits))
                              << shift;
  const std::uint64_t width = std::uint64_t{1} << shift;
  // Rounding the midpoint down keeps the error relative to the (smaller) low end below the bound too.
  return static_cast<std::int64_t>(lower + (width - 1) / 2);
}

std::uint64_t LatencyHistogram::rankOf(double q, std::uint64_t count) {
  // Rank in double arithmetic on purpose: it matches how callers compute ceil(q*n) for decimal q such as 0.9,
  // where extended precision would expose q's binary representation error and skip to the next rank.
  const double rankReal = std::ceil(q * static_cast<double>(count));
  if (rankReal >= static_cast<double>(count)) return count;
  if (rankReal > 1.0) return static_cast<std::uint64_t>(rankReal);
  return 1;
}

std::int64_t LatencyHistogram::quantile(double q) const {
  if (m_count == 0) return 0;
  if (!(q > 0.0)) return m_min;
  if (q >= 1.0) return m_max;
  const std::uint64_t rank = rankOf(q, m_count);
  if (!m_bucketed) {
    // The nearest-rank value itself, reported as its bucket would report it.
    std::array<std::int64_t, kInline> sorted = m_inline;
    const auto end = sorted.begin() + static_cast<std::ptrdiff_t>(m_count);
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(rank - 1), end);
    const std::int64_t v = sorted[rank - 1];
    return std::clamp(bucketMidpoint(bucketIndex(static_cast<std::uint64_t>(v))), m_min, m_max);
  }
  // Every non-empty bucket lies between min's and max's buckets (bucketIndex is monotonic).
  const std::size_t first = bucketIndex(static_cast<std::uint64_t>(m_min));
  const std::size_t last = bucketIndex(static_cast<std::uint64_t>(m_max));
  std::uint64_t seen = 0;
  for (std::size_t i = first; i <= last; ++i) {
    if (!m_ranges[i >> kSubBucketBits]) {
      i |= kSubBucketCount - 1;  // a range never touched holds nothing: skip it whole
      continue;
    }
    seen += countAt(i);
    if (seen >= rank) return std::clamp(bucketMidpoint(i), m_min, m_max);
  }
  return m_max;  // unreachable while the counts are consistent with m_count
}

std::uint64_t LatencyHistogram::countAbove(std::int64_t threshold) const {
  if (m_count == 0 || threshold < 0) return threshold < 0 ? m_count : 0;
  const std::size_t limit = bucketIndex(static_cast<std::uint64_t>(threshold));
  std::uint64_t above = 0;
  if (!m_bucketed) {
    for (std::size_t i = 0; i < m_count; ++i) {
      if (bucketIndex(static_cast<std::uint64_t>(m_inline[i])) > limit) ++above;
    }
    return above;
  }
  const std::size_t last = bucketIndex(static_cast<std::uint64_t>(m_max));
  for (std::size_t i = std::max(limit + 1, bucketIndex(static_cast<std::uint64_t>(m_min))); i <= last; ++i) {
    if (!m_ranges[i >> kSubBucketBits]) {
      i |= kSubBucketCount - 1;  // a range never touched holds nothing: skip it whole
      continue;
    }
    above += countAt(i);
  }
  return above;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.m_count == 0) return;
  if (!other.m_bucketed) {
    for (std::size_t i = 0; i < other.m_count; ++i) record(other.m_inline[i]);
    return;
  }
  useBuckets();
  const std::size_t first = bucketIndex(static_cast<std::uint64_t>(other.m_min));
  const std::size_t last = bucketIndex(static_cast<std::uint64_t>(other.m_max));
  for (std::size_t i = first; i <= last; ++i) {
    if (!other.m_ranges[i >> kSubBucketBits]) {
      i |= kSubBucketCount - 1;
      continue;
    }
    if (const std::uint64_t n = other.countAt(i)) counter(i) += n;
  }
  m_count += other.m_count;
  m_sum += other.m_sum;
  m_min = std::min(m_min, other.m_min);
  m_max = std::max(m_max, other.m_max);
}

void LatencyHistogram::reset() {
  // A histogram that needed its buckets once keeps them (and counts in them): it will again.
  if (m_bucketed && m_count != 0) {
    const std::size_t first = bucketIndex(static_cast<std::uint64_t>(m_min)) >> kSubBucketBits;
    const std::size_t last = bucketIndex(static_cast<std::uint64_t>(m_max)) >> kSubBucketBits;
    for (std::size_t r = first; r <= last; ++r) {
      if (m_ranges[r]) std::fill_n(m_ranges[r].get(), kSubBucketCount, std::uint64_t{0});
    }
  }
  m_count = 0;
  m_sum = 0;
  m_min = std::numeric_limits<std::int64_t>::max();
  m_max = 0;
}

}  // namespace pillars
