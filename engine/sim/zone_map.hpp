#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/sim/simulation_extension.hpp"

namespace pillars {

/// The design's availability zones, for what acts on a whole zone while the run goes on (a
/// chaos experiment's zone outage): each zone's id and the scenario ids of the components it
/// holds, nested groups included. A replica set's instances are in their set's zone. Filled
/// once when the simulation is built; a design without zones has none.
class ZoneMap final : public SimulationExtension {
 public:
  struct Zone {
    std::string id;
    std::vector<std::string> members;  // scenario component ids
  };

  void add(std::string id, std::vector<std::string> members) { m_zones.push_back({std::move(id), std::move(members)}); }
  const std::vector<Zone>& zones() const { return m_zones; }
  /// Whether zone `z` holds the scenario component `scenarioId`.
  static bool holds(const Zone& z, std::string_view scenarioId) {
    for (const std::string& m : z.members) {
      if (m == scenarioId) return true;
    }
    return false;
  }

 private:
  std::vector<Zone> m_zones;
};

}  // namespace pillars
