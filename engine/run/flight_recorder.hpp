#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/sim/observer.hpp"
#include "engine/sim/ring_buffer.hpp"

namespace pillars {

/// Watches a running simulation for a live view: which messages are on the wire right now,
/// where messages died since the last look, how much each link carried, and a log of recent
/// events capped in memory. It records; drawing is the front end's business.
///
/// Everything is stored in reused buffers, so once they reach their high-water marks the
/// recorder allocates nothing per event.
class FlightRecorder final : public SimObserver {
 public:
  /// A message on the wire: drawn moving along its link from `sent` to `arrives`.
  struct Flight {
    SimTime sent;
    SimTime arrives;
    LinkId link;
    ComponentId src;
    ComponentId dst;
    MessageKind kind;
  };
  /// A message that did not arrive: drawn as a flash where it died.
  struct Death {
    SimTime at;
    LinkId link;
    ComponentId where;  // the receiver for losses in flight, the sender for sends on a cut link
    MessageKind kind;
    DropReason reason;
  };
  enum class EventType : std::uint8_t {
    Send, Deliver, Drop, Crash, Restart, LinkCut, LinkHeal,
    // The topology changed while running (an instance started or stopped, a shard added).
    Added, Removed, Connected, Disconnected,
  };
  struct Event {
    SimTime at;
    EventType type;
    MessageKind kind;      // message events
    DropReason reason;     // drops
    ComponentId component; // the sender, receiver or the component that changed state
    ComponentId peer;      // the other end of a message, or kNoComponent
    LinkId link;           // message and link events, or kNoLink
    std::uint64_t requestId;
  };

  /// Keeps at most `logCapacity` events; older ones are forgotten first.
  explicit FlightRecorder(std::size_t logCapacity = 100'000);

  /// Forgets flights that have arrived by `now`; call once per drawn frame.
  void expire(SimTime now);
  std::span<const Flight> flights() const { return m_flights; }

  /// Deaths since the last call, oldest first; the buffer is reused, so use it before the
  /// next call.
  std::span<const Death> takeDeaths();

  /// Messages each link carried since the last call, indexed by LinkId; zeroes the counts.
  std::span<const std::uint32_t> takeLinkTraffic();

  const RingBuffer<Event>& log() const { return m_log; }
  /// Events ever recorded; the oldest kept is number `logTotal() - log().size()`.
  std::uint64_t logTotal() const { return m_logTotal; }
  /// Whether sends and deliveries go into the log (drops and state changes always do).
  void setLogMessages(bool on) { m_logMessages = on; }

  void clear();

  void onSend(const Message& msg, LinkId link, SimTime sentAt, SimTime arrivesAt) override;
  void onDeliver(const Message& msg, LinkId link, SimTime at) override;
  void onDrop(const Message& msg, LinkId link, DropReason reason, SimTime at) override;
  void onComponentState(ComponentId id, ComponentState state, SimTime at) override;
  void onLinkState(LinkId link, bool up, SimTime at) override;
  void onComponentAdded(ComponentId id, SimTime at) override;
  void onComponentRemoved(ComponentId id, SimTime at) override;
  void onLinkAdded(LinkId link, SimTime at) override;
  void onLinkRemoved(LinkId link, SimTime at) override;

 private:
  void record(const Event& e);
  void countTraffic(LinkId link);

  std::vector<Flight> m_flights;
  std::vector<Death> m_deaths;
  std::vector<Death> m_deathsTaken;  // handed out by takeDeaths, swapped with m_deaths
  std::vector<std::uint32_t> m_linkTraffic;
  std::vector<std::uint32_t> m_linkTrafficTaken;
  RingBuffer<Event> m_log;
  std::size_t m_logCapacity;
  std::uint64_t m_logTotal = 0;
  bool m_logMessages = true;
};

}  // namespace pillars
