// Request traces: a request's path through every component rebuilt from what a RequestTracer
// kept, with times that follow from the scenario's constant latencies and work times.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/run/request_trace.hpp"
#include "engine/sim/request_id.hpp"
#include "sim_fixtures.hpp"

namespace pillars {
namespace {

using testing::build;

constexpr SimTime ms(std::int64_t n) { return n * kMillisecond; }

struct TracedRun {
  std::unique_ptr<Simulation> sim;
  std::vector<std::string> names;
  RequestTrace trace;
};

/// Runs `b` to `until` following request number `sequence` of client `client`.
TracedRun traceOf(const ScenarioBuilder& b, const std::string& client, std::uint64_t sequence,
                  SimTime until = 10 * kSecond) {
  TracedRun r;
  r.sim = build(b);
  const std::uint64_t id = RequestId::make(r.sim->findComponent(client)->id(), sequence);
  RequestTracer tracer = RequestTracer::following(id);
  r.sim->addObserver(&tracer);
  r.sim->runUntil(until);
  r.sim->removeObserver(&tracer);
  r.names = r.sim->componentNames();
  const std::vector<RequestTracer::Event> events = tracer.eventsOf(id);
  r.trace = buildRequestTrace(id, events);
  return r;
}

/// "label [start, end) outcome" per span, times in ms after the request was issued, indented
/// by depth: compact enough to compare a whole trace in one assertion.
std::vector<std::string> outline(const TracedRun& r) {
  std::vector<std::string> out;
  for (const TraceSpan& s : r.trace.spans) {
    out.push_back(std::string(static_cast<std::size_t>(s.depth) * 2, ' ') + spanLabel(s, r.names) + " [" +
                  std::to_string((s.start - r.trace.issued) / kMillisecond) + ", " +
                  std::to_string((s.end - r.trace.issued) / kMillisecond) + ") " + spanOutcomeText(s));
  }
  return out;
}

ScenarioBuilder threeHops() {
  ScenarioBuilder b("three hops");
  b.component("users", "client", {{"arrival", "constant"}, {"rate", "1"}, {"requests", "2"}, {"timeout", "5s"}})
      .component("lb", "load_balancer")
      .component("api", "service", {{"workers", "1"}, {"service_time", "30ms"}})
      .component("db", "service", {{"workers", "1"}, {"service_time", "20ms"}})
      .link("users", "lb", {{"latency", "1ms"}})
      .link("lb", "api", {{"latency", "1ms"}})
      .link("api", "db", {{"latency", "1ms"}});
  return b;
}

TEST(RequestTrace, NestsEveryCallWithItsNetworkLegsAndWork) {
  const TracedRun r = traceOf(threeHops(), "users", 2);
  EXPECT_TRUE(r.trace.complete);
  EXPECT_EQ(r.trace.attempts, 1);
  EXPECT_EQ(r.trace.outcome, TraceSpan::Outcome::Ok);
  // 1 ms per hop each way, 30 ms at api, 20 ms at db: answered 56 ms after it was issued.
  EXPECT_EQ(r.trace.ended - r.trace.issued, ms(56));
  const std::vector<std::string> expected{
      "attempt 1: users → lb [0, 56) ok",
      "  request users → lb [0, 1) ok",
      "  lb → api [1, 55) ok",
      "    request lb → api [1, 2) ok",
      "    work at api [2, 32) ok",
      "    api → db [32, 54) ok",
      "      request api → db [32, 33) ok",
      "      work at db [33, 53) ok",
      "      response db → api [53, 54) ok",
      "    response api → lb [54, 55) ok",
      "  response lb → users [55, 56) ok",
  };
  EXPECT_EQ(outline(r), expected);
}

TEST(RequestTrace, SplitsQueueingFromWork) {
  // Two clients ask a one-worker server at the same instant: the second waits for the first.
  ScenarioBuilder b("queue");
  b.component("a", "client", {{"arrival", "constant"}, {"rate", "1"}, {"requests", "1"}})
      .component("b", "client", {{"arrival", "constant"}, {"rate", "1"}, {"requests", "1"}})
      .component("server", "service", {{"workers", "1"}, {"service_time", "100ms"}})
      .link("a", "server", {{"latency", "0"}})
      .link("b", "server", {{"latency", "0"}});
  const TracedRun first = traceOf(b, "a", 1);
  const TracedRun second = traceOf(b, "b", 1);
  // Whichever arrived second queued for exactly the first one's 100 ms of work.
  auto queued = [](const TracedRun& r) {
    for (const TraceSpan& s : r.trace.spans) {
      if (s.kind == TraceSpan::Kind::Queue) return s.end - s.start;
    }
    return SimTime{0};
  };
  EXPECT_EQ(queued(first) + queued(second), ms(100));
  EXPECT_EQ(std::max(first.trace.ended - first.trace.issued, second.trace.ended - second.trace.issued), ms(200));
}

TEST(RequestTrace, ShowsEveryRetryAndAnswersTheCallerNoLongerWaitedFor) {
  // 50 ms timeout, one immediate retry, 80 ms of work on one worker: the first answer comes at 80 ms,
  // after its caller gave up at 50; the retry, sent at 50, waits for the worker until 80 and is
  // answered at 160, after its own deadline of 100.
  ScenarioBuilder b("late");
  b.component("users", "client",
              {{"arrival", "constant"}, {"rate", "1"}, {"requests", "1"}, {"timeout", "50ms"}, {"retries", "1"},
               {"backoff_base", "0"}})
      .component("api", "service", {{"workers", "1"}, {"service_time", "80ms"}})
      .link("users", "api", {{"latency", "0"}});
  const TracedRun r = traceOf(b, "users", 1);
  EXPECT_EQ(r.trace.attempts, 2);
  EXPECT_EQ(r.trace.outcome, TraceSpan::Outcome::Late);
  const std::vector<std::string> expected{
      "attempt 1: users → api [0, 80) late: its caller had given up",
      "  request users → api [0, 0) ok",
      "  work at api [0, 80) ok",
      "  response api → users [80, 80) ok",
      "attempt 2: users → api [50, 160) late: its caller had given up",
      "  request users → api [50, 50) ok",
      "  queue at api [50, 80) ok",
      "  work at api [80, 160) ok",
      "  response api → users [160, 160) ok",
  };
  EXPECT_EQ(outline(r), expected);
}

TEST(RequestTrace, ARequestStillQueuedWhenItsCallerGaveUpShowsItsWait) {
  // The worker is busy for a second with another client's request; this one's caller waits
  // 100 ms and gives up, and the run ends before the worker is free.
  ScenarioBuilder b("waiting");
  b.component("first", "client", {{"arrival", "constant"}, {"rate", "10"}, {"requests", "1"}})
      .component("users", "client", {{"arrival", "constant"}, {"rate", "5"}, {"requests", "1"}, {"timeout", "100ms"}})
      .component("api", "service", {{"workers", "1"}, {"service_time", "1s"}})
      .link("first", "api", {{"latency", "0"}})
      .link("users", "api", {{"latency", "0"}});
  const TracedRun r = traceOf(b, "users", 1, 500 * kMillisecond);
  EXPECT_EQ(r.trace.outcome, TraceSpan::Outcome::NoAnswer);
  const std::vector<std::string> expected{
      "attempt 1: users → api [0, 100) no answer",
      "  request users → api [0, 0) ok",
      "  queue at api [0, 100) no answer",
  };
  EXPECT_EQ(outline(r), expected);
}

TEST(RequestTrace, ALostRequestEndsWhereItDied) {
  ScenarioBuilder b("lossy");
  b.component("users", "client", {{"arrival", "constant"}, {"rate", "1"}, {"requests", "1"}, {"timeout", "1s"}})
      .component("api", "service", {{"service_time", "10ms"}})
      .link("users", "api", {{"latency", "5ms"}, {"loss", "1"}});
  const TracedRun r = traceOf(b, "users", 1);
  ASSERT_EQ(r.trace.spans.size(), 2u);
  EXPECT_EQ(r.trace.outcome, TraceSpan::Outcome::Lost);
  EXPECT_EQ(outline(r)[1], "  request users → api [0, 5) lost: loss");
}

TEST(RequestTrace, FollowingARequestNeverChangesTheRun) {
  auto plain = build(threeHops());
  plain->runUntil(10 * kSecond);
  const TracedRun traced = traceOf(threeHops(), "users", 1);
  EXPECT_EQ(traced.sim->eventCount(), plain->eventCount());
  EXPECT_EQ(traced.sim->now(), plain->now());
}

TEST(RequestTrace, ARingKeepsTheRecentRequestsAndSaysWhenOneIsPartial) {
  auto sim = build(threeHops());
  // Room for a little more than one request's 14 events: the first request is forgotten.
  RequestTracer tracer = RequestTracer::recent(16);
  sim->addObserver(&tracer);
  sim->runUntil(10 * kSecond);
  const ComponentId users = sim->findComponent("users")->id();
  const auto firstEvents = tracer.eventsOf(RequestId::make(users, 1));
  const auto secondEvents = tracer.eventsOf(RequestId::make(users, 2));
  EXPECT_LT(firstEvents.size(), 14u);
  EXPECT_EQ(secondEvents.size(), 14u);
  EXPECT_FALSE(buildRequestTrace(RequestId::make(users, 1), firstEvents).complete);
  EXPECT_TRUE(buildRequestTrace(RequestId::make(users, 2), secondEvents).complete);
  EXPECT_EQ(tracer.total(), 28u);
}

TEST(RequestTrace, RequestIdsReadAndWriteAsClientAndNumber) {
  const std::vector<std::string> names{"lb", "users", "web#3"};
  const std::uint64_t id = RequestId::make(1, 42);
  EXPECT_EQ(requestIdText(id, names), "users#42");
  EXPECT_EQ(parseRequestId("users#42", names), id);
  EXPECT_EQ(parseRequestId(std::to_string(id), names), id);
  // An instance name holds a '#' of its own: the number follows the last one.
  EXPECT_EQ(parseRequestId("web#3#7", names), RequestId::make(2, 7));
  for (const char* bad : {"users#0", "users#", "users#x", "nobody#3", "#3", "users#-1", ""}) {
    EXPECT_FALSE(parseRequestId(bad, names).has_value()) << bad;
  }
}

}  // namespace
}  // namespace pillars
