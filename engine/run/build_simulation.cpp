#include "engine/run/build_simulation.hpp"

#include <stdexcept>

#include "engine/sim/component.hpp"

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
  for (const ComponentSpec& spec : scenario.components) {
    const ComponentKind* kind = registry.find(spec.kind);
    if (!kind) throw std::invalid_argument("unknown component kind \"" + spec.kind + "\"");
    sim->addComponent(kind->create(spec.id, spec.params));
  }
  for (const LinkSpec& spec : scenario.links) {
    const Component* from = sim->findComponent(spec.from);
    const Component* to = sim->findComponent(spec.to);
    if (!from || !to) throw std::invalid_argument("link \"" + spec.id + "\" names a missing component");
    sim->connect(from->id(), to->id(), linkConfigFromParams(spec.params), spec.id);
  }
  return sim;
}

}  // namespace pillars
