// Faults from the timeline: a crash loses in-flight work; a cut link carries nothing until healed.
#include <gtest/gtest.h>

#include "engine/model/scenario_builder.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"

namespace pillars {
namespace {

const ComponentMetrics& metricsOf(ScenarioRunner& r, const char* id) {
  return r.simulation().findComponent(id)->metrics();
}

TEST(Faults, CrashLosesInFlightWorkAndItsCallersTimeOut) {
  // 10 requests/s, each served for exactly 1 s by a server with 100 workers: about ten are
  // in service at any moment. A crash at t = 5.05 s loses them all.
  ScenarioBuilder b("crash");
  b.component("client", "client", {{"rate", "10"}, {"arrival", "constant"}, {"timeout", "3s"}})
      .component("server", "service", {{"workers", "100"}, {"service_time", "1s"}})
      .link("client", "server", {{"latency", "0"}})
      .fault(5050 * kMillisecond, FaultAction::Crash, "server")
      .duration(20 * kSecond)
      .metricsInterval(0);
  ScenarioRunner runner(b.build(), builtinRegistry());
  runner.run();
  const ComponentMetrics& server = metricsOf(runner, "server");
  const ComponentMetrics& client = metricsOf(runner, "client");
  // Requests sent at 4.1 .. 5.0 s (10 of them) were in service at the crash.
  EXPECT_EQ(server.dropped, 10u);
  // Requests issued at 0.1 .. 4.0 s completed; everything after the crash times out.
  EXPECT_EQ(client.completed, 40u);
  EXPECT_FALSE(runner.simulation().findComponent("server")->isUp());
  // Every request issued up to 17 s has had its 3 s deadline pass: 200 - 40 - 30 still open.
  EXPECT_EQ(client.timedOut, 170u - 40u);
}

TEST(Faults, RestartedServiceServesAgainWithAnEmptyQueue) {
  ScenarioBuilder b("restart");
  b.component("client", "client", {{"rate", "10"}, {"arrival", "constant"}, {"timeout", "3s"}})
      .component("server", "service", {{"workers", "100"}, {"service_time", "1s"}})
      .link("client", "server", {{"latency", "0"}})
      .fault(5050 * kMillisecond, FaultAction::Crash, "server")
      .fault(8050 * kMillisecond, FaultAction::Restart, "server")
      .duration(20 * kSecond)
      .metricsInterval(0);
  ScenarioRunner runner(b.build(), builtinRegistry());
  runner.run();
  const ComponentMetrics& client = metricsOf(runner, "client");
  // Lost: issued 4.1 .. 8.0 s (10 in service at the crash, 30 sent to a dead server).
  EXPECT_EQ(client.timedOut, 40u);
  // Served: issued 0.1 .. 4.0 s and 8.1 .. 19.0 s (those after 19 s are still in service).
  EXPECT_EQ(client.completed, 40u + 110u);
}

TEST(Faults, ACutLinkCarriesNothingUntilHealed) {
  ScenarioBuilder b("partition");
  b.component("client", "client", {{"rate", "100"}, {"arrival", "constant"}, {"timeout", "1s"}})
      .component("server", "service", {{"workers", "10"}, {"service_time", "1ms"}})
      .link("client", "server", {{"latency", "5ms"}})
      .fault(2 * kSecond, FaultAction::Cut, "client->server")
      .fault(4 * kSecond, FaultAction::Heal, "client->server")
      .duration(6 * kSecond)
      .metricsInterval(0);
  ScenarioRunner runner(b.build(), builtinRegistry());
  // During the partition the server receives nothing at all.
  runner.advance(2 * kSecond + 10 * kMillisecond, ~0ull);
  const std::uint64_t receivedAtCut = metricsOf(runner, "server").received;
  runner.advance(3900 * kMillisecond, ~0ull);
  EXPECT_EQ(metricsOf(runner, "server").received, receivedAtCut);
  EXPECT_FALSE(runner.simulation().network().link(0).up);
  runner.run();
  EXPECT_TRUE(runner.simulation().network().link(0).up);
  const ComponentMetrics& client = metricsOf(runner, "client");
  // 200 requests were issued while cut (2.00 .. 3.99 s) plus the few in flight at the cut.
  EXPECT_GE(client.timedOut, 200u);
  EXPECT_LE(client.timedOut, 202u);
  EXPECT_GT(metricsOf(runner, "server").received, receivedAtCut + 150);  // traffic resumed
}

TEST(Faults, CrashingAGroupCrashesEveryMember) {
  ScenarioBuilder b("zone");
  b.component("client", "client", {{"rate", "100"}, {"timeout", "1s"}})
      .component("lb", "load_balancer", {{"health_check_interval", "0"}})
      .component("a", "service")
      .component("b", "service")
      .component("c", "service")
      .link("client", "lb")
      .link("lb", "a")
      .link("lb", "b")
      .link("lb", "c")
      .group("zone-1", "zone", {"a", "b"})
      .fault(kSecond, FaultAction::Crash, "zone-1")
      .duration(2 * kSecond)
      .metricsInterval(0);
  ScenarioRunner runner(b.build(), builtinRegistry());
  runner.run();
  Simulation& sim = runner.simulation();
  EXPECT_FALSE(sim.findComponent("a")->isUp());
  EXPECT_FALSE(sim.findComponent("b")->isUp());
  EXPECT_TRUE(sim.findComponent("c")->isUp());
}

}  // namespace
}  // namespace pillars
