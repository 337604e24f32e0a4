#pragma once

#include <QString>

#include <cstdint>

namespace pillars {

class Component;

/// A replica set's instances summed up for its one stacked card while a run plays: how many
/// there are now (an autoscaler or a rollout changes that), how many are up and ready, and
/// their work together. Filled afresh each frame from the instances' own state.
struct ReplicaSetTally {
  int instances = 0;
  int up = 0;
  int ready = 0;      // up and passing its health checks (started, not failing)
  double busy = 0;    // workers busy now, over the up instances
  double capacity = 0;
  double queue = 0;   // requests waiting, over the up instances
  std::uint64_t turnedAway = 0;  // requests the instances there now have turned away so far

  void add(const Component& instance);
  /// Busy workers over the up instances' workers, 0..1.
  double utilization() const { return capacity > 0 ? busy / capacity : 0.0; }
  /// The card's badge: "4/6 ready" while instances are down or starting, "×8 now" when the set
  /// has grown or shrunk from the `designed` count, else nothing.
  QString badge(std::int64_t designed) const;
};

}  // namespace pillars
