#include "engine/pillars/state/state_kinds.hpp"

#include <string>

#include "engine/model/kind_builder.hpp"
#include "engine/pillars/state/cache.hpp"
#include "engine/pillars/state/shard_router.hpp"
#include "engine/pillars/state/store.hpp"

namespace pillars {

namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

/// A replica set is well formed when its members agree on how they replicate, and a
/// leaderless set's quorums fit in it.
std::vector<GroupProblem> checkReplicaSet(const std::vector<const ParamSet*>& members) {
  std::vector<GroupProblem> out;
  const std::string& mode = members.front()->choice("replication");
  const auto n = static_cast<std::int64_t>(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    const ParamSet& p = *members[i];
    if (p.choice("replication") != mode) {
      out.push_back({i, "replication",
                     "the stores of one replica set replicate one way; this one is " +
                         quoted(p.choice("replication")) + " but the set's first is " + quoted(mode)});
      continue;
    }
    if (mode == "leaderless") {
      for (const char* quorum : {"write_quorum", "read_quorum"}) {
        if (p.integer(quorum) > n) {
          out.push_back({i, quorum,
                         std::string("expected at most ") + std::to_string(n) + " (the replica set has " +
                             std::to_string(n) + " store" + (n == 1 ? "" : "s") + "), got " +
                             std::to_string(p.integer(quorum))});
        }
      }
    } else if (p.duration("leader_lease") > 0 && p.duration("failover_after") <= p.duration("leader_lease")) {
      out.push_back({i, "failover_after",
                     "a new leader must not be promoted before the old one's lease has run out: make "
                     "failover_after longer than leader_lease"});
    }
  }
  return out;
}

}  // namespace

void registerStateKinds(ComponentRegistry& registry) {
  registry.add(kindFor<Cache>(Pillar::State, "Cache", "LRU look-aside cache in front of a data store"));

  ComponentKind store = kindFor<Store>(
      Pillar::State, "Store",
      "One replica of a key-value store; stores linked to each other form a replica set "
      "(leader/follower or leaderless quorums)");
  // A set of one is a store without replicas; 15 members is as far as a quorum bitmask goes.
  store.peerGroupMin = 1;
  store.peerGroupMax = 15;
  store.routing = Routing::Peers;
  store.hasWorkers = true;
  store.hasQueue = true;
  store.actions = {std::string(Store::kFailoverAction)};
  store.checkPeerGroup = checkReplicaSet;
  registry.add(std::move(store));

  ComponentKind router = kindFor<ShardRouter>(
      Pillar::State, "Shard router",
      "Partitions keys over shards (stores or replica sets) by hash, consistent hash or range; "
      "shards can be added or removed while it runs");
  router.needsOutgoingLink = true;
  router.outgoingKinds = {std::string(Store::kKind)};
  router.actions = {std::string(ShardRouter::kAddShardAction), std::string(ShardRouter::kRemoveShardAction)};
  registry.add(std::move(router));
}

}  // namespace pillars
