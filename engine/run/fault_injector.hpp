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
/// delays a link or sets its loss probability. Targets are resolved when the fault fires, so
/// a fault on a replica set reaches the instances it has then.
class FaultInjector final : public EventHandler {
 public:
  /// Resolves targets against the scenario and schedules every fault. Targets must exist
  /// (the scenario reader checks this).
  FaultInjector(Simulation& sim, const Scenario& scenario);

  void handleEvent(std::uint32_t kind, std::uint64_t payload) override;

 private:
  struct Planned {
    FaultSpec fault;
    /// Scenario component ids (the target, or a group's members); empty for link faults.
    std::vector<std::string> components;
  };
  Simulation& m_sim;
  std::vector<Planned> m_faults;
};

}  // namespace pillars
