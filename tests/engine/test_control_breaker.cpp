// The circuit breaker's state machine against resilience4j's documented semantics
// (count-based sliding window, minimum calls, open duration, half-open trial calls).
#include <gtest/gtest.h>

#include "engine/pillars/control/circuit_breaker.hpp"

namespace pillars {
namespace {

using State = CircuitBreaker::State;

CircuitBreaker::Config config(std::uint32_t window, std::uint32_t minimumCalls) {
  CircuitBreaker::Config c;
  c.window = window;
  c.minimumCalls = minimumCalls;
  c.failureRateThreshold = 50;
  c.openDuration = 10 * kSecond;
  c.halfOpenCalls = 3;
  return c;
}

// Lets `n` calls through at `now`, each recorded with the given outcome.
void calls(CircuitBreaker& breaker, SimTime now, int n, bool failed) {
  for (int i = 0; i < n; ++i) {
    ASSERT_TRUE(breaker.allow(now));
    breaker.record(now, failed, kMillisecond);
  }
}

TEST(ControlBreaker, NineFailuresInNineCallsNeverOpenBelowTheMinimumOfTen) {
  CircuitBreaker breaker(config(100, 10));
  calls(breaker, 0, 9, true);
  EXPECT_EQ(breaker.state(), State::Closed);
  EXPECT_EQ(breaker.timesOpened(), 0u);
  // The tenth failure reaches the minimum: 100% >= 50% opens it.
  calls(breaker, 0, 1, true);
  EXPECT_EQ(breaker.state(), State::Open);
}

TEST(ControlBreaker, FiftyFailuresInTheLastHundredOpenFortyNineDoNot) {
  CircuitBreaker breaker(config(100, 100));
  // 100 successes fill the window; then failures push successes out one by one.
  calls(breaker, 0, 100, false);
  calls(breaker, 0, 49, true);
  EXPECT_EQ(breaker.state(), State::Closed) << "49% is under the 50% threshold";
  calls(breaker, 0, 1, true);
  EXPECT_EQ(breaker.state(), State::Open) << "50 of the last 100 failed: at the threshold";
}

TEST(ControlBreaker, OldOutcomesLeaveTheWindow) {
  CircuitBreaker breaker(config(10, 10));
  calls(breaker, 0, 4, true);
  calls(breaker, 0, 6, false);  // 40%: closed
  EXPECT_EQ(breaker.state(), State::Closed);
  // Four more successes push the four failures out: 0% over the last ten.
  calls(breaker, 0, 4, false);
  calls(breaker, 0, 4, true);  // 40% again, never 80%
  EXPECT_EQ(breaker.state(), State::Closed);
}

TEST(ControlBreaker, OpenFailsFastUntilTheOpenDurationThenLetsExactlyTheTrialCallsThrough) {
  CircuitBreaker breaker(config(10, 10));
  calls(breaker, 0, 10, true);
  ASSERT_EQ(breaker.state(), State::Open);
  EXPECT_FALSE(breaker.allow(5 * kSecond));
  EXPECT_FALSE(breaker.allow(10 * kSecond - 1));
  EXPECT_EQ(breaker.rejected(), 2u);
  // After open_duration: exactly half_open_calls (3) pass, the fourth is refused.
  EXPECT_TRUE(breaker.allow(10 * kSecond));
  EXPECT_EQ(breaker.state(), State::HalfOpen);
  EXPECT_TRUE(breaker.allow(10 * kSecond));
  EXPECT_TRUE(breaker.allow(10 * kSecond));
  EXPECT_FALSE(breaker.allow(10 * kSecond));
  EXPECT_EQ(breaker.rejected(), 3u);
}

TEST(ControlBreaker, TrialFailureRateAtTheThresholdReopens) {
  CircuitBreaker::Config c = config(10, 10);
  c.halfOpenCalls = 4;
  CircuitBreaker breaker(c);
  calls(breaker, 0, 10, true);
  const SimTime t = 10 * kSecond;
  calls(breaker, t, 2, true);
  calls(breaker, t, 2, false);  // 2 of 4 = 50%: at the threshold
  EXPECT_EQ(breaker.state(), State::Open);
  EXPECT_EQ(breaker.timesOpened(), 2u);
  EXPECT_FALSE(breaker.allow(t + 10 * kSecond - 1)) << "a new full open_duration from the reopening";
}

TEST(ControlBreaker, TrialFailureRateBelowTheThresholdClosesWithAnEmptyWindow) {
  CircuitBreaker::Config c = config(10, 10);
  c.halfOpenCalls = 4;
  CircuitBreaker breaker(c);
  calls(breaker, 0, 10, true);
  const SimTime t = 10 * kSecond;
  calls(breaker, t, 1, true);
  calls(breaker, t, 3, false);  // 25%
  EXPECT_EQ(breaker.state(), State::Closed);
  // The window starts empty: nine failures are under the minimum again.
  calls(breaker, t, 9, true);
  EXPECT_EQ(breaker.state(), State::Closed);
}

TEST(ControlBreaker, ClosedWaitsForEveryTrialCallBeforeDeciding) {
  CircuitBreaker breaker(config(10, 10));
  calls(breaker, 0, 10, true);
  const SimTime t = 10 * kSecond;
  ASSERT_TRUE(breaker.allow(t));
  ASSERT_TRUE(breaker.allow(t));
  breaker.record(t, true, kMillisecond);
  breaker.record(t, true, kMillisecond);
  EXPECT_EQ(breaker.state(), State::HalfOpen) << "the third trial call has not been made";
}

TEST(ControlBreaker, SlowCallsOpenItLikeFailures) {
  CircuitBreaker::Config c = config(10, 10);
  c.slowCallRateThreshold = 60;
  c.slowCallDuration = 2 * kSecond;
  CircuitBreaker breaker(c);
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(breaker.allow(0));
    breaker.record(0, false, i < 6 ? 2 * kSecond : kSecond);
  }
  EXPECT_EQ(breaker.state(), State::Open) << "6 of 10 calls took >= 2 s: 60%";
}

TEST(ControlBreaker, ACallLetThroughBeforeItOpenedDoesNotCountWhileOpen) {
  CircuitBreaker breaker(config(10, 10));
  ASSERT_TRUE(breaker.allow(0));  // a slow call in flight
  calls(breaker, 0, 10, true);
  ASSERT_EQ(breaker.state(), State::Open);
  breaker.record(kSecond, false, kSecond);
  EXPECT_EQ(breaker.state(), State::Open);
}

}  // namespace
}  // namespace pillars
