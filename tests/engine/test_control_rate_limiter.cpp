// The balancer's token-bucket rate limiter (rate_limiter, rate_limiter_burst): a burst of B
// requests passes at once, then R per second; the rest are refused with rate_limited. The
// arithmetic of the bucket itself, then a balancer in a run.
#include <gtest/gtest.h>

#include "engine/model/scenario_builder.hpp"
#include "engine/pillars/control/token_bucket.hpp"
#include "engine/run/scenario_runner.hpp"
#include "state_fixtures.hpp"

namespace pillars {
namespace {

TEST(TokenBucket, ABurstPassesAtOnceThenTheRate) {
  TokenBucket bucket(10, 5);  // 10 per second, bursts of 5
  int passed = 0;
  for (int i = 0; i < 20; ++i) passed += bucket.take(0) ? 1 : 0;
  EXPECT_EQ(passed, 5) << "the burst, and not one more at the same instant";
  // A token every 100 ms from then on.
  EXPECT_FALSE(bucket.take(99 * kMillisecond));
  EXPECT_TRUE(bucket.take(100 * kMillisecond));
  EXPECT_FALSE(bucket.take(150 * kMillisecond));
  // Idle long enough, the bucket is full again but no fuller than the burst.
  passed = 0;
  for (int i = 0; i < 20; ++i) passed += bucket.take(10 * kSecond) ? 1 : 0;
  EXPECT_EQ(passed, 5);
  EXPECT_TRUE(TokenBucket().take(0)) << "no rate: no limit";
}

TEST(RateLimiter, ABalancerPassesItsRateAndRefusesTheRestAsRateLimited) {
  // 400 req/s offered, evenly spaced, against a limit of 250 req/s with bursts of 50: over
  // 100 s the balancer passes 50 + 250 x 100 = 25,050 and refuses the other 14,950.
  const Scenario s = ScenarioBuilder("rate limit")
                         .component("users", "client", {{"rate", "400"}, {"arrival", "constant"}, {"timeout", "1s"}})
                         .component("lb", "load_balancer", {{"rate_limiter", "250"}, {"rate_limiter_burst", "50"}})
                         .component("web", "service", {{"workers", "64"}, {"service_time", "5ms"}})
                         .link("users", "lb", {{"latency", "0s"}})
                         .link("lb", "web", {{"latency", "0s"}})
                         .duration(100 * kSecond)
                         .build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  const double limited = testing::componentFigure(r, "lb", "rate_limited");
  EXPECT_NEAR(limited, 14950.0, 2.0);
  EXPECT_NEAR(static_cast<double>(r.completed), 25050.0, 2.0);
  EXPECT_NEAR(static_cast<double>(r.failed), limited, 1.0) << "each refusal reaches the client as a failure";
  EXPECT_NEAR(r.throughputRps, 250.5, 0.1);
}

}  // namespace
}  // namespace pillars
