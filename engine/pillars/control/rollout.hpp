#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sim/event_queue.hpp"
#include "engine/sim/ids.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

class Component;
class Simulation;

/// Deploys a replica set's second version, the way Kubernetes' Deployment controller (rolling)
/// and Argo Rollouts (canary with analysis) do, by adding and removing instances of the set
/// while the run goes on:
///  - rolling: at most replicas + max_surge instances at any time (surge rounded up) and at
///    least replicas - max_unavailable ready ones (unavailable rounded down); new instances are
///    added as room allows and old ones removed as the ready count allows, until every instance
///    is new;
///  - canary: the new version gets `canaryStep`% of the instances, then twice that, and so on to
///    100%; after each step has run `canaryInterval`, the new instances' error rate over that
///    window is checked against `canaryMaxErrorRate`; `canaryFailedChecks` failed checks roll
///    the set back: every new instance is removed and the old version restored. With
///    `canaryMaxP99` the window's p99 latency of the new instances must also stay at most that
///    (at most 1% of its answers slower, counted exactly against the threshold);
///  - blue/green (Argo Rollouts' blueGreen): a whole second set of `replicas` new instances
///    (green) starts beside the old (blue) on standby — up, but reporting itself unready, so
///    balancers send it nothing; once every green instance is up and past its start-up, the
///    switch is one step: green becomes ready and blue goes on standby, so traffic moves at the
///    balancers' next health checks. Blue is kept for `scaleDownDelay` (Argo's
///    scaleDownDelaySeconds), when a rollback is only a switch back, then removed.
/// A rollback can also be asked for at any time (the `rollback` action). The controller is
/// bookkeeping of the control plane, so no crash touches it; instances are ready when they
/// are up and healthy (past their start-up).
class Rollout final : public EventHandler {
 public:
  enum class Strategy { Rolling, Canary, BlueGreen };
  enum class Phase { Idle, Rolling, Analysing, Done, RolledBack };
  struct Config {
    Strategy strategy = Strategy::Rolling;
    std::size_t replicas = 1;
    double maxSurgePercent = 25;
    double maxUnavailablePercent = 25;
    double canaryStepPercent = 25;
    SimTime canaryInterval = 30 * kSecond;
    double canaryMaxErrorRatePercent = 5;
    std::uint32_t canaryFailedChecks = 1;
    SimTime canaryMaxP99 = 0;  // 0: latency not analysed
    SimTime scaleDownDelay = 30 * kSecond;
    /// An instance's start-up: a green instance up this long is ready but for its standby.
    SimTime startupTime = 0;
    /// How often the controller looks at the set (a Kubernetes controller reacts to events;
    /// a short period is the simulation's equivalent).
    SimTime tick = 500 * kMillisecond;
    /// How long an instance taken out keeps serving what reaches it before it is removed: it
    /// reports itself unready at once (the `terminate` action), so balancers stop sending to it,
    /// and requests in flight finish, as with Kubernetes' graceful termination.
    SimTime drainTime = 3 * kSecond;
  };
  /// The action an instance gets when it is taken out (it then fails its health checks).
  static constexpr std::string_view kTerminateAction = "terminate";
  /// Blue/green: an instance kept up but out of rotation (unready), and back in rotation.
  static constexpr std::string_view kStandbyAction = "standby";
  static constexpr std::string_view kActivateAction = "activate";
  /// Makes a new instance of the given version (1 old, 2 new), not yet added.
  using Factory = std::function<std::unique_ptr<Component>(int version, const std::string& name)>;

  /// One look at the set: when, how many instances of each version, and how many were ready.
  struct Sample {
    SimTime at = 0;
    std::uint32_t oldInstances = 0, newInstances = 0, draining = 0, ready = 0;
    std::uint32_t instances() const { return oldInstances + newInstances + draining; }
  };

  Rollout(Simulation& sim, std::string setId, Config config, Factory factory);

  /// Starts deploying version 2 over the set's current instances (all version 1).
  void start();
  /// Back to version 1: every new instance removed, old ones added back to `replicas`.
  void rollBack();
  /// `kubectl scale`: the set's desired count becomes `count` (>= 1), instances are added (copies
  /// of the newest) or taken out (gracefully, in the order Kubernetes' ReplicaSet picks them),
  /// and later rollouts keep the new count. Refused (false) while a rollout is under way, and
  /// for 0 or a set with no instance left to copy.
  bool scaleTo(std::size_t count);

  Phase phase() const { return m_phase; }
  const std::vector<Sample>& samples() const { return m_samples; }
  std::uint32_t failedChecks() const { return m_failedChecks; }
  /// The new version's share of the instances now, in percent.
  double newPercent() const;
  /// Surge and unavailability allowed, in instances, with Kubernetes' rounding.
  std::size_t maxSurge() const;
  std::size_t maxUnavailable() const;

  void handleEvent(std::uint32_t kind, std::uint64_t payload) override;

 private:
  void tick();
  void stepRolling();
  void stepCanary();
  void stepBlueGreen();
  /// Whether every green instance is up and past its start-up.
  bool greenReady() const;
  /// Whether a canary step's instances are all in place and ready.
  bool canaryStepInPlace(std::size_t wantNew);
  void analyse();
  void addInstance(int version);
  void removeInstance(std::vector<ComponentId>& from, std::size_t index);
  /// Drops instances that are gone (removed) from the lists.
  void forgetRemoved();
  bool ready(ComponentId id) const;
  std::size_t readyCount() const;
  void record();
  /// The new instances' counters so far: what the canary analysis compares over a window.
  struct Counts {
    std::uint64_t received = 0, failed = 0, completed = 0, slow = 0;  // slow: above canaryMaxP99
  };
  Counts newVersionCounts() const;

  enum Event : std::uint32_t { Tick, DrainDone };

  Simulation& m_sim;
  std::string m_setId;
  Config m_config;
  Factory m_factory;
  Phase m_phase = Phase::Idle;
  std::vector<ComponentId> m_old, m_new;
  std::vector<ComponentId> m_draining;  // taken out, removed once drained
  // Canary
  std::size_t m_step = 0;  // 1-based once started
  SimTime m_windowStart = -1;
  Counts m_window;  // the new instances' counters when the window began
  std::uint32_t m_failedChecks = 0;
  std::vector<Sample> m_samples;
  // Blue/green
  SimTime m_switchedAt = -1;  // -1: green not in rotation yet
};

}  // namespace pillars
