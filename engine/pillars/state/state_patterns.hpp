#pragma once

#include <string>

namespace pillars {
struct Scenario;
}  // namespace pillars

namespace pillars::review {

// The State pillar's edits for the review's "apply" (apply_pattern.hpp). Each returns what was
// wrong, or empty; a refused edit may have left `s` half-changed (applyHint works on a copy).

/// A replica of a store is one more member of its replica set: a store with the same settings,
/// linked as a peer to every member; callers keep calling the set as before.
std::string addStoreReplica(Scenario& s, const std::string& target);
/// A shard router in front of the store (its callers now call the router) and a second store
/// of the same settings as the other shard, keys spread by consistent hashing.
std::string shardStore(Scenario& s, const std::string& target);
/// A cache "<target>-cache" between the target's callers and the target.
std::string addCache(Scenario& s, const std::string& target);

}  // namespace pillars::review
