#include "engine/run/build_simulation.hpp"

#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "engine/run/instances.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/zone_map.hpp"

namespace pillars {

LinkConfig linkConfigFromParams(const ParamSet& params) {
  LinkConfig c;
  c.latency = params.distribution("latency");
  c.bandwidthBytesPerSecond = params.real("bandwidth_mbps") * 1e6 / 8.0;
  c.lossProbability = params.real("loss");
  c.weight = params.integer("weight");
  return c;
}

std::unique_ptr<Simulation> buildSimulation(const Scenario& scenario,
                                            const ComponentRegistry& registry,
                                            std::uint64_t seed) {
  auto sim = std::make_unique<Simulation>(seed);
  // The engine components each scenario component stands for, in declaration order.
  std::unordered_map<std::string, std::vector<ComponentId>> built;
  for (const ComponentSpec& spec : scenario.components) {
    const ComponentKind* kind = registry.find(spec.kind);
    if (!kind) throw std::invalid_argument("unknown component kind \"" + spec.kind + "\"");
    const std::size_t n = kind->instanceCount ? kind->instanceCount(spec.params) : 1;
    std::vector<ComponentId>& ids = built[spec.id];
    for (std::size_t k = 1; k <= n; ++k) {
      ids.push_back(sim->addComponent(kind->create(n == 1 ? spec.id : instanceName(spec.id, k), spec.params)));
    }
  }
  for (const LinkSpec& spec : scenario.links) {
    const auto from = built.find(spec.from);
    const auto to = built.find(spec.to);
    if (from == built.end() || to == built.end()) {
      throw std::invalid_argument("link \"" + spec.id + "\" names a missing component");
    }
    // A link to or from a replica set joins every pair of instances.
    const std::size_t n = from->second.size() * to->second.size();
    std::size_t k = 0;
    for (const ComponentId a : from->second) {
      for (const ComponentId b : to->second) {
        ++k;
        sim->connect(a, b, linkConfigFromParams(spec.params), n == 1 ? spec.id : instanceName(spec.id, k));
      }
    }
  }
  for (const GroupSpec& g : scenario.groups) {
    if (g.isZone()) sim->extension<ZoneMap>().add(g.id, scenario.groupMembers(g.id));
  }
  return sim;
}

}  // namespace pillars
