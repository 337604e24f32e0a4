#pragma once

#include <cstdint>
#include <limits>

namespace pillars {

/// Simulated time in integer nanoseconds: exact, totally ordered, and 292 years of range.
using SimTime = std::int64_t;

inline constexpr SimTime kNanosecond = 1;
inline constexpr SimTime kMicrosecond = 1'000;
inline constexpr SimTime kMillisecond = 1'000'000;
inline constexpr SimTime kSecond = 1'000'000'000;
inline constexpr SimTime kMinute = 60 * kSecond;
inline constexpr SimTime kHour = 60 * kMinute;
inline constexpr SimTime kTimeNever = std::numeric_limits<SimTime>::max();

/// Seconds (as used in distributions and reports) to simulated nanoseconds, rounded to nearest.
/// Negative inputs clamp to zero: a delay can never run time backwards.
constexpr SimTime secondsToSimTime(double seconds) {
  if (!(seconds > 0.0)) return 0;
  const double ns = seconds * 1e9 + 0.5;
  if (ns >= 9.2e18) return kTimeNever;
  return static_cast<SimTime>(ns);
}

// Division, not multiplication by 1e-9: it is exact for whole seconds (60 s reads 60, not
// 60.00000000000001), which reports and tests rely on.
/// a + b for non-negative b, stopping at kTimeNever instead of wrapping into the past
/// (a rate of 1e-12 per second gives a gap beyond the end of time, not a negative one).
constexpr SimTime saturatingAdd(SimTime a, SimTime b) {
  return b >= kTimeNever - a ? kTimeNever : a + b;
}

constexpr double simTimeToSeconds(SimTime t) { return static_cast<double>(t) / 1e9; }
constexpr double simTimeToMillis(SimTime t) { return static_cast<double>(t) / 1e6; }

}  // namespace pillars
