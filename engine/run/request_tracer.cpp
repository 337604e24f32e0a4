#include "engine/run/request_tracer.hpp"

#include "engine/sim/request_id.hpp"

namespace pillars {

RequestTracer::RequestTracer(std::uint64_t followed, std::size_t capacity)
    : m_followed(followed), m_capacity(capacity) {}

RequestTracer RequestTracer::following(std::uint64_t requestId) { return RequestTracer(requestId, 0); }

RequestTracer RequestTracer::recent(std::size_t capacity) {
  return RequestTracer(0, capacity > 0 ? capacity : 1);
}

std::vector<RequestTracer::Event> RequestTracer::eventsOf(std::uint64_t requestId) const {
  std::vector<Event> out;
  for (std::size_t i = 0; i < m_events.size(); ++i) {
    if (m_events.at(i).requestId == requestId) out.push_back(m_events.at(i));
  }
  return out;
}

void RequestTracer::clear() {
  m_events.clear();
  m_total = 0;
}

void RequestTracer::record(const Event& e) {
  ++m_total;
  if (m_capacity > 0 && m_events.size() == m_capacity) m_events.popFront();
  m_events.pushBack(e);
}

RequestTracer::Event RequestTracer::fromMessage(EventType type, const Message& msg, SimTime at) {
  Event e;
  e.at = at;
  e.requestId = msg.requestId;
  e.correlation = msg.correlation;
  if (msg.kind == MessageKind::Request) e.deadline = RequestWire::deadlineOf(msg);
  e.from = msg.src;
  e.to = msg.dst;
  e.kind = msg.kind;
  e.reason = msg.reason;
  e.type = type;
  return e;
}

void RequestTracer::onSend(const Message& msg, LinkId /*link*/, SimTime sentAt, SimTime arrivesAt) {
  if (!wanted(msg.requestId)) return;
  Event e = fromMessage(EventType::Send, msg, sentAt);
  e.until = arrivesAt;
  record(e);
}

void RequestTracer::onDeliver(const Message& msg, LinkId /*link*/, SimTime at) {
  if (wanted(msg.requestId)) record(fromMessage(EventType::Deliver, msg, at));
}

void RequestTracer::onDrop(const Message& msg, LinkId /*link*/, DropReason reason, SimTime at) {
  if (!wanted(msg.requestId)) return;
  Event e = fromMessage(EventType::Drop, msg, at);
  e.dropReason = reason;
  record(e);
}

void RequestTracer::onWork(ComponentId where, const Message& request, SimTime start, SimTime end) {
  if (!wanted(request.requestId)) return;
  Event e = fromMessage(EventType::Work, request, start);
  e.from = where;
  e.to = request.src;
  e.until = end;
  record(e);
}

}  // namespace pillars
