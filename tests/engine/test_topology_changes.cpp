// A topology that grows and shrinks while it runs: unique names, removal, several observers,
// and everything that watches a run (sampler, flight recorder, trace, results) following it.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/io/results_writer.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/pillars/work/load_balancer.hpp"
#include "engine/run/flight_recorder.hpp"
#include "engine/run/instances.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/run/trace_writer.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "sim_fixtures.hpp"

namespace pillars {
namespace {

/// Ticks on a timer; counts what it receives.
class Ticker final : public Component {
 public:
  explicit Ticker(std::string name) : Component(std::move(name), "test") {}
  void start() override { setTimer(10, 0); }
  void receive(const Message&, LinkId) override {}
  int ticks = 0;
  std::vector<LinkId> removedLinks;

 private:
  void onTimer(std::uint32_t, std::uint64_t) override {
    ++ticks;
    setTimer(10, 0);
  }
  void onLinkRemoved(LinkId link, bool) override { removedLinks.push_back(link); }
};

/// Writes one line per topology notification.
class TopologyLog final : public SimObserver {
 public:
  void onComponentAdded(ComponentId id, SimTime at) override { add("add", id, at); }
  void onComponentRemoved(ComponentId id, SimTime at) override { add("remove", id, at); }
  void onLinkAdded(LinkId id, SimTime at) override { add("connect", id, at); }
  void onLinkRemoved(LinkId id, SimTime at) override { add("disconnect", id, at); }
  void onDeliver(const Message&, LinkId, SimTime) override { ++deliveries; }
  std::vector<std::string> lines;
  std::uint64_t deliveries = 0;

 private:
  void add(const char* what, std::uint32_t id, SimTime at) {
    lines.push_back(std::string(what) + " " + std::to_string(id) + " @" + std::to_string(at));
  }
};

Ticker& addTicker(Simulation& sim, const std::string& name) {
  return static_cast<Ticker&>(sim.component(sim.addComponent(std::make_unique<Ticker>(name))));
}

TEST(TopologyChanges, NamesAreUniqueForTheWholeLifeOfTheSimulation) {
  Simulation sim(1);
  Ticker& a = addTicker(sim, "web#1");
  addTicker(sim, "web#2");
  // A second web#1 would replay the first one's random stream: refused, not shared.
  EXPECT_THROW(addTicker(sim, "web#1"), std::invalid_argument);
  sim.connect(a.id(), 1, LinkConfig{}, "l");
  EXPECT_THROW(sim.connect(1, a.id(), LinkConfig{}, "l"), std::invalid_argument);
  sim.runUntil(15);
  sim.removeComponent(a.id());
  // Removed, the name stays taken (a new instance gets a new ordinal).
  EXPECT_THROW(addTicker(sim, "web#1"), std::invalid_argument);
  EXPECT_EQ(sim.findComponent("web#1"), &a);
  EXPECT_EQ(sim.componentCount(), 2u);
}

TEST(TopologyChanges, ARemovedComponentStopsForGoodAndItsPeersForgetTheLink) {
  Simulation sim(1);
  Ticker& a = addTicker(sim, "a");
  Ticker& b = addTicker(sim, "b");
  const LinkId l = sim.connect(a.id(), b.id(), LinkConfig{});
  sim.runUntil(25);
  EXPECT_EQ(a.ticks, 2);
  sim.removeComponent(a.id());
  sim.runUntil(100);
  EXPECT_EQ(a.ticks, 2);  // its timer died with it
  EXPECT_TRUE(a.isRemoved());
  EXPECT_FALSE(a.isUp());
  sim.restart(a.id());  // a removed component never comes back
  EXPECT_FALSE(a.isUp());
  EXPECT_TRUE(a.outgoingLinks().empty());
  EXPECT_TRUE(b.incomingLinks().empty());
  EXPECT_EQ(b.removedLinks, (std::vector<LinkId>{l}));
  EXPECT_TRUE(sim.network().link(l).removed);
  EXPECT_EQ(sim.network().findLink(a.id(), b.id()), kNoLink);
  EXPECT_EQ(b.ticks, 10);  // the peer runs on
  EXPECT_THROW(sim.connect(a.id(), b.id(), LinkConfig{}, "again"), std::invalid_argument);
}

TEST(TopologyChanges, ObserversAreToldOfEveryAdditionAndRemovalInOrder) {
  Simulation sim(1);
  TopologyLog log;
  sim.addObserver(&log);
  Ticker& a = addTicker(sim, "a");
  Ticker& b = addTicker(sim, "b");
  sim.connect(a.id(), b.id(), LinkConfig{});
  sim.connect(b.id(), a.id(), LinkConfig{});
  sim.runUntil(5);
  sim.removeComponent(b.id());
  EXPECT_EQ(log.lines, (std::vector<std::string>{"add 0 @0", "add 1 @0", "connect 0 @0", "connect 1 @0",
                                                  "disconnect 1 @5", "disconnect 0 @5", "remove 1 @5"}));
}

ScenarioBuilder balancedScenario() {
  ScenarioBuilder b("balanced");
  b.component("users", "client", {{"rate", "200"}, {"timeout", "2s"}})
      .component("lb", "load_balancer", {{"policy", "round_robin"}})
      .component("s1", "service", {{"workers", "16"}, {"service_time", "const(50ms)"}})
      .component("s2", "service", {{"workers", "16"}, {"service_time", "const(50ms)"}})
      .link("users", "lb", {{"latency", "1ms"}})
      .link("lb", "s1", {{"latency", "1ms"}})
      .link("lb", "s2", {{"latency", "1ms"}})
      .duration(20 * kSecond)
      .metricsInterval(kSecond);
  return b;
}

TEST(TopologyChanges, SeveralObserversWatchOneRunWithoutChangingIt) {
  const ScenarioBuilder b = balancedScenario();
  ScenarioRunner plain(b.scenario(), builtinRegistry());
  plain.run();
  ScenarioRunner watched(b.scenario(), builtinRegistry());
  TopologyLog first, second;
  watched.simulation().addObserver(&first);
  watched.simulation().addObserver(&second);
  watched.simulation().addObserver(&first);  // twice is once
  watched.advance(10 * kSecond, ~std::uint64_t{0});
  watched.simulation().removeObserver(&second);
  watched.run();
  EXPECT_GT(second.deliveries, 1000u);
  EXPECT_GT(first.deliveries, second.deliveries);
  EXPECT_EQ(watched.simulation().fingerprint(), plain.simulation().fingerprint());
}

TEST(TopologyChanges, ABalancerStopsUsingARemovedBackendAndFailsWhatWasInFlightAtOnce) {
  const ScenarioBuilder b = balancedScenario();
  ScenarioRunner runner(b.scenario(), builtinRegistry());
  Simulation& sim = runner.simulation();
  runner.advance(5 * kSecond, ~std::uint64_t{0});
  Component& s2 = *sim.findComponent("s2");
  const auto& lb = static_cast<const LoadBalancer&>(*sim.findComponent("lb"));
  const std::uint64_t s2Before = s2.metrics().completed;
  const std::uint64_t lbFailedBefore = lb.metrics().failed;
  // About 100 req/s reach s2, each held 52 ms: a handful are in its hands right now.
  const std::size_t inFlight = s2.metrics().received - s2.metrics().completed;
  ASSERT_GT(inFlight, 0u);
  sim.removeComponent(s2.id());
  EXPECT_EQ(lb.metrics().failed - lbFailedBefore, inFlight);
  EXPECT_EQ(lb.backends(), 1u);
  runner.run();
  EXPECT_EQ(s2.metrics().completed, s2Before);  // nothing more reached it
  const RunResults r = runner.results();
  // Every later request went to s1 and completed.
  EXPECT_EQ(r.failed, inFlight);
  EXPECT_NEAR(static_cast<double>(r.completed), 200.0 * 20.0, 200.0);
}

TEST(TopologyChanges, TheSamplerGivesANewComponentColumnsAndARemovedOneEmptyCells) {
  const ScenarioBuilder b = balancedScenario();
  ScenarioRunner runner(b.scenario(), builtinRegistry());
  Simulation& sim = runner.simulation();
  runner.advance(5 * kSecond + kMillisecond, ~std::uint64_t{0});
  const ComponentKind& service = *builtinRegistry().find("service");
  ParamSet params(service.params);
  const ComponentId late = sim.addComponent(service.create("s3", params));
  sim.connect(sim.findComponent("lb")->id(), late, LinkConfig{});
  runner.advance(12 * kSecond + kMillisecond, ~std::uint64_t{0});
  sim.removeComponent(late);
  runner.run();
  const TimeSeries& ts = *runner.timeSeries();
  const auto up = ts.columnIndex("s3.up");
  const auto throughput = ts.columnIndex("s3.throughput_rps");
  ASSERT_TRUE(up && throughput);
  ASSERT_EQ(ts.rowCount(), 20u);
  for (std::size_t row = 0; row < ts.rowCount(); ++row) {
    const SimTime t = ts.time(row);
    SCOPED_TRACE("row at " + std::to_string(simTimeToSeconds(t)) + " s");
    if (t <= 5 * kSecond) {
      EXPECT_TRUE(std::isnan(ts.value(row, *up)));  // before it existed
    } else if (t <= 12 * kSecond) {
      EXPECT_EQ(ts.value(row, *up), 1.0);
      if (t >= 7 * kSecond) {
        EXPECT_GT(ts.value(row, *throughput), 30.0);  // a third of 200 req/s
      }
    } else if (t == 13 * kSecond) {
      EXPECT_EQ(ts.value(row, *up), 0.0);  // the interval it was removed in
    } else {
      EXPECT_TRUE(std::isnan(ts.value(row, *up)));
    }
  }
  std::ostringstream csv;
  ts.writeCsv(csv);
  EXPECT_NE(csv.str().find(",s3.up"), std::string::npos);
}

TEST(TopologyChanges, TheFlightRecorderTraceAndResultsFollowAdditionsAndRemovals) {
  const ScenarioBuilder b = balancedScenario();
  ScenarioRunner runner(b.scenario(), builtinRegistry());
  Simulation& sim = runner.simulation();
  FlightRecorder recorder;
  recorder.setLogMessages(false);
  std::ostringstream trace;
  TraceWriter writer(sim, trace);
  sim.addObserver(&recorder);
  sim.addObserver(&writer);
  runner.advance(2 * kSecond, ~std::uint64_t{0});
  const ComponentKind& service = *builtinRegistry().find("service");
  const ComponentId late = sim.addComponent(service.create("s3", ParamSet(service.params)));
  const LinkId link = sim.connect(sim.findComponent("lb")->id(), late, LinkConfig{});
  runner.advance(4 * kSecond, ~std::uint64_t{0});
  sim.removeComponent(late);
  runner.run();

  std::vector<FlightRecorder::EventType> seen;
  for (std::size_t i = 0; i < recorder.log().size(); ++i) {
    const auto& e = recorder.log().at(i);
    seen.push_back(e.type);
    if (e.type == FlightRecorder::EventType::Added || e.type == FlightRecorder::EventType::Removed) {
      EXPECT_EQ(e.component, late);
    } else {
      EXPECT_EQ(e.link, link);
    }
  }
  using T = FlightRecorder::EventType;
  EXPECT_EQ(seen, (std::vector<T>{T::Added, T::Connected, T::Disconnected, T::Removed}));

  const std::string text = trace.str();
  EXPECT_NE(text.find("\n2.000000000,add,service,s3,,,,\n"), std::string::npos);
  EXPECT_NE(text.find("\n2.000000000,connect,,lb,s3,lb->s3,,\n"), std::string::npos);
  EXPECT_NE(text.find("\n4.000000000,disconnect,,lb,s3,lb->s3,,\n"), std::string::npos);
  EXPECT_NE(text.find("\n4.000000000,remove,service,s3,,,,\n"), std::string::npos);

  const RunResults r = runner.results();
  ASSERT_EQ(r.components.size(), 5u);
  EXPECT_EQ(r.components.back().id, "s3");
  EXPECT_TRUE(r.components.back().removed);
  EXPECT_FALSE(r.components.back().up);
  EXPECT_GT(r.components.back().completed, 0u);  // what it did while it was there counts
  EXPECT_FALSE(r.components.front().removed);
  const std::string json = writeResultsJson(r, "balanced");
  EXPECT_NE(json.find("\"removed\": true"), std::string::npos);
  EXPECT_EQ(json.find("\"removed\": false"), std::string::npos);  // written only when true
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

/// The built-in kinds, with `service` building three instances per scenario component (the
/// way a replica set will).
ComponentRegistry registryWithTripledServices() {
  ComponentRegistry r;
  for (const auto& k : builtinRegistry().kinds()) {
    ComponentKind copy = *k;
    if (copy.name == "service") copy.instanceCount = [](const ParamSet&) -> std::size_t { return 3; };
    r.add(std::move(copy));
  }
  return r;
}

TEST(ReplicaInstances, NamesMapBackToTheScenarioIdTheyStandFor) {
  EXPECT_EQ(instanceName("web", 3), "web#3");
  EXPECT_EQ(scenarioIdOf("web#3"), "web");
  EXPECT_EQ(scenarioIdOf("lb->web#12"), "lb->web");
  EXPECT_EQ(scenarioIdOf("db"), "db");
  EXPECT_EQ(instanceNumberOf("web#12"), 12u);
  EXPECT_EQ(instanceNumberOf("web"), 0u);
}

TEST(ReplicaInstances, OneScenarioComponentBuildsItsInstancesAndEveryPairOfThemIsLinked) {
  const ComponentRegistry registry = registryWithTripledServices();
  ScenarioBuilder b("replicas", registry);
  b.component("users", "client", {{"rate", "300"}})
      .component("lb", "load_balancer")
      .component("web", "service", {{"workers", "8"}, {"service_time", "const(10ms)"}})
      .component("db", "service", {{"workers", "8"}, {"service_time", "const(1ms)"}})
      .link("users", "lb")
      .link("lb", "web")
      .link("web", "db")
      .fault(5 * kSecond, FaultAction::Crash, "web")
      .fault(6 * kSecond, FaultAction::Restart, "web")
      .fault(7 * kSecond, FaultAction::Cut, "lb->web")
      .duration(10 * kSecond);
  ScenarioRunner runner(b.scenario(), registry);
  Simulation& sim = runner.simulation();
  // users, lb, web#1..3, db#1..3
  ASSERT_EQ(sim.componentCount(), 8u);
  EXPECT_EQ(sim.component(2).name(), "web#1");
  EXPECT_EQ(sim.component(4).name(), "web#3");
  EXPECT_EQ(instancesOf(sim, "web"), (std::vector<ComponentId>{2, 3, 4}));
  EXPECT_EQ(instancesOf(sim, "users"), (std::vector<ComponentId>{0}));
  // lb->web: one link per instance; web->db: one per pair (3 x 3).
  EXPECT_EQ(linksOf(sim, "lb->web").size(), 3u);
  EXPECT_EQ(linksOf(sim, "web->db").size(), 9u);
  EXPECT_EQ(sim.network().link(linksOf(sim, "lb->web")[1]).name, "lb->web#2");

  // A fault on the set reaches every instance.
  runner.advance(5 * kSecond + kMillisecond, ~std::uint64_t{0});
  EXPECT_EQ(static_cast<const LoadBalancer&>(*sim.findComponent("lb")).backends(), 3u);
  for (const ComponentId id : instancesOf(sim, "web")) EXPECT_FALSE(sim.component(id).isUp());
  runner.advance(6 * kSecond + kMillisecond, ~std::uint64_t{0});
  for (const ComponentId id : instancesOf(sim, "web")) EXPECT_TRUE(sim.component(id).isUp());
  runner.run();
  for (const LinkId id : linksOf(sim, "lb->web")) EXPECT_FALSE(sim.network().link(id).up);
  // Every instance took a share before the cut.
  const RunResults r = runner.results();
  for (const char* id : {"web#1", "web#2", "web#3"}) {
    bool found = false;
    for (const auto& c : r.components) {
      if (c.id != id) continue;
      found = true;
      EXPECT_GT(c.completed, 300u) << id;
    }
    EXPECT_TRUE(found) << id;
  }
}

}  // namespace
}  // namespace pillars
