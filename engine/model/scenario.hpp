#pragma once

#include <cstdint>
#include <optional>
#include <string>
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
  std::string id;
  std::string kind;  // "zone" or "region"
  std::string label;
  std::vector<std::string> members;  // component ids
  std::string parent;                // enclosing group id, or empty
};

enum class FaultAction { Crash, Restart, Cut, Heal };
std::string_view faultActionName(FaultAction action);

/// One entry of the fault timeline. `target` names a component or a group for crash/restart,
/// a link id for cut/heal.
struct FaultSpec {
  SimTime at = 0;
  FaultAction action = FaultAction::Crash;
  std::string target;
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
};

}  // namespace pillars
