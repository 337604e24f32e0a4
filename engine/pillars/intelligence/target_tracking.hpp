#pragma once
// A target tracking scaling policy in the manner of AWS (Amazon EC2 Auto Scaling and
// Application Auto Scaling), kept free of simulation so tests can hold it to numbers worked
// out by hand. What is modelled (docs/scenario-format.md, autoscaler):
//  - scale out proportionally and at once: ceil(warm × metric / target) instances, where the
//    metric is the mean over the warm instances only (an instance in its warm-up does not
//    count towards the aggregated metric) while the instances still warming up count towards
//    the capacity compared with it, so a shortage they were launched for is not scaled out for
//    again;
//  - scale in gradually: only once the metric has stayed below target × (1 − margin) for the
//    scale-in cooldown, the cooldown has passed since the last scaling activity, and no
//    instance is warming up; then by at most max(1, 10%) of the set per scale-in, and never
//    below what keeps the metric under the target.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/sim/time.hpp"

namespace pillars::tt {

struct Config {
  double target = 50;
  /// Scale in only below target × (1 − margin): AWS scales in when the metric is "usually more
  /// than 10% lower" than the target.
  double scaleInMargin = 0.1;
  SimTime scaleInCooldown = 300 * kSecond;
  std::size_t minReplicas = 1, maxReplicas = 10;
};

/// Why the count settled on differs from what the metric asked for, or why nothing moved.
enum class Hold {
  None,
  /// The metric has not stayed low for the cooldown, or the last scaling is too recent.
  Cooldown,
  /// An instance is still warming up: no scale-in until it counts.
  WarmingUp,
  /// Scale-in removes at most max(1, 10%) of the set at a time.
  ScaleInStep,
  MaxReplicas,
  MinReplicas,
};
std::string_view holdName(Hold hold);

/// The share of the set one scale-in may remove (at least one instance).
inline constexpr double kScaleInStep = 0.10;

struct Decision {
  std::size_t replicas = 0;     // the count to scale to
  std::size_t recommended = 0;  // ceil(warm × metric / target), within min and max
  Hold hold = Hold::None;
  /// The metric is below target × (1 − margin): a scale-in candidate.
  bool low = false;
  /// Nothing was measured (no warm instance): no change.
  bool noMetrics = false;
  /// With Hold::Cooldown, the earliest time a scale-in may happen.
  SimTime until = 0;
};

class Tracker {
 public:
  explicit Tracker(Config config) : m_config(config) {}

  /// `current` is the set's count now (instances warming up included); `warm` the instances
  /// measured, `metric` their mean; `warming` the instances still in their warm-up.
  Decision decide(SimTime now, std::size_t current, std::size_t warm, std::size_t warming, double metric);
  /// The set was scaled at `now` (either way): the cooldown starts again.
  void scaled(SimTime now);

 private:
  Config m_config;
  SimTime m_lastScaling = -1;  // -1: never scaled
  SimTime m_lowSince = -1;     // the first evaluation of the current low spell; -1 when not low
};

}  // namespace pillars::tt
