#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/work/backend_selector.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// Spreads requests over its backends (the targets of its outgoing links) with a routing policy.
/// It learns which backends are down only the way a real one does: active health checks with
/// thresholds, so a crash is noticed after a detection delay, not instantly.
class LoadBalancer final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "load_balancer";
  static std::vector<ParamSpec> paramSpecs();
  LoadBalancer(const std::string& name, const ParamSet& params);

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;

  /// How many backends the balancer currently believes healthy.
  std::size_t healthyBackends() const { return m_selector.healthyCount(); }
  /// How many backends it has (removed ones not counted).
  std::size_t backends() const { return m_selector.presentCount(); }

 private:
  enum Timer : std::uint32_t { HealthTick, ProbeTimeout, ForwardTimeout };

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

  // Configuration
  SimTime m_checkInterval = 0;
  SimTime m_checkTimeout = 0;
  std::uint32_t m_unhealthyThreshold = 1;
  std::uint32_t m_healthyThreshold = 1;
  SimTime m_timeout = 0;

  // State
  BackendSelector m_selector;
  std::vector<Probe> m_probes;     // parallel to the selector's backends
  std::vector<LinkId> m_backendLinks;  // kNoLink for a removed backend's slot
  SlotPool<Forward> m_forwards;
};

}  // namespace pillars
