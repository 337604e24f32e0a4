#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

/// A component that ticks on a timer and counts what it receives.
class Ticker final : public Component {
 public:
  explicit Ticker(std::string name, SimTime period) : Component(std::move(name), "test"), m_period(period) {}
  void start() override { setTimer(m_period, 0); }
  void receive(const Message&, LinkId) override { ++received; }
  std::vector<SimTime> ticks;
  int received = 0;
  int crashes = 0;

 private:
  void onTimer(std::uint32_t, std::uint64_t) override {
    ticks.push_back(now());
    setTimer(m_period, 0);
  }
  void onCrash() override { ++crashes; }
  SimTime m_period;
};

TEST(Simulation, RunUntilStopsAtTheLimitAndLeavesTheClockThere) {
  Simulation sim(1);
  auto* t = static_cast<Ticker*>(&sim.component(sim.addComponent(std::make_unique<Ticker>("t", 10))));
  sim.runUntil(35);
  EXPECT_EQ(t->ticks, (std::vector<SimTime>{10, 20, 30}));
  EXPECT_EQ(sim.now(), 35);
  sim.runUntil(50);  // events exactly at the limit run
  EXPECT_EQ(t->ticks.back(), 50);
  EXPECT_EQ(sim.eventCount(), 5u);
}

TEST(Simulation, StepRunsExactlyOneEvent) {
  Simulation sim(1);
  auto* t = static_cast<Ticker*>(&sim.component(sim.addComponent(std::make_unique<Ticker>("t", 7))));
  EXPECT_TRUE(sim.step());
  EXPECT_TRUE(sim.step());
  EXPECT_EQ(t->ticks, (std::vector<SimTime>{7, 14}));
  EXPECT_EQ(sim.now(), 14);
}

TEST(Simulation, EventBudgetLimitsARun) {
  Simulation sim(1);
  sim.addComponent(std::make_unique<Ticker>("t", 1));
  EXPECT_EQ(sim.runUntil(kTimeNever, 100), 100u);
  EXPECT_EQ(sim.now(), 100);
}

TEST(Simulation, CrashKillsPendingTimersAndRestartStartsAgain) {
  Simulation sim(1);
  const ComponentId id = sim.addComponent(std::make_unique<Ticker>("t", 10));
  auto& t = static_cast<Ticker&>(sim.component(id));
  sim.runUntil(25);
  sim.crash(id);
  EXPECT_FALSE(t.isUp());
  EXPECT_EQ(t.crashes, 1);
  sim.runUntil(100);
  EXPECT_EQ(t.ticks, (std::vector<SimTime>{10, 20}));  // the timer due at 30 died with it
  sim.restart(id);
  sim.runUntil(125);
  EXPECT_EQ(t.ticks, (std::vector<SimTime>{10, 20, 110, 120}));
}

TEST(Simulation, ManySimulationsCoexistIndependently) {
  Simulation a(1), b(2);
  auto& ta = static_cast<Ticker&>(a.component(a.addComponent(std::make_unique<Ticker>("t", 3))));
  auto& tb = static_cast<Ticker&>(b.component(b.addComponent(std::make_unique<Ticker>("t", 5))));
  a.runUntil(9);
  // Running one leaves the other exactly as it was.
  EXPECT_EQ(b.now(), 0);
  EXPECT_EQ(b.eventCount(), 0u);
  EXPECT_TRUE(tb.ticks.empty());
  const std::uint64_t aFingerprint = a.fingerprint();
  b.runUntil(10);
  EXPECT_EQ(a.now(), 9);
  EXPECT_EQ(a.eventCount(), 3u);
  EXPECT_EQ(a.fingerprint(), aFingerprint);
  EXPECT_EQ(ta.ticks.size(), 3u);
  EXPECT_EQ(tb.ticks.size(), 2u);
}

TEST(Simulation, NamedStreamsDependOnNameAndSeedOnly) {
  Simulation a(42), b(42), c(43);
  Rng ra = a.stream("component:web1");
  Rng rb = b.stream("component:web1");
  Rng rc = c.stream("component:web1");
  Rng rd = a.stream("component:web2");
  const auto x = ra.next();
  EXPECT_EQ(x, rb.next());
  EXPECT_NE(x, rc.next());
  EXPECT_NE(x, rd.next());
}

TEST(Simulation, TopologyCanGrowWhileRunning) {
  Simulation sim(1);
  sim.addComponent(std::make_unique<Ticker>("a", 10));
  sim.runUntil(15);
  const ComponentId late = sim.addComponent(std::make_unique<Ticker>("b", 10));
  sim.runUntil(40);
  EXPECT_EQ(static_cast<Ticker&>(sim.component(late)).ticks, (std::vector<SimTime>{25, 35}));
  EXPECT_EQ(sim.findComponent("b"), &sim.component(late));
}

}  // namespace
}  // namespace pillars
