#include "engine/pillars/intelligence/steady_state.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "engine/util/units.hpp"

namespace pillars {

namespace {

std::string percentWith(double value, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*g%%", digits, value);
  return buf;
}

std::string percent(double value) { return percentWith(value, 4); }

/// `value` with as many digits as it takes not to read as `limit` (99.899% against 99.9%).
std::string percentBelow(double value, double limit) {
  int digits = 4;
  while (digits < 9 && percentWith(value, digits) == percentWith(limit, digits)) ++digits;
  return percentWith(value, digits);
}

/// The most of `n` requests that may be slower than the ceiling while the nearest-rank p99
/// stays at or below it: n - ceil(0.99 n), in integers so 100 requests allow exactly one.
std::uint64_t slowerAllowed(std::uint64_t n) { return n - (99 * n + 99) / 100; }

}  // namespace

SteadyState::SteadyState(const Config& config) : m_config(config) {
  // The readings of the checks within one window: before a check adds its own, the oldest is
  // the one a window ago.
  const SimTime every = m_config.checkInterval > 0 ? m_config.checkInterval : kSecond;
  m_ring.resize(std::max<std::size_t>(1, static_cast<std::size_t>((m_config.window + every - 1) / every)));
}

SteadyState::Totals SteadyState::read(const Simulation& sim) {
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const Component& c = sim.component(static_cast<ComponentId>(i));
    if (!c.measuresEndToEnd()) continue;
    if (m_lastRead.size() <= i) m_lastRead.resize(i + 1);
    ClientReading& last = m_lastRead[i];
    const ComponentMetrics& m = c.metrics();
    const ClientReading now{m.completed, m.failed + m.timedOut,
                            m_config.maxP99 > 0 ? m.latency.countAbove(m_config.maxP99) : 0};
    // The counters restart from 0 when warm-up ends: what they hold then is all new.
    const bool reset = now.completed < last.completed || now.bad < last.bad || now.slower < last.slower;
    m_sum.good += reset ? now.completed : now.completed - last.completed;
    m_sum.bad += reset ? now.bad : now.bad - last.bad;
    m_sum.slower += reset ? now.slower : now.slower - last.slower;
    last = now;
  }
  m_sum.at = sim.now();
  return m_sum;
}

SteadyState::Check SteadyState::check(const Simulation& sim) {
  const Totals now = read(sim);
  const Totals& since = m_filled < m_ring.size() ? m_ring[0] : m_ring[m_next];
  const Totals from = m_filled == 0 ? now : since;
  m_ring[m_next] = now;
  m_next = (m_next + 1) % m_ring.size();
  if (m_filled < m_ring.size()) ++m_filled;

  Check c;
  c.at = now.at;
  c.completed = now.good - from.good;
  c.requests = c.completed + (now.bad - from.bad);
  c.slower = now.slower - from.slower;
  if (c.requests > 0) {
    c.availabilityPercent = 100.0 * static_cast<double>(c.completed) / static_cast<double>(c.requests);
  }
  c.availabilityBroken = m_config.minAvailabilityPercent > 0 && c.requests > 0 &&
                         c.availabilityPercent < m_config.minAvailabilityPercent;
  c.latencyBroken = m_config.maxP99 > 0 && c.slower > slowerAllowed(c.completed);
  c.holds = !c.availabilityBroken && !c.latencyBroken;
  return c;
}

std::string SteadyState::describe() const {
  std::string text;
  if (m_config.minAvailabilityPercent > 0) text = "availability >= " + percent(m_config.minAvailabilityPercent);
  if (m_config.maxP99 > 0) {
    if (!text.empty()) text += " and ";
    text += "p99 <= " + formatDuration(m_config.maxP99);
  }
  if (text.empty()) return "none";
  return text + " over " + formatDuration(m_config.window);
}

std::string SteadyState::explainBreak(const Check& c) const {
  const std::string over = " over the last " + formatDuration(m_config.window);
  if (c.availabilityBroken) {
    return "availability " + percentBelow(c.availabilityPercent, m_config.minAvailabilityPercent) + " < " + percent(m_config.minAvailabilityPercent) + over +
           " (" + std::to_string(c.requests - c.completed) + " of " + std::to_string(c.requests) + " requests failed)";
  }
  if (c.latencyBroken) {
    const double share = c.completed > 0 ? 100.0 * static_cast<double>(c.slower) / static_cast<double>(c.completed) : 0;
    return "p99 above " + formatDuration(m_config.maxP99) + over + ": " + std::to_string(c.slower) + " of " +
           std::to_string(c.completed) + " requests (" + percent(share) + ") slower";
  }
  return "held";
}

}  // namespace pillars
