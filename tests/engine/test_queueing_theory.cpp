// The Work pillar measured against queueing theory. Every expected value below comes from a
// formula, not from a previous run: Erlang C for M/M/c, Pollaczek-Khinchine for M/D/1,
// Little's law L = lambda W, and the power-of-two-choices result.
#include <gtest/gtest.h>

#include <cmath>

#include "queueing_fixtures.hpp"

namespace pillars {
namespace {

using testing::erlangC;
using testing::ErlangC;
using testing::runStation;
using testing::StationMeasure;

/// Averages Wq and W over several independent seeds (a single run at rho 0.9 is too noisy for
/// a 2% bound: its Wq standard deviation is about 2.4% at a million customers).
StationMeasure averageOverSeeds(int c, double lambda, const std::string& service, double customers,
                                int seeds) {
  StationMeasure sum;
  for (int s = 1; s <= seeds; ++s) {
    const StationMeasure m = runStation(c, lambda, service, customers, static_cast<std::uint64_t>(s));
    sum.wq += m.wq / seeds;
    sum.w += m.w / seeds;
    sum.l += m.l / seeds;
    sum.lambda += m.lambda / seeds;
    sum.utilization += m.utilization / seeds;
  }
  return sum;
}

TEST(QueueingTheory, MMcAtEightWorkersAndRhoPointNineMatchesErlangC) {
  const ErlangC theory = erlangC(8, 7.2, 1.0);  // Wq = 0.8769, W = 1.8769
  const StationMeasure m = averageOverSeeds(8, 7.2, "exp(1s)", 1.0e6, 12);
  EXPECT_NEAR(m.wq / theory.wq, 1.0, 0.02) << "Wq measured " << m.wq << " vs Erlang C " << theory.wq;
  EXPECT_NEAR(m.w / theory.w, 1.0, 0.02) << "W measured " << m.w << " vs Erlang C " << theory.w;
  EXPECT_NEAR(m.utilization, 0.9, 0.005);
}

TEST(QueueingTheory, MM1AtRhoPointFiveMatchesErlangC) {
  const ErlangC theory = erlangC(1, 0.5, 1.0);  // Wq = 1, W = 2
  const StationMeasure m = averageOverSeeds(1, 0.5, "exp(1s)", 1.0e6, 4);
  EXPECT_NEAR(m.wq / theory.wq, 1.0, 0.02) << "Wq measured " << m.wq;
  EXPECT_NEAR(m.w / theory.w, 1.0, 0.02) << "W measured " << m.w;
}

TEST(QueueingTheory, MD1MatchesPollaczekKhinchine) {
  // M/D/1 with rho = 0.7 and service 1 s: Wq = rho / (2 mu (1 - rho)) = 1.1667 s.
  const double rho = 0.7;
  const double expectedWq = rho / (2.0 * (1.0 - rho));
  const StationMeasure m = averageOverSeeds(1, rho, "const(1s)", 1.0e6, 4);
  EXPECT_NEAR(m.wq / expectedWq, 1.0, 0.02) << "Wq measured " << m.wq << " vs P-K " << expectedWq;
  EXPECT_NEAR(m.w / (expectedWq + 1.0), 1.0, 0.02);
}

TEST(QueueingTheory, LittlesLawHoldsWithinOnePercent) {
  // L = lambda W holds for any stable queue, whatever the distributions: check it on a
  // multi-server queue with a heavy-tailed service time.
  const StationMeasure m = runStation(4, 3.0, "lognormal(800ms, 1.0)", 5.0e5, 3);
  EXPECT_NEAR(m.l / (m.lambda * m.w), 1.0, 0.01)
      << "L " << m.l << ", lambda " << m.lambda << ", W " << m.w;
}

/// Runs a balancer over ten single-worker services at rho 0.9 and returns the end-to-end p99.
double p99ThroughBalancer(const std::string& policy) {
  ScenarioBuilder b("balancer");
  b.component("client", "client", {{"rate", "900"}, {"timeout", "0"}})
      .component("lb", "load_balancer", {{"policy", policy}, {"health_check_interval", "0"}})
      .link("client", "lb", {{"latency", "0"}});
  for (int i = 0; i < 10; ++i) {
    const std::string id = std::string("s").append(std::to_string(i));
    b.component(id, "service", {{"workers", "1"}, {"service_time", "exp(10ms)"}});
    b.link("lb", id, {{"latency", "0"}});
  }
  b.duration(330 * kSecond).warmup(30 * kSecond).metricsInterval(0).seed(11);
  const Scenario s = b.build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  return runner.results().latency.p99;
}

TEST(QueueingTheory, PowerOfTwoChoicesBeatsRandomAtTheTail) {
  const double random = p99ThroughBalancer("random");
  const double twoChoices = p99ThroughBalancer("power_of_two");
  // Random routing makes ten independent M/M/1 queues: p99 = ln(100) / (mu (1 - rho)) = 460 ms.
  EXPECT_NEAR(random / 460.5, 1.0, 0.1) << "random p99 " << random << " ms";
  // Two choices cut the tail by far more than noise could explain.
  EXPECT_LT(twoChoices, 0.5 * random) << "power of two p99 " << twoChoices << " ms";
}

}  // namespace
}  // namespace pillars
