#include "engine/run/slo_minutes.hpp"

#include <cmath>

namespace pillars {

SloMinutes sloMissedMinutes(const TimeSeries& series, double sloPercent, SimTime from) {
  SloMinutes out;
  const auto good = series.columnIndex("global.throughput_rps");
  const auto failed = series.columnIndex("global.failed_rps");
  const auto timedOut = series.columnIndex("global.timed_out_rps");
  if (!good || !failed || !timedOut) return out;
  double goodCount = 0, badCount = 0;
  SimTime minuteEnd = from + kMinute;
  SimTime previous = from;
  const auto closeMinute = [&] {
    ++out.minutes;
    const double total = goodCount + badCount;
    if (total > 0 && 100.0 * goodCount / total < sloPercent) ++out.missed;
    goodCount = badCount = 0;
    minuteEnd += kMinute;
  };
  for (std::size_t row = 0; row < series.rowCount(); ++row) {
    const SimTime t = series.time(row);
    if (t <= from) {
      previous = t;
      continue;
    }
    while (t > minuteEnd) closeMinute();
    // Rates times the row's interval: the outcomes of that interval.
    const double seconds = simTimeToSeconds(t - previous);
    previous = t;
    const auto value = [&](std::size_t col) {
      const double v = series.value(row, col);
      return std::isnan(v) ? 0.0 : v * seconds;
    };
    goodCount += value(*good);
    badCount += value(*failed) + value(*timedOut);
    if (t == minuteEnd) closeMinute();
  }
  return out;
}

}  // namespace pillars
