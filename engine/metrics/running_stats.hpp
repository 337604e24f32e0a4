#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace pillars {

/// Streaming count/mean/variance/min/max/sum of doubles in O(1) memory (Welford updates, Chan et al. merging).
///
/// Welford's update avoids the catastrophic cancellation of the sum-of-squares formula when the mean is large
/// relative to the spread (e.g. timestamps or latencies with a big offset).
class RunningStats {
public:
  void add(double x) {
    ++m_count;
    const double delta = x - m_mean;
    m_mean += delta / static_cast<double>(m_count);
    m_m2 += delta * (x - m_mean);
    m_sum += x;
    if (x < m_min) m_min = x;
    if (x > m_max) m_max = x;
  }

  /// Combines another stream's statistics; equals adding its values here (up to rounding).
  void merge(const RunningStats& other) {
    if (other.m_count == 0) return;
    if (m_count == 0) {
      *this = other;
      return;
    }
    const RunningStats b = other;  // copy so that merging with oneself reads unmodified values
    const double n1 = static_cast<double>(m_count);
    const double n2 = static_cast<double>(b.m_count);
    const double n = n1 + n2;
    const double delta = b.m_mean - m_mean;
    m_mean += delta * (n2 / n);
    m_m2 += b.m_m2 + delta * delta * (n1 * n2 / n);
    m_count += b.m_count;
    m_sum += b.m_sum;
    if (b.m_min < m_min) m_min = b.m_min;
    if (b.m_max > m_max) m_max = b.m_max;
  }

  void reset() { *this = RunningStats{}; }

  std::uint64_t count() const { return m_count; }
  bool empty() const { return m_count == 0; }
  double sum() const { return m_sum; }
  /// 0 when empty.
  double mean() const { return m_mean; }
  /// Population variance (divides by n); 0 when empty.
  double variance() const { return m_count == 0 ? 0.0 : m_m2 / static_cast<double>(m_count); }
  /// Unbiased sample variance (divides by n - 1); 0 with fewer than two values.
  double sampleVariance() const { return m_count < 2 ? 0.0 : m_m2 / static_cast<double>(m_count - 1); }
  double stddev() const { return std::sqrt(variance()); }
  double sampleStddev() const { return std::sqrt(sampleVariance()); }
  /// 0 when empty.
  double min() const { return m_count == 0 ? 0.0 : m_min; }
  /// 0 when empty.
  double max() const { return m_count == 0 ? 0.0 : m_max; }

private:
  std::uint64_t m_count = 0;
  double m_mean = 0.0;
  double m_m2 = 0.0;  // sum of squared deviations from the running mean
  double m_sum = 0.0;
  double m_min = std::numeric_limits<double>::infinity();
  double m_max = -std::numeric_limits<double>::infinity();
};

}  // namespace pillars
