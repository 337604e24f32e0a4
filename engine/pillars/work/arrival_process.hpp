#pragma once

#include "engine/sim/distribution.hpp"
#include "engine/sim/random.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

/// When an open-loop client sends its next request. Time-varying patterns are sampled exactly:
/// diurnal and spike rates by thinning a Poisson process at the peak rate (Lewis and Shedler),
/// on/off bursts by walking the random phases lazily, so no event is spent on rejected candidates
/// or phase changes.
class ArrivalProcess {
 public:
  enum class Pattern { Constant, Poisson, OnOff, Diurnal, Spike };

  struct Config {
    Pattern pattern = Pattern::Poisson;
    double rate = 10.0;                 // requests per second (during ON, before modulation)
    Distribution onTime = Distribution::exponential(10.0);   // seconds
    Distribution offTime = Distribution::exponential(10.0);  // seconds
    double amplitude = 0.5;             // diurnal: relative swing, 0..1
    SimTime period = 24 * kHour;        // diurnal
    SimTime spikeAt = 60 * kSecond;     // spike/step start
    SimTime spikeDuration = 10 * kSecond;  // 0 = a permanent step
    double spikeMultiplier = 5.0;
  };

  ArrivalProcess() = default;
  explicit ArrivalProcess(const Config& config) : m_config(config) {}

  /// Restarts the pattern (on/off begins in an ON phase at `now`).
  void reset(SimTime now, Rng& rng);
  /// The absolute time of the next arrival after `now`, or kTimeNever if the rate is zero.
  SimTime next(SimTime now, Rng& rng);
  /// The instantaneous rate at time t (for documentation, tests and charts).
  double rateAt(SimTime t) const;

 private:
  SimTime thinned(SimTime now, Rng& rng, double peakRate);
  SimTime onOff(SimTime now, Rng& rng);

  Config m_config;
  bool m_on = true;
  SimTime m_phaseEnd = 0;
};

}  // namespace pillars
