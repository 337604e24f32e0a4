#include "engine/pillars/intelligence/load_forecast.hpp"

#include <algorithm>

namespace pillars {

LoadForecast::LoadForecast(SimTime period, std::size_t bins)
    : m_period(std::max<SimTime>(period, 1)),
      m_width(std::max<SimTime>(m_period / static_cast<SimTime>(std::max<std::size_t>(bins, 1)), 1)),
      m_sum(std::max<std::size_t>(bins, 1), 0.0),
      m_count(std::max<std::size_t>(bins, 1), 0) {}

std::size_t LoadForecast::binOf(SimTime t) const {
  // The cycle is measured from time 0 of the run, as the client's diurnal phase is, so bin k
  // is the same time of day in every cycle.
  SimTime phase = t % m_period;
  if (phase < 0) phase += m_period;
  return std::min(static_cast<std::size_t>(phase / m_width), m_sum.size() - 1);
}

void LoadForecast::record(SimTime from, SimTime to, double rate) {
  // A window longer than a bin (the autoscaler was down) would smear hours into one bin.
  if (to <= from || to - from > m_width) return;
  if (m_origin < 0) m_origin = from;
  const std::size_t bin = binOf(from + (to - from) / 2);
  m_sum[bin] += rate;
  m_count[bin] += 1;
}

std::optional<double> LoadForecast::peak(SimTime from, SimTime to) const {
  if (!ready(from) || to <= from) return std::nullopt;
  // Walk the bins the interval overlaps (at most one whole cycle of them).
  std::optional<double> best;
  const SimTime last = std::min(to, from + m_period);
  for (SimTime t = from; t < last;) {
    const std::size_t bin = binOf(t);
    if (m_count[bin] > 0) {
      const double mean = m_sum[bin] / static_cast<double>(m_count[bin]);
      best = best ? std::max(*best, mean) : mean;
    }
    // The start of the next bin.
    SimTime phase = t % m_period;
    if (phase < 0) phase += m_period;
    const SimTime binEnd = static_cast<SimTime>(bin + 1) * m_width;
    // The last bin absorbs the remainder of a period that does not divide evenly.
    const SimTime step = bin + 1 == m_sum.size() ? m_period - phase : binEnd - phase;
    t += std::max<SimTime>(step, 1);
  }
  return best;
}

}  // namespace pillars
