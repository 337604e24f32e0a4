#pragma once
// The predictive autoscaler's memory of the load's shape over one cycle (a day, or `period`):
// the mean request rate observed in each bin of the cycle, over every cycle seen so far, and a
// forecast for a time ahead read from the same bins ("the same time in previous cycles", as
// AWS predictive scaling forecasts from history). Kept free of simulation so tests can feed it
// a shape and check the forecast by hand.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/sim/time.hpp"

namespace pillars {

class LoadForecast {
 public:
  /// `period` is one cycle, cut into `bins` equal bins. Both are fixed for the run: the arrays
  /// are sized here and recording allocates nothing.
  LoadForecast(SimTime period, std::size_t bins);

  /// The load measured over [from, to): `rate` requests per second. It is filed under the bin
  /// of the window's midpoint, so each window counts once; a window of at most one bin's width
  /// leaves no bin of a full cycle empty. A window longer than a bin is left out.
  void record(SimTime from, SimTime to, double rate);
  /// Whether a forecast for time `t` can be made: `t` lies a whole cycle or more after the
  /// first window recorded, so its bin was seen at the same time of an earlier cycle. Before,
  /// the bins ahead are the ones the first cycle is still learning.
  bool ready(SimTime t) const { return m_origin >= 0 && t - m_origin >= m_period; }
  /// The highest mean rate of the bins that overlap [from, to), or nothing when none of them
  /// has been seen (or `from` is not ready). The highest, not the mean: capacity decided now
  /// must cover the whole interval it serves.
  std::optional<double> peak(SimTime from, SimTime to) const;

  SimTime period() const { return m_period; }
  std::size_t bins() const { return m_sum.size(); }
  SimTime binWidth() const { return m_width; }
  /// The bin a time falls in (times before the origin wrap as well).
  std::size_t binOf(SimTime t) const;
  /// When the first window recorded began (-1 before any).
  SimTime origin() const { return m_origin; }

 private:
  SimTime m_period;
  SimTime m_width;
  SimTime m_origin = -1;
  std::vector<double> m_sum;          // rates recorded per bin
  std::vector<std::uint32_t> m_count;  // windows recorded per bin
};

}  // namespace pillars
