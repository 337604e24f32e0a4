// The retry storm of retry-storm.json: a metastable failure (Bronson et al., HotOS 2021) that
// outlasts its trigger, the cures that end it, and the one that does not.
//
// The example: 500 req/s offered to a service of capacity 800 req/s, 1 s timeouts and 3
// immediate retries; the service is slowed 5x from 60 s to 70 s and the run ends at 200 s.
#include <gtest/gtest.h>

#include "control_fixtures.hpp"

namespace pillars {
namespace {

using testing::FinishedRun;
using testing::runExample;

constexpr double kTriggerEnd = 70;
constexpr double kRunEnd = 200;

double goodput(const FinishedRun& r, double from, double to) { return r.mean("global.throughput_rps", from, to); }
double offered(const FinishedRun& r, double from, double to) { return r.mean("global.offered_rps", from, to); }

// Stuck: from 60 s after the trigger's end to the end of the run, goodput stays under 5% of
// the offered load.
void expectStuck(const FinishedRun& r) {
  const double from = kTriggerEnd + 60;
  EXPECT_LT(goodput(r, from, kRunEnd), 0.05 * offered(r, from, kRunEnd))
      << "goodput " << goodput(r, from, kRunEnd) << " of " << offered(r, from, kRunEnd);
}

// Recovered: over the ten seconds ending 60 s after the trigger's end, and from then on,
// goodput is within 10% of the offered load.
void expectRecovered(const FinishedRun& r) {
  for (const auto& [from, to] : {std::pair{kTriggerEnd + 50, kTriggerEnd + 60}, std::pair{kTriggerEnd + 60, kRunEnd}}) {
    EXPECT_GT(goodput(r, from, to), 0.9 * offered(r, from, to))
        << "goodput " << goodput(r, from, to) << " of " << offered(r, from, to) << " in (" << from << ", " << to << "]";
  }
}

TEST(ControlRetryStorm, BeforeTheTriggerGoodputIsTheOfferedLoad) {
  const FinishedRun r = runExample("retry-storm.json");
  EXPECT_NEAR(offered(r, 10, 60), 500.0, 15.0);
  EXPECT_GT(goodput(r, 10, 60), 0.99 * offered(r, 10, 60));
  // One attempt per request while nothing times out.
  EXPECT_NEAR(r.mean("global.attempts_rps", 10, 60), offered(r, 10, 60), 1.0);
}

TEST(ControlRetryStorm, WithoutACureItStaysStuckLongAfterTheSlowdownEnds) {
  const FinishedRun r = runExample("retry-storm.json");
  expectStuck(r);
  // The service works flat out on attempts nobody waits for: close to all of its capacity
  // (8 workers) is wasted after the slowdown.
  EXPECT_GT(r.mean("api.utilization", kTriggerEnd + 60, kRunEnd), 0.95);
  EXPECT_GT(r.results.wastedWorkS, 0.8 * 8 * (kRunEnd - kTriggerEnd - 60));
  // Every request is tried four times: the attempts are four times the offered load.
  EXPECT_NEAR(r.mean("global.attempts_rps", kTriggerEnd + 60, kRunEnd), 4 * offered(r, kTriggerEnd + 60, kRunEnd),
              0.05 * 4 * 500);
}

TEST(ControlRetryStorm, WithoutRetriesItRecoversByItself) {
  expectRecovered(runExample("retry-storm.json", {"users.retries=0"}));
}

TEST(ControlRetryStorm, ItCanStayStuckOnlyWhenCapacityIsBelowOfferedLoadTimesAttempts) {
  // 150 req/s x 4 attempts = 600 < 800: even if every attempt is retried, the service keeps up
  // and drains the backlog.
  expectRecovered(runExample("retry-storm.json", {"users.rate=150"}));
  // 250 x 4 = 1000 > 800: stuck again.
  expectStuck(runExample("retry-storm.json", {"users.rate=250"}));
}

TEST(ControlRetryStorm, ARetryBudgetCuresIt) {
  const FinishedRun r = runExample("retry-storm.json", {"users.retry_budget_percent=20"});
  expectRecovered(r);
}

TEST(ControlRetryStorm, ACircuitBreakerCuresIt) {
  const FinishedRun r = runExample("retry-storm.json", {"users.circuit_breaker=true", "users.open_duration=5s"});
  expectRecovered(r);
}

TEST(ControlRetryStorm, CoDelCuresIt) { expectRecovered(runExample("retry-storm.json", {"api.shedding=codel"})); }

TEST(ControlRetryStorm, DeadlineSheddingCuresIt) {
  expectRecovered(runExample("retry-storm.json", {"api.shedding=deadline"}));
}

TEST(ControlRetryStorm, AGradient2ConcurrencyLimitCuresIt) {
  // The limit falls as answers slow down, so the backlog of attempts nobody waits for is
  // refused at the door instead of queued.
  expectRecovered(runExample("retry-storm.json", {"api.concurrency_limit=gradient2"}));
}

TEST(ControlRetryStorm, AdaptiveLifoCuresIt) {
  expectRecovered(runExample("retry-storm.json", {"api.queue_discipline=adaptive_lifo"}));
}

TEST(ControlRetryStorm, ExpiredSheddingWithFifoDoesNotCureIt) {
  // Work whose deadline has passed is dropped for free, but FIFO hands workers the oldest live
  // attempt, which has almost no time left: it expires during its service.
  const FinishedRun r = runExample("retry-storm.json", {"api.shedding=expired"});
  expectStuck(r);
  EXPECT_GT(r.results.wastedWorkS, 0.5 * 8 * (kRunEnd - kTriggerEnd - 60));
}

}  // namespace
}  // namespace pillars
