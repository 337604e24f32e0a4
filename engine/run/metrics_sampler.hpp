#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/metrics/latency_histogram.hpp"
#include "engine/metrics/time_series.hpp"
#include "engine/sim/event_queue.hpp"
#include "engine/sim/series_column.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

class Simulation;

/// Records the time series: every `interval` of simulated time one row with end-to-end and
/// per-component throughput, latency percentiles, queue length, utilization and drops over the
/// interval just ended. Rows grow with simulated time, never with the number of events.
///
/// A kind or a group may add figures of its own (SeriesColumn: stale reads per second, the
/// replication lag), in columns after the common ones.
///
/// The topology may change while it runs: a component or group added since the last row gets
/// its columns at the next one, at the end of the header (earlier rows stay empty there); a
/// removed component has its last interval recorded (with `up` 0) and empty cells after.
class MetricsSampler final : public EventHandler {
 public:
  MetricsSampler(Simulation& sim, SimTime interval);

  void handleEvent(std::uint32_t kind, std::uint64_t payload) override;
  /// Records the interval under way up to now, if any time has passed since the last row.
  /// Called before the components' metrics are reset (end of warm-up), so the reset does not
  /// swallow that interval and leave a row of zeros in the series.
  void flush();
  /// Starts interval deltas afresh (after the components' metrics were reset).
  void rebase();
  const TimeSeries& series() const { return *m_series; }
  /// The rows so far, shared rather than copied (a finished run's series can be 100 MB and more):
  /// rows recorded after this call do not appear in what it returned.
  std::shared_ptr<const TimeSeries> sharedSeries() const { return m_series; }
  /// Makes room for the rows a run of `duration` records, so a long run's series is not copied
  /// to a larger block while it plays (a 100 MB copy is a visible stall on a 1,000-component
  /// design). Capped, so an absurd interval reserves nothing absurd; beyond the cap it grows.
  void reserveFor(SimTime duration);

  /// Column suffixes recorded for each component, in order.
  static const std::vector<std::string>& componentColumns();
  /// Columns recorded for the whole system, in order.
  static const std::vector<std::string>& globalColumns();

 private:
  struct Baseline {
    std::uint64_t completed = 0, failed = 0, dropped = 0, timedOut = 0, issued = 0, attempts = 0;
    double busyIntegral = 0;
    double queueIntegral = 0;
  };
  /// A component or a group with columns in the series, in column order.
  struct Source {
    bool group = false;
    std::size_t index = 0;                // ComponentId, or the group's index
    Baseline baseline;                    // components only
    std::vector<SeriesColumn> extras;     // its own columns, after the common ones
    std::vector<double> extraBaselines;   // running totals at the last row, for rate columns
    bool gone = false;                    // removed, and its last interval already recorded
  };
  void sample();
  /// Gives components and groups added since the last row their columns and zero baselines.
  void addNewSources();
  void sampleComponent(Source& src, SimTime now, double seconds, double*& out);
  void sampleExtras(Source& src, SimTime now, double seconds, double*& out);

  Simulation& m_sim;
  SimTime m_interval;
  SimTime m_lastRowAt = 0;  // rates are per second of the time since this row
  /// The series to change, copied first if a sharedSeries() still holds it.
  TimeSeries& ownSeries();

  std::shared_ptr<TimeSeries> m_series;
  std::vector<Source> m_sources;
  std::vector<double> m_row;        // reused for every sample
  std::vector<double> m_values;     // reused: one source's extra values
  LatencyHistogram m_endToEnd;      // reused for every sample
  std::size_t m_components = 0;  // how many components have columns
  std::size_t m_groups = 0;      // how many groups have columns
  std::uint64_t m_completed = 0, m_failed = 0, m_timedOut = 0, m_dropped = 0;  // this row's
  std::uint64_t m_issued = 0, m_attempts = 0;
};

}  // namespace pillars
