// The Horizontal Pod Autoscaler's arithmetic against the Kubernetes documentation: the
// replica calculator (ceil(current × metric / target), the tolerance, unready and missing
// pods) and the default behaviour (scale up by max(+4, +100%) per 15 s, scale down after the
// 300 s stabilization window).
#include <gtest/gtest.h>

#include <vector>

#include "engine/pillars/intelligence/hpa.hpp"

namespace pillars::hpa {
namespace {

std::vector<InstanceMetric> ready(std::initializer_list<double> values) {
  std::vector<InstanceMetric> out;
  for (const double v : values) out.push_back({v, Readiness::Ready});
  return out;
}

Behavior defaults(std::size_t min = 1, std::size_t max = 10) {
  return Behavior(ScalingRules::defaultScaleUp(), ScalingRules::defaultScaleDown(), min, max);
}

TEST(Hpa, OneInstanceAt305PercentAgainstA50PercentTargetWantsSeven) {
  const Recommendation r = recommend(1, ready({305}), 50, 0.1, 100);
  EXPECT_DOUBLE_EQ(r.usageRatio, 6.1);
  EXPECT_EQ(r.replicas, 7u) << "ceil(1 x 305 / 50) = ceil(6.1)";
}

TEST(Hpa, DoublingTheMetricDoublesTheReplicas) {
  // The documentation's example: 200m against a target of 100m doubles the set.
  EXPECT_EQ(recommend(3, ready({200, 200, 200}), 100, 0.1, 100).replicas, 6u);
  EXPECT_EQ(recommend(4, ready({25, 25, 25, 25}), 50, 0.1, 100).replicas, 2u) << "halving halves";
}

TEST(Hpa, ARatioWithinTenPercentOfOneChangesNothing) {
  const Recommendation within = recommend(4, ready({54, 54, 54, 54}), 50, 0.1, 100);
  EXPECT_TRUE(within.withinTolerance);
  EXPECT_EQ(within.replicas, 4u) << "1.08 is within 1 ± 0.1";
  const Recommendation below = recommend(4, ready({45.5, 45.5, 45.5, 45.5}), 50, 0.1, 100);
  EXPECT_TRUE(below.withinTolerance) << "0.91 is within too";
  const Recommendation beyond = recommend(4, ready({56, 56, 56, 56}), 50, 0.1, 100);
  EXPECT_FALSE(beyond.withinTolerance);
  EXPECT_EQ(beyond.replicas, 5u) << "1.12 x 4 = 4.48, rounded up";
}

TEST(Hpa, UnreadyInstancesCountAsIdleOnAScaleUp) {
  // Two ready at 100% against 50% would ask for 4; the two starting ones count at 0%, which
  // brings the mean to the target: no change, as new instances will soon take load.
  std::vector<InstanceMetric> set = ready({100, 100});
  set.push_back({0, Readiness::Unready});
  set.push_back({0, Readiness::Unready});
  EXPECT_EQ(recommend(4, set, 50, 0.1, 100).replicas, 4u);
  // With one starting: (200 + 0) / 3 = 66.7% -> ceil(1.33 x 3) = 4.
  set.pop_back();
  EXPECT_EQ(recommend(3, set, 50, 0.1, 100).replicas, 4u);
}

TEST(Hpa, UnreadyInstancesAreLeftOutOfAScaleDown) {
  std::vector<InstanceMetric> set = ready({10, 10});
  set.push_back({0, Readiness::Unready});
  EXPECT_EQ(recommend(3, set, 50, 0.1, 100).replicas, 1u) << "ceil(0.2 x 2 ready)";
}

TEST(Hpa, MissingInstancesHoldTheSetInEitherDirection) {
  // Scale-down: a missing one counts at 100% (the fallback): (20 + 20 + 100) / 3 = 46.7% of
  // 50% is within the tolerance, so nothing moves.
  std::vector<InstanceMetric> down = ready({20, 20});
  down.push_back({0, Readiness::Missing});
  EXPECT_EQ(recommend(3, down, 50, 0.1, 100).replicas, 3u);
  // Scale-up: it counts at 0%: (90 + 90 + 0) / 3 = 60% -> ceil(1.2 x 3) = 4, not 4 from the
  // ready ones alone (ceil(1.8 x 2)).
  std::vector<InstanceMetric> up = ready({90, 90});
  up.push_back({0, Readiness::Missing});
  EXPECT_EQ(recommend(3, up, 50, 0.1, 100).replicas, 4u);
}

TEST(Hpa, NoMeasuredInstanceMeansNoChange) {
  std::vector<InstanceMetric> set = {{0, Readiness::Unready}};
  const Recommendation r = recommend(2, set, 50, 0.1, 100);
  EXPECT_TRUE(r.noMetrics);
  EXPECT_EQ(r.replicas, 2u);
}

TEST(Hpa, TheDefaultPoliciesGoFromOneToFiveThenToSeven) {
  Behavior b = defaults();
  const Behavior::Outcome first = b.normalize(15 * kSecond, 1, 7);
  EXPECT_EQ(first.replicas, 5u) << "max(1 + 4 instances, 1 + 100%) = 5";
  EXPECT_EQ(first.limit, Limit::ScaleUpPolicy);
  b.scaled(15 * kSecond, 1, 5);
  // 15 s later the event is exactly one period old and no longer counts: the limit is
  // max(5 + 4, 5 x 2) = 10, and 305% over five instances is 61% -> ceil(1.22 x 5) = 7.
  const Recommendation r = recommend(5, ready({61, 61, 61, 61, 61}), 50, 0.1, 100);
  EXPECT_EQ(r.replicas, 7u);
  const Behavior::Outcome second = b.normalize(30 * kSecond, 5, r.replicas);
  EXPECT_EQ(second.replicas, 7u);
  EXPECT_EQ(second.limit, Limit::None);
}

TEST(Hpa, ScaleUpsWithinOnePeriodShareItsLimit) {
  Behavior b = defaults(1, 100);
  EXPECT_EQ(b.normalize(0, 10, 40).replicas, 20u) << "max(10 + 4, 10 x 2)";
  b.scaled(0, 10, 20);
  // 5 s later the period still started at 10: the limit is still 20.
  EXPECT_EQ(b.normalize(5 * kSecond, 20, 40).replicas, 20u);
  EXPECT_EQ(b.normalize(15 * kSecond, 20, 40).replicas, 40u) << "a new period starts from 20";
}

TEST(Hpa, ALoadDropScalesInNoEarlierThan300SecondsLater) {
  Behavior b = defaults();
  std::size_t current = 1;
  SimTime scaledInAt = -1;
  const SimTime lastBusy = 300 * kSecond;  // the last evaluation that saw the load
  for (SimTime t = 15 * kSecond; t <= 900 * kSecond; t += 15 * kSecond) {
    // Busy until 300 s (wanting 7), then idle (wanting 1).
    const std::size_t want = t <= lastBusy ? 7 : 1;
    const Behavior::Outcome out = b.normalize(t, current, want);
    if (out.replicas < current && scaledInAt < 0) scaledInAt = t;
    if (t > lastBusy && t - lastBusy < 300 * kSecond) {
      EXPECT_EQ(out.replicas, 7u) << "held at " << simTimeToSeconds(t) << " s";
      EXPECT_EQ(out.limit, Limit::Stabilized);
    }
    if (out.replicas != current) b.scaled(t, current, out.replicas);
    current = out.replicas;
  }
  // The last recommendation of 7 leaves the window 300 s after it was made.
  EXPECT_EQ(scaledInAt, lastBusy + 300 * kSecond);
  EXPECT_EQ(current, 1u) << "down by up to 100% per period, to min_replicas";
}

TEST(Hpa, MinAndMaxReplicasBoundTheSet) {
  Behavior b = defaults(2, 6);
  const Behavior::Outcome up = b.normalize(0, 5, 40);
  EXPECT_EQ(up.replicas, 6u);
  EXPECT_EQ(up.limit, Limit::MaxReplicas);
  Behavior quick(ScalingRules::defaultScaleUp(), ScalingRules{0, ScalingRules::Select::Max, {{Policy::Type::Percent, 100, 15 * kSecond}}}, 2, 6);
  const Behavior::Outcome down = quick.normalize(0, 5, 1);
  EXPECT_EQ(down.replicas, 2u);
  EXPECT_EQ(down.limit, Limit::MinReplicas);
}

TEST(Hpa, AScaleDownPodsPolicyRemovesAFewPerPeriod) {
  // spec.behavior.scaleDown: 2 pods per 60 s, no window.
  Behavior b(ScalingRules::defaultScaleUp(), ScalingRules{0, ScalingRules::Select::Max, {{Policy::Type::Pods, 2, 60 * kSecond}}}, 1, 20);
  const Behavior::Outcome first = b.normalize(0, 10, 1);
  EXPECT_EQ(first.replicas, 8u);
  EXPECT_EQ(first.limit, Limit::ScaleDownPolicy);
  b.scaled(0, 10, 8);
  EXPECT_EQ(b.normalize(30 * kSecond, 8, 1).replicas, 8u) << "the period's 2 are spent";
  EXPECT_EQ(b.normalize(60 * kSecond, 8, 1).replicas, 6u);
}

TEST(Hpa, ADisabledDirectionNeverMoves) {
  ScalingRules off = ScalingRules::defaultScaleDown();
  off.select = ScalingRules::Select::Disabled;
  off.stabilizationWindow = 0;
  Behavior b(ScalingRules::defaultScaleUp(), off, 1, 10);
  EXPECT_EQ(b.normalize(0, 5, 1).replicas, 5u);
}

}  // namespace
}  // namespace pillars::hpa
