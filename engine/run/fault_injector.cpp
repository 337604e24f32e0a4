#include "engine/run/fault_injector.hpp"

#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

FaultInjector::FaultInjector(Simulation& sim, const Scenario& scenario) : m_sim(sim) {
  sim.registerHandler(*this);
  for (const FaultSpec& f : scenario.faults) {
    Resolved r{f.action, {}, kNoLink, f.value, f.latency};
    if (faultTargetsLink(f.action)) {
      for (std::size_t i = 0; i < sim.network().linkCount(); ++i) {
        if (sim.network().link(static_cast<LinkId>(i)).name == f.target) r.link = static_cast<LinkId>(i);
      }
    } else if (const Component* c = sim.findComponent(f.target)) {
      r.components.push_back(c->id());
    } else {
      for (const std::string& member : scenario.groupMembers(f.target)) {
        if (const Component* m = sim.findComponent(member)) r.components.push_back(m->id());
      }
    }
    sim.scheduleAt(f.at, *this, 0, m_faults.size());
    m_faults.push_back(std::move(r));
  }
}

void FaultInjector::handleEvent(std::uint32_t /*kind*/, std::uint64_t payload) {
  const Resolved& f = m_faults[payload];
  switch (f.action) {
    case FaultAction::Crash:
      for (const ComponentId id : f.components) m_sim.crash(id);
      return;
    case FaultAction::Restart:
      for (const ComponentId id : f.components) m_sim.restart(id);
      return;
    case FaultAction::Cut:
      if (f.link != kNoLink) m_sim.cutLink(f.link);
      return;
    case FaultAction::Heal:
      if (f.link != kNoLink) m_sim.healLink(f.link);
      return;
    case FaultAction::Slow:
      for (const ComponentId id : f.components) m_sim.setSlowdown(id, f.value);
      return;
    case FaultAction::Delay:
      if (f.link != kNoLink) m_sim.setLinkExtraLatency(f.link, f.latency);
      return;
    case FaultAction::Loss:
      if (f.link != kNoLink) m_sim.setLinkLossProbability(f.link, f.value);
      return;
    case FaultAction::Timeout:
      // A kind's own action: members of a group whose kind lacks it are left alone.
      for (const ComponentId id : f.components) m_sim.component(id).intervene(faultActionName(f.action));
      return;
  }
}

}  // namespace pillars
