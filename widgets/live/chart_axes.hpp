#pragma once

namespace pillars {

/// One axis range with the spacing of its ticks, anchored at 0 (ticks fall on multiples of
/// `tick`, so labels stay round numbers while the time window scrolls).
struct AxisSpan {
  double min = 0;
  double max = 1;
  double tick = 0.25;
};

/// Smallest 1, 2, 2.5 or 5 x 10^k at or above `raw` (> 0); 1 for anything else.
double niceStep(double raw);

/// A value axis from 0 that holds `maxValue` with a little headroom, in three to five round
/// ticks. Nothing to show (0, negative, NaN) gives 0..1.
AxisSpan valueAxisFor(double maxValue);

/// The time axis, in seconds, of a window `windowSeconds` wide (0: everything) whose newest
/// sample is at `latestSeconds`. A window starts full width at 0 and scrolls once the run
/// outgrows it, so the newest sample is always at the right edge.
AxisSpan timeAxisFor(double latestSeconds, double windowSeconds);

}  // namespace pillars
