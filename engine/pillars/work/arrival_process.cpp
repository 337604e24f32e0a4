#include "engine/pillars/work/arrival_process.hpp"

#include <numbers>

#include "engine/sim/detmath.hpp"

namespace pillars {

namespace {

SimTime exponentialGap(Rng& rng, double rate) {
  return secondsToSimTime(-detmath::log(rng.uniformOpen01()) / rate);
}

}  // namespace

void ArrivalProcess::reset(SimTime now, Rng& rng) {
  m_on = true;
  m_phaseEnd = saturatingAdd(now, secondsToSimTime(m_config.onTime.sample(rng)));
}

double ArrivalProcess::rateAt(SimTime t) const {
  const Config& c = m_config;
  switch (c.pattern) {
    case Pattern::Constant:
    case Pattern::Poisson:
    case Pattern::OnOff: return c.rate;
    case Pattern::Diurnal: {
      const double phase = 2.0 * std::numbers::pi * static_cast<double>(t % c.period) /
                           static_cast<double>(c.period);
      return c.rate * (1.0 + c.amplitude * detmath::sin(phase));
    }
    case Pattern::Spike: {
      const bool inSpike =
          t >= c.spikeAt && (c.spikeDuration == 0 || t < c.spikeAt + c.spikeDuration);
      return inSpike ? c.rate * c.spikeMultiplier : c.rate;
    }
  }
  return c.rate;
}

SimTime ArrivalProcess::next(SimTime now, Rng& rng) {
  const Config& c = m_config;
  if (!(c.rate > 0.0)) return kTimeNever;
  switch (c.pattern) {
    case Pattern::Constant: return saturatingAdd(now, secondsToSimTime(1.0 / c.rate));
    case Pattern::Poisson: return saturatingAdd(now, exponentialGap(rng, c.rate));
    case Pattern::OnOff: return onOff(now, rng);
    case Pattern::Diurnal: return thinned(now, rng, c.rate * (1.0 + c.amplitude));
    case Pattern::Spike:
      return thinned(now, rng, c.rate * std::max(1.0, c.spikeMultiplier));
  }
  return kTimeNever;
}

SimTime ArrivalProcess::thinned(SimTime now, Rng& rng, double peakRate) {
  SimTime t = now;
  for (;;) {
    t = saturatingAdd(t, exponentialGap(rng, peakRate));
    if (t == kTimeNever) return t;
    if (rng.uniform01() * peakRate < rateAt(t)) return t;
  }
}

SimTime ArrivalProcess::onOff(SimTime now, Rng& rng) {
  // The Poisson process is memoryless, so a candidate that falls past the end of an ON phase
  // can be discarded and sampling restarted at the start of the next ON phase.
  SimTime t = now;
  // Phases of zero length would spin forever; a bounded walk reports "no more arrivals" instead.
  for (int phases = 0; phases < 1'000'000; ++phases) {
    if (m_on) {
      const SimTime candidate = saturatingAdd(t, exponentialGap(rng, m_config.rate));
      if (candidate < m_phaseEnd || candidate == kTimeNever) return candidate;
      t = m_phaseEnd;
      m_on = false;
      m_phaseEnd = saturatingAdd(t, secondsToSimTime(m_config.offTime.sample(rng)));
    } else {
      t = std::max(t, m_phaseEnd);
      m_on = true;
      m_phaseEnd = saturatingAdd(t, secondsToSimTime(m_config.onTime.sample(rng)));
    }
  }
  return kTimeNever;
}

}  // namespace pillars
