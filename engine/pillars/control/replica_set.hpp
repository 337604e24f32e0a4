#pragma once
// What every controller of a replica set (a rollout, a scale, the autoscaler) asks of its
// instances, answered one way for all of them.

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/sim/ids.hpp"

namespace pillars {

class Simulation;

/// Whether an instance takes traffic: up, not removed and healthy (past its start-up, passing
/// its readiness probe, not terminating, not on standby).
bool instanceReady(const Simulation& sim, ComponentId id);

/// Which of `live` (in id order, so the newest last; not empty) to take out first, as
/// Kubernetes' ReplicaSet controller picks pods to delete: a failed one, then one not ready,
/// then the newest.
std::size_t instanceToRemove(const Simulation& sim, const std::vector<ComponentId>& live);

/// Adds one more instance of set `setId`, a copy of `like` (its configuration and release, its
/// links; controllers pass the newest, so a set that rolled out grows in the new release): the
/// new instance, or kNoComponent when `like`'s kind cannot be replicated.
ComponentId addCopyOf(Simulation& sim, std::string_view setId, ComponentId like);

}  // namespace pillars
