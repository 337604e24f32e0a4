#include "engine/pillars/intelligence/burn_rate.hpp"

#include <algorithm>

namespace pillars {

std::array<BurnRateAlertSpec, 3> workbookAlerts(SimTime sloPeriod) {
  constexpr SimTime kWorkbookPeriod = 30 * 24 * kHour;
  const auto scaled = [&](SimTime w) {
    return static_cast<SimTime>(static_cast<long double>(w) * static_cast<long double>(sloPeriod) /
                                static_cast<long double>(kWorkbookPeriod));
  };
  return {{
      {"page_14.4x", "page", 14.4, scaled(kHour), scaled(5 * kMinute)},
      {"page_6x", "page", 6.0, scaled(6 * kHour), scaled(30 * kMinute)},
      {"ticket_1x", "ticket", 1.0, scaled(72 * kHour), scaled(6 * kHour)},
  }};
}

WindowedErrorRatio::WindowedErrorRatio(SimTime resolution, SimTime longest)
    : m_resolution(std::max<SimTime>(resolution, 1)),
      m_ring(static_cast<std::size_t>(longest / m_resolution) + 2) {}

void WindowedErrorRatio::push(std::uint64_t good, std::uint64_t bad) {
  m_ring[m_pushed % m_ring.size()] = {good, bad};
  ++m_pushed;
}

double WindowedErrorRatio::errorRatio(SimTime window, bool* anyEvents) const {
  if (anyEvents) *anyEvents = false;
  if (m_pushed == 0) return 0.0;
  const Totals& now = m_ring[(m_pushed - 1) % m_ring.size()];
  // The bucket `window` ago; before the first one, everything recorded (from zero).
  const auto back = static_cast<std::size_t>(window / m_resolution);
  Totals then;
  if (back < m_pushed && back < m_ring.size()) then = m_ring[(m_pushed - 1 - back) % m_ring.size()];
  const std::uint64_t good = now.good - then.good;
  const std::uint64_t bad = now.bad - then.bad;
  if (good + bad == 0) return 0.0;
  if (anyEvents) *anyEvents = true;
  return static_cast<double>(bad) / static_cast<double>(good + bad);
}

}  // namespace pillars
