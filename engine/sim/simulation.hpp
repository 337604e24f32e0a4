#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/sim/event_queue.hpp"
#include "engine/sim/ids.hpp"
#include "engine/sim/network.hpp"
#include "engine/sim/observer_list.hpp"
#include "engine/sim/random.hpp"
#include "engine/sim/simulation_extension.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

class Component;
class ComponentGroup;

/// One discrete-event simulation: its clock, pending events, components, network and random
/// streams. There is no global state, so any number of simulations can run side by side
/// (tests, batch sweeps, the GUI and a background run).
class Simulation {
 public:
  explicit Simulation(std::uint64_t seed);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // --- Clock and events ----------------------------------------------------------------------
  SimTime now() const { return m_now; }
  EventId schedule(SimTime delay, EventHandler& handler, std::uint32_t kind,
                   std::uint64_t payload = 0) {
    return m_queue.push(saturatingAdd(m_now, delay), &handler, kind, payload);
  }
  EventId scheduleAt(SimTime time, EventHandler& handler, std::uint32_t kind,
                     std::uint64_t payload = 0) {
    return m_queue.push(time < m_now ? m_now : time, &handler, kind, payload);
  }
  bool cancel(EventId id) { return m_queue.cancel(id); }
  bool isPending(EventId id) const { return m_queue.isPending(id); }

  /// Runs one event. Returns false when nothing is pending.
  bool step();
  /// Runs every event due at or before `limit`, then leaves the clock at `limit` (unless stopped
  /// early). Returns the number of events run.
  std::uint64_t runUntil(SimTime limit);
  /// Like runUntil, but gives up after `maxEvents` events (for frame budgets and progress).
  std::uint64_t runUntil(SimTime limit, std::uint64_t maxEvents);
  /// Asks a running runUntil to return after the current event.
  void stop() { m_stopRequested = true; }
  bool stopRequested() const { return m_stopRequested; }
  /// Stops the run for good: runUntil returns at once from now on. For a broken invariant
  /// (a safety checker's finding), after which the rest of the run means nothing.
  void halt() {
    m_halted = true;
    m_stopRequested = true;
  }
  bool halted() const { return m_halted; }

  std::uint64_t eventCount() const { return m_eventCount; }
  std::size_t pendingEvents() const { return m_queue.size(); }
  SimTime nextEventTime() { return m_queue.peekTime(); }
  /// A running hash of every event run (time, target, kind, payload): two runs with the same
  /// scenario and seed have the same fingerprint, and almost surely differ otherwise.
  std::uint64_t fingerprint() const { return m_fingerprint; }

  // --- Randomness ----------------------------------------------------------------------------
  std::uint64_t seed() const { return m_seed; }
  /// An independent stream, the same for the same name and master seed in every run.
  Rng stream(std::string_view name) const { return Rng(Rng::streamSeed(m_seed, name)); }

  // --- Topology (may grow and shrink while running) -----------------------------------------
  /// Adds a component; it starts at once when the run is under way. Names are unique for the
  /// simulation's whole life, a removed component's included: a name seeds the component's
  /// random stream, so a second "web#3" would silently replay the first one's numbers. A
  /// duplicate throws std::invalid_argument.
  ComponentId addComponent(std::unique_ptr<Component> component);
  LinkId connect(ComponentId from, ComponentId to, const LinkConfig& config);
  /// Link names are unique like component names (they seed the link's stream).
  LinkId connect(ComponentId from, ComponentId to, const LinkConfig& config, std::string name);
  /// Takes a component out for good: it crashes (its work in progress is lost, its timers
  /// die), every link it has is disconnected, and it never restarts. Its id stays valid and
  /// its metrics readable; results report it as removed. Removing it again does nothing.
  void removeComponent(ComponentId id);
  /// Takes a link out for good: messages on it are lost, both ends forget it
  /// (Component::onLinkRemoved). Its id stays valid and its counters readable.
  void disconnect(LinkId id);
  /// Every component ever added, removed ones included (ids are indexes and never reused).
  Component& component(ComponentId id) { return *m_components[id]; }
  const Component& component(ComponentId id) const { return *m_components[id]; }
  std::size_t componentCount() const { return m_components.size(); }
  /// Every component's name, indexed by ComponentId.
  std::vector<std::string> componentNames() const;
  /// The component named `name` (removed ones too), or null.
  Component* findComponent(std::string_view name);
  Network& network() { return m_network; }
  const Network& network() const { return m_network; }

  // --- Groups --------------------------------------------------------------------------------
  /// Adopts a group (a Raft group, a replica set); its id must be unique (std::invalid_argument
  /// otherwise). The reference stays valid for the simulation's life.
  ComponentGroup& addGroup(std::unique_ptr<ComponentGroup> group);
  std::size_t groupCount() const { return m_groups.size(); }
  ComponentGroup& group(std::size_t index) { return *m_groups[index]; }
  const ComponentGroup& group(std::size_t index) const { return *m_groups[index]; }
  ComponentGroup* findGroup(std::string_view id);

  // --- Extensions ----------------------------------------------------------------------------
  /// The simulation's one T (a SimulationExtension), created on first use.
  template <typename T>
  T& extension() {
    if (T* found = findExtension<T>()) return *found;
    m_extensions.push_back(std::make_unique<T>());
    return static_cast<T&>(*m_extensions.back());
  }
  /// The simulation's T if something created it, else null.
  template <typename T>
  T* findExtension() const {
    for (const auto& e : m_extensions) {
      if (auto* t = dynamic_cast<T*>(e.get())) return t;
    }
    return nullptr;
  }

  // --- Faults --------------------------------------------------------------------------------
  void crash(ComponentId id);
  void restart(ComponentId id);
  void cutLink(LinkId id) { m_network.cut(id); }
  void healLink(LinkId id) { m_network.heal(id); }
  /// Multiplies the component's work times by `factor` (>= 1; 1 restores normal speed); see
  /// Component::setSlowdown. Kinds without a work time (client, balancer, queue) ignore it.
  void setSlowdown(ComponentId id, double factor);
  /// Adds a constant `extra` to every latency on the link (0 removes it); see Network.
  void setLinkExtraLatency(LinkId id, SimTime extra) { m_network.setExtraLatency(id, extra); }
  /// Replaces the link's loss probability (0 to 1); see Network.
  void setLinkLossProbability(LinkId id, double probability) {
    m_network.setLossProbability(id, probability);
  }

  // --- Observation ---------------------------------------------------------------------------
  /// Attaches an observer beside any already attached (each is told everything, in the order
  /// they were added); attaching one twice changes nothing. The observer must outlive the
  /// simulation or be removed first.
  void addObserver(SimObserver* observer) {
    m_observers.add(observer);
    updateObserver();
  }
  void removeObserver(const SimObserver* observer) {
    m_observers.remove(observer);
    updateObserver();
  }
  /// Replaces every attached observer by `observer` (null detaches them all).
  void setObserver(SimObserver* observer) {
    m_observers.clear();
    m_observers.add(observer);
    updateObserver();
  }
  /// What the kernel notifies: null when nobody watches (one load and one branch per
  /// notification), the observer itself when there is one, the list when there are several.
  SimObserver* observer() const { return m_observer; }
  bool isObserved(const SimObserver* observer) const { return m_observers.contains(observer); }

  /// Gives a helper handler (sampler, fault injector) a stable trace id.
  void registerHandler(EventHandler& handler);

  /// Starts every component; done automatically by the first step or run.
  void initialize();
  bool initialized() const { return m_initialized; }

 private:
  void dispatch(const DueEvent& event);

  std::uint64_t m_seed;
  SimTime m_now = 0;
  EventQueue m_queue;
  std::uint64_t m_eventCount = 0;
  std::uint64_t m_fingerprint = 0xcbf29ce484222325ull;
  bool m_stopRequested = false;
  bool m_halted = false;
  bool m_initialized = false;
  void updateObserver() {
    m_observer = m_observers.empty()     ? nullptr
                 : m_observers.size() == 1 ? m_observers.first()
                                           : &m_observers;
  }

  ObserverList m_observers;
  SimObserver* m_observer = nullptr;  // see observer()
  std::vector<std::unique_ptr<Component>> m_components;
  std::unordered_map<std::string, ComponentId> m_byName;
  std::vector<std::unique_ptr<ComponentGroup>> m_groups;
  std::vector<std::unique_ptr<SimulationExtension>> m_extensions;
  Network m_network;
  std::uint32_t m_nextHelperTraceId = 0x80000000u;
};

}  // namespace pillars
