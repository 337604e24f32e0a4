#pragma once

#include <cstdint>

#include "engine/sim/observer.hpp"

namespace pillars {

class Simulation;

/// Counts deliveries for LiveRun, beside the flight recorder on the simulation's observer
/// list. Armed, it asks the kernel to stop right after the event that delivered a message, so
/// "step to the next delivery" lands exactly there without a per-event loop and without the
/// engine knowing about stepping.
class DeliveryTap final : public SimObserver {
 public:
  /// Stops `sim` after the next delivery (Simulation::stop); nullptr disarms.
  void arm(Simulation* sim) { m_stopOnDelivery = sim; }
  /// Deliveries seen since construction (never reset: callers compare before and after).
  std::uint64_t deliveries() const { return m_deliveries; }

  void onDeliver(const Message& msg, LinkId link, SimTime at) override;

 private:
  Simulation* m_stopOnDelivery = nullptr;
  std::uint64_t m_deliveries = 0;
};

}  // namespace pillars
