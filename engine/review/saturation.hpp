#pragma once
// Saturation over time, read from a run's time series (the one a project stores):
// a service that sat at 100% for the first minute and then crashed averages little over the
// whole run, yet it was saturated. The review judges hot spots by how long a component stayed
// at or above the threshold, not only by its run-long mean.

#include <string>
#include <vector>

namespace pillars {
struct RunResults;
class TimeSeries;
}

namespace pillars::review {

struct ComponentSaturation {
  std::string component;
  double upSeconds = 0;         // sampled time it was up
  double hotSeconds = 0;        // of which at or above the threshold
  double peakUtilization = 0;   // the highest interval, 0..1
  double meanUtilization = 0;   // over the time it was up
};

/// Per component with a utilization column: how long it was at or above `threshold` (0..1)
/// while up, read from a run's time series (`<id>.utilization`, `<id>.up`). Components that
/// never reach the threshold are listed too (hotSeconds 0); a series without a sampled interval
/// gives nothing.
std::vector<ComponentSaturation> saturationOverTime(const TimeSeries& series, double threshold);

/// Whether a component was saturated for a while: at or above the threshold for at least
/// `share` of the time it was up (and at least one sampled interval).
bool sustained(const ComponentSaturation& s, double share = 0.1);

/// Adds to `hot` (ids) and `parts` (their descriptions) the services of `run` that the run-long
/// mean missed but `saturation` shows saturated for a while: "web1 at >= 80% for 30 s of 120 s
/// up (mean 31.0%)". The evidence's hot spots use it.
void addSustainedHotSpots(const RunResults& run, const std::vector<ComponentSaturation>& saturation,
                          double threshold, std::vector<std::string>& hot, std::vector<std::string>& parts);

/// A component saturated right now, in a run's live time series.
struct SaturatedNow {
  std::string component;
  double utilization = 0;   // the newest interval, 0..1
  double queueLength = 0;   // the newest interval's mean
};

/// The components whose newest `rows` intervals were all at or above `threshold` while up, with
/// a queue that grew over them: offered more than they serve, now (λ > c·μ measured, where the
/// design's estimate could not tell, e.g. a traffic spike).
std::vector<SaturatedNow> saturatedNow(const TimeSeries& series, double threshold = 0.98, std::size_t rows = 3);

}  // namespace pillars::review
