#include "engine/run/flight_recorder.hpp"

#include <algorithm>

namespace pillars {

FlightRecorder::FlightRecorder(std::size_t logCapacity) : m_logCapacity(std::max<std::size_t>(logCapacity, 1)) {}

void FlightRecorder::expire(SimTime now) {
  std::erase_if(m_flights, [now](const Flight& f) { return f.arrives <= now; });
}

std::span<const FlightRecorder::Death> FlightRecorder::takeDeaths() {
  m_deathsTaken.clear();
  std::swap(m_deaths, m_deathsTaken);
  return m_deathsTaken;
}

std::span<const std::uint32_t> FlightRecorder::takeLinkTraffic() {
  m_linkTrafficTaken.assign(m_linkTraffic.begin(), m_linkTraffic.end());
  std::fill(m_linkTraffic.begin(), m_linkTraffic.end(), 0u);
  return m_linkTrafficTaken;
}

void FlightRecorder::clear() {
  m_flights.clear();
  m_deaths.clear();
  m_deathsTaken.clear();
  std::fill(m_linkTraffic.begin(), m_linkTraffic.end(), 0u);
  m_log.clear();
  m_logTotal = 0;
}

void FlightRecorder::record(const Event& e) {
  if (m_log.size() == m_logCapacity) m_log.popFront();
  m_log.pushBack(e);
  ++m_logTotal;
}

void FlightRecorder::countTraffic(LinkId link) {
  if (link >= m_linkTraffic.size()) m_linkTraffic.resize(link + 1, 0u);
  ++m_linkTraffic[link];
}

void FlightRecorder::onSend(const Message& msg, LinkId link, SimTime sentAt, SimTime arrivesAt) {
  m_flights.push_back({sentAt, arrivesAt, link, msg.src, msg.dst, msg.kind});
  countTraffic(link);
  if (m_logMessages) {
    record({sentAt, EventType::Send, msg.kind, DropReason::Loss, msg.src, msg.dst, link, msg.requestId});
  }
}

void FlightRecorder::onDeliver(const Message& msg, LinkId link, SimTime at) {
  if (m_logMessages) {
    record({at, EventType::Deliver, msg.kind, DropReason::Loss, msg.dst, msg.src, link, msg.requestId});
  }
}

void FlightRecorder::onDrop(const Message& msg, LinkId link, DropReason reason, SimTime at) {
  // A message refused at send time never flew (and its dst may not even be set yet): it dies
  // at the sender. Anything else died on arrival, at the receiver's end of the link, and
  // leaves the wire now rather than at the next frame: the flash replaces it.
  const auto flying = std::find_if(m_flights.begin(), m_flights.end(), [&](const Flight& f) {
    return f.link == link && f.src == msg.src && f.arrives == at;
  });
  const bool atSend = flying == m_flights.end();
  const ComponentId where = atSend ? msg.src : msg.dst;
  if (!atSend) m_flights.erase(flying);
  m_deaths.push_back({at, link, where, msg.kind, reason});
  record({at, EventType::Drop, msg.kind, reason, where, atSend ? msg.dst : msg.src, link, msg.requestId});
}

void FlightRecorder::onComponentState(ComponentId id, ComponentState state, SimTime at) {
  record({at, state == ComponentState::Down ? EventType::Crash : EventType::Restart, MessageKind::Request,
          DropReason::Loss, id, kNoComponent, kNoLink, 0});
}

void FlightRecorder::onLinkState(LinkId link, bool up, SimTime at) {
  record({at, up ? EventType::LinkHeal : EventType::LinkCut, MessageKind::Request, DropReason::Loss,
          kNoComponent, kNoComponent, link, 0});
}

void FlightRecorder::onComponentAdded(ComponentId id, SimTime at) {
  record({at, EventType::Added, MessageKind::Request, DropReason::Loss, id, kNoComponent, kNoLink, 0});
}

void FlightRecorder::onComponentRemoved(ComponentId id, SimTime at) {
  record({at, EventType::Removed, MessageKind::Request, DropReason::Loss, id, kNoComponent, kNoLink, 0});
}

void FlightRecorder::onLinkAdded(LinkId link, SimTime at) {
  record({at, EventType::Connected, MessageKind::Request, DropReason::Loss, kNoComponent, kNoComponent, link, 0});
}

void FlightRecorder::onLinkRemoved(LinkId link, SimTime at) {
  // Messages still drawn on it die with it (the network reports each as a drop on arrival).
  record({at, EventType::Disconnected, MessageKind::Request, DropReason::Loss, kNoComponent, kNoComponent, link, 0});
}

}  // namespace pillars
