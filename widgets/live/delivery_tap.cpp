#include "widgets/live/delivery_tap.hpp"

#include "engine/sim/simulation.hpp"

namespace pillars {

void DeliveryTap::onDeliver(const Message& /*msg*/, LinkId /*link*/, SimTime /*at*/) {
  ++m_deliveries;
  // The kernel finishes this event (the receiver still gets the message) and then returns.
  if (m_stopOnDelivery) m_stopOnDelivery->stop();
}

}  // namespace pillars
