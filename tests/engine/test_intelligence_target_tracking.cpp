// The autoscaler's target_tracking algorithm (AWS style): the policy's arithmetic held to
// numbers worked out by hand, then in a run of autoscale-spike.json step by step.
#include <gtest/gtest.h>

#include <algorithm>

#include "control_fixtures.hpp"
#include "engine/pillars/intelligence/autoscaler.hpp"
#include "engine/pillars/intelligence/target_tracking.hpp"

namespace pillars {
namespace {

tt::Config config() {
  tt::Config c;
  c.target = 50;
  c.scaleInMargin = 0.1;
  c.scaleInCooldown = 300 * kSecond;
  c.minReplicas = 1;
  c.maxReplicas = 40;
  return c;
}

TEST(TargetTracking, ScalesOutProportionallyAndAtOnce) {
  tt::Tracker tracker(config());
  // 4 instances at 75% against 50%: ceil(4 x 1.5) = 6.
  EXPECT_EQ(tracker.decide(15 * kSecond, 4, 4, 0, 75).replicas, 6u);
  // One instance at 305% wants 7, and gets it in one step (the HPA's default policy allows 5).
  tt::Tracker other(config());
  const tt::Decision d = other.decide(15 * kSecond, 1, 1, 0, 305);
  EXPECT_EQ(d.replicas, 7u);
  EXPECT_EQ(d.hold, tt::Hold::None);
}

TEST(TargetTracking, InstancesWarmingUpAreNotMeasuredButCountAsCapacity) {
  tt::Tracker tracker(config());
  // 4 measured at 75% want 6; the set has 6 already, 2 of them warming up: the shortage they
  // were launched for is not scaled out for again.
  const tt::Decision same = tracker.decide(30 * kSecond, 6, 4, 2, 75);
  EXPECT_EQ(same.recommended, 6u);
  EXPECT_EQ(same.replicas, 6u);
  // A larger shortage still scales out: 4 at 100% want 8.
  EXPECT_EQ(tracker.decide(45 * kSecond, 6, 4, 2, 100).replicas, 8u);
}

TEST(TargetTracking, ScalesInOneStepPerCooldownOnlyOnceTheMetricStaysLow) {
  tt::Tracker tracker(config());
  // 10 at 20%: ceil(10 x 0.4) = 4 wanted. First low at 15 s: held until 315 s.
  tt::Decision d = tracker.decide(15 * kSecond, 10, 10, 0, 20);
  EXPECT_EQ(d.recommended, 4u);
  EXPECT_EQ(d.replicas, 10u);
  EXPECT_EQ(d.hold, tt::Hold::Cooldown);
  EXPECT_EQ(d.until, 315 * kSecond);
  EXPECT_EQ(tracker.decide(300 * kSecond, 10, 10, 0, 20).replicas, 10u);
  // At 315 s: at most max(1, 10% of 10) = 1 fewer.
  d = tracker.decide(315 * kSecond, 10, 10, 0, 20);
  EXPECT_EQ(d.replicas, 9u);
  EXPECT_EQ(d.hold, tt::Hold::ScaleInStep);
  tracker.scaled(315 * kSecond);
  // The next scale-in waits a cooldown after that one: 615 s.
  d = tracker.decide(330 * kSecond, 9, 9, 0, 22);
  EXPECT_EQ(d.replicas, 9u);
  EXPECT_EQ(d.until, 615 * kSecond);
  EXPECT_EQ(tracker.decide(615 * kSecond, 9, 9, 0, 22).replicas, 8u);
  // A larger set steps by 10%: 30 at 10% want 6, one scale-in removes 3.
  tt::Tracker big(config());
  big.decide(0, 30, 30, 0, 10);
  EXPECT_EQ(big.decide(300 * kSecond, 30, 30, 0, 10).replicas, 27u);
}

TEST(TargetTracking, ALowSpellMustLastTheCooldownAndEndsAboveTheThreshold) {
  tt::Tracker tracker(config());
  tracker.decide(15 * kSecond, 10, 10, 0, 20);
  // 46% is not 10% below 50%: the low spell ends (ceil(10 x 0.92) = 10 anyway).
  EXPECT_FALSE(tracker.decide(200 * kSecond, 10, 10, 0, 46).low);
  // 44% is: a new spell starts at 215 s and may scale in at 515 s, not at 315 s.
  const tt::Decision again = tracker.decide(215 * kSecond, 10, 10, 0, 44);
  EXPECT_TRUE(again.low);
  EXPECT_EQ(tracker.decide(315 * kSecond, 10, 10, 0, 20).replicas, 10u);
  EXPECT_EQ(tracker.decide(515 * kSecond, 10, 10, 0, 20).replicas, 9u);
}

TEST(TargetTracking, NoScaleInWhileAnInstanceWarmsUp) {
  tt::Tracker tracker(config());
  tracker.decide(0, 10, 8, 2, 10);
  const tt::Decision d = tracker.decide(600 * kSecond, 10, 8, 2, 10);
  EXPECT_EQ(d.replicas, 10u);
  EXPECT_EQ(d.hold, tt::Hold::WarmingUp);
  EXPECT_EQ(tracker.decide(615 * kSecond, 10, 10, 0, 10).replicas, 9u);
}

TEST(TargetTracking, NothingMeasuredChangesNothing) {
  tt::Tracker tracker(config());
  const tt::Decision d = tracker.decide(15 * kSecond, 3, 0, 3, 0);
  EXPECT_TRUE(d.noMetrics);
  EXPECT_EQ(d.replicas, 3u);
}

const Autoscaler& scalerOf(const testing::FinishedRun& run) {
  const auto* a = dynamic_cast<const Autoscaler*>(run.runner->simulation().findComponent("scaler"));
  EXPECT_NE(a, nullptr);
  return *a;
}

// The spike example with a 60% target and at most 7 instances (so no rounding up past the
// figures below): 2 instances of 200 req/s each at 50% before the spike, 800 req/s from 60 s to
// 300 s, 60 s start-ups.
std::vector<Autoscaler::Scaling> changesOf(const testing::FinishedRun& run) {
  std::vector<Autoscaler::Scaling> out;
  for (const auto& d : scalerOf(run).scalings()) {
    if (d.to != d.from) out.push_back(d);
  }
  return out;
}

TEST(TargetTracking, OnTheSpikeItScalesOutLikeTheLoadAndInOneInstanceAtATime) {
  const testing::FinishedRun run = testing::runExample(
      "autoscale-spike.json", {"scaler.algorithm=target_tracking", "scaler.target=60", "scaler.max_replicas=7"});
  const auto s = changesOf(run);
  ASSERT_EQ(s.size(), 3u);
  // 75 s: the 2 instances saturate at 100% against 60%: ceil(2 x 100/60) = 4.
  EXPECT_EQ(s[0].at, 75 * kSecond);
  EXPECT_EQ(s[0].to, 4u);
  // The 2 new ones are ready at 135 s and measured from their first whole window, so until
  // 150 s the 2 warm ones at 100% ask for the 4 there are; at 150 s, 4 at ~100% ask for
  // ceil(4 x 100/60) = 7.
  EXPECT_EQ(s[1].at, 150 * kSecond);
  EXPECT_EQ(s[1].from, 4u);
  EXPECT_EQ(s[1].to, 7u);
  // The spike ends at 300 s; the first low window ends at 315 s, so the one scale-in within the
  // run comes a 300 s cooldown later, by one instance (10% of 7, at least 1): 7 -> 6 at 615 s
  // (the HPA goes all the way down at 600 s).
  EXPECT_EQ(s[2].at, 615 * kSecond);
  EXPECT_EQ(s[2].from, 7u);
  EXPECT_EQ(s[2].to, 6u);
  EXPECT_EQ(s[2].hold, tt::Hold::ScaleInStep);
  const std::string why = scalerOf(run).explain(s[2]);
  EXPECT_NE(why.find("limited by the scale-in step"), std::string::npos) << why;
  const auto& all = scalerOf(run).scalings();
  const auto held = std::find_if(all.begin(), all.end(), [](const auto& d) { return d.hold == tt::Hold::Cooldown; });
  ASSERT_NE(held, all.end());
  EXPECT_EQ(held->at, 315 * kSecond);
  EXPECT_EQ(held->until, 615 * kSecond);
}

TEST(TargetTracking, AWarmupKeepsNewInstancesOutOfTheMetricThatLong) {
  // warmup 120 s: the instances launched at 75 s count from 195 s, so the second step waits.
  const testing::FinishedRun run = testing::runExample(
      "autoscale-spike.json",
      {"scaler.algorithm=target_tracking", "scaler.target=60", "scaler.max_replicas=7", "scaler.warmup=120s"});
  const auto s = changesOf(run);
  ASSERT_GE(s.size(), 2u);
  EXPECT_EQ(s[1].at, 195 * kSecond);
  EXPECT_EQ(s[1].from, 4u);
  EXPECT_EQ(s[1].to, 7u);
}

}  // namespace
}  // namespace pillars
