#pragma once

#include <string>
#include <vector>

#include "engine/model/scenario.hpp"
#include "engine/sim/event_queue.hpp"
#include "engine/sim/ids.hpp"

namespace pillars {

class Simulation;

/// Replays a scenario's fault timeline: each entry becomes one kernel event that crashes,
/// restarts or slows components (a group target applies to all its members), or cuts, heals,
/// delays a link or sets its loss probability.
class FaultInjector final : public EventHandler {
 public:
  /// Resolves targets against the scenario and schedules every fault. Targets must exist
  /// (the scenario reader checks this).
  FaultInjector(Simulation& sim, const Scenario& scenario);

  void handleEvent(std::uint32_t kind, std::uint64_t payload) override;

 private:
  struct Resolved {
    FaultAction action;
    std::vector<ComponentId> components;
    LinkId link = kNoLink;
    double value = 0.0;   // slow: factor; loss: probability
    SimTime latency = 0;  // delay: extra latency
  };
  Simulation& m_sim;
  std::vector<Resolved> m_faults;
};

}  // namespace pillars
