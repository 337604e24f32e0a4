#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/intelligence/hpa.hpp"
#include "engine/pillars/intelligence/load_forecast.hpp"
#include "engine/pillars/intelligence/target_tracking.hpp"
#include "engine/sim/component.hpp"

namespace pillars {

/// Changes a replica set's instance count while the run goes on. Every `sync_period` it
/// measures the set's instances (utilization of their workers, requests per second each, or
/// their queue length) and decides by its `algorithm`:
///  - `hpa`, as Kubernetes' Horizontal Pod Autoscaler does for a Deployment: the replica
///    calculator's count, stabilized and limited by the behaviour rules (hpa.hpp);
///  - `target_tracking`, as an AWS target tracking policy does: out proportionally and at
///    once, in gradually after a cooldown, instances in their warm-up not counted
///    (target_tracking.hpp);
///  - `predictive`: the HPA as a reactive floor, raised to the capacity the load learned for
///    the same time of previous cycles asks for, looked up one start-up time ahead
///    (load_forecast.hpp); a forecast never scales the set in.
/// It then adds or removes instances to reach the count.
///
/// It is drawn linked to the service it scales (its one outgoing link); no request travels on
/// that link. Instances are added like the ones there are (Component::makeSibling, links and
/// all) and start as any instance does, not ready for their `startup_time`; the ones removed
/// are chosen as a ReplicaSet chooses pods to delete (down, then not ready, then the newest)
/// and terminated gracefully: unready at once, removed after a drain.
class Autoscaler final : public Component {
 public:
  static constexpr std::string_view kKind = "autoscaler";
  static std::vector<ParamSpec> paramSpecs();
  /// Rules across parameters (min_replicas above max_replicas): one problem per parameter.
  static std::vector<ParamProblem> checkParams(const ParamSet& params);
  Autoscaler(const std::string& name, const ParamSet& params);

  /// One evaluation that changed (or wanted to change) the set, for the results and the card.
  struct Scaling {
    SimTime at = 0;
    std::uint32_t from = 0;         // the set's count before
    std::uint32_t recommended = 0;  // what the metric asked for
    std::uint32_t to = 0;           // what it scaled to
    double metric = 0;              // mean over the ready instances
    hpa::Limit limit = hpa::Limit::None;
    bool withinTolerance = false;   // the metric was close enough to the target
    bool noMetrics = false;         // no ready instance to measure
    // target_tracking
    tt::Hold hold = tt::Hold::None;
    SimTime until = 0;              // with Hold::Cooldown: the earliest scale-in
    std::uint32_t warming = 0;      // instances in their warm-up
    // predictive
    bool learning = false;          // no whole cycle seen yet: the HPA alone
    double forecast = -1;           // forecast req/s for [forecastFrom, forecastTo); -1: none
    SimTime forecastFrom = 0, forecastTo = 0;
    std::uint32_t forecastCount = 0;  // instances the forecast asks for
    std::uint32_t reactive = 0;       // what the HPA alone would scale to
  };
  const std::vector<Scaling>& scalings() const { return m_scalings; }
  /// The last evaluation, whether or not it changed anything (the card shows it).
  const Scaling& lastEvaluation() const { return m_last; }
  /// The last evaluation in words: "scaled 1 → 5 (utilization 305% (target 50%) asks for 7;
  /// limited by the scale-up policy)".
  std::string lastReason() const;
  /// One evaluation in words.
  std::string explain(const Scaling& d) const;
  /// "utilization 61% (target 50%)", "396 req/s per instance (target 100)".
  std::string describeMetric(double value) const;
  std::vector<ControlDecision> decisions() const override;
  /// The count the set is being driven to.
  std::size_t desired() const { return m_desired; }
  /// Instances of the set now (those draining left out), and how many of them are ready.
  std::size_t instances() const;
  std::size_t readyInstances() const;

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  std::vector<SeriesColumn> seriesColumns() const override;
  void seriesValues(SimTime now, double* out) const override;

 private:
  enum Timer : std::uint32_t { Sync, DrainDone };
  enum class Metric { Utilization, Rps, QueueLength };
  enum class Algorithm { Hpa, TargetTracking, Predictive };
  /// What was read of an instance at the previous evaluation, to measure the window since.
  struct Reading {
    bool seen = false;
    SimTime at = 0;
    SimTime readySince = -1;  // the evaluation that first found it ready; -1 while not ready
    SimTime busySince = 0;  // the start of the instance's integrals (warm-up resets them)
    double busyIntegral = 0, queueIntegral = 0;
    std::uint64_t received = 0, completed = 0;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;
  /// The replica set this autoscaler scales: the scenario id its outgoing link leads to.
  void findSet();
  void evaluate();
  /// The HPA's count for `d` (the replica calculator, then the behaviour rules).
  std::size_t decideHpa(Scaling& d, std::size_t current);
  std::size_t decideTargetTracking(Scaling& d, std::size_t current);
  /// Raises the reactive count `reactive` to what the forecast asks for, never lowering it.
  std::size_t applyForecast(Scaling& d, std::size_t reactive);
  /// Instances the forecast load asks for at the target; nothing while nothing is known of the
  /// work a request takes.
  std::optional<std::size_t> instancesFor(double rps) const;
  /// How long an instance of the set takes to become ready.
  SimTime startupTime() const;
  std::string explainHpa(const Scaling& d) const;
  std::string explainTargetTracking(const Scaling& d) const;
  std::string explainPredictive(const Scaling& d) const;
  /// Measures every instance over the window since the last evaluation.
  void measure();
  /// The metric of one instance over the window since its reading `r`.
  double windowValue(const ComponentMetrics& m, const Reading& r, SimTime t) const;
  /// Adds or removes instances until the set has `m_desired`.
  void reconcile();
  void addInstance();
  void removeOne(std::vector<ComponentId>& live);
  bool draining(ComponentId id) const;
  bool ready(ComponentId id) const;
  /// The live instances (not removed, not draining), in id order.
  std::vector<ComponentId> liveInstances() const;

  // Configuration
  Algorithm m_algorithm = Algorithm::Hpa;
  Metric m_metric = Metric::Utilization;
  double m_target = 50;
  double m_tolerance = 0.1;
  SimTime m_syncPeriod = 15 * kSecond;
  SimTime m_drainTime = 3 * kSecond;
  hpa::Behavior m_behavior;
  SimTime m_warmup = 0;
  tt::Tracker m_tracker;
  LoadForecast m_forecast;

  // State
  std::string m_setId;
  std::size_t m_desired = 0;  // 0 until the first look at the set
  std::vector<Reading> m_readings;           // by ComponentId
  std::vector<hpa::InstanceMetric> m_window;  // reused each evaluation
  SimTime m_firstLook = -1;       // instances there by then are warm from the start
  SimTime m_measuredAt = -1;      // the end of the last window measured
  // The last window, across the set: what target tracking and the forecast judge by.
  double m_warmSum = 0;
  std::uint32_t m_warmCount = 0, m_warmingCount = 0;
  double m_windowRequests = 0;    // requests the set received in the window
  bool m_windowWhole = false;     // every instance's window covered it (no reset within)
  // Work per request, learned over the run: busy worker-seconds over requests completed.
  double m_busySeconds = 0, m_completedTotal = 0;
  double m_workersPerInstance = 0;
  std::vector<ComponentId> m_draining;
  Scaling m_last;
  bool m_evaluated = false;
  bool m_holding = false;  // the last evaluation wanted a change that was held back
  std::vector<Scaling> m_scalings;
  std::string m_cannotScale;  // why instances could not be added, once found
  std::uint64_t m_scaleUps = 0, m_scaleDowns = 0;
};

}  // namespace pillars
