#include "engine/pillars/control/orchestrator.hpp"

#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

void Orchestrator::watch(Simulation& sim, ComponentId instance, const RestartBackoff::Config& backoff) {
  if (!m_sim) {
    m_sim = &sim;
    sim.registerHandler(*this);
  }
  if (instance >= m_instances.size()) m_instances.resize(static_cast<std::size_t>(instance) + 1);
  Watched& w = m_instances[instance];
  if (w.enlisted) return;
  w.enlisted = true;
  w.backoff = RestartBackoff(backoff);
}

Orchestrator::Watched* Orchestrator::find(ComponentId instance) {
  if (instance >= m_instances.size() || !m_instances[instance].enlisted) return nullptr;
  return &m_instances[instance];
}

void Orchestrator::started(ComponentId instance, SimTime now) {
  Watched* w = find(instance);
  if (!w) return;
  w->backoff.started(now);
  if (w->incident >= 0) {
    Incident& i = m_incidents[static_cast<std::size_t>(w->incident)];
    if (i.restartedAt < 0) i.restartedAt = now;
  }
}

void Orchestrator::ready(ComponentId instance, SimTime now) {
  Watched* w = find(instance);
  if (!w || w->incident < 0) return;
  m_incidents[static_cast<std::size_t>(w->incident)].readyAt = now;
  w->incident = -1;
}

void Orchestrator::exited(ComponentId instance, SimTime now, std::uint64_t requestsLost) {
  Watched* w = find(instance);
  if (!w || !m_sim) return;
  if (w->incident < 0) {
    w->incident = static_cast<std::ptrdiff_t>(m_incidents.size());
    m_incidents.push_back({instance, now, -1, -1, 0, 0});
  }
  Incident& i = m_incidents[static_cast<std::size_t>(w->incident)];
  ++i.exits;
  i.requestsLost += requestsLost;
  const SimTime wait = w->backoff.exited(now);
  m_restarts.push_back({instance, now, now + wait});
  m_sim->schedule(wait, *this, 0, instance);
}

void Orchestrator::handleEvent(std::uint32_t /*kind*/, std::uint64_t payload) {
  const auto instance = static_cast<ComponentId>(payload);
  Watched* w = find(instance);
  if (!w) return;
  // Restarted by hand (the fault timeline) in the meantime, or taken out for good: nothing to do.
  const Component& c = m_sim->component(instance);
  if (c.isUp() || c.isRemoved()) return;
  ++w->restarts;
  m_sim->restart(instance);
}

std::uint32_t Orchestrator::restartCount(ComponentId instance) const {
  return instance < m_instances.size() ? m_instances[instance].restarts : 0;
}

SimTime Orchestrator::backoff(ComponentId instance) const {
  return instance < m_instances.size() ? m_instances[instance].backoff.current() : 0;
}

Rollout& Orchestrator::rollout(std::string_view setId, const std::function<std::unique_ptr<Rollout>()>& make) {
  for (auto& [id, r] : m_rollouts) {
    if (id == setId) return *r;
  }
  m_rollouts.emplace_back(std::string(setId), make());
  return *m_rollouts.back().second;
}

const Rollout* Orchestrator::findRollout(std::string_view setId) const {
  for (const auto& [id, r] : m_rollouts) {
    if (id == setId) return r.get();
  }
  return nullptr;
}

}  // namespace pillars
