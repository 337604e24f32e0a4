#include "engine/run/fault_injector.hpp"

#include "engine/run/instances.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

FaultInjector::FaultInjector(Simulation& sim, const Scenario& scenario) : m_sim(sim) {
  sim.registerHandler(*this);
  for (const FaultSpec& f : scenario.faults) {
    Planned planned{f, {}};
    if (!faultTargetsLink(f.action)) {
      planned.components = scenario.findComponent(f.target) ? std::vector<std::string>{f.target}
                                                             : scenario.groupMembers(f.target);
    }
    sim.scheduleAt(f.at, *this, 0, m_faults.size());
    m_faults.push_back(std::move(planned));
  }
}

void FaultInjector::handleEvent(std::uint32_t /*kind*/, std::uint64_t payload) {
  const Planned& p = m_faults[payload];
  const FaultSpec& f = p.fault;
  if (faultTargetsLink(f.action)) {
    for (const LinkId link : linksOf(m_sim, f.target)) {
      switch (f.action) {
        case FaultAction::Cut: m_sim.cutLink(link); break;
        case FaultAction::Heal: m_sim.healLink(link); break;
        case FaultAction::Delay: m_sim.setLinkExtraLatency(link, f.latency); break;
        case FaultAction::Loss: m_sim.setLinkLossProbability(link, f.value); break;
        default: break;
      }
    }
    return;
  }
  for (const std::string& target : p.components) {
    for (const ComponentId id : instancesOf(m_sim, target)) {
      switch (f.action) {
        case FaultAction::Crash: m_sim.crash(id); break;
        case FaultAction::Restart: m_sim.restart(id); break;
        case FaultAction::Slow: m_sim.setSlowdown(id, f.value); break;
        // A kind's own action: members of a group whose kind lacks it are left alone.
        default: m_sim.component(id).intervene({faultActionName(f.action), f.value}); break;
      }
    }
  }
}

}  // namespace pillars
