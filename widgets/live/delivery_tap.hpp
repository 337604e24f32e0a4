#pragma once

#include <cstdint>

#include "engine/run/flight_recorder.hpp"
#include "engine/sim/observer.hpp"

namespace pillars {

class Simulation;

/// The observer LiveRun attaches to its simulation: it passes every notification on to the
/// flight recorder and counts deliveries on the way. Armed, it asks the kernel to stop right
/// after the event that delivered a message, so "step to the next delivery" lands exactly
/// there without a per-event loop and without the engine knowing about stepping.
class DeliveryTap final : public SimObserver {
 public:
  explicit DeliveryTap(FlightRecorder& recorder) : m_recorder(recorder) {}

  /// Stops `sim` after the next delivery (Simulation::stop); nullptr disarms.
  void arm(Simulation* sim) { m_stopOnDelivery = sim; }
  /// Deliveries seen since construction (never reset: callers compare before and after).
  std::uint64_t deliveries() const { return m_deliveries; }

  void onSend(const Message& msg, LinkId link, SimTime sentAt, SimTime arrivesAt) override {
    m_recorder.onSend(msg, link, sentAt, arrivesAt);
  }
  void onDeliver(const Message& msg, LinkId link, SimTime at) override;
  void onDrop(const Message& msg, LinkId link, DropReason reason, SimTime at) override {
    m_recorder.onDrop(msg, link, reason, at);
  }
  void onComponentState(ComponentId id, ComponentState state, SimTime at) override {
    m_recorder.onComponentState(id, state, at);
  }
  void onLinkState(LinkId link, bool up, SimTime at) override { m_recorder.onLinkState(link, up, at); }
  void onComponentAdded(ComponentId id, SimTime at) override { m_recorder.onComponentAdded(id, at); }
  void onLinkAdded(LinkId link, SimTime at) override { m_recorder.onLinkAdded(link, at); }

 private:
  FlightRecorder& m_recorder;
  Simulation* m_stopOnDelivery = nullptr;
  std::uint64_t m_deliveries = 0;
};

}  // namespace pillars
