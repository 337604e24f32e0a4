#pragma once
// The Kubernetes Horizontal Pod Autoscaler's arithmetic (autoscaling/v2), as its controller
// computes it (pkg/controller/podautoscaler: replica_calculator.go and horizontal.go), kept
// free of simulation so tests can hold it to the numbers of the Kubernetes documentation:
//  - the replica calculator: desired = ceil(ready × metric / target), nothing within the
//    tolerance, unready and missing instances filled in the conservative direction;
//  - behaviour: stabilization windows over past recommendations, then the scaling policies
//    that limit how far one period may move.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "engine/sim/time.hpp"

namespace pillars::hpa {

/// How the replica calculator sees one instance of the set.
enum class Readiness {
  /// Ready, with a measurement.
  Ready,
  /// Not ready yet (starting): left out, and counted at zero when the set would scale up.
  Unready,
  /// Ready but not measured yet: counted at zero on a scale-up and at the fallback (100% of its
  /// request, or the target if higher) on a scale-down, so its absence never moves the set.
  Missing,
};

struct InstanceMetric {
  double value = 0;  // utilization in percent, requests per second, queue length...
  Readiness readiness = Readiness::Ready;
};

/// What the replica calculator recommends, and the figures it judged by.
struct Recommendation {
  std::size_t replicas = 0;
  /// Mean metric over the measured (ready) instances, before any filling in.
  double metric = 0;
  /// metric / target.
  double usageRatio = 0;
  /// The ratio was within the tolerance (or filling in reversed it): no change.
  bool withinTolerance = false;
  /// No instance had a measurement: nothing to judge by, no change.
  bool noMetrics = false;
};

/// The replica calculator. `current` is the set's desired count now (spec.replicas);
/// `missingFallback` the value a missing instance counts at on a scale-down (for utilization,
/// max(100, target); for an average value, the target).
Recommendation recommend(std::size_t current, std::span<const InstanceMetric> instances, double target,
                         double tolerance, double missingFallback);

/// One scaling policy: at most `value` instances, or `value` percent, per `period`.
struct Policy {
  enum class Type { Pods, Percent };
  Type type = Type::Percent;
  double value = 100;
  SimTime period = 15 * kSecond;
};

/// The rules of one direction (spec.behavior.scaleUp or scaleDown).
struct ScalingRules {
  SimTime stabilizationWindow = 0;
  /// Which policy wins: Max allows the largest change, Min the smallest.
  enum class Select { Max, Min, Disabled };
  Select select = Select::Max;
  std::vector<Policy> policies;

  /// Kubernetes' defaults: scale up by the larger of 4 instances and 100% per 15 s, at once.
  static ScalingRules defaultScaleUp();
  /// Kubernetes' defaults: scale down by up to 100% per 15 s, after a 300 s window.
  static ScalingRules defaultScaleDown();
};

/// Why the count the controller settles on differs from what the metric asked for.
enum class Limit {
  None,
  /// A higher recommendation within the scale-down stabilization window holds the set up
  /// (or a lower one within the scale-up window holds it down).
  Stabilized,
  ScaleUpPolicy,
  ScaleDownPolicy,
  MaxReplicas,
  MinReplicas,
};
std::string_view limitName(Limit limit);

/// The controller's memory between evaluations: recent recommendations (for the
/// stabilization windows) and recent scale events (for the policies' periods).
class Behavior {
 public:
  Behavior(ScalingRules up, ScalingRules down, std::size_t minReplicas, std::size_t maxReplicas);

  struct Outcome {
    std::size_t replicas = 0;
    Limit limit = Limit::None;
  };
  /// The count to scale to at `now`, from `current` and the calculator's `recommended`
  /// (stabilized, then limited by the policies and min/max). Records the recommendation.
  Outcome normalize(SimTime now, std::size_t current, std::size_t recommended);
  /// The set was scaled from `from` to `to` at `now` (the policies count it for their period).
  void scaled(SimTime now, std::size_t from, std::size_t to);

  std::size_t minReplicas() const { return m_min; }
  std::size_t maxReplicas() const { return m_max; }

 private:
  struct Timed {
    SimTime at;
    std::int64_t value;
  };
  /// Replicas added (or removed) by the events after now - period.
  static std::int64_t changedWithin(const std::vector<Timed>& events, SimTime now, SimTime period);
  std::int64_t scaleUpLimit(SimTime now, std::int64_t current) const;
  std::int64_t scaleDownLimit(SimTime now, std::int64_t current) const;
  /// Forgets what no window or period can reach any more.
  void prune(SimTime now);

  ScalingRules m_up, m_down;
  std::size_t m_min, m_max;
  std::vector<Timed> m_recommendations;
  std::vector<Timed> m_scaleUps, m_scaleDowns;  // replicas changed per event, positive
};

}  // namespace pillars::hpa
