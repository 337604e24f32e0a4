#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/sim/component_group.hpp"
#include "engine/sim/simulation_extension.hpp"

namespace pillars {

class Simulation;

/// A replicated service's instances as one group (`web` for web#1, web#2...), whatever adds or
/// removes them — a rollout, an autoscaler, a chaos monkey, an orchestrator's restarts. Over
/// time it records how many instances are up, how many are ready and how many run the second
/// version: a rollout's timeline (version 2 rising as version 1 drains, never fewer ready than
/// the strategy allows) and a scaling's, for the set's card and charts (`web.instances`,
/// `web.ready`, `web.v2_instances`).
class ServiceSet final : public ComponentGroup {
 public:
  static constexpr std::string_view kKind = "service_set";
  ServiceSet(const Simulation& sim, std::string setId);

  /// The set's instances now (up or not), removed ones left out.
  std::vector<ComponentId> members() const override;
  std::vector<SeriesColumn> seriesColumns() const override;
  void seriesValues(SimTime now, double* out) const override;

 private:
  const Simulation& m_sim;
};

/// The simulation's service sets, each made once by its first instance to start.
class ServiceSets final : public SimulationExtension {
 public:
  void ensure(Simulation& sim, std::string_view setId);

 private:
  std::vector<std::string> m_made;
};

}  // namespace pillars
