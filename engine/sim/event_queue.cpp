#include "engine/sim/event_queue.hpp"

#include <algorithm>
#include <cassert>

namespace pillars {

std::uint32_t EventQueue::allocateSlot() {
  if (!m_freeSlots.empty()) {
    const std::uint32_t slot = m_freeSlots.back();
    m_freeSlots.pop_back();
    return slot;
  }
  m_slots.emplace_back();
  return static_cast<std::uint32_t>(m_slots.size() - 1);
}

void EventQueue::releaseSlot(std::uint32_t slot) {
  Slot& s = m_slots[slot];
  s.pending = false;
  ++s.generation;  // every outstanding EventId and heap node for this slot is now stale
  m_freeSlots.push_back(slot);
  --m_live;
}

EventId EventQueue::push(SimTime time, EventHandler* handler, std::uint32_t kind,
                         std::uint64_t payload) {
  assert(time >= m_now && "events cannot be scheduled in the past");
  const std::uint32_t slot = allocateSlot();
  Slot& s = m_slots[slot];
  s.handler = handler;
  s.payload = payload;
  s.kind = kind;
  s.epoch = handler->epoch();
  s.pending = true;
  ++m_live;
  const Node node{time, m_nextSeq++, slot, s.generation};
  if (time == m_now) {
    m_dueNow.pushBack(node);
  } else {
    heapPush(node);
  }
  return EventId{slot, s.generation};
}

bool EventQueue::cancel(EventId id) {
  if (!isPending(id)) return false;
  releaseSlot(id.slot);
  // The node stays where it is (heap or FIFO) and is skipped when it surfaces.
  ++m_deadInHeap;
  if (m_deadInHeap > 1024 && m_deadInHeap > m_heap.size() / 2) compact();
  return true;
}

bool EventQueue::isPending(EventId id) const {
  return !id.isNull() && id.slot < m_slots.size() && m_slots[id.slot].pending &&
         m_slots[id.slot].generation == id.generation;
}

void EventQueue::heapPush(const Node& node) {
  std::size_t hole = m_heap.size();
  m_heap.push_back(node);
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / 2;
    if (!before(node, m_heap[parent])) break;
    m_heap[hole] = m_heap[parent];
    hole = parent;
  }
  m_heap[hole] = node;
}

void EventQueue::siftDown(std::size_t hole, Node node) {
  const std::size_t n = m_heap.size();
  for (;;) {
    std::size_t child = 2 * hole + 1;
    if (child >= n) break;
    if (child + 1 < n && before(m_heap[child + 1], m_heap[child])) ++child;
    if (!before(m_heap[child], node)) break;
    m_heap[hole] = m_heap[child];
    hole = child;
  }
  m_heap[hole] = node;
}

void EventQueue::heapPopTop() {
  const Node last = m_heap.back();
  m_heap.pop_back();
  if (!m_heap.empty()) siftDown(0, last);
}

void EventQueue::dropDeadHeads() {
  while (!m_dueNow.empty() && !isLive(m_dueNow.front())) {
    m_dueNow.popFront();
    --m_deadInHeap;
  }
  while (!m_heap.empty() && !isLive(m_heap.front())) {
    heapPopTop();
    --m_deadInHeap;
  }
}

void EventQueue::compact() {
  std::erase_if(m_heap, [this](const Node& n) { return !isLive(n); });
  std::make_heap(m_heap.begin(), m_heap.end(),
                 [](const Node& a, const Node& b) { return before(b, a); });
  RingBuffer<Node> kept;
  while (!m_dueNow.empty()) {
    const Node n = m_dueNow.takeFront();
    if (isLive(n)) kept.pushBack(n);
  }
  m_dueNow = std::move(kept);
  m_deadInHeap = 0;
}

SimTime EventQueue::peekTime() {
  dropDeadHeads();
  if (!m_dueNow.empty()) return m_dueNow.front().time;
  if (!m_heap.empty()) return m_heap.front().time;
  return kTimeNever;
}

bool EventQueue::popUntil(SimTime limit, DueEvent& out) {
  dropDeadHeads();
  // Merge the two sources by (time, seq): FIFO entries are all at m_now, heap entries at >= m_now.
  const bool haveNow = !m_dueNow.empty();
  const bool haveHeap = !m_heap.empty();
  if (!haveNow && !haveHeap) return false;
  bool fromHeap;
  if (haveNow && haveHeap) {
    fromHeap = before(m_heap.front(), m_dueNow.front());
  } else {
    fromHeap = haveHeap;
  }
  const Node node = fromHeap ? m_heap.front() : m_dueNow.front();
  if (node.time > limit) return false;
  if (fromHeap) {
    heapPopTop();
  } else {
    m_dueNow.popFront();
  }
  const Slot& s = m_slots[node.slot];
  out.time = node.time;
  out.handler = s.handler;
  out.payload = s.payload;
  out.kind = s.kind;
  out.epoch = s.epoch;
  releaseSlot(node.slot);
  m_now = node.time;
  return true;
}

}  // namespace pillars
