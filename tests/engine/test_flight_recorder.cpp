// The live view's recorder: what is on the wire, where messages died, how much each link
// carried, and a capped event log.
#include <gtest/gtest.h>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/run/flight_recorder.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/request_id.hpp"

namespace pillars {
namespace {

/// A client sending 10 requests/s, exactly every 100 ms, over a 30 ms link to a 1 ms server.
Scenario steadyPair(double loss = 0.0) {
  ScenarioBuilder b("pair");
  b.component("client", "client", {{"rate", "10"}, {"arrival", "constant"}, {"timeout", "2s"}})
      .component("server", "service", {{"workers", "4"}, {"service_time", "1ms"}})
      .link("client", "server", {{"latency", "30ms"}, {"loss", loss > 0 ? std::to_string(loss) : "0"}})
      .duration(10 * kSecond)
      .metricsInterval(0);
  return b.build();
}

TEST(FlightRecorder, FlightsAreOnTheWireFromSendUntilArrival) {
  const Scenario s = steadyPair();
  ScenarioRunner runner(s, builtinRegistry());
  FlightRecorder recorder;
  runner.simulation().setObserver(&recorder);
  // The first request leaves at 100 ms and arrives at 130 ms; its response is back at 161 ms.
  runner.advance(115 * kMillisecond, ~0ull);
  recorder.expire(runner.simulation().now());
  ASSERT_EQ(recorder.flights().size(), 1u);
  const auto& f = recorder.flights().front();
  EXPECT_EQ(f.sent, 100 * kMillisecond);
  EXPECT_EQ(f.arrives, 130 * kMillisecond);
  EXPECT_EQ(f.kind, MessageKind::Request);
  runner.advance(140 * kMillisecond, ~0ull);
  recorder.expire(140 * kMillisecond);
  ASSERT_EQ(recorder.flights().size(), 1u);  // now the response
  EXPECT_EQ(recorder.flights().front().kind, MessageKind::Response);
  EXPECT_EQ(recorder.flights().front().arrives, 161 * kMillisecond);
  runner.advance(170 * kMillisecond, ~0ull);
  recorder.expire(170 * kMillisecond);
  EXPECT_TRUE(recorder.flights().empty());
}

TEST(FlightRecorder, CountsTrafficPerLinkAndResetsWhenTaken) {
  const Scenario s = steadyPair();
  ScenarioRunner runner(s, builtinRegistry());
  FlightRecorder recorder;
  runner.simulation().setObserver(&recorder);
  runner.advance(1 * kSecond, ~0ull);
  const auto traffic = recorder.takeLinkTraffic();
  ASSERT_EQ(traffic.size(), 1u);
  // Ten requests (100 ms .. 1 s) and the nine responses that are back by 1 s.
  EXPECT_EQ(traffic[0], 19u);
  EXPECT_EQ(recorder.takeLinkTraffic()[0], 0u);
}

TEST(FlightRecorder, ACutLinkKillsWhatIsSentAndWhatIsInFlightWhereItDies) {
  const Scenario s = steadyPair();
  ScenarioRunner runner(s, builtinRegistry());
  FlightRecorder recorder;
  runner.simulation().setObserver(&recorder);
  runner.advance(110 * kMillisecond, ~0ull);  // the first request is mid-link
  runner.simulation().network().cut(0);
  runner.advance(210 * kMillisecond, ~0ull);  // it dies on arrival; the second dies at send
  const auto deaths = recorder.takeDeaths();
  ASSERT_EQ(deaths.size(), 2u);
  const ComponentId client = runner.simulation().findComponent("client")->id();
  const ComponentId server = runner.simulation().findComponent("server")->id();
  EXPECT_EQ(deaths[0].at, 130 * kMillisecond);
  EXPECT_EQ(deaths[0].where, server);
  EXPECT_EQ(deaths[0].reason, DropReason::LinkDown);
  EXPECT_EQ(deaths[1].at, 200 * kMillisecond);
  EXPECT_EQ(deaths[1].where, client);
  recorder.expire(210 * kMillisecond);
  EXPECT_TRUE(recorder.flights().empty());
  EXPECT_TRUE(recorder.takeDeaths().empty());  // taken once
}

TEST(FlightRecorder, TheLogKeepsTheNewestEventsUpToItsCapacity) {
  const Scenario s = steadyPair();
  ScenarioRunner runner(s, builtinRegistry());
  FlightRecorder recorder(8);
  runner.simulation().setObserver(&recorder);
  runner.advance(1 * kSecond, ~0ull);
  EXPECT_EQ(recorder.log().size(), 8u);
  // By 1 s: 10 requests sent (100 ms .. 1 s), 9 delivered (the last arrives at 1.03 s), and
  // 9 responses sent and delivered.
  EXPECT_EQ(recorder.logTotal(), 37u);
  SimTime previous = 0;
  for (std::size_t i = 0; i < recorder.log().size(); ++i) {
    EXPECT_GE(recorder.log().at(i).at, previous);
    previous = recorder.log().at(i).at;
  }
  EXPECT_EQ(recorder.log().at(7).at, 1 * kSecond);  // the request sent at exactly 1 s
}

TEST(FlightRecorder, CrashesAndLinkChangesAreLoggedEvenWithoutMessages) {
  const Scenario s = steadyPair();
  ScenarioRunner runner(s, builtinRegistry());
  FlightRecorder recorder;
  recorder.setLogMessages(false);
  runner.simulation().setObserver(&recorder);
  runner.advance(50 * kMillisecond, ~0ull);
  const ComponentId server = runner.simulation().findComponent("server")->id();
  runner.simulation().crash(server);
  runner.simulation().network().cut(0);
  runner.simulation().network().heal(0);
  runner.simulation().restart(server);
  ASSERT_EQ(recorder.log().size(), 4u);
  EXPECT_EQ(recorder.log().at(0).type, FlightRecorder::EventType::Crash);
  EXPECT_EQ(recorder.log().at(0).component, server);
  EXPECT_EQ(recorder.log().at(1).type, FlightRecorder::EventType::LinkCut);
  EXPECT_EQ(recorder.log().at(2).type, FlightRecorder::EventType::LinkHeal);
  EXPECT_EQ(recorder.log().at(3).type, FlightRecorder::EventType::Restart);
}

TEST(FlightRecorder, WatchingDoesNotChangeTheRun) {
  const Scenario s = steadyPair(0.1);
  ScenarioRunner watched(s, builtinRegistry());
  FlightRecorder recorder;
  watched.simulation().setObserver(&recorder);
  watched.run();
  ScenarioRunner plain(s, builtinRegistry());
  plain.run();
  EXPECT_EQ(watched.simulation().fingerprint(), plain.simulation().fingerprint());
  EXPECT_GT(recorder.takeDeaths().size(), 0u);  // 10% loss: some died
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

TEST(FlightRecorder, RaftRpcsCarryNoRequestNumberAndClientRequestsTheirClients) {
  const ScenarioLoad load =
      loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/raft-5.json", builtinRegistry());
  ASSERT_TRUE(load.ok());
  ScenarioRunner runner(*load.scenario, builtinRegistry(), load.scenario->seed, 3 * kSecond);
  FlightRecorder recorder;
  runner.simulation().setObserver(&recorder);
  runner.run();
  const ComponentId users = runner.simulation().findComponent("users")->id();
  std::size_t rpcs = 0, requests = 0;
  for (std::size_t i = 0; i < recorder.log().size(); ++i) {
    const FlightRecorder::Event& e = recorder.log().at(i);
    if (e.type != FlightRecorder::EventType::Send) continue;
    if (categoryOf(e.kind) == MessageCategory::Consensus) {
      ++rpcs;
      // Before the wire helpers, AppendEntries carried leaderCommit here: logs showed it as a
      // request number.
      EXPECT_EQ(e.requestId, 0u) << messageKindName(e.kind);
    } else if (e.kind == MessageKind::Request && e.component == users) {
      ++requests;
      EXPECT_EQ(RequestId::clientOf(e.requestId), users);
      EXPECT_GT(RequestId::sequenceOf(e.requestId), 0u);
    }
  }
  EXPECT_GT(rpcs, 100u);
  EXPECT_GT(requests, 100u);
}

}  // namespace
}  // namespace pillars
