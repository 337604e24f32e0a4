#pragma once

#include <string>
#include <vector>

#include "engine/model/scenario.hpp"
#include "engine/sim/event_queue.hpp"
#include "engine/sim/ids.hpp"

namespace pillars {

class Simulation;

/// Replays a scenario's fault timeline: each entry becomes one kernel event that crashes or
/// restarts components (a group crashes all its members) or cuts or heals a link.
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
  };
  Simulation& m_sim;
  std::vector<Resolved> m_faults;
};

}  // namespace pillars
