#include "engine/run/instances.hpp"

#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

std::string instanceName(std::string_view id, std::size_t k) {
  return std::string(id) + "#" + std::to_string(k);
}

std::string_view scenarioIdOf(std::string_view engineName) {
  return engineName.substr(0, engineName.find('#'));
}

std::size_t instanceNumberOf(std::string_view engineName) {
  const std::size_t hash = engineName.find('#');
  if (hash == std::string_view::npos) return 0;
  std::size_t k = 0;
  for (const char c : engineName.substr(hash + 1)) {
    if (c < '0' || c > '9') return 0;
    k = k * 10 + static_cast<std::size_t>(c - '0');
  }
  return k;
}

std::vector<ComponentId> instancesOf(const Simulation& sim, std::string_view id) {
  std::vector<ComponentId> out;
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const Component& c = sim.component(static_cast<ComponentId>(i));
    if (!c.isRemoved() && scenarioIdOf(c.name()) == id) out.push_back(c.id());
  }
  return out;
}

std::vector<LinkId> linksOf(const Simulation& sim, std::string_view id) {
  std::vector<LinkId> out;
  const Network& net = sim.network();
  for (std::size_t i = 0; i < net.linkCount(); ++i) {
    const Link& l = net.link(static_cast<LinkId>(i));
    if (!l.removed && scenarioIdOf(l.name) == id) out.push_back(l.id);
  }
  return out;
}

}  // namespace pillars
