#include "engine/sim/simulation.hpp"

#include <stdexcept>

#include "engine/sim/component.hpp"
#include "engine/sim/component_group.hpp"

namespace pillars {

namespace {

/// Folds one 64-bit word into the fingerprint: multiply-xorshift, cheap and well mixed.
inline std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h ^= v;
  h *= 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 29);
}

}  // namespace

Simulation::Simulation(std::uint64_t seed) : m_seed(seed), m_network(*this) {
  m_network.setTraceId(0xffff0001u);
}

Simulation::~Simulation() = default;

void Simulation::initialize() {
  if (m_initialized) return;
  m_initialized = true;
  // Index loop: start() may add components (an autoscaler's initial instances).
  for (std::size_t i = 0; i < m_components.size(); ++i) m_components[i]->start();
}

inline void Simulation::dispatch(const DueEvent& event) {
  m_now = event.time;
  ++m_eventCount;
  std::uint64_t h = mix(m_fingerprint, static_cast<std::uint64_t>(event.time));
  h = mix(h, (static_cast<std::uint64_t>(event.handler->traceId()) << 32) | event.kind);
  m_fingerprint = mix(h, event.payload);
  event.handler->handleEvent(event.kind, event.payload);
}

bool Simulation::step() {
  initialize();
  DueEvent event;
  while (m_queue.popUntil(kTimeNever, event)) {
    if (event.handler->epoch() != event.epoch) continue;  // its target crashed meanwhile
    dispatch(event);
    return true;
  }
  return false;
}

std::uint64_t Simulation::runUntil(SimTime limit) { return runUntil(limit, ~std::uint64_t{0}); }

std::uint64_t Simulation::runUntil(SimTime limit, std::uint64_t maxEvents) {
  initialize();
  if (m_halted) return 0;
  m_stopRequested = false;
  std::uint64_t ran = 0;
  DueEvent event;
  while (ran < maxEvents && !m_stopRequested) {
    if (!m_queue.popUntil(limit, event)) {
      if (limit != kTimeNever && limit > m_now) m_now = limit;
      break;
    }
    if (event.handler->epoch() != event.epoch) continue;
    dispatch(event);
    ++ran;
  }
  return ran;
}

ComponentId Simulation::addComponent(std::unique_ptr<Component> component) {
  const auto id = static_cast<ComponentId>(m_components.size());
  if (!m_byName.emplace(component->name(), id).second) {
    throw std::invalid_argument("a component named \"" + component->name() +
                                "\" already exists in this simulation (names are never reused)");
  }
  component->attach(*this, id);
  m_components.push_back(std::move(component));
  if (SimObserver* obs = observer()) obs->onComponentAdded(id, m_now);
  if (m_initialized) m_components.back()->start();
  return id;
}

LinkId Simulation::connect(ComponentId from, ComponentId to, const LinkConfig& config) {
  return connect(from, to, config, m_components[from]->name() + "->" + m_components[to]->name());
}

LinkId Simulation::connect(ComponentId from, ComponentId to, const LinkConfig& config,
                           std::string name) {
  if (m_components[from]->isRemoved() || m_components[to]->isRemoved()) {
    throw std::invalid_argument("cannot link \"" + name + "\": one end was removed");
  }
  const LinkId id = m_network.addLink(from, to, config, std::move(name));
  m_components[from]->addLink(id, true);
  m_components[to]->addLink(id, false);
  if (SimObserver* obs = observer()) obs->onLinkAdded(id, m_now);
  return id;
}

void Simulation::removeComponent(ComponentId id) {
  Component& c = *m_components[id];
  if (c.isRemoved()) return;
  // Retired first, so the component's own link hooks stay quiet while its links go.
  c.retire();
  while (!c.outgoingLinks().empty()) disconnect(c.outgoingLinks().back());
  while (!c.incomingLinks().empty()) disconnect(c.incomingLinks().back());
  if (SimObserver* obs = observer()) obs->onComponentRemoved(id, m_now);
}

void Simulation::disconnect(LinkId id) {
  Link& link = m_network.link(id);
  if (link.removed) return;
  m_network.remove(id);
  m_components[link.from]->removeLink(id, true);
  m_components[link.to]->removeLink(id, false);
  if (SimObserver* obs = observer()) obs->onLinkRemoved(id, m_now);
}

std::vector<std::string> Simulation::componentNames() const {
  std::vector<std::string> names;
  names.reserve(m_components.size());
  for (const auto& c : m_components) names.push_back(c->name());
  return names;
}

Component* Simulation::findComponent(std::string_view name) {
  const auto it = m_byName.find(std::string(name));
  return it == m_byName.end() ? nullptr : m_components[it->second].get();
}

ComponentGroup& Simulation::addGroup(std::unique_ptr<ComponentGroup> group) {
  if (findGroup(group->id())) {
    throw std::invalid_argument("a group named \"" + group->id() + "\" already exists in this simulation");
  }
  m_groups.push_back(std::move(group));
  return *m_groups.back();
}

ComponentGroup* Simulation::findGroup(std::string_view id) {
  for (const auto& g : m_groups) {
    if (g->id() == id) return g.get();
  }
  return nullptr;
}

void Simulation::crash(ComponentId id) {
  Component& c = *m_components[id];
  if (!c.isUp()) return;
  c.crash();
  if (SimObserver* obs = observer()) obs->onComponentState(id, ComponentState::Down, m_now);
}

void Simulation::restart(ComponentId id) {
  Component& c = *m_components[id];
  if (c.isUp() || c.isRemoved()) return;
  c.restart();
  if (SimObserver* obs = observer()) obs->onComponentState(id, ComponentState::Up, m_now);
}

void Simulation::setSlowdown(ComponentId id, double factor) {
  Component& c = *m_components[id];
  const double before = c.slowdown();
  c.setSlowdown(factor);
  // Like a crash of a crashed component, a change to the same speed is no event.
  if (c.slowdown() == before) return;
  if (SimObserver* obs = observer()) obs->onSlowdown(id, c.slowdown(), m_now);
}

void Simulation::registerHandler(EventHandler& handler) {
  handler.setTraceId(m_nextHelperTraceId++);
}

}  // namespace pillars
