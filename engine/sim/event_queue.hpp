#pragma once

#include <cstdint>
#include <vector>

#include "engine/sim/ring_buffer.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

/// Anything that receives events from the kernel: components, the network, samplers, fault injectors.
class EventHandler {
 public:
  virtual ~EventHandler() = default;
  virtual void handleEvent(std::uint32_t kind, std::uint64_t payload) = 0;

  /// Events are stamped with the handler's epoch when scheduled and discarded if the epoch has
  /// moved on when they fall due. A crash advances the epoch, so every timer of the crashed
  /// component dies with it without the component having to remember them.
  std::uint32_t epoch() const { return m_epoch; }
  void advanceEpoch() { ++m_epoch; }

  /// Stable id folded into the trace fingerprint (pointers differ from run to run, ids do not).
  std::uint32_t traceId() const { return m_traceId; }
  void setTraceId(std::uint32_t id) { m_traceId = id; }

 private:
  std::uint32_t m_epoch = 0;
  std::uint32_t m_traceId = 0;
};

/// Identifies a scheduled event so that it can be cancelled. Stays safe after the event ran.
struct EventId {
  std::uint32_t slot = ~std::uint32_t{0};
  std::uint32_t generation = 0;
  bool isNull() const { return slot == ~std::uint32_t{0}; }
};

/// An event taken off the queue, ready to dispatch.
struct DueEvent {
  SimTime time = 0;
  EventHandler* handler = nullptr;
  std::uint64_t payload = 0;
  std::uint32_t kind = 0;
  std::uint32_t epoch = 0;
};

/// The pending-event set, ordered by (time, sequence number) so that ties run in the order they
/// were scheduled. Event data lives in reusable slots and a binary heap orders small nodes that
/// point at them; events due at the current instant bypass the heap through a FIFO, which keeps
/// zero-latency hops O(1). Cancellation is lazy (the slot's generation changes, the heap node is
/// skipped when it surfaces) with compaction once dead nodes outnumber live ones, so memory stays
/// proportional to the pending events and steady-state operation allocates nothing.
class EventQueue {
 public:
  /// Schedules an event at an absolute time, which must not be before the last popped time.
  EventId push(SimTime time, EventHandler* handler, std::uint32_t kind, std::uint64_t payload);
  bool cancel(EventId id);
  bool isPending(EventId id) const;

  /// Pops the earliest live event if it is due at or before `limit`.
  bool popUntil(SimTime limit, DueEvent& out);
  /// Time of the earliest live event, or kTimeNever.
  SimTime peekTime();

  std::size_t size() const { return m_live; }
  bool empty() const { return m_live == 0; }

 private:
  struct Slot {
    EventHandler* handler = nullptr;
    std::uint64_t payload = 0;
    std::uint32_t kind = 0;
    std::uint32_t epoch = 0;
    std::uint32_t generation = 0;
    bool pending = false;
  };
  struct Node {
    SimTime time;
    std::uint64_t seq;
    std::uint32_t slot;
    std::uint32_t generation;
  };
  static bool before(const Node& a, const Node& b) {
    return a.time < b.time || (a.time == b.time && a.seq < b.seq);
  }
  bool isLive(const Node& n) const { return m_slots[n.slot].generation == n.generation; }

  std::uint32_t allocateSlot();
  void releaseSlot(std::uint32_t slot);
  void heapPush(const Node& node);
  void heapPopTop();
  void siftDown(std::size_t hole, Node node);
  void dropDeadHeads();
  void compact();

  std::vector<Slot> m_slots;
  std::vector<std::uint32_t> m_freeSlots;
  std::vector<Node> m_heap;
  RingBuffer<Node> m_dueNow;
  std::uint64_t m_nextSeq = 0;
  std::size_t m_live = 0;
  std::size_t m_deadInHeap = 0;
  SimTime m_now = 0;
};

}  // namespace pillars
