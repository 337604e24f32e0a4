#include "widgets/live/chart_axes.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace pillars {

namespace {

// Tick spacings that read as time: seconds, then whole minutes, then whole hours.
constexpr std::array<double, 13> kTimeSteps = {1,   2,   5,   10,  15,   30,  60,
                                               120, 300, 600, 900, 1800, 3600};

double timeStep(double raw) {
  for (const double s : kTimeSteps) {
    if (s >= raw) return s;
  }
  return std::ceil(raw / 3600.0) * 3600.0;
}

}  // namespace

double niceStep(double raw) {
  if (!(raw > 0) || !std::isfinite(raw)) return 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude;
  // A hair of tolerance so that exactly 2, 5 or 10 do not round up to the next step.
  double step = 10;
  if (fraction <= 1.0 + 1e-9) {
    step = 1;
  } else if (fraction <= 2.0 + 1e-9) {
    step = 2;
  } else if (fraction <= 2.5 + 1e-9) {
    step = 2.5;
  } else if (fraction <= 5.0 + 1e-9) {
    step = 5;
  }
  return step * magnitude;
}

AxisSpan valueAxisFor(double maxValue) {
  if (!(maxValue > 0) || !std::isfinite(maxValue)) return {};
  // 5 % headroom keeps a flat line off the top edge, where it would hide under the frame.
  const double top = maxValue * 1.05;
  const double tick = niceStep(top / 4.0);
  return {0.0, std::ceil(top / tick - 1e-9) * tick, tick};
}

AxisSpan timeAxisFor(double latestSeconds, double windowSeconds) {
  const double latest = std::max(latestSeconds, 0.0);
  if (windowSeconds > 0) {
    const double max = std::max(latest, windowSeconds);
    return {max - windowSeconds, max, timeStep(windowSeconds / 6.0)};
  }
  // Everything: from 0 to the newest sample, never narrower than 10 s so the first few
  // samples do not stretch across the whole chart.
  const double max = std::max(latest, 10.0);
  return {0.0, max, timeStep(max / 6.0)};
}

}  // namespace pillars
