#pragma once

#include <cstdint>
#include <vector>

#include "engine/metrics/latency_histogram.hpp"
#include "engine/metrics/time_series.hpp"
#include "engine/sim/event_queue.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

class Simulation;

/// Records the time series: every `interval` of simulated time one row with end-to-end and
/// per-component throughput, latency percentiles, queue length, utilization and drops over the
/// interval just ended. Rows grow with simulated time, never with the number of events.
///
/// The topology may change while it runs: a component added since the last row gets its
/// columns at the next one (earlier rows stay empty there); a removed component has its last
/// interval recorded (with `up` 0) and empty cells after.
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
  const TimeSeries& series() const { return m_series; }

  /// Column suffixes recorded for each component, in order.
  static const std::vector<std::string>& componentColumns();
  /// Columns recorded for the whole system, in order.
  static const std::vector<std::string>& globalColumns();

 private:
  struct Baseline {
    std::uint64_t completed = 0, failed = 0, dropped = 0, timedOut = 0;
    double busyIntegral = 0;
    double queueIntegral = 0;
    bool gone = false;  // removed, and its last interval already recorded
  };
  void sample();
  /// Gives components added since the last row their columns and a zero baseline.
  void addNewComponents();

  Simulation& m_sim;
  SimTime m_interval;
  SimTime m_lastRowAt = 0;  // rates are per second of the time since this row
  TimeSeries m_series;
  std::vector<Baseline> m_baselines;
  std::vector<double> m_row;        // reused for every sample
  LatencyHistogram m_endToEnd;      // reused for every sample
  std::size_t m_components = 0;  // how many have columns
};

}  // namespace pillars
