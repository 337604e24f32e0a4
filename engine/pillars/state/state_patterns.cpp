// The State pillar's patterns applied to a design: a replica of a store, a store sharded behind
// a router, a cache in front of a component.
#include "engine/pillars/state/state_patterns.hpp"

#include <algorithm>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/pillars/state/cache.hpp"
#include "engine/pillars/state/shard_router.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/review/pattern_edits.hpp"
#include "engine/review/topology_analysis.hpp"

namespace pillars::review {

/// A replica of a store is one more member of its replica set: a store with the same
/// settings, linked as a peer to every member, taking the set's writes from its leader (or
/// its coordinators) and caught up from a copy. Callers keep calling the set as before.
std::string addStoreReplica(Scenario& s, const std::string& target) {
  const std::vector<std::string> set = peerSetOf(analyzeTopology(s), target);
  const ComponentSpec copyOf = *s.findComponent(target);
  const std::string id = numberedAfter(s, target);
  const auto at = positionOf(copyOf);
  ComponentSpec& replica = addComponent(s, std::string(Store::kKind), id, target,
                                        {at.first + kCardRoomX, at.second + kStepDown});
  replica.params = copyOf.params;
  for (const std::string& member : set) addLink(s, member, id, nullptr);
  return {};
}

/// Sharding one store: a shard router in front of it (its callers now call the router), and a
/// second store of the same settings as the other shard, keys spread by consistent hashing
/// (adding a shard later moves about 1/n of them). The router's key space is the callers'.
std::string shardStore(Scenario& s, const std::string& target) {
  if (peerSetOf(analyzeTopology(s), target).size() > 1) {
    return target +
           " is one replica of a replica set: shard the set by hand, each shard a set of its own.";
  }
  for (std::size_t i : incomingLinks(s, target)) {
    const ComponentSpec* caller = s.findComponent(s.links[i].from);
    if (caller && caller->kind == ShardRouter::kKind)
      return target + " is already a shard of " + caller->id + ".";
  }
  // The clients' key space (a cache may stand between them and the store), at least one key.
  const std::int64_t keys = std::max<std::int64_t>(1, largestKeySpace(s));
  const std::string router = insertInFront(s, target, std::string(ShardRouter::kKind), "-router");
  ComponentSpec& r = *findMutable(s, router);
  r.params.set(*r.params.indexOf("strategy"), ParamValue{std::string("consistent_hash")});
  r.params.set(*r.params.indexOf("keys"), ParamValue{keys});
  const ComponentSpec copyOf = *s.findComponent(target);
  const std::string id = numberedAfter(s, target);
  const auto at = positionOf(copyOf);
  ComponentSpec& shard =
      addComponent(s, std::string(Store::kKind), id, target, {at.first, at.second + kStepDown});
  shard.params = copyOf.params;
  addLink(s, router, id, nullptr);
  return {};
}

std::string addCache(Scenario& s, const std::string& target) {
  for (std::size_t i : incomingLinks(s, target)) {
    const ComponentSpec* caller = s.findComponent(s.links[i].from);
    if (caller && caller->kind == Cache::kKind)
      return target + " already has a cache in front (" + caller->id + ").";
  }
  insertInFront(s, target, std::string(Cache::kKind), "-cache");
  return {};
}

}  // namespace pillars::review
