#pragma once

#include <algorithm>
#include <vector>

#include "engine/sim/observer.hpp"

namespace pillars {

/// The observers attached to one simulation, in the order they were added. The kernel sees
/// the list as one observer (or none when it is empty, so an unobserved run still pays one
/// branch per notification); every notification goes to each member in turn. Observers that
/// used to forward to one another by hand (a history recorder and a trace writer, the app's
/// delivery counter and its flight recorder) now simply both join the list.
class ObserverList final : public SimObserver {
 public:
  bool empty() const { return m_observers.empty(); }
  std::size_t size() const { return m_observers.size(); }
  bool contains(const SimObserver* o) const {
    return std::find(m_observers.begin(), m_observers.end(), o) != m_observers.end();
  }
  /// Adds `o` once (adding it again changes nothing); null is ignored.
  void add(SimObserver* o) {
    if (o && !contains(o)) m_observers.push_back(o);
  }
  void remove(const SimObserver* o) {
    m_observers.erase(std::remove(m_observers.begin(), m_observers.end(), o), m_observers.end());
  }
  void clear() { m_observers.clear(); }
  /// The first observer added (the list must not be empty).
  SimObserver* first() const { return m_observers.front(); }

  void onSend(const Message& msg, LinkId link, SimTime sentAt, SimTime arrivesAt) override {
    for (SimObserver* o : m_observers) o->onSend(msg, link, sentAt, arrivesAt);
  }
  void onDeliver(const Message& msg, LinkId link, SimTime at) override {
    for (SimObserver* o : m_observers) o->onDeliver(msg, link, at);
  }
  void onDrop(const Message& msg, LinkId link, DropReason reason, SimTime at) override {
    for (SimObserver* o : m_observers) o->onDrop(msg, link, reason, at);
  }
  void onComponentState(ComponentId id, ComponentState state, SimTime at) override {
    for (SimObserver* o : m_observers) o->onComponentState(id, state, at);
  }
  void onLinkState(LinkId link, bool up, SimTime at) override {
    for (SimObserver* o : m_observers) o->onLinkState(link, up, at);
  }
  void onWork(ComponentId where, const Message& request, SimTime start, SimTime end) override {
    for (SimObserver* o : m_observers) o->onWork(where, request, start, end);
  }
  void onSlowdown(ComponentId id, double factor, SimTime at) override {
    for (SimObserver* o : m_observers) o->onSlowdown(id, factor, at);
  }
  void onLinkExtraLatency(LinkId link, SimTime extraLatency, SimTime at) override {
    for (SimObserver* o : m_observers) o->onLinkExtraLatency(link, extraLatency, at);
  }
  void onLinkLossProbability(LinkId link, double probability, SimTime at) override {
    for (SimObserver* o : m_observers) o->onLinkLossProbability(link, probability, at);
  }
  void onComponentAdded(ComponentId id, SimTime at) override {
    for (SimObserver* o : m_observers) o->onComponentAdded(id, at);
  }
  void onLinkAdded(LinkId link, SimTime at) override {
    for (SimObserver* o : m_observers) o->onLinkAdded(link, at);
  }
  void onComponentRemoved(ComponentId id, SimTime at) override {
    for (SimObserver* o : m_observers) o->onComponentRemoved(id, at);
  }
  void onLinkRemoved(LinkId link, SimTime at) override {
    for (SimObserver* o : m_observers) o->onLinkRemoved(link, at);
  }

 private:
  std::vector<SimObserver*> m_observers;
};

}  // namespace pillars
