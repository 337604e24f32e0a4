#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

/// Records arrivals; can send on demand.
class Endpoint final : public Component {
 public:
  explicit Endpoint(std::string name) : Component(std::move(name), "test") {}
  void receive(const Message& m, LinkId) override { arrivals.emplace_back(now(), m.requestId); }
  void emit(LinkId link, std::uint64_t requestId, std::uint32_t size = 100) {
    Message m = makeMessage(MessageKind::Request, size);
    m.requestId = requestId;
    send(link, m);
  }
  std::vector<std::pair<SimTime, std::uint64_t>> arrivals;
};

/// Counts observer notifications.
struct CountingObserver final : SimObserver {
  int sends = 0, delivers = 0, drops = 0, states = 0;
  std::vector<DropReason> reasons;
  void onSend(const Message&, LinkId, SimTime, SimTime) override { ++sends; }
  void onDeliver(const Message&, LinkId, SimTime) override { ++delivers; }
  void onDrop(const Message&, LinkId, DropReason r, SimTime) override {
    ++drops;
    reasons.push_back(r);
  }
  void onComponentState(ComponentId, ComponentState, SimTime) override { ++states; }
};

struct Pair {
  Simulation sim{5};
  Endpoint* a = nullptr;
  Endpoint* b = nullptr;
  LinkId link = kNoLink;
  explicit Pair(LinkConfig config) {
    a = static_cast<Endpoint*>(&sim.component(sim.addComponent(std::make_unique<Endpoint>("a"))));
    b = static_cast<Endpoint*>(&sim.component(sim.addComponent(std::make_unique<Endpoint>("b"))));
    link = sim.connect(a->id(), b->id(), config);
    sim.initialize();
  }
};

LinkConfig constantLatency(double seconds) {
  LinkConfig c;
  c.latency = Distribution::constant(seconds);
  return c;
}

TEST(Network, DeliversAfterTheLinkLatencyInBothDirections) {
  Pair p(constantLatency(0.002));
  p.a->emit(p.link, 1);
  p.sim.runUntil(kSecond);
  ASSERT_EQ(p.b->arrivals.size(), 1u);
  EXPECT_EQ(p.b->arrivals[0].first, 2 * kMillisecond);
  p.b->emit(p.link, 2);  // replies travel back over the same link
  p.sim.runUntil(2 * kSecond);
  ASSERT_EQ(p.a->arrivals.size(), 1u);
  EXPECT_EQ(p.a->arrivals[0].first, kSecond + 2 * kMillisecond);
}

TEST(Network, BandwidthSerializesMessagesInOrder) {
  LinkConfig c = constantLatency(0.0);
  c.bandwidthBytesPerSecond = 1000.0;  // 100-byte messages take 100 ms each
  Pair p(c);
  for (int i = 0; i < 3; ++i) p.a->emit(p.link, static_cast<std::uint64_t>(i));
  p.sim.runUntil(kSecond);
  ASSERT_EQ(p.b->arrivals.size(), 3u);
  EXPECT_EQ(p.b->arrivals[0].first, 100 * kMillisecond);
  EXPECT_EQ(p.b->arrivals[1].first, 200 * kMillisecond);
  EXPECT_EQ(p.b->arrivals[2].first, 300 * kMillisecond);
}

TEST(Network, LossDropsTheConfiguredFraction) {
  LinkConfig c = constantLatency(0.001);
  c.lossProbability = 0.25;
  Pair p(c);
  const int n = 40000;
  for (int i = 0; i < n; ++i) p.a->emit(p.link, static_cast<std::uint64_t>(i));
  p.sim.runUntil(kSecond);
  const double delivered = static_cast<double>(p.b->arrivals.size()) / n;
  // Binomial standard error at n = 40000 is 0.0022; allow 4 of them.
  EXPECT_NEAR(delivered, 0.75, 0.009);
  EXPECT_EQ(p.sim.network().link(p.link).stats.dropped + p.b->arrivals.size(),
            static_cast<std::uint64_t>(n));
}

TEST(Network, ACutLinkDeliversNothingUntilHealed) {
  Pair p(constantLatency(0.010));
  CountingObserver obs;
  p.sim.setObserver(&obs);
  p.a->emit(p.link, 1);                 // in flight when the link is cut: lost
  p.sim.runUntil(5 * kMillisecond);
  p.sim.cutLink(p.link);
  p.a->emit(p.link, 2);                 // sent on a cut link: lost
  p.sim.runUntil(50 * kMillisecond);
  p.sim.healLink(p.link);
  p.sim.runUntil(60 * kMillisecond);
  EXPECT_TRUE(p.b->arrivals.empty());
  p.a->emit(p.link, 3);                 // after healing: delivered
  p.sim.runUntil(kSecond);
  ASSERT_EQ(p.b->arrivals.size(), 1u);
  EXPECT_EQ(p.b->arrivals[0].second, 3u);
  EXPECT_EQ(obs.drops, 2);
  EXPECT_EQ(obs.reasons, (std::vector<DropReason>{DropReason::LinkDown, DropReason::LinkDown}));
}

TEST(Network, MessagesToACrashedComponentAreDropped) {
  Pair p(constantLatency(0.010));
  CountingObserver obs;
  p.sim.setObserver(&obs);
  p.a->emit(p.link, 1);
  p.sim.crash(p.b->id());
  p.sim.runUntil(kSecond);
  EXPECT_TRUE(p.b->arrivals.empty());
  ASSERT_EQ(obs.reasons.size(), 1u);
  EXPECT_EQ(obs.reasons[0], DropReason::TargetDown);
  EXPECT_EQ(obs.states, 1);
}

TEST(Network, ObserverSeesEverySendAndDelivery) {
  Pair p(constantLatency(0.001));
  CountingObserver obs;
  p.sim.setObserver(&obs);
  for (int i = 0; i < 10; ++i) p.a->emit(p.link, static_cast<std::uint64_t>(i));
  p.sim.runUntil(kSecond);
  EXPECT_EQ(obs.sends, 10);
  EXPECT_EQ(obs.delivers, 10);
  EXPECT_EQ(p.sim.network().messagesInFlight(), 0u);
}

}  // namespace
}  // namespace pillars
