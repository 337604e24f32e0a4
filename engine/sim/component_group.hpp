#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "engine/sim/figures.hpp"
#include "engine/sim/ids.hpp"
#include "engine/sim/series_column.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

/// Components that report together: a Raft group, a replica set, a shard map. What belongs
/// to the set as a whole (leader changes, availability, replication lag, keys moved) is said
/// once here instead of on every member, and results list it under `groups.<id>`.
///
/// The simulation owns its groups (Simulation::addGroup) and keeps them for its whole life,
/// so members may hold plain pointers to theirs. A group is bookkeeping, not a process: a
/// crash of any member leaves it alone.
class ComponentGroup {
 public:
  ComponentGroup(std::string id, std::string kind) : m_id(std::move(id)), m_kind(std::move(kind)) {}
  virtual ~ComponentGroup() = default;
  ComponentGroup(const ComponentGroup&) = delete;
  ComponentGroup& operator=(const ComponentGroup&) = delete;

  /// Unique among the simulation's groups: "raft:n1", "web", "kv-router".
  const std::string& id() const { return m_id; }
  /// What sort of group it is: "raft_group", "replica_set", "shard_map".
  const std::string& kind() const { return m_kind; }

  /// The members now, in a stable order (a replica set's change as it scales).
  virtual std::vector<ComponentId> members() const = 0;
  /// Whether component `id` is a member now.
  bool contains(ComponentId id) const {
    const std::vector<ComponentId> now = members();
    return std::find(now.begin(), now.end(), id) != now.end();
  }
  /// The group's own figures at `now`, over the measurement window.
  virtual std::vector<Figure> figures(SimTime /*now*/) const { return {}; }
  /// Columns the group adds to the time series, fixed for its life (see SeriesColumn).
  virtual std::vector<SeriesColumn> seriesColumns() const { return {}; }
  /// The current value of each of seriesColumns(), in order (running totals for rates).
  virtual void seriesValues(SimTime /*now*/, double* /*out*/) const {}
  /// Violations found in the group; each is reported once, here, not by a member.
  virtual std::vector<Violation> violations() const { return {}; }
  /// Warm-up ended: forget what was measured so far, keep the present state.
  virtual void resetMetrics(SimTime /*now*/) {}

 private:
  std::string m_id;
  std::string m_kind;
};

}  // namespace pillars
