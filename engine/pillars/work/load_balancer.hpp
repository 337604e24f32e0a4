#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/control/circuit_breaker.hpp"
#include "engine/pillars/control/token_bucket.hpp"
#include "engine/pillars/work/backend_selector.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// Spreads requests over its backends (the targets of its outgoing links) with a routing policy.
/// It learns which backends are down only the way a real one does: active health checks with
/// thresholds, so a crash is noticed after a detection delay, not instantly.
///
/// What the Control pillar adds (all off by default): outlier detection with Envoy's semantics
/// (a backend answering `consecutive_errors` errors or timeouts in a row is ejected for
/// `base_ejection_time` times the number of times it was ejected in a row, up to
/// `max_ejection_time`; at most `max_ejection_percent` of the backends, at least one, are out at
/// once; below `panic_threshold` percent of good backends every backend takes traffic again),
/// a circuit breaker per backend, and a token-bucket `rate_limiter`.
class LoadBalancer final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "load_balancer";
  static std::vector<ParamSpec> paramSpecs();
  LoadBalancer(const std::string& name, const ParamSet& params);

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  std::vector<SeriesColumn> seriesColumns() const override;
  void seriesValues(SimTime now, double* out) const override;

  /// How many backends the balancer currently believes healthy.
  std::size_t healthyBackends() const { return m_selector.healthyCount(); }
  /// How many backends it has (removed ones not counted).
  std::size_t backends() const { return m_selector.presentCount(); }
  /// Whether outlier detection has backend `i` ejected now.
  bool ejected(std::size_t i) const { return i < m_selector.size() && m_selector.backend(i).ejected; }
  /// An ejected backend's link.
  bool avoids(LinkId outgoing) const override;
  void resetMetrics(SimTime now) override;

 private:
  enum Timer : std::uint32_t { HealthTick, ProbeTimeout, ForwardTimeout, EjectionEnd };
  /// Backends ejected by outlier detection right now.
  std::size_t ejectedNow() const;

  struct Forward {
    Message request;  // from the caller, to answer it
    LinkId via = kNoLink;
    std::uint32_t backend = 0;
    SimTime arrivedAt = 0;
    EventId timer;
  };
  struct Probe {
    LinkId link = kNoLink;
    std::uint32_t sequence = 0;  // which probe is outstanding; older replies are ignored
    bool awaiting = false;
    std::uint32_t successes = 0;
    std::uint32_t failures = 0;
  };
  /// Outlier detection and the breaker, per backend.
  struct Outlier {
    std::uint32_t consecutiveErrors = 0;
    std::uint32_t ejections = 0;     // in a row: the ejection time's multiplier
    SimTime unejectedAt = 0;         // when it last came back (the multiplier decays after)
    std::uint32_t generation = 0;    // tells a stale EjectionEnd from the current one
    CircuitBreaker breaker;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;
  void onLinkAdded(LinkId link, bool outgoing) override;
  void onLinkRemoved(LinkId link, bool outgoing) override;

  void addBackend(LinkId link);
  void route(const Message& msg, LinkId via);
  void onBackendReply(const Message& msg);
  void sendProbes();
  void onProbeResult(std::size_t backend, bool ok);
  void release(SlotHandle handle, Forward& f);
  /// A call to backend `b` ended: outlier detection and the breaker take note.
  void noteOutcome(std::uint32_t b, bool failed, SimTime duration);
  void eject(std::uint32_t b);
  void refreshBreakers();

  // Configuration
  SimTime m_checkInterval = 0;
  SimTime m_checkTimeout = 0;
  std::uint32_t m_unhealthyThreshold = 1;
  std::uint32_t m_healthyThreshold = 1;
  SimTime m_timeout = 0;
  bool m_outlierDetection = false;
  std::uint32_t m_consecutiveErrors = 5;
  SimTime m_baseEjection = 0;
  SimTime m_maxEjection = 0;
  double m_maxEjectionPercent = 10;
  bool m_breakers = false;
  CircuitBreaker::Config m_breakerConfig;
  TokenBucket m_rateLimit;

  // State
  BackendSelector m_selector;
  std::vector<Probe> m_probes;     // parallel to the selector's backends
  std::vector<LinkId> m_backendLinks;  // kNoLink for a removed backend's slot
  SlotPool<Forward> m_forwards;
  std::vector<Outlier> m_outliers;  // parallel to the selector's backends

  // Figures
  std::uint64_t m_ejections = 0, m_rateLimited = 0, m_failedFast = 0;
};

}  // namespace pillars
