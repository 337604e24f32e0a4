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

constexpr double simTimeToSeconds(SimTime t) { return static_cast<double>(t) * 1e-9; }
constexpr double simTimeToMillis(SimTime t) { return static_cast<double>(t) * 1e-6; }

}  // namespace pillars
