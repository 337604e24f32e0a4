// The client as a load generator: arrival patterns measured against their rates, the closed
// loop against the interactive response time law X = N / (R + Z), and the request lifecycle
// (deadlines, retries with exponential backoff and jitter, late replies) checked exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include "sim_fixtures.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/run/build_simulation.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/request_id.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

using testing::build;
using testing::extra;
using testing::metricsOf;

/// Records every request it receives and, unless told to stay silent, answers it at once.
class Sink final : public Component {
 public:
  struct Arrival {
    SimTime at;
    std::uint64_t requestId;
    std::uint64_t key;
    std::int64_t attempt;
  };
  Sink(std::string name, bool reply) : Component(std::move(name), "test_sink"), m_reply(reply) {}
  void receive(const Message& m, LinkId via) override {
    if (m.kind != MessageKind::Request) return;
    arrivals.push_back(Arrival{now(), m.requestId, m.key, m.arg0});
    if (m_reply) send(via, m.replyWith(MessageKind::Response, 100));
  }
  std::vector<Arrival> arrivals;

 private:
  bool m_reply;
};

/// Every request a client put on the wire, with its attempt number.
struct RequestSends final : SimObserver {
  struct Send {
    std::uint64_t requestId;
    std::int64_t attempt;
    SimTime at;
  };
  ComponentId client = kNoComponent;
  std::vector<Send> sends;
  void onSend(const Message& m, LinkId, SimTime sentAt, SimTime) override {
    if (m.kind == MessageKind::Request && m.src == client) {
      sends.push_back(Send{m.requestId, static_cast<std::int64_t>(RequestWire::attemptOf(m.correlation)), sentAt});
    }
  }
  /// Send times of each request's attempts, in attempt order.
  std::map<std::uint64_t, std::vector<SimTime>> byRequest() const {
    std::map<std::uint64_t, std::vector<SimTime>> out;
    for (const Send& s : sends) {
      auto& v = out[s.requestId];
      EXPECT_EQ(s.attempt, static_cast<std::int64_t>(v.size())) << "attempts out of order";
      v.push_back(s.at);
    }
    return out;
  }
};

LinkConfig instant() {
  LinkConfig c;
  c.latency = Distribution::constant(0.0);
  return c;
}

/// A client built from `params` wired to a Sink over a zero-latency link.
struct ClientAndSink {
  std::unique_ptr<Simulation> sim;
  Component* client = nullptr;
  Sink* sink = nullptr;
};
ClientAndSink clientIntoSink(ScenarioBuilder::Params params, bool reply, std::uint64_t seed = 1) {
  ScenarioBuilder b("client");
  b.component("client", "client", params).seed(seed);
  ClientAndSink r;
  r.sim = build(b);
  r.client = r.sim->findComponent("client");
  auto sink = std::make_unique<Sink>("sink", reply);
  r.sink = sink.get();
  r.sim->addComponent(std::move(sink));
  r.sim->connect(r.client->id(), r.sink->id(), instant());
  return r;
}

double countIn(const std::vector<Sink::Arrival>& a, SimTime from, SimTime to) {
  double n = 0;
  for (const auto& x : a) n += (x.at >= from && x.at < to) ? 1 : 0;
  return n;
}

void expectPoissonCount(double observed, double expected, const char* what) {
  EXPECT_NEAR(observed, expected, 5.0 * std::sqrt(expected))
      << what << ": observed " << observed << ", expected " << expected;
}

// --- Open-loop arrival patterns ----------------------------------------------------------------

TEST(ClientBehaviour, PoissonOpenLoopSendsAtItsRateWithPoissonCounts) {
  auto r = clientIntoSink({{"arrival", "poisson"}, {"rate", "500"}, {"timeout", "0"}}, false, 3);
  r.sim->runUntil(40 * kSecond);
  const auto& a = r.sink->arrivals;
  expectPoissonCount(static_cast<double>(a.size()), 500.0 * 40, "arrivals in 40 s");
  EXPECT_EQ(extra(*r.client, "issued"), static_cast<double>(a.size()));
  // Counts in disjoint windows of a Poisson process have variance = mean (index of dispersion
  // 1; its estimate over 400 windows has sd ~0.07). Constant spacing would give ~0.
  std::vector<double> counts(400, 0.0);
  for (const auto& x : a) counts[static_cast<std::size_t>(x.at / (100 * kMillisecond))] += 1;
  double mean = 0, var = 0;
  for (const double c : counts) mean += c / 400;
  for (const double c : counts) var += (c - mean) * (c - mean) / 399;
  EXPECT_NEAR(var / mean, 1.0, 0.3) << "index of dispersion";
}

TEST(ClientBehaviour, ConstantOpenLoopIsExactlySpaced) {
  auto r = clientIntoSink({{"arrival", "constant"}, {"rate", "50"}, {"timeout", "0"}}, true);
  r.sim->runUntil(kSecond + 1);
  const auto& a = r.sink->arrivals;
  ASSERT_EQ(a.size(), 50u);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].at, static_cast<SimTime>(i + 1) * 20 * kMillisecond);
}

TEST(ClientBehaviour, DiurnalAveragesItsRateAndSwingsByOnePlusAOverOneMinusA) {
  const double rate = 500, a = 0.5;
  const SimTime period = 20 * kSecond;
  auto r = clientIntoSink({{"arrival", "diurnal"}, {"rate", "500"}, {"amplitude", "0.5"},
                           {"period", "20s"}, {"timeout", "0"}},
                          false, 5);
  r.sim->runUntil(10 * period);
  const auto& arr = r.sink->arrivals;
  expectPoissonCount(static_cast<double>(arr.size()), rate * 200, "arrivals over ten periods");
  // Bins of P/20 centred on the peak (P/4) and the trough (3P/4), summed over the periods.
  const SimTime w = period / 20;
  double peak = 0, trough = 0;
  for (const auto& x : arr) {
    const SimTime phase = x.at % period;
    peak += (phase >= period / 4 - w / 2 && phase < period / 4 + w / 2) ? 1 : 0;
    trough += (phase >= 3 * period / 4 - w / 2 && phase < 3 * period / 4 + w / 2) ? 1 : 0;
  }
  // (1 + a)/(1 - a) = 3; a bin of width P/20 averages the sine down by sinc(pi/20) = 0.9959.
  const double s = std::sin(std::numbers::pi / 20) / (std::numbers::pi / 20);
  const double expected = (1 + a * s) / (1 - a * s);
  EXPECT_NEAR(peak / trough / expected, 1.0, 0.10) << "peak " << peak << ", trough " << trough;
}

TEST(ClientBehaviour, SpikeMultipliesTheRateInsideTheWindowAndStepKeepsIt) {
  auto spike = clientIntoSink({{"arrival", "spike"}, {"rate", "100"}, {"spike_at", "10s"},
                               {"spike_duration", "10s"}, {"spike_multiplier", "4"}, {"timeout", "0"}},
                              false, 7);
  spike.sim->runUntil(30 * kSecond);
  const auto& a = spike.sink->arrivals;
  expectPoissonCount(countIn(a, 0, 10 * kSecond), 1000, "before the spike");
  expectPoissonCount(countIn(a, 10 * kSecond, 20 * kSecond), 4000, "during the spike");
  expectPoissonCount(countIn(a, 20 * kSecond, 30 * kSecond), 1000, "after the spike");

  auto step = clientIntoSink({{"arrival", "spike"}, {"rate", "100"}, {"spike_at", "10s"},
                              {"spike_duration", "0"}, {"spike_multiplier", "4"}, {"timeout", "0"}},
                             false, 7);
  step.sim->runUntil(30 * kSecond);
  expectPoissonCount(countIn(step.sink->arrivals, 0, 10 * kSecond), 1000, "before the step");
  expectPoissonCount(countIn(step.sink->arrivals, 10 * kSecond, 30 * kSecond), 8000, "after the step");
}

TEST(ClientBehaviour, OnOffWithConstantPhasesSendsRateTimesDutyCycleAndOnlyWhenOn) {
  auto r = clientIntoSink({{"arrival", "on_off"}, {"rate", "1000"}, {"on_time", "1s"},
                           {"off_time", "3s"}, {"timeout", "0"}},
                          false, 9);
  r.sim->runUntil(40 * kSecond);
  const auto& a = r.sink->arrivals;
  expectPoissonCount(static_cast<double>(a.size()), 1000.0 * 40 * 1 / (1 + 3), "arrivals");
  for (const auto& x : a) ASSERT_LT(x.at % (4 * kSecond), kSecond) << "sent while OFF at " << x.at;
}

// --- Closed loop -------------------------------------------------------------------------------

TEST(ClientBehaviour, ClosedLoopWithConstantTimesCyclesExactly) {
  // N = 5 users, Z = 100 ms, R = 50 ms: each user completes one request every 150 ms, so
  // X = N / (R + Z) = 33.3/s and 30 s hold exactly 5 x 200 completions.
  ScenarioBuilder b("closed");
  b.component("client", "client", {{"mode", "closed"}, {"users", "5"}, {"think_time", "100ms"}})
      .component("server", "service", {{"workers", "5"}, {"service_time", "50ms"}})
      .link("client", "server", {{"latency", "0"}});
  auto sim = build(b);
  sim->runUntil(30 * kSecond + kMillisecond);
  const ComponentMetrics& m = sim->findComponent("client")->metrics();
  EXPECT_EQ(m.completed, 1000u);
  EXPECT_EQ(m.latency.min(), 50 * kMillisecond);
  EXPECT_EQ(m.latency.max(), 50 * kMillisecond);
}

TEST(ClientBehaviour, ClosedLoopObeysTheInteractiveResponseTimeLaw) {
  // Twenty users sharing one exponential server: R includes queueing, whatever it is the
  // throughput must be N / (R + Z) (up to edge effects of < 1% over this window).
  ScenarioBuilder b("closed");
  b.component("client", "client",
              {{"mode", "closed"}, {"users", "20"}, {"think_time", "500ms"}, {"timeout", "0"}})
      .component("server", "service", {{"workers", "1"}, {"service_time", "exp(20ms)"}})
      .link("client", "server", {{"latency", "0"}})
      .seed(21)
      .duration(200 * kSecond)
      .warmup(20 * kSecond)
      .metricsInterval(0);
  const Scenario s = b.build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults res = runner.results();
  const double x = res.throughputRps;
  const double rt = res.latency.mean * 1e-3;
  EXPECT_NEAR(x / (20.0 / (rt + 0.5)), 1.0, 0.015) << "X " << x << "/s, R " << rt << " s";
  // The server is genuinely loaded (otherwise the law would be trivial): R well above 20 ms.
  EXPECT_GT(rt, 0.03);
}

// --- Request limit -----------------------------------------------------------------------------

TEST(ClientBehaviour, OpenLoopRequestLimitStopsExactly) {
  auto r = clientIntoSink({{"rate", "1000"}, {"requests", "137"}, {"timeout", "1s"}}, true);
  r.sim->runUntil(kTimeNever);  // the run ends when nothing is left to do
  EXPECT_EQ(r.sink->arrivals.size(), 137u);
  EXPECT_EQ(r.client->metrics().completed, 137u);
  EXPECT_EQ(extra(*r.client, "issued"), 137.0);
  EXPECT_EQ(r.sim->pendingEvents(), 0u);
}

TEST(ClientBehaviour, ClosedLoopRequestLimitStopsExactly) {
  // Ten users racing for the last requests must not overshoot the limit.
  ScenarioBuilder b("closed");
  b.component("client", "client",
              {{"mode", "closed"}, {"users", "10"}, {"think_time", "exp(10ms)"}, {"requests", "25"}})
      .component("server", "service", {{"workers", "10"}, {"service_time", "exp(5ms)"}})
      .link("client", "server", {{"latency", "1ms"}});
  auto sim = build(b);
  sim->runUntil(kTimeNever);
  const Component& client = *sim->findComponent("client");
  EXPECT_EQ(extra(client, "issued"), 25.0);
  EXPECT_EQ(client.metrics().completed, 25u);
  EXPECT_EQ(sim->findComponent("server")->metrics().received, 25u);
}

// --- Deadlines, retries, backoff ---------------------------------------------------------------

TEST(ClientBehaviour, RequestsTimeOutWhenTheServiceIsTooSlow) {
  ScenarioBuilder b("slow");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", "10"}, {"requests", "20"}, {"timeout", "1s"}})
      .component("server", "service", {{"workers", "100"}, {"service_time", "2s"}})
      .link("client", "server", {{"latency", "0"}});
  auto sim = build(b);
  sim->runUntil(kTimeNever);
  const ComponentMetrics& c = sim->findComponent("client")->metrics();
  EXPECT_EQ(c.timedOut, 20u);
  EXPECT_EQ(c.completed, 0u);  // the replies came back after 2 s and were ignored
  EXPECT_EQ(c.failed, 0u);
  EXPECT_EQ(c.latency.count(), 0u);
  EXPECT_EQ(sim->findComponent("server")->metrics().completed, 20u);
}

TEST(ClientBehaviour, EveryRequestToADeadServerMakesRetriesPlusOneAttemptsWithExactBackoff) {
  ScenarioBuilder b("dead");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", "1"}, {"requests", "5"}, {"timeout", "100ms"},
               {"retries", "3"}, {"backoff_base", "200ms"}, {"backoff_max", "500ms"}, {"jitter", "none"}})
      .component("server", "service")
      .link("client", "server", {{"latency", "0"}});
  auto sim = build(b);
  RequestSends log;
  log.client = sim->findComponent("client")->id();
  sim->setObserver(&log);
  sim->initialize();
  sim->crash(sim->findComponent("server")->id());
  sim->runUntil(kTimeNever);
  const ComponentMetrics& c = sim->findComponent("client")->metrics();
  EXPECT_EQ(c.retries, 5u * 3);
  EXPECT_EQ(c.timedOut, 5u);
  EXPECT_EQ(c.failed, 0u);
  EXPECT_EQ(c.completed, 0u);
  const auto attempts = log.byRequest();
  ASSERT_EQ(attempts.size(), 5u);
  for (const auto& [id, times] : attempts) {
    ASSERT_EQ(times.size(), 4u) << "request " << id;
    // timeout + backoff: 100 + 200, 100 + 400, 100 + min(800, 500).
    EXPECT_EQ(times[1] - times[0], 300 * kMillisecond);
    EXPECT_EQ(times[2] - times[1], 500 * kMillisecond);
    EXPECT_EQ(times[3] - times[2], 600 * kMillisecond);
  }
}

TEST(ClientBehaviour, ErrorsAreRetriedWithBackoffAndEndAsFailed) {
  // A balancer without backends answers every attempt with an error at once.
  ScenarioBuilder b("errors");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", "1"}, {"requests", "4"}, {"timeout", "1s"},
               {"retries", "3"}, {"backoff_base", "200ms"}, {"backoff_max", "500ms"}, {"jitter", "none"}})
      .component("lb", "load_balancer", {{"health_check_interval", "0"}})
      .link("client", "lb", {{"latency", "0"}});
  auto sim = build(b);
  RequestSends log;
  log.client = sim->findComponent("client")->id();
  sim->setObserver(&log);
  sim->runUntil(kTimeNever);
  const ComponentMetrics& c = sim->findComponent("client")->metrics();
  EXPECT_EQ(c.failed, 4u);
  EXPECT_EQ(c.timedOut, 0u);
  EXPECT_EQ(c.retries, 12u);
  EXPECT_EQ(sim->findComponent("lb")->metrics().dropped, 16u);
  for (const auto& [id, times] : log.byRequest()) {
    ASSERT_EQ(times.size(), 4u);
    EXPECT_EQ(times[1] - times[0], 200 * kMillisecond);
    EXPECT_EQ(times[2] - times[1], 400 * kMillisecond);
    EXPECT_EQ(times[3] - times[2], 500 * kMillisecond);
  }
}

/// Backoffs (gap between attempts minus the timeout) of 300 requests to a dead server, by retry.
std::vector<std::vector<double>> observedBackoffs(const std::string& jitter) {
  ScenarioBuilder b("jitter");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", "2"}, {"requests", "300"}, {"timeout", "10ms"},
               {"retries", "3"}, {"backoff_base", "100ms"}, {"backoff_max", "1s"}, {"jitter", jitter}})
      .component("server", "service")
      .link("client", "server", {{"latency", "0"}})
      .seed(17);
  auto sim = build(b);
  RequestSends log;
  log.client = sim->findComponent("client")->id();
  sim->setObserver(&log);
  sim->initialize();
  sim->crash(sim->findComponent("server")->id());
  sim->runUntil(kTimeNever);
  std::vector<std::vector<double>> out(3);
  for (const auto& [id, times] : log.byRequest()) {
    EXPECT_EQ(times.size(), 4u);
    for (std::size_t k = 1; k < times.size(); ++k) {
      out[k - 1].push_back(simTimeToSeconds(times[k] - times[k - 1] - 10 * kMillisecond));
    }
  }
  return out;
}

void expectUniformBackoffs(const std::vector<double>& v, double lo, double hi, const char* what) {
  ASSERT_EQ(v.size(), 300u);
  double mean = 0, var = 0;
  for (const double x : v) {
    EXPECT_GE(x, lo) << what;
    EXPECT_LE(x, hi) << what;
    mean += x / 300;
  }
  for (const double x : v) var += (x - mean) * (x - mean) / 299;
  const double width = hi - lo;
  // Uniform on [lo, hi]: mean (lo+hi)/2 (sd of the estimate width/60), variance width^2/12.
  EXPECT_NEAR(mean, (lo + hi) / 2, 0.07 * width) << what;
  EXPECT_NEAR(var / (width * width / 12), 1.0, 0.3) << what;
}

TEST(ClientBehaviour, FullJitterBackoffIsUniformBetweenZeroAndTheCap) {
  const auto b = observedBackoffs("full");
  expectUniformBackoffs(b[0], 0.0, 0.1, "first retry");
  expectUniformBackoffs(b[1], 0.0, 0.2, "second retry");
  expectUniformBackoffs(b[2], 0.0, 0.4, "third retry");
}

TEST(ClientBehaviour, EqualJitterBackoffIsUniformBetweenHalfAndTheCap) {
  const auto b = observedBackoffs("equal");
  expectUniformBackoffs(b[0], 0.05, 0.1, "first retry");
  expectUniformBackoffs(b[1], 0.1, 0.2, "second retry");
  expectUniformBackoffs(b[2], 0.2, 0.4, "third retry");
}

TEST(ClientBehaviour, LateRepliesAreIgnoredSoEveryRequestEndsExactlyOnce) {
  // Service times uniform on [0.5 s, 1.5 s] against a 1 s deadline: each attempt succeeds with
  // probability 1/2, so with 2 retries P(completed) = 7/8 and E[retries] = 1/2 + 1/4 per request.
  // Replies to abandoned attempts still arrive, and must not count.
  const double n = 2000;
  ScenarioBuilder b("late");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", "100"}, {"requests", "2000"}, {"timeout", "1s"},
               {"retries", "2"}, {"backoff_base", "100ms"}, {"jitter", "none"}})
      .component("server", "service", {{"workers", "1000"}, {"service_time", "uniform(500ms, 1500ms)"}})
      .link("client", "server", {{"latency", "0"}})
      .seed(23);
  auto sim = build(b);
  sim->runUntil(kTimeNever);
  const ComponentMetrics& c = sim->findComponent("client")->metrics();
  EXPECT_EQ(c.completed + c.failed + c.timedOut, 2000u);
  EXPECT_EQ(c.failed, 0u);
  EXPECT_EQ(c.latency.count(), c.completed);
  EXPECT_NEAR(static_cast<double>(c.completed), n * 7 / 8, 5 * std::sqrt(n * 7 / 64));
  EXPECT_NEAR(static_cast<double>(c.retries), n * 3 / 4, 5 * std::sqrt(n * 0.6875));
  // The server served every attempt, abandoned or not.
  EXPECT_EQ(sim->findComponent("server")->metrics().completed, 2000u + c.retries);
  // The slowest possible success: two timeouts and backoffs (100, 200 ms), then 1 s.
  EXPECT_LT(c.latency.max(), 3300 * kMillisecond);
}

// --- Keys and links ----------------------------------------------------------------------------

TEST(ClientBehaviour, ZipfKeysMakeKeyOneAsFrequentAsOneOverHarmonicNumber) {
  auto r = clientIntoSink({{"rate", "1000"}, {"requests", "20000"}, {"keys", "50"},
                           {"key_distribution", "zipf"}, {"zipf_exponent", "1.2"}, {"timeout", "0"}},
                          false, 29);
  r.sim->runUntil(kTimeNever);
  const auto& a = r.sink->arrivals;
  ASSERT_EQ(a.size(), 20000u);
  double h = 0;
  for (int k = 1; k <= 50; ++k) h += std::pow(k, -1.2);
  std::vector<double> freq(51, 0.0);
  for (const auto& x : a) {
    ASSERT_GE(x.key, 1u);
    ASSERT_LE(x.key, 50u);
    freq[x.key] += 1.0 / 20000;
  }
  for (const int k : {1, 2, 10}) {
    const double p = std::pow(k, -1.2) / h;
    EXPECT_NEAR(freq[static_cast<std::size_t>(k)], p, 5 * std::sqrt(p * (1 - p) / 20000)) << "key " << k;
  }
}

TEST(ClientBehaviour, UniformKeysCoverTheRangeEvenly) {
  auto r = clientIntoSink({{"rate", "1000"}, {"requests", "10000"}, {"keys", "10"}, {"timeout", "0"}},
                          false, 31);
  r.sim->runUntil(kTimeNever);
  std::vector<double> counts(11, 0.0);
  for (const auto& x : r.sink->arrivals) {
    ASSERT_GE(x.key, 1u);
    ASSERT_LE(x.key, 10u);
    counts[x.key] += 1;
  }
  double chi2 = 0;
  for (int k = 1; k <= 10; ++k) chi2 += (counts[k] - 1000) * (counts[k] - 1000) / 1000;
  EXPECT_LT(chi2, 33.7) << "chi-square with 9 degrees of freedom (p = 1e-4)";
}

TEST(ClientBehaviour, SeveralOutgoingLinksAreUsedInTurn) {
  ScenarioBuilder b("dns");
  b.component("client", "client", {{"arrival", "constant"}, {"rate", "100"}, {"requests", "300"}});
  auto sim = build(b);
  Component* client = sim->findComponent("client");
  std::vector<Sink*> sinks;
  for (int i = 0; i < 3; ++i) {
    auto s = std::make_unique<Sink>("s" + std::to_string(i), true);
    sinks.push_back(s.get());
    sim->addComponent(std::move(s));
    sim->connect(client->id(), sinks.back()->id(), instant());
  }
  sim->runUntil(kTimeNever);
  for (Sink* s : sinks) EXPECT_EQ(s->arrivals.size(), 100u) << s->name();
  EXPECT_EQ(client->metrics().completed, 300u);
}

}  // namespace
}  // namespace pillars
