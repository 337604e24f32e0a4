#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/pillars/intelligence/slo_monitor.hpp"
#include "engine/sim/simulation_extension.hpp"

namespace pillars {

class ParamSet;

/// A service's SLOs as its callers' monitoring sees them: one per service of the design, not
/// per process, so a replica set of six instances has one availability SLO over the outcomes of
/// all six (instances that join later, started by an autoscaler or a rollout, included) and one
/// set of alerts, named after the set. Kept once per simulation: the alerts outlive any instance.
class ServiceSlos final : public SimulationExtension {
 public:
  struct Slos {
    std::string service;  // the scenario id: "web"
    std::unique_ptr<SloMonitor> availability;  // null: none asked for
    std::unique_ptr<SloMonitor> latency;
    /// Every alert of both, in firing order.
    std::vector<AlertRecord> alerts() const;
    /// Alerts firing now, over both.
    std::size_t firing() const;
  };

  /// Whether `params` (a service's) ask for an SLO at all.
  static bool wanted(const ParamSet& params);
  /// The SLOs of `service` (a scenario id), made from `params` by its first instance to ask and
  /// started in `sim`; `metrics` (the asking instance's) join the availability SLO.
  Slos& join(Simulation& sim, std::string_view service, const ParamSet& params, const ComponentMetrics& metrics);
  const std::vector<std::unique_ptr<Slos>>& all() const { return m_slos; }

 private:
  std::vector<std::unique_ptr<Slos>> m_slos;
};

}  // namespace pillars
