#include "engine/metrics/latency_histogram.hpp"

#include <algorithm>
#include <cmath>

namespace pillars {

static_assert(LatencyHistogram::kMaxRelativeError <= 0.005, "sub-buckets too coarse for the 0.5% target");

LatencyHistogram::LatencyHistogram() : m_counts(kBucketCount, 0) {}

void LatencyHistogram::recordN(std::int64_t value, std::uint64_t count) {
  if (count == 0) return;
  const std::int64_t v = value < 0 ? 0 : value;
  m_counts[bucketIndex(static_cast<std::uint64_t>(v))] += count;
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

std::int64_t LatencyHistogram::quantile(double q) const {
  if (m_count == 0) return 0;
  if (!(q > 0.0)) return m_min;
  if (q >= 1.0) return m_max;
  // Rank in double arithmetic on purpose: it matches how callers compute ceil(q*n) for decimal q such as 0.9,
  // where extended precision would expose q's binary representation error and skip to the next rank.
  const double rankReal = std::ceil(q * static_cast<double>(m_count));
  std::uint64_t rank = 1;
  if (rankReal >= static_cast<double>(m_count)) {
    rank = m_count;
  } else if (rankReal > 1.0) {
    rank = static_cast<std::uint64_t>(rankReal);
  }

  // Every non-empty bucket lies between min's and max's buckets (bucketIndex is monotonic).
  const std::size_t first = bucketIndex(static_cast<std::uint64_t>(m_min));
  const std::size_t last = bucketIndex(static_cast<std::uint64_t>(m_max));
  std::uint64_t seen = 0;
  for (std::size_t i = first; i <= last; ++i) {
    seen += m_counts[i];
    if (seen >= rank) return std::clamp(bucketMidpoint(i), m_min, m_max);
  }
  return m_max;  // unreachable while the counts are consistent with m_count
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.m_count == 0) return;
  const std::size_t first = bucketIndex(static_cast<std::uint64_t>(other.m_min));
  const std::size_t last = bucketIndex(static_cast<std::uint64_t>(other.m_max));
  for (std::size_t i = first; i <= last; ++i) m_counts[i] += other.m_counts[i];
  m_count += other.m_count;
  m_sum += other.m_sum;
  m_min = std::min(m_min, other.m_min);
  m_max = std::max(m_max, other.m_max);
}

void LatencyHistogram::reset() {
  if (m_count != 0) {
    const auto first = static_cast<std::ptrdiff_t>(bucketIndex(static_cast<std::uint64_t>(m_min)));
    const auto last = static_cast<std::ptrdiff_t>(bucketIndex(static_cast<std::uint64_t>(m_max)));
    std::fill(m_counts.begin() + first, m_counts.begin() + last + 1, std::uint64_t{0});
  }
  m_count = 0;
  m_sum = 0;
  m_min = std::numeric_limits<std::int64_t>::max();
  m_max = 0;
}

}  // namespace pillars
