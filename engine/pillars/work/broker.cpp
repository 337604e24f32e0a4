#include "engine/pillars/work/broker.hpp"

#include <algorithm>

#include "engine/sim/simulation.hpp"

namespace pillars {

std::vector<ParamSpec> Broker::paramSpecs() {
  return {
      integerParam("capacity", 0, 0, 1e12, "messages",
                   "Messages the queue holds; producers are refused beyond it. 0 means unbounded"),
      integerParam("prefetch", 1, 1, 1e6, "messages",
                   "Unacknowledged messages each consumer may hold at once"),
      durationParam("ack_timeout", 30 * kSecond,
                    "A delivery not acknowledged within this is redelivered; 0 waits forever"),
      integerParam("max_redeliveries", 3, 0, 1000, "",
                   "Redeliveries before a message is dead-lettered"),
      booleanParam("durable", false, "Whether stored messages survive a crash of the broker"),
      integerParam("ack_size", 100, 0, 1e9, "bytes", "Size of the acknowledgement to producers"),
  };
}

Broker::Broker(const std::string& name, const ParamSet& p) : Component(name, std::string(kKind)) {
  m_capacity = p.integer("capacity");
  m_prefetch = static_cast<std::uint32_t>(p.integer("prefetch"));
  m_ackTimeout = p.duration("ack_timeout");
  m_maxRedeliveries = static_cast<std::uint32_t>(p.integer("max_redeliveries"));
  m_durable = p.boolean("durable");
  m_ackSize = static_cast<std::uint32_t>(p.integer("ack_size"));
}

void Broker::start() {
  if (m_consumers.empty()) {
    for (const LinkId link : outgoingLinks()) m_consumers.push_back(Consumer{link, 0});
  }
  metrics().queueLength.set(now(), static_cast<double>(m_ready.size()));
  dispatch();
}

void Broker::onLinkAdded(LinkId link, bool outgoing) {
  if (!outgoing) return;
  m_consumers.push_back(Consumer{link, 0});
  dispatch();
}

void Broker::onCrash() {
  for (auto& c : m_consumers) c.inFlight = 0;
  if (m_durable) {
    // Stored messages survive; those out for delivery go back to the head of the queue in
    // the order they were first enqueued, ahead of everything that waited behind them.
    std::vector<SlotHandle> unacked;
    m_deliveries.forEachLive([&unacked](SlotHandle, Delivery& d) { unacked.push_back(d.item); });
    std::sort(unacked.begin(), unacked.end(), [this](SlotHandle a, SlotHandle b) {
      return m_items.get(a)->sequence > m_items.get(b)->sequence;
    });
    for (const SlotHandle item : unacked) m_ready.pushFront(item);
    m_deliveries.clear();
  } else {
    metrics().dropped += m_items.liveCount();
    m_items.clear();
    m_deliveries.clear();
    m_ready.clear();
  }
  metrics().queueLength.set(now(), static_cast<double>(m_ready.size()));
}

void Broker::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Request: enqueue(msg, via); return;
    case MessageKind::Response:
    case MessageKind::Error: onConsumerReply(msg); return;
    default: return;
  }
}

void Broker::enqueue(const Message& msg, LinkId via) {
  ++metrics().received;
  if (m_capacity > 0 && static_cast<std::int64_t>(m_items.liveCount()) >= m_capacity) {
    ++metrics().dropped;
    send(via, msg.errorReply(ErrorReason::Rejected, m_ackSize));
    return;
  }
  const SlotHandle handle = m_items.acquire();
  Item& item = *m_items.get(handle);
  item.message = msg;
  item.enqueuedAt = now();
  item.sequence = m_nextSequence++;
  m_ready.pushBack(handle);
  metrics().queueLength.add(now(), 1.0);
  send(via, msg.replyWith(MessageKind::Response, m_ackSize));
  dispatch();
}

void Broker::dispatch() {
  const std::size_t n = m_consumers.size();
  while (!m_ready.empty()) {
    // The next consumer in turn that has room for another message.
    std::size_t chosen = n;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t candidate = (m_nextConsumer + i) % n;
      if (m_consumers[candidate].inFlight < m_prefetch) {
        chosen = candidate;
        break;
      }
    }
    if (chosen == n) return;
    m_nextConsumer = chosen + 1;
    const SlotHandle itemHandle = m_ready.takeFront();
    metrics().queueLength.add(now(), -1.0);
    Item& item = *m_items.get(itemHandle);
    if (!item.waited) {
      item.waited = true;
      metrics().wait.add(simTimeToSeconds(now() - item.enqueuedAt));
    }
    ++item.deliveries;
    Consumer& consumer = m_consumers[chosen];
    ++consumer.inFlight;
    const SlotHandle deliveryHandle = m_deliveries.acquire();
    Delivery& d = *m_deliveries.get(deliveryHandle);
    d.item = itemHandle;
    d.consumer = static_cast<std::uint32_t>(chosen);
    send(consumer.link, makeRequestFor(item.message, deliveryHandle));
    if (m_ackTimeout > 0) d.timer = setTimer(m_ackTimeout, AckTimeout, deliveryHandle);
  }
}

void Broker::onConsumerReply(const Message& msg) {
  Delivery* d = m_deliveries.get(msg.correlation);
  if (!d) return;
  const SlotHandle itemHandle = d->item;
  cancelTimer(d->timer);
  --m_consumers[d->consumer].inFlight;
  m_deliveries.release(msg.correlation);
  if (msg.kind == MessageKind::Response) {
    Item& item = *m_items.get(itemHandle);
    ++metrics().completed;
    metrics().recordLatency(now() - item.enqueuedAt);
    m_items.release(itemHandle);
  } else {
    redeliver(itemHandle);
  }
  dispatch();
}

void Broker::redeliver(SlotHandle itemHandle) {
  Item& item = *m_items.get(itemHandle);
  if (item.deliveries > m_maxRedeliveries) {
    ++m_deadLettered;
    ++metrics().failed;
    m_items.release(itemHandle);
    return;
  }
  ++m_redelivered;
  m_ready.pushFront(itemHandle);  // keep its place at the head of the queue
  metrics().queueLength.add(now(), 1.0);
}

void Broker::onTimer(std::uint32_t kind, std::uint64_t payload) {
  if (kind != AckTimeout) return;
  Delivery* d = m_deliveries.get(payload);
  if (!d) return;
  const SlotHandle itemHandle = d->item;
  --m_consumers[d->consumer].inFlight;
  m_deliveries.release(payload);
  ++metrics().timedOut;
  redeliver(itemHandle);
  dispatch();
}

std::vector<Component::ExtraMetric> Broker::extraMetrics(SimTime /*now*/) const {
  return {{"stored", static_cast<double>(m_items.liveCount())},
          {"dead_lettered", static_cast<double>(m_deadLettered)},
          {"redelivered", static_cast<double>(m_redelivered)}};
}

}  // namespace pillars
