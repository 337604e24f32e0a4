#include "engine/pillars/control/service_set.hpp"

#include <algorithm>
#include <memory>

#include "engine/pillars/work/service.hpp"
#include "engine/run/instances.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

ServiceSet::ServiceSet(const Simulation& sim, std::string setId)
    : ComponentGroup(std::move(setId), std::string(kKind)), m_sim(sim) {}

std::vector<ComponentId> ServiceSet::members() const {
  std::vector<ComponentId> out;
  for (ComponentId i = 0; i < m_sim.componentCount(); ++i) {
    const Component& c = m_sim.component(i);
    if (!c.isRemoved() && c.kind() == Service::kKind && scenarioIdOf(c.name()) == id()) out.push_back(i);
  }
  return out;
}

std::vector<SeriesColumn> ServiceSet::seriesColumns() const {
  return {{"instances", false}, {"ready", false}, {"v2_instances", false}};
}

void ServiceSet::seriesValues(SimTime /*now*/, double* out) const {
  double up = 0, ready = 0, second = 0;
  for (const ComponentId i : members()) {
    const Component& c = m_sim.component(i);
    if (!c.isUp()) continue;
    ++up;
    ready += c.healthy() ? 1 : 0;
    second += static_cast<const Service&>(c).version() == 2 ? 1 : 0;
  }
  out[0] = up;
  out[1] = ready;
  out[2] = second;
}

void ServiceSets::ensure(Simulation& sim, std::string_view setId) {
  if (std::find(m_made.begin(), m_made.end(), setId) != m_made.end()) return;
  m_made.emplace_back(setId);
  sim.addGroup(std::make_unique<ServiceSet>(sim, std::string(setId)));
}

}  // namespace pillars
