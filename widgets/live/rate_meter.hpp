#pragma once

#include <chrono>
#include <cstdint>
#include <deque>

#include "engine/sim/time.hpp"

namespace pillars {

/// Rates over the last second of wall time, for the status bar: kernel events per second and
/// simulated seconds per wall second. Counters are sampled once per frame or step (not per
/// event), so the window holds about sixty samples and costs nothing next to the simulation.
class RateMeter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateMeter(Clock::duration window = std::chrono::seconds(1)) : m_window(window) {}

  void clear() { m_samples.clear(); }
  /// The counters as they stand at `at`; samples must come in time order.
  void sample(Clock::time_point at, std::uint64_t events, SimTime simNow);

  /// Events run in the window ending at `now`, per second. Falls to 0 within a window of
  /// pausing, which is what a status bar should show.
  double eventsPerSecond(Clock::time_point now) const;
  /// Simulated seconds per wall second over the same window (the speed actually achieved).
  double simSecondsPerSecond(Clock::time_point now) const;

 private:
  struct Sample {
    Clock::time_point at;
    std::uint64_t events;
    SimTime sim;
  };
  /// The sample standing for "one window ago": the newest one at or before now - window, or
  /// the oldest kept when the history is shorter. Null without at least two samples.
  const Sample* baseline(Clock::time_point now) const;

  Clock::duration m_window;
  std::deque<Sample> m_samples;
};

}  // namespace pillars
