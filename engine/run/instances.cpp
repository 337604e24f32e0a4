#include "engine/run/instances.hpp"

#include <algorithm>

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

namespace {

// One past the highest instance number among `names` of scenario id `id` (a plain `id` is 0).
template <typename NameAt>
std::size_t nextNumber(std::size_t count, NameAt nameAt, std::string_view id) {
  std::size_t highest = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view name = nameAt(i);
    if (scenarioIdOf(name) == id) highest = std::max(highest, instanceNumberOf(name));
  }
  return highest + 1;
}

std::string nextLinkName(const Network& net, std::string_view id) {
  const std::size_t k = nextNumber(
      net.linkCount(), [&](std::size_t i) -> std::string_view { return net.link(static_cast<LinkId>(i)).name; }, id);
  return instanceName(id, k);
}

}  // namespace

std::string nextInstanceName(const Simulation& sim, std::string_view id) {
  const std::size_t k = nextNumber(
      sim.componentCount(),
      [&](std::size_t i) -> std::string_view { return sim.component(static_cast<ComponentId>(i)).name(); }, id);
  return instanceName(id, k);
}

ComponentId addInstanceLike(Simulation& sim, ComponentId like, std::unique_ptr<Component> component) {
  // The links to copy are taken before adding: the new ones must not be copied again.
  struct Copy {
    ComponentId from, to;
    LinkConfig config;
    std::string scenarioId;
  };
  std::vector<Copy> copies;
  const Network& net = sim.network();
  for (std::size_t i = 0; i < net.linkCount(); ++i) {
    const Link& l = net.link(static_cast<LinkId>(i));
    if (l.removed || (l.from != like && l.to != like)) continue;
    copies.push_back({l.from, l.to, l.config, std::string(scenarioIdOf(l.name))});
  }
  const ComponentId id = sim.addComponent(std::move(component));
  for (const Copy& c : copies) {
    const ComponentId from = c.from == like ? id : c.from;
    const ComponentId to = c.to == like ? id : c.to;
    sim.connect(from, to, c.config, nextLinkName(sim.network(), c.scenarioId));
  }
  return id;
}

}  // namespace pillars
