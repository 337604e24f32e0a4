// The degradation faults: `slow` multiplies a component's work times, `delay` adds latency to
// a link, `loss` sets a link's loss probability. Their effect on a run, the runtime API a front
// end calls, what the trace records, and how scenario files spell them (reader and writer).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/run/trace_writer.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

FaultSpec slow(SimTime at, const std::string& target, double factor) {
  FaultSpec f{at, FaultAction::Slow, target};
  f.value = factor;
  return f;
}

FaultSpec delay(SimTime at, const std::string& link, SimTime extra) {
  FaultSpec f{at, FaultAction::Delay, link};
  f.latency = extra;
  return f;
}

FaultSpec loss(SimTime at, const std::string& link, double probability) {
  FaultSpec f{at, FaultAction::Loss, link};
  f.value = probability;
  return f;
}

/// Time from each request's arrival at `server` to the server's answer, with the arrival time.
class SojournRecorder final : public SimObserver {
 public:
  struct Visit {
    SimTime arrived;
    SimTime sojourn;
  };
  explicit SojournRecorder(ComponentId server) : m_server(server) {}

  void onDeliver(const Message& msg, LinkId /*link*/, SimTime at) override {
    if (msg.dst == m_server && msg.kind == MessageKind::Request) m_arrived[msg.requestId] = at;
  }
  void onSend(const Message& msg, LinkId /*link*/, SimTime sentAt, SimTime /*arrivesAt*/) override {
    if (msg.src != m_server || msg.kind != MessageKind::Response) return;
    const auto it = m_arrived.find(msg.requestId);
    if (it == m_arrived.end()) return;
    visits.push_back(Visit{it->second, sentAt - it->second});
    m_arrived.erase(it);
  }

  /// Mean sojourn of requests that arrived in [from, to), in seconds, and how many there were.
  double meanSeconds(SimTime from, SimTime to, std::size_t* count = nullptr) const {
    double sum = 0;
    std::size_t n = 0;
    for (const Visit& v : visits) {
      if (v.arrived < from || v.arrived >= to) continue;
      sum += simTimeToSeconds(v.sojourn);
      ++n;
    }
    if (count) *count = n;
    return n ? sum / static_cast<double>(n) : 0.0;
  }
  /// Shortest and longest sojourn of requests that arrived in [from, to).
  std::pair<SimTime, SimTime> range(SimTime from, SimTime to) const {
    std::pair<SimTime, SimTime> r{kTimeNever, 0};
    for (const Visit& v : visits) {
      if (v.arrived < from || v.arrived >= to) continue;
      r.first = std::min(r.first, v.sojourn);
      r.second = std::max(r.second, v.sojourn);
    }
    return r;
  }

  std::vector<Visit> visits;

 private:
  ComponentId m_server;
  std::unordered_map<std::uint64_t, SimTime> m_arrived;
};

/// One client sending every 20 ms to a single-worker server whose work takes 1 to 3 ms: even
/// four times slower (at most 12 ms) a request never waits, so its sojourn is its work time.
Scenario lightlyLoadedServer() {
  ScenarioBuilder b("slow");
  b.component("client", "client", {{"rate", "50"}, {"arrival", "constant"}, {"timeout", "1s"}})
      .component("server", "service", {{"workers", "1"}, {"service_time", "uniform(1ms, 3ms)"}})
      .link("client", "server", {{"latency", "0"}})
      .duration(90 * kSecond)
      .metricsInterval(0);
  return b.build();
}

// =============================================================================================
// slow

TEST(FaultSlow, FactorFourMakesTheMeanServiceTimeFourTimesLongerAndOneRestoresIt) {
  Scenario s = lightlyLoadedServer();
  // Between two arrivals (every 20 ms), so no request's work straddles a change.
  const SimTime slowAt = 30 * kSecond + 10 * kMillisecond;
  const SimTime restoreAt = 60 * kSecond + 10 * kMillisecond;
  s.faults = {slow(slowAt, "server", 4), slow(restoreAt, "server", 1)};
  ScenarioRunner runner(s, builtinRegistry());
  SojournRecorder rec(runner.simulation().findComponent("server")->id());
  runner.simulation().setObserver(&rec);
  runner.run();

  std::size_t n1 = 0, n2 = 0, n3 = 0;
  const double before = rec.meanSeconds(0, slowAt, &n1);
  const double slowed = rec.meanSeconds(slowAt, restoreAt, &n2);
  const double after = rec.meanSeconds(restoreAt, kTimeNever, &n3);
  EXPECT_GT(n1, 1400u);
  EXPECT_GT(n2, 1400u);
  EXPECT_GT(n3, 1400u);
  // uniform(1ms, 3ms) has a mean of 2 ms; 1,500 samples put the estimate within about 1 %.
  EXPECT_NEAR(before, 0.002, 0.002 * 0.03);
  EXPECT_NEAR(slowed, 0.008, 0.008 * 0.03);
  EXPECT_NEAR(after, 0.002, 0.002 * 0.03);
  EXPECT_NEAR(slowed / before, 4.0, 4.0 * 0.03);
  // Every single request is scaled, not just the mean.
  EXPECT_GE(rec.range(0, slowAt).first, kMillisecond);
  EXPECT_LE(rec.range(0, slowAt).second, 3 * kMillisecond);
  EXPECT_GE(rec.range(slowAt, restoreAt).first, 4 * kMillisecond);
  EXPECT_LE(rec.range(slowAt, restoreAt).second, 12 * kMillisecond);
  EXPECT_LE(rec.range(restoreAt, kTimeNever).second, 3 * kMillisecond);
  EXPECT_EQ(runner.simulation().findComponent("server")->slowdown(), 1.0);
  EXPECT_EQ(runner.simulation().findComponent("server")->metrics().wait.max(), 0.0);
}

TEST(FaultSlow, ScalesTheSameDrawsSoEveryWorkTimeIsExactlyTimesTheFactor) {
  // The slowdown multiplies each sampled time and draws nothing itself: the k-th request gets
  // the same draw with or without it, so the two runs differ by the factor, request for
  // request (up to the rounding to whole nanoseconds).
  Scenario plain = lightlyLoadedServer();
  plain.duration = 10 * kSecond;
  Scenario slowed = plain;
  slowed.faults = {slow(0, "server", 4)};
  std::vector<SojournRecorder::Visit> runs[2];
  for (int i = 0; i < 2; ++i) {
    ScenarioRunner runner(i == 0 ? plain : slowed, builtinRegistry());
    SojournRecorder rec(runner.simulation().findComponent("server")->id());
    runner.simulation().setObserver(&rec);
    runner.run();
    runs[i] = rec.visits;
  }
  ASSERT_EQ(runs[0].size(), runs[1].size());
  ASSERT_GT(runs[0].size(), 400u);
  for (std::size_t k = 0; k < runs[0].size(); ++k) {
    EXPECT_EQ(runs[0][k].arrived, runs[1][k].arrived);
    EXPECT_LE(std::llabs(runs[1][k].sojourn - 4 * runs[0][k].sojourn), 3) << "request " << k;
  }
}

TEST(FaultSlow, AGroupTargetSlowsEveryMemberAndNothingElse) {
  ScenarioBuilder b("zone");
  b.component("client", "client", {{"rate", "100"}})
      .component("lb", "load_balancer")
      .component("a", "service")
      .component("b", "service")
      .component("c", "service")
      .link("client", "lb")
      .link("lb", "a")
      .link("lb", "b")
      .link("lb", "c")
      .group("inner", "zone", {"b"}, "outer")
      .group("outer", "region", {"a"})
      .duration(3 * kSecond)
      .metricsInterval(0);
  Scenario s = b.build();
  s.faults = {slow(kSecond, "outer", 3), slow(2 * kSecond, "outer", 1)};
  ScenarioRunner runner(s, builtinRegistry());
  Simulation& sim = runner.simulation();
  runner.advance(1500 * kMillisecond, ~0ull);
  EXPECT_EQ(sim.findComponent("a")->slowdown(), 3.0);
  EXPECT_EQ(sim.findComponent("b")->slowdown(), 3.0);  // through the nested zone
  EXPECT_EQ(sim.findComponent("c")->slowdown(), 1.0);
  EXPECT_EQ(sim.findComponent("lb")->slowdown(), 1.0);
  runner.run();
  EXPECT_EQ(sim.findComponent("a")->slowdown(), 1.0);
  EXPECT_EQ(sim.findComponent("b")->slowdown(), 1.0);
}

TEST(FaultSlow, ACacheAnswersHitsFactorTimesSlower) {
  // With nothing behind it every lookup is a hit, answered after hit_time.
  ScenarioBuilder b("cache");
  b.component("client", "client", {{"rate", "10"}, {"arrival", "constant"}})
      .component("cache", "cache", {{"hit_time", "1ms"}})
      .link("client", "cache", {{"latency", "0"}})
      .duration(4 * kSecond)
      .metricsInterval(0);
  Scenario s = b.build();
  s.faults = {slow(2 * kSecond + 50 * kMillisecond, "cache", 5)};
  ScenarioRunner runner(s, builtinRegistry());
  SojournRecorder rec(runner.simulation().findComponent("cache")->id());
  runner.simulation().setObserver(&rec);
  runner.run();
  EXPECT_EQ(rec.range(0, 2 * kSecond), std::make_pair(kMillisecond, kMillisecond));
  EXPECT_EQ(rec.range(2100 * kMillisecond, kTimeNever),
            std::make_pair(5 * kMillisecond, 5 * kMillisecond));
}

// =============================================================================================
// delay

/// Checks every send on one link against the latency it must have: the link's own draw,
/// predicted from a copy of its random stream, plus the extra latency in force when sent.
class LatencyChecker final : public SimObserver {
 public:
  LatencyChecker(const Simulation& sim, LinkId link, SimTime from, SimTime to, SimTime extra)
      : m_link(link),
        m_dist(sim.network().link(link).config.latency),
        m_rng(sim.stream("link:" + sim.network().link(link).name)),
        m_from(from),
        m_to(to),
        m_extra(extra) {}

  void onSend(const Message& /*msg*/, LinkId link, SimTime sentAt, SimTime arrivesAt) override {
    if (link != m_link) return;
    const SimTime drawn = secondsToSimTime(m_dist.sample(m_rng));
    const bool delayed = sentAt >= m_from && sentAt < m_to;
    EXPECT_EQ(arrivesAt - sentAt, drawn + (delayed ? m_extra : 0)) << "sent at " << sentAt;
    ++(delayed ? delayedSends : normalSends);
    if (delayed) delayedLatency.push_back(arrivesAt - sentAt);
  }
  void onDeliver(const Message& /*msg*/, LinkId link, SimTime /*at*/) override {
    if (link == m_link) ++delivered;
  }

  std::uint64_t delayedSends = 0, normalSends = 0, delivered = 0;
  std::vector<SimTime> delayedLatency;

 private:
  LinkId m_link;
  Distribution m_dist;
  Rng m_rng;
  SimTime m_from, m_to, m_extra;
};

TEST(FaultDelay, AddsExactlyTheExtraLatencyToEachDrawnLatencyBothWays) {
  ScenarioBuilder b("delay");
  b.component("client", "client", {{"rate", "100"}, {"arrival", "constant"}, {"timeout", "2s"}})
      .component("server", "service", {{"workers", "8"}, {"service_time", "exp(2ms)"}})
      .link("client", "server", {{"latency", "exp(5ms)"}})
      .duration(6 * kSecond)
      .metricsInterval(0);
  Scenario s = b.build();
  // Off the client's 10 ms grid; the server's replies leave at random instants.
  const SimTime from = 2 * kSecond + 500 * kMicrosecond;
  const SimTime to = 4 * kSecond + 500 * kMicrosecond;
  s.faults = {delay(from, "client->server", 200 * kMillisecond), delay(to, "client->server", 0)};
  ScenarioRunner runner(s, builtinRegistry());
  LatencyChecker check(runner.simulation(), 0, from, to, 200 * kMillisecond);
  runner.simulation().setObserver(&check);
  runner.run();
  EXPECT_GT(check.delayedSends, 350u);  // requests and replies while delayed
  EXPECT_GT(check.normalSends, 700u);
  EXPECT_GT(check.delivered, 1000u);
  for (const SimTime l : check.delayedLatency) EXPECT_GE(l, 200 * kMillisecond);
  EXPECT_EQ(runner.simulation().network().link(0).extraLatency, 0);
}

TEST(FaultDelay, ClientsSeeTheDelayTwiceInTheirLatency) {
  // Constant latencies make the end-to-end time exact: 5 ms there, 1 ms work, 5 ms back,
  // plus 2 x 200 ms while the link is delayed.
  ScenarioBuilder b("delay-e2e");
  b.component("client", "client", {{"rate", "10"}, {"arrival", "constant"}, {"timeout", "2s"}})
      .component("server", "service", {{"service_time", "1ms"}})
      .link("client", "server", {{"latency", "5ms"}})
      .duration(3 * kSecond)
      .metricsInterval(0);
  Scenario s = b.build();
  s.faults = {delay(0, "client->server", 200 * kMillisecond)};
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const ComponentMetrics& client = runner.simulation().findComponent("client")->metrics();
  EXPECT_GT(client.latency.count(), 20u);
  EXPECT_EQ(client.latency.min(), 411 * kMillisecond);
  EXPECT_EQ(client.latency.max(), 411 * kMillisecond);
}

// =============================================================================================
// loss

/// Counts what happens on link 0: sends by time, deliveries and losses by when they were sent
/// (the link's latency is a constant, so the send time is the event time minus it).
class LossCounter final : public SimObserver {
 public:
  LossCounter(SimTime latency, SimTime from, SimTime to)
      : m_latency(latency), m_from(from), m_to(to) {}
  bool inWindow(SimTime sentAt) const { return sentAt >= m_from && sentAt < m_to; }
  void onSend(const Message&, LinkId link, SimTime sentAt, SimTime) override {
    if (link == 0) ++(inWindow(sentAt) ? sentIn : sentOut);
  }
  void onDeliver(const Message&, LinkId link, SimTime at) override {
    if (link == 0) ++(inWindow(at - m_latency) ? deliveredIn : deliveredOut);
  }
  void onDrop(const Message&, LinkId link, DropReason reason, SimTime at) override {
    if (link == 0 && reason == DropReason::Loss) ++(inWindow(at - m_latency) ? lostIn : lostOut);
  }
  std::uint64_t sentIn = 0, sentOut = 0, deliveredIn = 0, deliveredOut = 0, lostIn = 0,
                lostOut = 0;

 private:
  SimTime m_latency, m_from, m_to;
};

TEST(FaultLoss, ProbabilityOneDropsEverythingOnTheLinkAndZeroRestoresIt) {
  ScenarioBuilder b("loss");
  b.component("client", "client", {{"rate", "100"}, {"arrival", "constant"}, {"timeout", "100ms"}})
      .component("server", "service", {{"workers", "10"}, {"service_time", "1ms"}})
      .link("client", "server", {{"latency", "5ms"}})
      .duration(6 * kSecond)
      .metricsInterval(0);
  Scenario s = b.build();
  const SimTime from = 2 * kSecond + 500 * kMicrosecond;
  const SimTime to = 4 * kSecond + 500 * kMicrosecond;
  s.faults = {loss(from, "client->server", 1.0), loss(to, "client->server", 0.0)};
  ScenarioRunner runner(s, builtinRegistry());
  LossCounter count(5 * kMillisecond, from, to);
  runner.simulation().setObserver(&count);
  runner.run();
  // 200 requests, and the replies to the 1 ms-old requests still being served at the start.
  EXPECT_GE(count.sentIn, 200u);
  EXPECT_EQ(count.lostIn, count.sentIn);
  EXPECT_EQ(count.deliveredIn, 0u);
  EXPECT_EQ(count.lostOut, 0u);
  EXPECT_GT(count.deliveredOut, 700u);
  EXPECT_EQ(runner.simulation().network().link(0).config.lossProbability, 0.0);
  // Timed out: the 200 requests sent at 2.01 .. 4.00 s, and the one sent at 2.00 s whose reply
  // left at 2.006 s. Everything else was answered.
  const ComponentMetrics& client = runner.simulation().findComponent("client")->metrics();
  EXPECT_EQ(client.timedOut, 201u);
}

TEST(FaultLoss, AProbabilityInBetweenLosesThatShare) {
  ScenarioBuilder b("loss-share");
  b.component("client", "client", {{"rate", "1000"}, {"timeout", "1s"}})
      .component("server", "service", {{"workers", "100"}, {"service_time", "1ms"}})
      .link("client", "server", {{"latency", "1ms"}})
      .duration(10 * kSecond)
      .metricsInterval(0);
  Scenario s = b.build();
  s.faults = {loss(0, "client->server", 0.2)};
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const LinkStats& stats = runner.simulation().network().link(0).stats;
  ASSERT_GT(stats.sent, 10000u);
  EXPECT_NEAR(static_cast<double>(stats.dropped) / static_cast<double>(stats.sent), 0.2, 0.015);
}

// =============================================================================================
// Degradations that change nothing change nothing

/// A run's trace, as `pillars-cli simulate --trace` writes it.
std::string traceOf(const Scenario& s) {
  std::ostringstream out;
  ScenarioRunner runner(s, builtinRegistry());
  TraceWriter trace(runner.simulation(), out);
  runner.simulation().setObserver(&trace);
  runner.run();
  return out.str();
}

TEST(FaultNoOps, FactorOneNoDelayAndTheSameLossLeaveTheTraceByteIdentical) {
  ScenarioBuilder b("noop");
  b.component("client", "client", {{"rate", "300"}, {"timeout", "200ms"}, {"retries", "1"}})
      .component("lb", "load_balancer", {{"policy", "random"}})
      .component("a", "service", {{"workers", "2"}, {"service_time", "exp(3ms)"}})
      .component("b", "service", {{"workers", "2"}, {"service_time", "lognormal(3ms, 0.5)"}})
      .component("cache", "cache", {{"hit_time", "exp(300us)"}})
      .link("client", "lb", {{"latency", "exp(2ms)"}, {"loss", "0.01"}})
      .link("lb", "a", {{"latency", "uniform(100us, 900us)"}})
      .link("lb", "b", {{"latency", "uniform(100us, 900us)"}})
      .link("a", "cache")
      .duration(4 * kSecond)
      .metricsInterval(0);
  const Scenario plain = b.build();
  Scenario noOps = plain;
  noOps.faults = {slow(kSecond, "a", 1), slow(kSecond, "cache", 1),
                  delay(2 * kSecond, "lb->b", 0), loss(3 * kSecond, "client->lb", 0.01)};
  const std::string expected = traceOf(plain);
  EXPECT_GT(expected.size(), 10000u);
  // The fault events themselves enter the fingerprint, so compare what the system did.
  EXPECT_EQ(traceOf(noOps), expected);
}

// =============================================================================================
// Runtime API and what observers and traces see

class ChangeLog final : public SimObserver {
 public:
  void onSlowdown(ComponentId id, double factor, SimTime) override {
    lines.push_back("slow " + std::to_string(id) + " " + std::to_string(factor));
  }
  void onLinkExtraLatency(LinkId link, SimTime extra, SimTime) override {
    lines.push_back("delay " + std::to_string(link) + " " + std::to_string(extra));
  }
  void onLinkLossProbability(LinkId link, double probability, SimTime) override {
    lines.push_back("loss " + std::to_string(link) + " " + std::to_string(probability));
  }
  std::vector<std::string> lines;
};

TEST(FaultApi, SettersApplyClampAndTellTheObserverOnlyAboutChanges) {
  ScenarioBuilder b("api");
  b.component("client", "client").component("server", "service").link("client", "server");
  ScenarioRunner runner(b.build(), builtinRegistry());
  Simulation& sim = runner.simulation();
  ChangeLog log;
  sim.setObserver(&log);
  const ComponentId server = sim.findComponent("server")->id();

  sim.setSlowdown(server, 4);
  sim.setSlowdown(server, 4);    // no change, no news
  sim.setSlowdown(server, 0.5);  // a speed-up is not a slowdown: counts as 1
  sim.setSlowdown(server, std::numeric_limits<double>::quiet_NaN());  // stays 1, no news
  EXPECT_EQ(sim.component(server).slowdown(), 1.0);

  sim.setLinkExtraLatency(0, 30 * kMillisecond);
  EXPECT_EQ(sim.network().link(0).extraLatency, 30 * kMillisecond);
  sim.setLinkExtraLatency(0, -kSecond);  // never negative: time does not run backwards
  EXPECT_EQ(sim.network().link(0).extraLatency, 0);

  sim.setLinkLossProbability(0, 2.0);
  EXPECT_EQ(sim.network().link(0).config.lossProbability, 1.0);
  sim.setLinkLossProbability(0, std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(sim.network().link(0).config.lossProbability, 0.0);

  EXPECT_EQ(log.lines, (std::vector<std::string>{
                           "slow 1 4.000000", "slow 1 1.000000", "delay 0 30000000", "delay 0 0",
                           "loss 0 1.000000", "loss 0 0.000000"}));
}

TEST(FaultTrace, EachDegradationIsOneTraceLineWithItsValue) {
  ScenarioBuilder b("trace");
  b.component("users", "client", {{"rate", "1"}})
      .component("lb", "load_balancer", {{"health_check_interval", "0"}})
      .component("web1", "service")
      .link("users", "lb")
      .link("lb", "web1")
      .duration(60 * kSecond)
      .metricsInterval(0);
  Scenario s = b.build();
  s.faults = {slow(30 * kSecond, "web1", 4), delay(40 * kSecond, "lb->web1", 200 * kMillisecond),
              loss(50 * kSecond, "lb->web1", 0.2)};
  const std::string trace = traceOf(s);
  EXPECT_NE(trace.find("\n30.000000000,slow,,web1,,,,4\n"), std::string::npos) << trace;
  EXPECT_NE(trace.find("\n40.000000000,delay,,,,lb->web1,,0.200000000\n"), std::string::npos);
  EXPECT_NE(trace.find("\n50.000000000,loss,,,,lb->web1,,0.2\n"), std::string::npos);
}

// =============================================================================================
// Scenario files

constexpr const char* kFile = "test.json";

/// Services a and b, a link a->b, a zone z holding both, and the given fault entries.
std::string withFaults(std::string_view faults) {
  return "{\n"
         "  \"format\": \"pillars-scenario\",\n"
         "  \"version\": 1,\n"
         "  \"duration\": \"2m\",\n"
         "  \"components\": [\n"
         "    { \"id\": \"a\", \"kind\": \"service\" },\n"
         "    { \"id\": \"b\", \"kind\": \"service\" }\n"
         "  ],\n"
         "  \"links\": [ { \"from\": \"a\", \"to\": \"b\" } ],\n"
         "  \"groups\": [ { \"id\": \"z\", \"kind\": \"zone\", \"members\": [\"a\", \"b\"] } ],\n"
         "  \"faults\": [\n" +
         std::string(faults) + "\n  ]\n}\n";
}

/// 1-based line and column of the character at `offset` in an ASCII text.
SourceLocation locationAt(std::string_view text, std::size_t offset) {
  SourceLocation loc{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

/// Where the first `needle` in `text` starts.
SourceLocation locate(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string_view::npos) ADD_FAILURE() << "test bug: '" << needle << "' is not in the text";
  return locationAt(text, at);
}

/// Where the value of the first member `"key": ...` inside the fault list starts.
SourceLocation valueOf(std::string_view text, std::string_view key) {
  const std::string needle = "\"" + std::string(key) + "\": ";
  const std::size_t at = text.find(needle, text.find("\"faults\""));
  if (at == std::string_view::npos) ADD_FAILURE() << "test bug: " << needle << " is not among the faults";
  return locationAt(text, at + needle.size());
}

std::vector<Diagnostic> errorsOf(std::string_view text) {
  const ScenarioLoad load = readScenario(text, kFile, builtinRegistry());
  EXPECT_FALSE(load.scenario.has_value());
  return load.errors;
}

/// The one diagnostic a text must produce, checked for place, path and exact message.
void expectOnlyError(std::string_view text, SourceLocation at, std::string_view path,
                     std::string_view message) {
  const std::vector<Diagnostic> errors = errorsOf(text);
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors) << "for input:\n" << text;
  const Diagnostic& d = errors.front();
  EXPECT_EQ(d.file, kFile);
  EXPECT_EQ(d.location.line, at.line) << d.format();
  EXPECT_EQ(d.location.column, at.column) << d.format();
  EXPECT_EQ(d.path, path) << d.format();
  EXPECT_EQ(d.message, message) << d.format();
}

Scenario readOk(std::string_view text) {
  ScenarioLoad load = readScenario(text, kFile, builtinRegistry());
  if (!load.ok()) {
    ADD_FAILURE() << formatDiagnostics(load.errors) << "for input:\n" << text;
    return Scenario{};
  }
  return std::move(*load.scenario);
}

TEST(FaultFormat, ReadsTheThreeActionsAndTheirValues) {
  const Scenario s = readOk(withFaults(
      "    { \"at\": \"30s\", \"action\": \"slow\", \"target\": \"a\", \"factor\": 4 },\n"
      "    { \"at\": \"35s\", \"action\": \"slow\", \"target\": \"z\", \"factor\": 1.5 },\n"
      "    { \"at\": \"40s\", \"action\": \"delay\", \"target\": \"a->b\", \"latency\": \"200ms\" },\n"
      "    { \"at\": \"45s\", \"action\": \"delay\", \"target\": \"a->b\", \"latency\": 0.25 },\n"
      "    { \"at\": \"50s\", \"action\": \"loss\", \"target\": \"a->b\", \"probability\": 0.2 },\n"
      "    { \"at\": \"55s\", \"action\": \"loss\", \"target\": \"a->b\", \"probability\": 1 },\n"
      "    { \"at\": \"60s\", \"action\": \"slow\", \"target\": \"a\", \"factor\": 1 },\n"
      "    { \"at\": \"61s\", \"action\": \"delay\", \"target\": \"a->b\", \"latency\": \"0ms\" },\n"
      "    { \"at\": \"62s\", \"action\": \"loss\", \"target\": \"a->b\", \"probability\": 0 }"));
  const std::vector<FaultSpec> expected = {
      slow(30 * kSecond, "a", 4),
      slow(35 * kSecond, "z", 1.5),
      delay(40 * kSecond, "a->b", 200 * kMillisecond),
      delay(45 * kSecond, "a->b", 250 * kMillisecond),
      loss(50 * kSecond, "a->b", 0.2),
      loss(55 * kSecond, "a->b", 1.0),
      slow(60 * kSecond, "a", 1),
      delay(61 * kSecond, "a->b", 0),
      loss(62 * kSecond, "a->b", 0.0),
  };
  EXPECT_EQ(s.faults, expected);
}

TEST(FaultFormat, TheMessageOfTheBriefIsWhatAFactorBelowOneGets) {
  const std::string text = withFaults(
      "    { \"at\": \"10s\", \"action\": \"crash\", \"target\": \"a\" },\n"
      "    { \"at\": \"20s\", \"action\": \"restart\", \"target\": \"a\" },\n"
      "    { \"at\": \"30s\", \"action\": \"slow\", \"target\": \"a\", \"factor\": 0.5 }");
  const std::vector<Diagnostic> errors = errorsOf(text);
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  const SourceLocation at = valueOf(text, "factor");
  EXPECT_EQ(errors[0].format(), "test.json:" + std::to_string(at.line) + ":" +
                                    std::to_string(at.column) +
                                    ": $.faults[2].factor: expected a number >= 1, got the number 0.5");
}

TEST(FaultFormat, OutOfRangeAndMistypedValuesAreRefusedAtTheValue) {
  struct Case {
    const char* action;
    const char* target;
    const char* field;
    const char* json;
    const char* message;
  };
  const Case cases[] = {
      {"slow", "a", "factor", "0", "expected a number >= 1, got the number 0"},
      {"slow", "a", "factor", "-4", "expected a number >= 1, got the number -4"},
      {"slow", "a", "factor", "\"4\"", "expected a number >= 1, got the string \"4\""},
      {"slow", "a", "factor", "null", "expected a number >= 1, got null"},
      {"loss", "a->b", "probability", "1.5", "expected a number from 0 to 1, got the number 1.5"},
      {"loss", "a->b", "probability", "-0.1", "expected a number from 0 to 1, got the number -0.1"},
      {"loss", "a->b", "probability", "\"20%\"",
       "expected a number from 0 to 1, got the string \"20%\""},
      {"delay", "a->b", "latency", "\"-5ms\"",
       "expected a duration such as \"500ms\", \"90s\" or \"10m\" (a bare number means seconds), "
       "got the string \"-5ms\""},
      {"delay", "a->b", "latency", "true",
       "expected a duration such as \"500ms\", \"90s\" or \"10m\" (a bare number means seconds), "
       "got true"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.action) + " " + c.json);
    const std::string text = withFaults(std::string("    { \"at\": \"5s\", \"action\": \"") +
                                        c.action + "\", \"target\": \"" + c.target + "\", \"" +
                                        c.field + "\": " + c.json + " }");
    expectOnlyError(text, valueOf(text, c.field), std::string("$.faults[0].") + c.field, c.message);
  }
}

TEST(FaultFormat, AMissingValueIsReportedAtTheFault) {
  struct Case {
    const char* action;
    const char* target;
    const char* field;
  };
  for (const Case& c : {Case{"slow", "a", "factor"}, Case{"delay", "a->b", "latency"},
                        Case{"loss", "a->b", "probability"}}) {
    SCOPED_TRACE(c.action);
    const std::string entry = std::string("{ \"at\": \"5s\", \"action\": \"") + c.action +
                              "\", \"target\": \"" + c.target + "\" }";
    const std::string text = withFaults(
        "    { \"at\": \"1s\", \"action\": \"crash\", \"target\": \"a\" },\n    " + entry);
    expectOnlyError(text, locate(text, entry), "$.faults[1]",
                    std::string("missing required field \"") + c.field + "\" (a \"" + c.action +
                        "\" fault needs it)");
  }
}

TEST(FaultFormat, AValueOnAnActionThatTakesAnotherOrNoneIsRefused) {
  const std::string onCrash = withFaults(
      "    { \"at\": \"5s\", \"action\": \"crash\", \"target\": \"a\", \"factor\": 4 }");
  expectOnlyError(onCrash, valueOf(onCrash, "factor"), "$.faults[0].factor",
                  "\"factor\" is only for \"slow\" faults; a \"crash\" fault has no value");
  const std::string onCut = withFaults(
      "    { \"at\": \"5s\", \"action\": \"cut\", \"target\": \"a->b\", \"latency\": \"1s\" }");
  expectOnlyError(onCut, valueOf(onCut, "latency"), "$.faults[0].latency",
                  "\"latency\" is only for \"delay\" faults; a \"cut\" fault has no value");
  // The right field is there too, so the wrong one is the only problem.
  const std::string onDelay = withFaults(
      "    { \"at\": \"5s\", \"action\": \"delay\", \"target\": \"a->b\", \"latency\": \"1s\", "
      "\"probability\": 0.5 }");
  expectOnlyError(onDelay, valueOf(onDelay, "probability"), "$.faults[0].probability",
                  "\"probability\" is only for \"loss\" faults; a \"delay\" fault takes \"latency\"");
  // A value in the wrong field is both misplaced and missing.
  const std::string swapped = withFaults(
      "    { \"at\": \"5s\", \"action\": \"loss\", \"target\": \"a->b\", \"factor\": 0.5 }");
  const std::vector<Diagnostic> errors = errorsOf(swapped);
  ASSERT_EQ(errors.size(), 2u) << formatDiagnostics(errors);
  EXPECT_EQ(errors[0].path, "$.faults[0].factor");
  EXPECT_EQ(errors[1].path, "$.faults[0]");
  EXPECT_NE(errors[1].message.find("missing required field \"probability\""), std::string::npos);
}

TEST(FaultFormat, TargetsMustBeOfTheRightSort) {
  const std::string slowLink = withFaults(
      "    { \"at\": \"5s\", \"action\": \"slow\", \"target\": \"a->b\", \"factor\": 2 }");
  expectOnlyError(slowLink, valueOf(slowLink, "target"), "$.faults[0].target",
                  "no component or group has the id \"a->b\"");
  const std::string delayNode = withFaults(
      "    { \"at\": \"5s\", \"action\": \"delay\", \"target\": \"a\", \"latency\": \"5ms\" }");
  expectOnlyError(delayNode, valueOf(delayNode, "target"), "$.faults[0].target",
                  "no link has the id \"a\" (link ids default to \"from->to\")");
  // A bad target and a bad value are both reported.
  const std::string both = withFaults(
      "    { \"at\": \"5s\", \"action\": \"loss\", \"target\": \"z\", \"probability\": 2 }");
  const std::vector<Diagnostic> errors = errorsOf(both);
  ASSERT_EQ(errors.size(), 2u) << formatDiagnostics(errors);
  EXPECT_EQ(errors[0].path, "$.faults[0].target");
  EXPECT_EQ(errors[1].path, "$.faults[0].probability");
}

TEST(FaultFormat, UnknownActionsAndFieldsNameTheNewOnes) {
  const std::string text = withFaults(
      "    { \"at\": \"5s\", \"action\": \"throttle\", \"target\": \"a\" }");
  expectOnlyError(text, valueOf(text, "action"), "$.faults[0].action",
                  "expected \"crash\", \"restart\", \"cut\" or \"heal\" (outages), \"slow\", "
                  "\"delay\" or \"loss\" (degradations), or a kind's own: \"timeout\" (raft_node), "
                  "\"failover\" (store), \"add_shard\" or \"remove_shard\" (shard_router), \"rollout\", "
                  "\"rollback\" or \"scale\" (service), got \"throttle\"");
  const std::string field = withFaults(
      "    { \"at\": \"5s\", \"action\": \"slow\", \"target\": \"a\", \"factor\": 2, \"by\": 3 }");
  expectOnlyError(field, valueOf(field, "by"), "$.faults[0].by",
                  "unknown field \"by\" (expected one of: at, action, target, factor, latency, "
                  "probability, replicas)");
}

TEST(FaultFormat, WriterWritesEachValueUnderItsOwnFieldAndReadsBackTheSame) {
  Scenario s = readOk(withFaults(""));  // the topology; faults added below
  s.faults = {
      FaultSpec{5 * kSecond, FaultAction::Crash, "z"},
      slow(10 * kSecond, "a", 4),
      slow(11 * kSecond, "z", 4.0 / 3.0),  // not a short decimal: must still come back exactly
      FaultSpec{12 * kSecond, FaultAction::Cut, "a->b"},
      FaultSpec{13 * kSecond, FaultAction::Heal, "a->b"},
      delay(20 * kSecond, "a->b", 200 * kMillisecond),
      delay(21 * kSecond, "a->b", 123456789),  // 123.456789 ms, to the nanosecond
      delay(22 * kSecond, "a->b", 0),
      loss(30 * kSecond, "a->b", 0.2),
      loss(31 * kSecond, "a->b", 0.123456789012345),
      loss(32 * kSecond, "a->b", 0),
      FaultSpec{40 * kSecond, FaultAction::Restart, "z"},
  };
  const std::string written = writeScenarioJson(s);
  EXPECT_NE(written.find("\"action\": \"slow\",\n      \"target\": \"a\",\n      \"factor\": 4\n"),
            std::string::npos)
      << written;
  EXPECT_NE(written.find("\"latency\": \"200ms\""), std::string::npos) << written;
  EXPECT_NE(written.find("\"latency\": \"0s\""), std::string::npos) << written;
  EXPECT_NE(written.find("\"probability\": 0.2\n"), std::string::npos) << written;
  EXPECT_NE(written.find("\"probability\": 0\n"), std::string::npos) << written;
  // Outages carry no value field.
  EXPECT_NE(written.find("\"action\": \"crash\",\n      \"target\": \"z\"\n    }"),
            std::string::npos)
      << written;

  const ScenarioLoad again = readScenario(written, "written.json", builtinRegistry());
  ASSERT_TRUE(again.ok()) << formatDiagnostics(again.errors) << written;
  EXPECT_EQ(again.scenario->faults, s.faults);
  EXPECT_EQ(writeScenarioJson(*again.scenario), written);
}

TEST(FaultFormat, NamesAndTargetsOfEveryAction) {
  struct Row {
    FaultAction action;
    const char* name;
    bool onLink;
    const char* field;
  };
  const Row rows[] = {
      {FaultAction::Crash, "crash", false, ""},   {FaultAction::Restart, "restart", false, ""},
      {FaultAction::Cut, "cut", true, ""},        {FaultAction::Heal, "heal", true, ""},
      {FaultAction::Slow, "slow", false, "factor"}, {FaultAction::Delay, "delay", true, "latency"},
      {FaultAction::Loss, "loss", true, "probability"}, {FaultAction::Timeout, "timeout", false, ""},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(faultActionName(r.action), r.name);
    EXPECT_EQ(faultActionFromName(r.name), r.action);
    EXPECT_EQ(faultTargetsLink(r.action), r.onLink) << r.name;
    EXPECT_EQ(faultValueField(r.action), r.field) << r.name;
  }
  EXPECT_FALSE(faultActionFromName("Slow").has_value());
  EXPECT_FALSE(faultActionFromName("").has_value());
}

}  // namespace
}  // namespace pillars
