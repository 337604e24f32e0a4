#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/intelligence/hpa.hpp"
#include "engine/sim/component.hpp"

namespace pillars {

/// Changes a replica set's instance count while the run goes on, as Kubernetes' Horizontal Pod
/// Autoscaler does for a Deployment (algorithm `hpa`): every `sync_period` it measures the
/// set's ready instances (utilization of their workers, requests per second each, or their
/// queue length), asks the replica calculator for a count, stabilizes and limits it by the
/// behaviour rules (hpa.hpp), and adds or removes instances to reach it.
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
  /// What was read of an instance at the previous evaluation, to measure the window since.
  struct Reading {
    bool seen = false;
    SimTime at = 0;
    SimTime readySince = -1;  // the evaluation that first found it ready; -1 while not ready
    SimTime busySince = 0;  // the start of the instance's integrals (warm-up resets them)
    double busyIntegral = 0, queueIntegral = 0;
    std::uint64_t received = 0;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;
  /// The replica set this autoscaler scales: the scenario id its outgoing link leads to.
  void findSet();
  void evaluate();
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
  Metric m_metric = Metric::Utilization;
  double m_target = 50;
  double m_tolerance = 0.1;
  SimTime m_syncPeriod = 15 * kSecond;
  SimTime m_drainTime = 3 * kSecond;
  hpa::Behavior m_behavior;

  // State
  std::string m_setId;
  std::size_t m_desired = 0;  // 0 until the first look at the set
  std::vector<Reading> m_readings;           // by ComponentId
  std::vector<hpa::InstanceMetric> m_window;  // reused each evaluation
  std::vector<ComponentId> m_draining;
  Scaling m_last;
  bool m_evaluated = false;
  bool m_holding = false;  // the last evaluation wanted a change that was held back
  std::vector<Scaling> m_scalings;
  std::string m_cannotScale;  // why instances could not be added, once found
  std::uint64_t m_scaleUps = 0, m_scaleDowns = 0;
};

}  // namespace pillars
