#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/metrics/component_metrics.hpp"
#include "engine/sim/event_queue.hpp"
#include "engine/sim/figures.hpp"

namespace pillars {

class Simulation;
class ParamSet;
struct ParamSpec;

/// `anomaly_detection` (on/off), `anomaly_interval`, `anomaly_alpha`, `anomaly_k` and
/// `anomaly_warmup`, for kinds whose outcomes can be watched for anomalies (clients).
std::vector<ParamSpec> anomalyParams();

/// An exponentially weighted mean and variance of a signal (Finch, "Incremental calculation of
/// weighted mean and variance", 2009): each sample x moves the mean by alpha (x - mean) and the
/// variance to (1 - alpha) (variance + alpha (x - mean)^2), so old samples fade at (1 - alpha)
/// per sample.
class Ewma {
 public:
  explicit Ewma(double alpha) : m_alpha(alpha) {}
  void add(double x);
  double mean() const { return m_mean; }
  double deviation() const;
  std::uint64_t samples() const { return m_samples; }

 private:
  double m_alpha;
  double m_mean = 0, m_variance = 0;
  std::uint64_t m_samples = 0;
};

/// Watches a load generator's outcomes for anomalies as a monitoring system's EWMA detector
/// does: every `interval` it reads the interval's mean latency and error rate from the client's
/// counters and raises an alert when one is more than k deviations above its EWMA baseline
/// (only upward: faster or cleaner is not an incident). The first `warmup` intervals only
/// learn. While an alert fires the baseline is held, so the alert resolves when the signal is
/// back to normal rather than when the baseline has learned the anomaly.
///
/// A deviation never counts below a floor (1% of the mean latency; 0.1 percentage point of
/// error rate): a signal that has been perfectly flat, such as an error rate of 0, would
/// otherwise alarm at the first single error.
class AnomalyDetector final : public EventHandler {
 public:
  struct Config {
    SimTime interval = 10 * kSecond;
    double alpha = 0.1;
    double k = 3;
    std::uint32_t warmup = 10;
  };
  explicit AnomalyDetector(const Config& config);

  /// Starts watching in `sim`, reading `metrics` (the client's). Once; later calls do nothing.
  void start(Simulation& sim, const ComponentMetrics& metrics);
  void handleEvent(std::uint32_t kind, std::uint64_t payload) override;

  const std::vector<AlertRecord>& alerts() const { return m_alerts; }
  std::size_t firing() const;
  const Ewma& latencyBaseline() const { return m_signals[0].baseline; }
  const Ewma& errorBaseline() const { return m_signals[1].baseline; }

 private:
  struct Signal {
    const char* name;  // "anomaly_latency", "anomaly_error_rate"
    Ewma baseline;
    std::ptrdiff_t open = -1;  // its firing alert in m_alerts
  };
  /// One interval's sample of `s`: fires, resolves or learns.
  void observe(Signal& s, double x, double floor);
  std::string describe(const Signal& s, double x, double deviation) const;

  Config m_config;
  Simulation* m_sim = nullptr;
  const ComponentMetrics* m_metrics = nullptr;
  Signal m_signals[2];
  std::vector<AlertRecord> m_alerts;
  // The client's counters at the last read, to take an interval's difference.
  std::uint64_t m_lastCount = 0, m_lastBad = 0;
  double m_lastSum = 0;  // latency sum (ns) of the completed requests so far
};

}  // namespace pillars
