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

/// `slo_availability` (an objective in %, 0 for none) and `slo_period`, for kinds whose
/// outcomes an SLO is about (clients).
std::vector<ParamSpec> sloParams();

/// Watches a load generator's availability against its SLO with the SRE Workbook's three
/// burn-rate alerts (burn_rate.hpp): each alert pair is evaluated every 1/300 of its short
/// window (one second for the 5-minute window of a 30-day SLO), from the client's own counters
/// (completed against failed and timed out), so the requests themselves cost nothing more.
/// It belongs to the monitoring system, not the client's process: a crash of the client does
/// not stop it.
class SloMonitor final : public EventHandler {
 public:
  /// `sloPercent` is the availability objective (99.9), `period` the SLO period (30 days).
  SloMonitor(double sloPercent, SimTime period);

  /// Starts evaluating in `sim`, reading `metrics` (the client's). Once; later calls do nothing.
  void start(Simulation& sim, const ComponentMetrics& metrics);
  void handleEvent(std::uint32_t kind, std::uint64_t payload) override;

  /// Every alert fired so far, in firing order; resolvedAt is -1 while it still fires.
  const std::vector<AlertRecord>& alerts() const { return m_alerts; }
  /// Alerts firing now.
  std::size_t firing() const;
  double sloPercent() const { return m_slo; }
  /// Figures for the owner's extraMetrics: alerts_firing, error_budget_spent.
  void appendFigures(std::vector<Figure>& out) const;
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
  /// Adds the client's new outcomes since the last read to the running totals.
  void refresh();
  void evaluate(Watch& w);

  double m_slo;
  SimTime m_period;
  Simulation* m_sim = nullptr;
  const ComponentMetrics* m_metrics = nullptr;
  std::vector<Watch> m_watches;
  std::vector<AlertRecord> m_alerts;
  std::uint64_t m_good = 0, m_bad = 0;                // since the start, across warm-up resets
  std::uint64_t m_readCompleted = 0, m_readBad = 0;   // the client's counters at the last read
};

}  // namespace pillars
