#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

/// A component as the user described it.
struct ComponentSpec {
  std::string id;
  std::string kind;
  ParamSet params;
  /// Where the editor drew it; meaningless to the engine.
  std::optional<std::pair<double, double>> position;
};

/// A link as the user described it: `from` calls `to`.
struct LinkSpec {
  std::string id;  // defaults to "from->to"
  std::string from;
  std::string to;
  ParamSet params;
};

/// A zone or region: a named set of components (and nested groups) that fail together.
struct GroupSpec {
  /// The two sorts of group a design draws: a zone (fails as one) or a region (holds zones).
  static constexpr std::string_view kZone = "zone";
  static constexpr std::string_view kRegion = "region";

  std::string id;
  std::string kind;  // kZone or kRegion
  std::string label;
  std::vector<std::string> members;  // component ids
  std::string parent;                // enclosing group id, or empty

  bool isZone() const { return kind == kZone; }
  bool isRegion() const { return kind == kRegion; }
};

/// What a fault does. Crash/restart and cut/heal are outages; slow, delay and loss degrade a
/// component or a link without taking it down, and carry one value (see FaultSpec).
/// Timeout is Raft's: the target raft_nodes start an election at once (RaftNode::timeoutNow).
/// Failover is a leader/follower store set's: promote a follower now. Rollout and Rollback are a
/// replicated service's: start deploying its second version, or go back to the first. AddShard and RemoveShard
/// are a shard router's: take its next standby shard into use, or drain its last one. Scale is a
/// service's too: its replica set is brought to `replicas` instances (as `kubectl scale`).
enum class FaultAction {
  Crash, Restart, Cut, Heal, Slow, Delay, Loss, Timeout, Failover, AddShard, RemoveShard, Rollout, Rollback, Scale
};
std::string_view faultActionName(FaultAction action);
/// The most instances a replica set may have: a service's `replicas`, a scale fault's value.
inline constexpr int kMaxReplicas = 1000;
/// The action called `name` in scenario files ("crash", "slow", ...), if there is one.
std::optional<FaultAction> faultActionFromName(std::string_view name);
/// Whether the action's target is a link id (cut, heal, delay, loss) rather than a component
/// or group id (crash, restart, slow).
bool faultTargetsLink(FaultAction action);
/// Whether the action is a kind's own (Raft's "timeout") rather than one every component or
/// link takes: only kinds listing it in ComponentKind::actions accept it.
bool faultIsKindAction(FaultAction action);

/// The scenario-file field holding the action's value: "factor" (slow), "latency" (delay),
/// "probability" (loss), "replicas" (scale), or empty for actions without a value.
std::string_view faultValueField(FaultAction action);

/// One entry of the fault timeline. `target` names a component or a group for crash, restart
/// and slow, a link id for cut, heal, delay and loss.
struct FaultSpec {
  SimTime at = 0;
  FaultAction action = FaultAction::Crash;
  std::string target;
  /// slow: the factor service times are multiplied by (>= 1; 1 restores normal speed).
  /// loss: the link's new loss probability (0 to 1). scale: the instance count, a whole
  /// number from 1 to 1000. Unused (0) by the other actions.
  double value = 0.0;
  /// delay: constant latency added to every message on the link (0 removes it). Unused (0)
  /// by the other actions. A SimTime, not seconds in `value`, so it stays exact to the ns.
  SimTime latency = 0;

  bool operator==(const FaultSpec&) const = default;
};

/// Everything needed to run an experiment: the topology, how long, which seed, which faults.
struct Scenario {
  static constexpr int kFormatVersion = 1;

  std::string name;
  std::string description;
  /// Master seed, 0 to 2^63 - 1 (what a JSON integer holds exactly).
  std::uint64_t seed = 1;
  SimTime duration = 60 * kSecond;
  /// Measurements restart when warm-up ends, so start-up transients don't bias results.
  SimTime warmup = 0;
  /// Spacing of the time series; 0 disables it.
  SimTime metricsInterval = kSecond;
  std::vector<ComponentSpec> components;
  std::vector<LinkSpec> links;
  std::vector<GroupSpec> groups;
  std::vector<FaultSpec> faults;

  const ComponentSpec* findComponent(std::string_view id) const;
  const LinkSpec* findLink(std::string_view id) const;
  const GroupSpec* findGroup(std::string_view id) const;
  /// Component ids of a group, including those of nested groups, in declaration order.
  std::vector<std::string> groupMembers(std::string_view groupId) const;
  /// The components of `kind`, in declaration order (pillar code asks with its kinds' kKind).
  std::vector<const ComponentSpec*> componentsOfKind(std::string_view kind) const;
  /// The ids the links of component `id` lead to, in link order (a balancer's backends, a
  /// shard router's shards, what a chaos monkey attacks).
  std::vector<std::string> targetsOf(std::string_view id) const;
};

}  // namespace pillars
