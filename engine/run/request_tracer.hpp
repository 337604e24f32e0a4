#pragma once

#include <cstdint>
#include <vector>

#include "engine/sim/observer.hpp"
#include "engine/sim/ring_buffer.hpp"

namespace pillars {

/// Records what happens to end-to-end requests, so one can be traced afterwards: every message
/// carrying its request id (sent, delivered, lost) and every piece of work done on it. An
/// ordinary observer: attached only when asked for, it never changes the run.
///
/// Two ways to use it:
///  - follow one request (`pillars-cli simulate --trace-request users#42`): only its events
///    are kept, so a run of any length costs a few bytes;
///  - keep the recent events of every request in a ring of fixed capacity (the app, which
///    traces whichever request the user picks in the event log). The ring allocates nothing once
///    full; the oldest events are forgotten first, so a request long past may be incomplete
///    (see RequestTrace::complete).
class RequestTracer final : public SimObserver {
 public:
  enum class EventType : std::uint8_t { Send, Deliver, Drop, Work };
  struct Event {
    SimTime at = 0;
    SimTime until = 0;  // a send: when it is due to arrive; work: when it is due to end
    SimTime deadline = 0;  // a request's: when its caller stops waiting (0: never)
    std::uint64_t requestId = 0;
    std::uint64_t correlation = 0;
    ComponentId from = kNoComponent;  // the sender, or where the work is done
    ComponentId to = kNoComponent;    // the receiver; for work, who asked for it
    MessageKind kind = MessageKind::Request;
    ErrorReason reason = ErrorReason::None;
    DropReason dropReason = DropReason::Loss;
    EventType type = EventType::Send;
  };

  /// Keeps only the events of `requestId`.
  static RequestTracer following(std::uint64_t requestId);
  /// Keeps the most recent `capacity` events of every request.
  static RequestTracer recent(std::size_t capacity);

  /// The kept events of `requestId`, oldest first.
  std::vector<Event> eventsOf(std::uint64_t requestId) const;
  /// Events ever seen for requests (kept or not).
  std::uint64_t total() const { return m_total; }
  void clear();

  void onSend(const Message& msg, LinkId link, SimTime sentAt, SimTime arrivesAt) override;
  void onDeliver(const Message& msg, LinkId link, SimTime at) override;
  void onDrop(const Message& msg, LinkId link, DropReason reason, SimTime at) override;
  void onWork(ComponentId where, const Message& request, SimTime start, SimTime end) override;

 private:
  RequestTracer(std::uint64_t followed, std::size_t capacity);
  bool wanted(std::uint64_t requestId) const {
    return requestId != 0 && (m_followed == 0 || requestId == m_followed);
  }
  void record(const Event& e);
  static Event fromMessage(EventType type, const Message& msg, SimTime at);

  std::uint64_t m_followed = 0;  // 0: every request
  std::size_t m_capacity = 0;    // 0: unbounded (following one request)
  RingBuffer<Event> m_events;
  std::uint64_t m_total = 0;
};

}  // namespace pillars
