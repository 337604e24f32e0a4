// Netflix's Gradient2 concurrency limit: growth by the queue allowance while latency holds,
// a cut as answers slow past the tolerance, nothing learnt while app-limited.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/pillars/control/concurrency_limit.hpp"

namespace pillars {
namespace {

constexpr SimTime kRtt = 10 * kMillisecond;

TEST(ControlGradient2, SteadyLatencyGrowsTheLimitByTheSmoothedQueueAllowance) {
  Gradient2Limit g(Gradient2Limit::Config{});
  EXPECT_EQ(g.limit(), 20);
  // Short and long RTT agree: gradient min(1, 1.5 x 1) = 1, so each answer moves the limit to
  // 0.8 L + 0.2 (L + 4) = L + 0.8.
  for (int i = 0; i < 10; ++i) g.onAnswered(kRtt, 1000);
  EXPECT_NEAR(g.limit(), 28.0, 1e-9);
  EXPECT_NEAR(g.longRtt(), static_cast<double>(kRtt), 1e-6);
}

TEST(ControlGradient2, AnswersSlowerThanTheToleranceCutTheLimit) {
  Gradient2Limit g(Gradient2Limit::Config{});
  for (int i = 0; i < 10; ++i) g.onAnswered(kRtt, 1000);  // limit 28, long RTT 10 ms
  // An answer four times slower: gradient max(0.5, 1.5 x 10.1/40) = 0.5 (the long average moves
  // by 2/601 of the difference), so L becomes 0.8 L + 0.2 (0.5 L + 4) = 0.9 L + 0.8.
  g.onAnswered(4 * kRtt, 1000);
  EXPECT_NEAR(g.limit(), 0.9 * 28 + 0.8, 1e-9);
  // Kept up, the limit heads for the fixed point of L = 0.9 L + 0.8, 8, while the long average
  // (moving 2/601 of the way each answer) is still below 40 / 3 ms...
  for (int i = 0; i < 29; ++i) g.onAnswered(4 * kRtt, 1000);
  EXPECT_GT(g.limit(), 8);
  EXPECT_LT(g.limit(), 10);
  // ...and once the long average has learnt the slower latency, it is the new normal: the
  // limit grows again.
  for (int i = 0; i < 2000; ++i) g.onAnswered(4 * kRtt, 1000);
  EXPECT_GT(g.limit(), 28);
}

TEST(ControlGradient2, NothingIsLearntWhileAppLimited) {
  Gradient2Limit g(Gradient2Limit::Config{});
  // Fewer than half the limit in flight: the limit is not what holds requests back.
  for (int i = 0; i < 100; ++i) g.onAnswered(kRtt, 9);
  EXPECT_EQ(g.limit(), 20);
  for (int i = 0; i < 100; ++i) g.onAnswered(10 * kRtt, 9);
  EXPECT_EQ(g.limit(), 20);
}

TEST(ControlGradient2, TheLimitAdmitsBelowItAndRefusesAtIt) {
  const ConcurrencyLimit none;
  EXPECT_TRUE(none.admits(1e9));
  const ConcurrencyLimit limited{Gradient2Limit(Gradient2Limit::Config{})};
  EXPECT_TRUE(limited.enabled());
  EXPECT_TRUE(limited.admits(19));
  EXPECT_FALSE(limited.admits(20));
}

}  // namespace
}  // namespace pillars
