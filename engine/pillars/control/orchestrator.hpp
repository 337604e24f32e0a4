#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/pillars/control/restart_backoff.hpp"
#include "engine/pillars/control/rollout.hpp"
#include "engine/sim/event_queue.hpp"
#include "engine/sim/ids.hpp"
#include "engine/sim/simulation_extension.hpp"

namespace pillars {

class Simulation;

/// What keeps a replica set's instances running, as a Kubernetes controller and kubelet do for
/// pods with `restartPolicy: Always`: an instance that exits (a crash, a failed start) is
/// restarted after its CrashLoopBackOff wait. It is simulation bookkeeping rather than a
/// component, so no crash touches it: the control plane is assumed up.
///
/// Instances enlist themselves when they first start (Service with `restart_policy: always`)
/// and report each start and exit; the orchestrator schedules the restart and keeps a log of
/// them that tests and the results read.
class Orchestrator final : public SimulationExtension, public EventHandler {
 public:
  struct Restart {
    ComponentId instance = kNoComponent;
    SimTime exitedAt = 0;
    SimTime restartAt = 0;
  };

  /// One failure of an instance and its repair, for the self-healing report: from the exit
  /// (a crash or a failed start; the kubelet sees a process exit at once, so it is detected
  /// when it happens) through the restarts to the moment the instance is ready again. A failed
  /// start during the repair belongs to the same incident.
  struct Incident {
    ComponentId instance = kNoComponent;
    SimTime failedAt = 0;
    SimTime restartedAt = -1;  // the first restart; -1 while none yet
    SimTime readyAt = -1;      // -1 while not repaired
    std::uint32_t exits = 0;   // exits within the incident (1 + failed starts)
    std::uint64_t requestsLost = 0;  // in flight or queued in the instance when it exited
  };

  /// Enlists `instance` (once; later calls only note a start) of `sim`.
  void watch(Simulation& sim, ComponentId instance, const RestartBackoff::Config& backoff);
  /// The instance (re)started at `now`.
  void started(ComponentId instance, SimTime now);
  /// The instance exited at `now`, losing `requestsLost`: schedules its restart.
  void exited(ComponentId instance, SimTime now, std::uint64_t requestsLost = 0);
  /// The instance is ready to serve at `now` (its start-up is over): ends its incident.
  void ready(ComponentId instance, SimTime now);
  /// Every incident so far, in the order the failures happened.
  const std::vector<Incident>& incidents() const { return m_incidents; }

  void handleEvent(std::uint32_t kind, std::uint64_t payload) override;

  /// Every restart scheduled so far, in the order the exits happened.
  const std::vector<Restart>& restarts() const { return m_restarts; }
  /// Restarts of one instance so far (Kubernetes' RESTARTS column).
  std::uint32_t restartCount(ComponentId instance) const;
  /// The instance's current CrashLoopBackOff wait (0 before its first exit).
  SimTime backoff(ComponentId instance) const;

  /// The rollout controller of replica set `setId`, made by `make` the first time.
  Rollout& rollout(std::string_view setId, const std::function<std::unique_ptr<Rollout>()>& make);
  /// The set's rollout controller, if one was ever made.
  const Rollout* findRollout(std::string_view setId) const;

 private:
  struct Watched {
    bool enlisted = false;
    RestartBackoff backoff;
    std::uint32_t restarts = 0;
    std::ptrdiff_t incident = -1;  // its open incident in m_incidents
  };
  Watched* find(ComponentId instance);

  Simulation* m_sim = nullptr;
  std::vector<Watched> m_instances;  // indexed by ComponentId
  std::vector<Restart> m_restarts;
  std::vector<Incident> m_incidents;
  std::vector<std::pair<std::string, std::unique_ptr<Rollout>>> m_rollouts;
};

}  // namespace pillars
