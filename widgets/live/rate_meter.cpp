#include "widgets/live/rate_meter.hpp"

namespace pillars {

void RateMeter::sample(Clock::time_point at, std::uint64_t events, SimTime simNow) {
  m_samples.push_back({at, events, simNow});
  // Keep one sample older than the window as its baseline; drop the ones behind it.
  while (m_samples.size() > 2 && m_samples[1].at <= at - m_window) m_samples.pop_front();
}

const RateMeter::Sample* RateMeter::baseline(Clock::time_point now) const {
  if (m_samples.size() < 2) return nullptr;
  const Sample* base = &m_samples.front();
  for (const Sample& s : m_samples) {
    if (s.at > now - m_window) break;
    base = &s;
  }
  return base == &m_samples.back() ? nullptr : base;
}

double RateMeter::eventsPerSecond(Clock::time_point now) const {
  const Sample* base = baseline(now);
  if (!base) return 0.0;
  const double seconds = std::chrono::duration<double>(now - base->at).count();
  if (seconds <= 0.0) return 0.0;
  return static_cast<double>(m_samples.back().events - base->events) / seconds;
}

double RateMeter::simSecondsPerSecond(Clock::time_point now) const {
  const Sample* base = baseline(now);
  if (!base) return 0.0;
  const double seconds = std::chrono::duration<double>(now - base->at).count();
  if (seconds <= 0.0) return 0.0;
  return simTimeToSeconds(m_samples.back().sim - base->sim) / seconds;
}

}  // namespace pillars
