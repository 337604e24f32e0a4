#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/ring_buffer.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// A message queue for asynchronous work. Producers (incoming links) get an acknowledgement as
/// soon as the message is stored; consumers (outgoing links) receive messages as requests, at
/// most `prefetch` at a time each, and their reply acknowledges the message. Unacknowledged
/// messages are redelivered (at-least-once) until `max_redeliveries`, then dead-lettered.
class Broker final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "queue";
  static std::vector<ParamSpec> paramSpecs();
  Broker(const std::string& name, const ParamSet& params);

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;

 private:
  enum Timer : std::uint32_t { AckTimeout };

  struct Item {
    Message message;
    SimTime enqueuedAt = 0;
    std::uint64_t sequence = 0;  // arrival order, to restore it after a crash
    std::uint32_t deliveries = 0;
    bool waited = false;  // first dispatch recorded in the wait statistics
  };
  struct Delivery {
    SlotHandle item = kNoSlot;
    std::uint32_t consumer = 0;
    EventId timer;
  };
  struct Consumer {
    LinkId link = kNoLink;
    std::uint32_t inFlight = 0;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;
  void onLinkAdded(LinkId link, bool outgoing) override;

  void enqueue(const Message& msg, LinkId via);
  void dispatch();
  void onConsumerReply(const Message& msg);
  void redeliver(SlotHandle itemHandle);

  // Configuration
  std::int64_t m_capacity = 0;
  std::uint32_t m_prefetch = 1;
  SimTime m_ackTimeout = 0;
  std::uint32_t m_maxRedeliveries = 0;
  bool m_durable = false;
  std::uint32_t m_ackSize = 0;

  // State
  SlotPool<Item> m_items;
  SlotPool<Delivery> m_deliveries;
  RingBuffer<SlotHandle> m_ready;
  std::vector<Consumer> m_consumers;
  std::size_t m_nextConsumer = 0;
  std::uint64_t m_nextSequence = 0;
  std::uint64_t m_deadLettered = 0;
  std::uint64_t m_redelivered = 0;
};

}  // namespace pillars
