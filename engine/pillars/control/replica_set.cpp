#include "engine/pillars/control/replica_set.hpp"

#include <algorithm>

#include "engine/run/instances.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

bool instanceReady(const Simulation& sim, ComponentId id) {
  const Component& c = sim.component(id);
  return c.isUp() && !c.isRemoved() && c.healthy();
}

std::size_t instanceToRemove(const Simulation& sim, const std::vector<ComponentId>& live) {
  auto victim = std::find_if(live.begin(), live.end(), [&](ComponentId id) { return !sim.component(id).isUp(); });
  if (victim == live.end()) victim = std::find_if(live.begin(), live.end(), [&](ComponentId id) { return !instanceReady(sim, id); });
  if (victim == live.end()) victim = live.end() - 1;
  return static_cast<std::size_t>(victim - live.begin());
}

ComponentId addCopyOf(Simulation& sim, std::string_view setId, ComponentId like) {
  std::unique_ptr<Component> made = sim.component(like).makeSibling(nextInstanceName(sim, setId));
  if (!made) return kNoComponent;
  return addInstanceLike(sim, like, std::move(made));
}

}  // namespace pillars
