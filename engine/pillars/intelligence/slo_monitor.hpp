#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/metrics/component_metrics.hpp"
#include "engine/pillars/intelligence/burn_rate.hpp"
#include "engine/sim/event_queue.hpp"
#include "engine/sim/figures.hpp"

namespace pillars {

class Simulation;
class ParamSet;
struct ParamSpec;

/// `slo_availability` (an objective in %, 0 for none), `slo_latency` (a threshold, 0 for none)
/// with `slo_latency_objective` (%), and `slo_period`, for kinds whose outcomes an SLO is about
/// (clients and services).
std::vector<ParamSpec> sloParams();

class SloMonitor;

/// The figures of an availability and a latency SLO (either may be null) for an owner's
/// extraMetrics: alerts_firing and alerts_fired over both, error_budget_spent and
/// latency_budget_spent. Nothing when both are null.
void appendSloFigures(const SloMonitor* availability, const SloMonitor* latency, std::vector<Figure>& out);

/// What an SLO counts as good. Availability: a request answered successfully (bad: failed or
/// timed out). Latency: a request answered within `threshold` (bad: answered later, or timed
/// out; failed requests are the availability SLO's business and count for neither), as the
/// SRE Workbook's latency SLI "the proportion of valid requests served faster than a
/// threshold".
struct SloObjective {
  enum class Kind : std::uint8_t { Availability, Latency };
  Kind kind = Kind::Availability;
  double percent = 0;    // the share of good events promised: 99.9
  SimTime threshold = 0;  // latency only
};

/// Watches a load generator's or a service's outcomes against one SLO with the SRE Workbook's
/// three burn-rate alerts (burn_rate.hpp): each alert pair is evaluated every 1/300 of its short
/// window (one second for the 5-minute window of a 30-day SLO). Availability is read from the
/// watched components' own counters (completed against failed, timed out and dropped), so the
/// requests themselves cost nothing more; latency is told each answer (one comparison). A
/// replica set's SLO watches every instance. It belongs to the monitoring system, not to a
/// process: a crash of what it watches does not stop it.
class SloMonitor final : public EventHandler {
 public:
  /// `period` is the SLO period (30 days).
  SloMonitor(SloObjective objective, SimTime period);

  /// Starts evaluating in `sim`. Once; later calls do nothing.
  void start(Simulation& sim);
  /// Availability: counts the outcomes of `metrics` (a client's, or an instance's) from now on.
  void watch(const ComponentMetrics& metrics);
  void handleEvent(std::uint32_t kind, std::uint64_t payload) override;

  /// Latency SLO: a request was answered `latency` after it was issued.
  void answered(SimTime latency) { ++(latency <= m_objective.threshold ? m_good : m_bad); }
  /// Latency SLO: a request timed out, so it was not answered within the threshold either.
  void timedOut() { ++m_bad; }
  const SloObjective& objective() const { return m_objective; }

  /// Every alert fired so far, in firing order; resolvedAt is -1 while it still fires.
  const std::vector<AlertRecord>& alerts() const { return m_alerts; }
  /// Alerts firing now.
  std::size_t firing() const;
  double sloPercent() const { return m_objective.percent; }
  /// The share of the period's error budget spent so far (bad events over the budget the
  /// requests so far allow): 1 means spent.
  double budgetSpent() const;

 private:
  struct Watch {
    BurnRateAlertSpec spec;
    SimTime resolution = 0;
    WindowedErrorRatio ratios;
    std::ptrdiff_t open = -1;  // index of its firing alert in m_alerts
  };
  /// Availability: adds the client's new outcomes since the last read to the running totals.
  void refresh();
  void evaluate(Watch& w);
  /// The condition of an alert in words: "availability 99.9%: error ratio at least 1.44% over
  /// 1h and 5m".
  std::string condition(const Watch& w, double threshold) const;

  SloObjective m_objective;
  SimTime m_period;
  Simulation* m_sim = nullptr;
  struct Watched {
    const ComponentMetrics* metrics;
    std::uint64_t readCompleted = 0, readBad = 0;  // its counters at the last read
  };
  std::vector<Watched> m_watched;
  std::vector<Watch> m_watches;
  std::vector<AlertRecord> m_alerts;
  std::uint64_t m_good = 0, m_bad = 0;                // since the start, across warm-up resets
};

}  // namespace pillars
