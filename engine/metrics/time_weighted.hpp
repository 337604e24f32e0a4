#pragma once

#include <cassert>
#include <cmath>
#include <cstdint>

#include "engine/sim/time.hpp"

namespace pillars {

/// Time integral and time-weighted mean of a piecewise-constant level (queue length, busy workers, ...).
///
/// Accuracy: while the level is an integer of magnitude <= 2^53 (the common case: counts), each closed segment adds
/// level × ns to a 128-bit integer accumulator, which is exact and cannot overflow (|level| × total ns < 2^116).
/// Fractional levels go to a separate long double accumulator with Neumaier compensation, whose error stays at
/// a few units of 2^-64 relative no matter how many segments are added. Results are rounded once at the end,
/// so relative accuracy is far better than 1e-12 over 1e12 ns and beyond.
///
/// A default-constructed value behaves as if start(0, 0.0) had been called.
class TimeWeightedValue {
public:
  /// Restarts the integral at `now` with the given level.
  void start(SimTime now, double level) {
    setLevel(level);
    reset(now);
  }

  /// Restarts the integral (and max) at `now`, keeping the current level.
  void reset(SimTime now) {
    m_start = now;
    m_last = now;
    m_exactNs = 0;
    m_inexactNs = 0.0L;
    m_compensation = 0.0L;
    m_max = m_level;
  }

  /// The level changes to `newLevel` at `now` (now must not precede the previous change).
  void set(SimTime now, double newLevel) {
    closeSegment(now);
    setLevel(newLevel);
    if (newLevel > m_max) m_max = newLevel;
  }

  void add(SimTime now, double delta) { set(now, m_level + delta); }

  double level() const { return m_level; }
  /// Largest level held since the last start()/reset().
  double max() const { return m_max; }
  SimTime startTime() const { return m_start; }

  /// Integral of the level over [start, now], in level × seconds. `now` must not precede the last change.
  double integral(SimTime now) const { return static_cast<double>(integralNs(now) / 1e9L); }

  /// Time-weighted mean level over [start, now]; 0 if no time has elapsed.
  double mean(SimTime now) const {
    const SimTime elapsed = now - m_start;
    if (elapsed <= 0) return 0.0;
    return static_cast<double>(integralNs(now) / static_cast<long double>(elapsed));
  }

private:
  __extension__ using Int128 = __int128;
  static constexpr double kMaxExactLevel = 9007199254740992.0;  // 2^53: every integer up to here is a double

  void setLevel(double level) {
    m_level = level;
    // The cast is only reached inside the int64 range; NaN fails the comparison and takes the inexact path.
    m_levelIsInteger = std::fabs(level) <= kMaxExactLevel &&
                       static_cast<double>(static_cast<std::int64_t>(level)) == level;
    m_levelInt = m_levelIsInteger ? static_cast<std::int64_t>(level) : 0;
  }

  void closeSegment(SimTime now) {
    assert(now >= m_last && "TimeWeightedValue: time went backwards");
    const SimTime dt = now - m_last;
    if (dt <= 0) return;
    if (m_levelIsInteger) {
      m_exactNs += static_cast<Int128>(m_levelInt) * dt;
    } else {
      addInexact(static_cast<long double>(m_level) * static_cast<long double>(dt));
    }
    m_last = now;
  }

  void addInexact(long double x) {
    // Neumaier's variant of Kahan summation: also correct when x is larger than the running sum.
    const long double t = m_inexactNs + x;
    if (std::fabs(m_inexactNs) >= std::fabs(x)) {
      m_compensation += (m_inexactNs - t) + x;
    } else {
      m_compensation += (x - t) + m_inexactNs;
    }
    m_inexactNs = t;
  }

  long double integralNs(SimTime now) const {
    // Closed segments cannot be split after the fact, so querying before the last change is a caller bug.
    assert(now >= m_last && "TimeWeightedValue: query before the last level change");
    Int128 exact = m_exactNs;
    long double inexact = m_inexactNs + m_compensation;
    const SimTime dt = now - m_last;
    if (dt > 0) {
      if (m_levelIsInteger) {
        exact += static_cast<Int128>(m_levelInt) * dt;
      } else {
        inexact += static_cast<long double>(m_level) * static_cast<long double>(dt);
      }
    }
    return static_cast<long double>(exact) + inexact;
  }

  SimTime m_start = 0;
  SimTime m_last = 0;  // time of the last level change (start of the open segment)
  double m_level = 0.0;
  double m_max = 0.0;
  std::int64_t m_levelInt = 0;
  bool m_levelIsInteger = true;
  Int128 m_exactNs = 0;            // sum of integer level × ns over closed segments
  long double m_inexactNs = 0.0L;  // sum of fractional level × ns over closed segments
  long double m_compensation = 0.0L;
};

}  // namespace pillars
