#include "engine/sim/component.hpp"

#include <algorithm>

#include "engine/sim/simulation.hpp"

namespace pillars {

Component::Component(std::string name, std::string kind)
    : m_name(std::move(name)), m_kind(std::move(kind)) {}

Component::~Component() = default;

void Component::attach(Simulation& sim, ComponentId id) {
  m_sim = &sim;
  m_id = id;
  m_addedAt = sim.now();
  setTraceId(id);
  // Named, not numbered: a component's random stream does not depend on what else exists.
  m_rng = sim.stream("component:" + m_name);
}

void Component::addLink(LinkId link, bool outgoing) {
  (outgoing ? m_outgoing : m_incoming).push_back(link);
  // Links added before the run are seen by start(); later ones are topology changes.
  if (m_sim->initialized()) onLinkAdded(link, outgoing);
}

void Component::removeLink(LinkId link, bool outgoing) {
  auto& links = outgoing ? m_outgoing : m_incoming;
  const auto it = std::find(links.begin(), links.end(), link);
  if (it == links.end()) return;
  links.erase(it);
  if (m_sim->initialized() && !m_removed) onLinkRemoved(link, outgoing);
}

void Component::retire() {
  // Marked first, so onCrash can tell removal from a crash (an orchestrator must not restart it).
  m_removed = true;
  m_removedAt = now();
  crash();
}

SimTime Component::now() const { return m_sim->now(); }

EventId Component::setTimer(SimTime delay, std::uint32_t kind, std::uint64_t payload) {
  return m_sim->schedule(delay, *this, kind, payload);
}

void Component::cancelTimer(EventId& id) {
  if (!id.isNull()) m_sim->cancel(id);
  id = EventId{};
}

void Component::send(LinkId link, const Message& msg) { m_sim->network().send(link, msg); }

void Component::reportWork(const Message& request, SimTime duration) {
  if (SimObserver* obs = m_sim->observer()) obs->onWork(m_id, request, now(), now() + duration);
}

void Component::deliver(const Message& msg, LinkId via) {
  if (msg.kind == MessageKind::HealthCheck) {
    if (healthy()) send(via, msg.replyWith(MessageKind::HealthReply, msg.sizeBytes));
    return;
  }
  receive(msg, via);
}

void Component::crash() {
  if (!m_up) return;
  m_up = false;
  advanceEpoch();
  onCrash();
}

void Component::restart() {
  if (m_up || m_removed) return;
  m_up = true;
  onRestart();
}

void Component::setSlowdown(double factor) {
  // std::max(1.0, NaN) is 1.0: a nonsense factor never speeds anything up or poisons times.
  m_slowdown = std::max(1.0, factor);
}

}  // namespace pillars
