#pragma once
// What the Intelligence pillar found so far in a simulation: the alerts raised, the chaos
// experiments and their verdicts, the incidents the orchestrator repaired, and what the priced
// instances cost. The results read them once at the end (collectResults); the app reads them
// while the run plays, for its Operations dock and the cost on the status bar.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/run/run_results.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

class Simulation;

/// Every component's alerts, in firing order (stable across components in component order).
std::vector<AlertResult> collectAlerts(const Simulation& sim);
/// One per component that runs an experiment (a chaos_monkey), in component order.
std::vector<ExperimentResult> collectExperiments(const Simulation& sim);
/// The orchestrator's incidents in the order they began; none without an orchestrator.
std::vector<IncidentResult> collectIncidents(const Simulation& sim);
/// The self-healing report in a line: how many incidents, how many repaired, and their mean
/// time to repair (failure to ready again).
struct RepairSummary {
  std::size_t incidents = 0;
  std::size_t repaired = 0;
  double meanRepairS = 0;  // over the repaired ones; 0 when none is
  std::uint64_t requestsLost = 0;
};
RepairSummary summarizeRepairs(const std::vector<IncidentResult>& incidents);

/// What the components with a price cost while they existed between `from` and now, in the
/// unit of their `instance_cost_per_hour`.
double costSince(const Simulation& sim, SimTime from);
/// Whether any component has a price: a design without one has no cost to show.
bool hasPricedComponents(const Simulation& sim);
/// costSince, or nothing when no component has a price: both answers from one walk of the
/// design (the status bar asks four times a second).
std::optional<double> costSinceIfPriced(const Simulation& sim, SimTime from);

}  // namespace pillars
