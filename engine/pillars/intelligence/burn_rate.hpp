#pragma once
// Multiwindow, multi-burn-rate alerts on an availability SLO, as the Google SRE Workbook
// ("Alerting on SLOs", its recommended parameters) defines them: an alert fires while the error
// ratio over BOTH its long and its short window is at least burn rate x (1 - SLO), and resolves
// as soon as either drops below it (the short window makes it resolve quickly once the errors
// stop). The workbook's three alerts for a 30-day SLO period:
//
//   severity  burn rate  long window  short window  error budget spent at firing
//   page      14.4       1 h          5 min         2%
//   page      6          6 h          30 min        5%
//   ticket    1          3 d          6 h           10%
//
// Windows scale with the SLO period (a 1-day period divides them by 30), so short runs can use
// them.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/sim/time.hpp"

namespace pillars {

struct BurnRateAlertSpec {
  std::string_view name;      // "page_14.4x"
  std::string_view severity;  // "page" or "ticket"
  double burnRate = 1;
  SimTime longWindow = 0;
  SimTime shortWindow = 0;
};

/// The workbook's three alerts with windows scaled to `sloPeriod` (30 days unscaled).
std::array<BurnRateAlertSpec, 3> workbookAlerts(SimTime sloPeriod);

/// Good and bad events over time, in buckets of a fixed resolution, kept for one window: the
/// error ratio of the last `window` (up to the longest kept) in O(1). Sized once; recording
/// allocates nothing.
class WindowedErrorRatio {
 public:
  /// Keeps `longest` of history at `resolution`.
  WindowedErrorRatio(SimTime resolution, SimTime longest);

  /// The totals so far (cumulative good and bad events) at the end of the current bucket.
  void push(std::uint64_t good, std::uint64_t bad);
  /// Bad / (good + bad) over the last `window` (as much of it as was recorded), and whether any
  /// event fell in it.
  double errorRatio(SimTime window, bool* anyEvents = nullptr) const;

 private:
  struct Totals {
    std::uint64_t good = 0, bad = 0;
  };
  SimTime m_resolution;
  std::vector<Totals> m_ring;  // cumulative totals at the end of each bucket
  std::size_t m_pushed = 0;    // buckets recorded so far
};

}  // namespace pillars
