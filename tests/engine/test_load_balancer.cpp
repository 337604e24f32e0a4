// The load balancer: each routing policy checked exactly where it is deterministic (round robin,
// smooth weighted round robin, consistent hashing) and against what a blind policy would do
// where it is not; health checking checked against its exact detection timeline.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "sim_fixtures.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/pillars/work/load_balancer.hpp"
#include "engine/run/build_simulation.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

using testing::build;
using testing::extra;
using testing::metricsOf;

LinkConfig linkWith(double latencySeconds, std::int64_t weight = 1) {
  LinkConfig c;
  c.latency = Distribution::constant(latencySeconds);
  c.weight = weight;
  return c;
}

LoadBalancer& balancer(Simulation& sim, const std::string& name = "lb") {
  auto* lb = dynamic_cast<LoadBalancer*>(sim.findComponent(name));
  EXPECT_NE(lb, nullptr);
  return *lb;
}

/// Sends requests with chosen keys and records the replies.
class Driver final : public Component {
 public:
  struct Reply {
    MessageKind kind;
    ErrorReason reason;
    std::uint64_t key;
  };
  explicit Driver(std::string name) : Component(std::move(name), "test_driver") {}
  void receive(const Message& m, LinkId) override { replies.push_back(Reply{m.kind, m.reason, m.key}); }
  void sendKey(std::uint64_t key) {
    Message m = makeMessage(MessageKind::Request, 100);
    m.key = key;
    m.requestId = ++m_sent;
    m.correlation = m_sent;
    send(outgoingLinks().front(), m);
  }
  std::vector<Reply> replies;

 private:
  std::uint64_t m_sent = 0;
};

/// A backend that answers at once and logs (its index, the key) of every request in `log`.
class Backend final : public Component {
 public:
  Backend(std::string name, int index, std::vector<std::pair<int, std::uint64_t>>& log)
      : Component(std::move(name), "test_backend"), m_index(index), m_log(log) {}
  void receive(const Message& m, LinkId via) override {
    if (m.kind != MessageKind::Request) return;
    m_log.emplace_back(m_index, m.key);
    send(via, m.replyWith(MessageKind::Response, 100));
  }

 private:
  int m_index;
  std::vector<std::pair<int, std::uint64_t>>& m_log;
};

/// driver -> lb -> backends 0..n-1, all over zero-latency links with the given weights.
struct Rig {
  std::unique_ptr<Simulation> sim;
  Driver* driver = nullptr;
  std::vector<Backend*> backends;
  std::vector<std::pair<int, std::uint64_t>> log;  // (backend, key) in arrival order
};
std::unique_ptr<Rig> makeRig(ScenarioBuilder::Params lbParams, const std::vector<std::int64_t>& weights) {
  auto rig = std::make_unique<Rig>();
  ScenarioBuilder b("rig");
  b.component("lb", "load_balancer", lbParams);
  rig->sim = build(b);
  const ComponentId lb = rig->sim->findComponent("lb")->id();
  auto driver = std::make_unique<Driver>("driver");
  rig->driver = driver.get();
  rig->sim->connect(rig->sim->addComponent(std::move(driver)), lb, linkWith(0));
  for (std::size_t i = 0; i < weights.size(); ++i) {
    auto backend = std::make_unique<Backend>("b" + std::to_string(i), static_cast<int>(i), rig->log);
    rig->backends.push_back(backend.get());
    rig->sim->connect(lb, rig->sim->addComponent(std::move(backend)), linkWith(0, weights[i]));
  }
  rig->sim->initialize();
  return rig;
}

TEST(LoadBalancerBehaviour, RoundRobinSpreadsExactlyEvenlyInTurn) {
  auto rig = makeRig({{"policy", "round_robin"}, {"health_check_interval", "0"}}, {1, 1, 1});
  for (int i = 0; i < 300; ++i) rig->driver->sendKey(static_cast<std::uint64_t>(i));
  rig->sim->runUntil(kTimeNever);
  ASSERT_EQ(rig->log.size(), 300u);
  for (std::size_t i = 0; i < rig->log.size(); ++i) EXPECT_EQ(rig->log[i].first, static_cast<int>(i % 3));
  EXPECT_EQ(rig->driver->replies.size(), 300u);
  EXPECT_EQ(metricsOf(*rig->sim, "lb").completed, 300u);
}

TEST(LoadBalancerBehaviour, LeastConnectionsSharesEqualBackendsEvenly) {
  // With equal load everywhere every pick is a tie; the rotating tie-break must not favour the
  // first backend.
  auto rig = makeRig({{"policy", "least_connections"}, {"health_check_interval", "0"}}, {1, 1, 1});
  for (int i = 0; i < 300; ++i) rig->driver->sendKey(static_cast<std::uint64_t>(i));
  rig->sim->runUntil(kTimeNever);
  std::vector<int> share(3, 0);
  for (const auto& [backend, key] : rig->log) ++share[static_cast<std::size_t>(backend)];
  EXPECT_EQ(share, (std::vector<int>{100, 100, 100}));
}

TEST(LoadBalancerBehaviour, RandomSpreadsUniformly) {
  auto rig = makeRig({{"policy", "random"}, {"health_check_interval", "0"}}, {1, 1, 1, 1});
  for (int i = 0; i < 4000; ++i) rig->driver->sendKey(static_cast<std::uint64_t>(i));
  rig->sim->runUntil(kTimeNever);
  std::vector<double> share(4, 0.0);
  for (const auto& [backend, key] : rig->log) share[static_cast<std::size_t>(backend)] += 1;
  double chi2 = 0;
  for (const double n : share) chi2 += (n - 1000) * (n - 1000) / 1000;
  EXPECT_LT(chi2, 21.1) << "chi-square with 3 degrees of freedom (p = 1e-4)";
}

TEST(LoadBalancerBehaviour, WeightedRoundRobinMatchesLinkWeightsInEveryCycle) {
  auto rig = makeRig({{"policy", "weighted_round_robin"}, {"health_check_interval", "0"}}, {1, 2, 3});
  for (int i = 0; i < 600; ++i) rig->driver->sendKey(static_cast<std::uint64_t>(i));
  rig->sim->runUntil(kTimeNever);
  ASSERT_EQ(rig->log.size(), 600u);
  std::vector<int> total(3, 0);
  // Smooth WRR: each cycle of 1 + 2 + 3 = 6 picks holds exactly 1, 2 and 3 of each.
  for (std::size_t cycle = 0; cycle < 100; ++cycle) {
    std::vector<int> inCycle(3, 0);
    for (std::size_t j = 0; j < 6; ++j) ++inCycle[static_cast<std::size_t>(rig->log[cycle * 6 + j].first)];
    EXPECT_EQ(inCycle, (std::vector<int>{1, 2, 3})) << "cycle " << cycle;
    for (int b = 0; b < 3; ++b) total[static_cast<std::size_t>(b)] += inCycle[static_cast<std::size_t>(b)];
  }
  EXPECT_EQ(total, (std::vector<int>{100, 200, 300}));
}

TEST(LoadBalancerBehaviour, ConsistentHashIsStickyAndMovesOnlyTheDownBackendsKeys) {
  auto rig = makeRig({{"policy", "consistent_hash"},
                      {"health_check_interval", "100ms"},
                      {"health_check_timeout", "50ms"},
                      {"unhealthy_threshold", "2"},
                      {"healthy_threshold", "2"}},
                     {1, 1, 1, 1});
  Simulation& sim = *rig->sim;
  const auto sendAll = [&](SimTime until) {
    rig->log.clear();
    rig->driver->replies.clear();
    for (std::uint64_t k = 1; k <= 500; ++k) rig->driver->sendKey(k);
    sim.runUntil(until);
    std::map<std::uint64_t, int> where;
    for (const auto& [backend, key] : rig->log) {
      EXPECT_TRUE(where.emplace(key, backend).second) << "key " << key << " delivered twice";
    }
    EXPECT_EQ(rig->driver->replies.size(), 500u) << "every request answered";
    return where;
  };

  const auto first = sendAll(10 * kMillisecond);
  ASSERT_EQ(first.size(), 500u);
  std::vector<int> share(4, 0);
  for (const auto& [key, b] : first) ++share[static_cast<std::size_t>(b)];
  for (int b = 0; b < 4; ++b) EXPECT_GT(share[static_cast<std::size_t>(b)], 50) << "backend " << b << " owns too few keys";
  EXPECT_EQ(sendAll(20 * kMillisecond), first) << "the same key must always go to the same backend";

  sim.crash(rig->backends[2]->id());
  sim.runUntil(kSecond);
  ASSERT_EQ(balancer(sim).healthyBackends(), 3u);
  const auto during = sendAll(kSecond + 10 * kMillisecond);
  ASSERT_EQ(during.size(), 500u);  // nothing was sent to the crashed backend
  std::set<int> movedTo;
  for (const auto& [key, b] : first) {
    if (b == 2) {
      EXPECT_NE(during.at(key), 2);
      movedTo.insert(during.at(key));
    } else {
      EXPECT_EQ(during.at(key), b) << "key " << key << " moved although its backend is up";
    }
  }
  EXPECT_GE(movedTo.size(), 2u) << "a down backend's keys spread over the ring's other backends";

  sim.restart(rig->backends[2]->id());
  sim.runUntil(2 * kSecond);
  ASSERT_EQ(balancer(sim).healthyBackends(), 4u);
  EXPECT_EQ(sendAll(2 * kSecond + 10 * kMillisecond), first) << "keys return home after recovery";
}

TEST(LoadBalancerBehaviour, ConsistentHashMovesKeysOnlyToABackendAddedAtRuntime) {
  auto rig = makeRig({{"policy", "consistent_hash"}, {"health_check_interval", "0"}}, {1, 1, 1, 1});
  Simulation& sim = *rig->sim;
  const auto sendAll = [&](SimTime until) {
    rig->log.clear();
    for (std::uint64_t k = 1; k <= 1000; ++k) rig->driver->sendKey(k);
    sim.runUntil(until);
    std::map<std::uint64_t, int> where;
    for (const auto& [backend, key] : rig->log) where[key] = backend;
    return where;
  };
  const auto before = sendAll(10 * kMillisecond);
  auto added = std::make_unique<Backend>("b4", 4, rig->log);
  sim.connect(sim.findComponent("lb")->id(), sim.addComponent(std::move(added)), linkWith(0));
  const auto after = sendAll(20 * kMillisecond);
  ASSERT_EQ(after.size(), 1000u);
  int moved = 0;
  for (const auto& [key, b] : before) {
    if (after.at(key) != b) {
      EXPECT_EQ(after.at(key), 4) << "key " << key << " moved between two old backends";
      ++moved;
    }
  }
  // The newcomer takes about 1/5 of the key space (100 virtual nodes each).
  EXPECT_GT(moved, 100);
  EXPECT_LT(moved, 320);
}

/// Slow and fast backends behind `policy`; returns how many requests the slow one received.
std::uint64_t slowBackendShare(const std::string& policy, int fastBackends) {
  ScenarioBuilder b("skew");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", "50"}, {"requests", "500"}, {"timeout", "0"}})
      .component("lb", "load_balancer", {{"policy", policy}, {"health_check_interval", "0"}})
      .component("slow", "service", {{"workers", "100"}, {"service_time", "1s"}})
      .link("client", "lb", {{"latency", "0"}})
      .link("lb", "slow", {{"latency", "0"}})
      .seed(5);
  for (int i = 0; i < fastBackends; ++i) {
    const std::string id = "fast" + std::to_string(i);
    b.component(id, "service", {{"workers", "100"}, {"service_time", "10ms"}});
    b.link("lb", id, {{"latency", "0"}});
  }
  auto sim = build(b);
  sim->runUntil(kTimeNever);
  EXPECT_EQ(metricsOf(*sim, "client").completed, 500u);
  return metricsOf(*sim, "slow").received;
}

TEST(LoadBalancerBehaviour, LeastConnectionsAndPowerOfTwoAvoidTheLoadedBackend) {
  // Requests every 20 ms; a fast backend is idle again after 10 ms, the slow one holds each
  // request for 1 s. A load-aware policy gives the slow backend at most one request at a time:
  // at most 11 over the 10 s run. A blind policy gives it its 1/(n+1) share.
  EXPECT_LE(slowBackendShare("least_connections", 1), 11u);
  EXPECT_LE(slowBackendShare("power_of_two", 1), 11u);
  EXPECT_LE(slowBackendShare("least_connections", 2), 11u);
  EXPECT_LE(slowBackendShare("power_of_two", 2), 11u);
  EXPECT_GT(slowBackendShare("random", 1), 200u);  // binomial(500, 1/2)
  EXPECT_EQ(slowBackendShare("round_robin", 1), 250u);
}

/// Requests the balancer put on one link, with send and arrival times.
struct LinkSends final : SimObserver {
  LinkId link = kNoLink;
  std::vector<std::pair<SimTime, SimTime>> requests;
  void onSend(const Message& m, LinkId l, SimTime sentAt, SimTime arrivesAt) override {
    if (l == link && m.kind == MessageKind::Request) requests.emplace_back(sentAt, arrivesAt);
  }
};

/// Steps until `pred` holds and returns the time it first did.
template <typename Pred>
SimTime stepUntil(Simulation& sim, SimTime limit, Pred pred) {
  while (!pred()) {
    if (sim.nextEventTime() > limit || !sim.step()) return kTimeNever;
  }
  return sim.now();
}

TEST(LoadBalancerBehaviour, HealthChecksTakeACrashedBackendOutAndPutItBackOnTime) {
  ScenarioBuilder b("health");
  b.component("client", "client", {{"arrival", "constant"}, {"rate", "100"}, {"timeout", "2s"}})
      .component("lb", "load_balancer",
                 {{"policy", "round_robin"},
                  {"health_check_interval", "1s"},
                  {"health_check_timeout", "200ms"},
                  {"unhealthy_threshold", "3"},
                  {"healthy_threshold", "2"}})
      .link("client", "lb", {{"latency", "1ms"}});
  for (const char* s : {"s0", "s1", "s2"}) {
    b.component(s, "service", {{"workers", "10"}, {"service_time", "5ms"}});
    b.link("lb", s, {{"latency", "1ms"}});
  }
  auto sim = build(b);
  LinkSends sends;
  sends.link = sim->network().findLink(sim->findComponent("lb")->id(), sim->findComponent("s1")->id());
  sim->setObserver(&sends);
  LoadBalancer& lb = balancer(*sim);
  const ComponentId s1 = sim->findComponent("s1")->id();

  const SimTime crashAt = 10300 * kMillisecond;
  sim->runUntil(crashAt);
  ASSERT_EQ(lb.healthyBackends(), 3u);
  sim->crash(s1);
  const std::uint64_t lostInService = metricsOf(*sim, "s1").dropped;
  const SimTime down = stepUntil(*sim, 20 * kSecond, [&] { return lb.healthyBackends() == 2; });
  // Checks at 11, 12 and 13 s each fail 200 ms later: out at 13.2 s. In general the delay lies
  // in [(k-1) interval + timeout, k interval + timeout] for k = unhealthy_threshold.
  EXPECT_EQ(down, 13200 * kMillisecond);
  EXPECT_GE(down - crashAt, 2200 * kMillisecond);
  EXPECT_LE(down - crashAt, 3200 * kMillisecond);

  const SimTime restartAt = 20500 * kMillisecond;
  sim->runUntil(restartAt);
  EXPECT_EQ(lb.healthyBackends(), 2u);
  sim->restart(s1);
  const SimTime up = stepUntil(*sim, 30 * kSecond, [&] { return lb.healthyBackends() == 3; });
  // Checks at 21 and 22 s pass when their replies return 2 ms later: back at 22.002 s.
  EXPECT_EQ(up, 22002 * kMillisecond);
  EXPECT_GE(up - restartAt, 1 * kSecond);
  EXPECT_LE(up - restartAt, 2 * kSecond + 2 * kMillisecond);

  sim->runUntil(30 * kSecond);
  std::uint64_t lostInFlight = 0, whileOut = 0, afterBack = 0;
  for (const auto& [sentAt, arrivesAt] : sends.requests) {
    if (arrivesAt > crashAt && sentAt < down) ++lostInFlight;
    if (sentAt >= down && sentAt < up) ++whileOut;
    if (sentAt >= up) ++afterBack;
  }
  EXPECT_EQ(whileOut, 0u) << "requests routed to a backend marked down";
  EXPECT_GT(lostInFlight, 0u);
  // Exactly the requests lost on the dead backend timed out at the clients.
  EXPECT_EQ(metricsOf(*sim, "client").timedOut, lostInFlight + lostInService);
  EXPECT_EQ(metricsOf(*sim, "client").failed, 0u);
  // Back in the rotation: a third of the ~800 requests since.
  const double sinceUp = simTimeToSeconds(30 * kSecond - up) * 100;
  EXPECT_NEAR(static_cast<double>(afterBack), sinceUp / 3, 2.0);
}

TEST(LoadBalancerBehaviour, WithEveryBackendDownClientsGetNoBackendErrorsAtOnce) {
  ScenarioBuilder b("alldown");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", "1"}, {"requests", "5"}, {"timeout", "5s"}})
      .component("lb", "load_balancer",
                 {{"health_check_interval", "100ms"},
                  {"health_check_timeout", "50ms"},
                  {"unhealthy_threshold", "1"}})
      .component("s0", "service")
      .component("s1", "service")
      .link("client", "lb", {{"latency", "1ms"}})
      .link("lb", "s0", {{"latency", "1ms"}})
      .link("lb", "s1", {{"latency", "1ms"}});
  auto sim = build(b);
  struct Errors final : SimObserver {
    ComponentId client = kNoComponent;
    std::vector<std::pair<ErrorReason, SimTime>> seen;  // reason, time since issue
    void onDeliver(const Message& m, LinkId, SimTime at) override {
      if (m.dst == client && m.kind == MessageKind::Error) seen.emplace_back(m.reason, at - m.originTime);
    }
  } errors;
  errors.client = sim->findComponent("client")->id();
  sim->setObserver(&errors);
  sim->initialize();
  sim->crash(sim->findComponent("s0")->id());
  sim->crash(sim->findComponent("s1")->id());
  sim->runUntil(10 * kSecond);
  EXPECT_EQ(balancer(*sim).healthyBackends(), 0u);
  const ComponentMetrics& c = metricsOf(*sim, "client");
  EXPECT_EQ(c.failed, 5u);
  EXPECT_EQ(c.timedOut, 0u);
  EXPECT_EQ(metricsOf(*sim, "lb").dropped, 5u);
  ASSERT_EQ(errors.seen.size(), 5u);
  for (const auto& [reason, after] : errors.seen) {
    EXPECT_EQ(reason, ErrorReason::NoBackend);
    EXPECT_EQ(after, 2 * kMillisecond);  // one round trip, no waiting
  }
}

TEST(LoadBalancerBehaviour, ABackendSlowerThanTheTimeoutYieldsTimeoutErrors) {
  ScenarioBuilder b("slowbackend");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", "1"}, {"requests", "4"}, {"timeout", "5s"}})
      .component("lb", "load_balancer", {{"health_check_interval", "0"}, {"timeout", "100ms"}})
      .component("slow", "service", {{"workers", "10"}, {"service_time", "1s"}})
      .link("client", "lb", {{"latency", "0"}})
      .link("lb", "slow", {{"latency", "0"}});
  auto sim = build(b);
  struct Errors final : SimObserver {
    ComponentId client = kNoComponent;
    std::vector<std::pair<ErrorReason, SimTime>> seen;
    void onDeliver(const Message& m, LinkId, SimTime at) override {
      if (m.dst == client && m.kind == MessageKind::Error) seen.emplace_back(m.reason, at - m.originTime);
    }
  } errors;
  errors.client = sim->findComponent("client")->id();
  sim->setObserver(&errors);
  sim->runUntil(kTimeNever);
  EXPECT_EQ(metricsOf(*sim, "client").failed, 4u);
  EXPECT_EQ(metricsOf(*sim, "client").completed, 0u);  // the late answers are dropped by the balancer
  EXPECT_EQ(metricsOf(*sim, "lb").timedOut, 4u);
  EXPECT_EQ(metricsOf(*sim, "lb").completed, 0u);
  EXPECT_EQ(metricsOf(*sim, "slow").completed, 4u);
  ASSERT_EQ(errors.seen.size(), 4u);
  for (const auto& [reason, after] : errors.seen) {
    EXPECT_EQ(reason, ErrorReason::Timeout);
    EXPECT_EQ(after, 100 * kMillisecond);
  }
}

TEST(LoadBalancerBehaviour, BackendAddedAtRuntimeTakesItsShare) {
  ScenarioBuilder b("grow");
  b.component("client", "client", {{"arrival", "constant"}, {"rate", "100"}, {"timeout", "1s"}})
      .component("lb", "load_balancer", {{"policy", "round_robin"}, {"health_check_interval", "1s"}})
      .component("s0", "service", {{"workers", "10"}, {"service_time", "1ms"}})
      .component("s1", "service", {{"workers", "10"}, {"service_time", "1ms"}})
      .link("client", "lb", {{"latency", "0"}})
      .link("lb", "s0", {{"latency", "0"}})
      .link("lb", "s1", {{"latency", "0"}});
  auto sim = build(b);
  sim->runUntil(5 * kSecond);
  EXPECT_EQ(metricsOf(*sim, "s0").received, 250u);

  ScenarioBuilder extra("extra");
  extra.component("s2", "service", {{"workers", "10"}, {"service_time", "1ms"}});
  const ComponentSpec& spec = extra.scenario().components[0];
  const ComponentId s2 = sim->addComponent(builtinRegistry().find("service")->create(spec.id, spec.params));
  sim->connect(sim->findComponent("lb")->id(), s2, linkWith(0));
  EXPECT_EQ(balancer(*sim).healthyBackends(), 3u);

  sim->runUntil(10 * kSecond + 5 * kMillisecond);  // the request sent at 10 s is answered at 10.001 s
  // 500 requests since: a third each (round robin may be mid-cycle, hence +-1).
  EXPECT_NEAR(static_cast<double>(metricsOf(*sim, "s2").received), 500.0 / 3, 1.0);
  EXPECT_NEAR(static_cast<double>(metricsOf(*sim, "s0").received), 250 + 500.0 / 3, 1.0);
  EXPECT_EQ(balancer(*sim).healthyBackends(), 3u);  // it answers its health checks too
  EXPECT_EQ(metricsOf(*sim, "client").completed, 1000u);
}

}  // namespace
}  // namespace pillars
