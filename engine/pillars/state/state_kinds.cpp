#include "engine/pillars/state/state_kinds.hpp"

#include <algorithm>
#include <string>

#include "engine/model/kind_builder.hpp"
#include "engine/model/scenario.hpp"
#include "engine/review/words.hpp"
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

/// The share of a cache's lookups that miss and go on to the store, for a key space of `keys`.
double cacheMissRatio(const ParamSet& p, double keys) {
  if (keys <= 0) return 1.0;
  return std::clamp(1.0 - static_cast<double>(p.integer("capacity")) / keys, 0.0, 1.0);
}

/// What a store replica set of `n` promises, and why: strong when every read must meet the last
/// acknowledged write (R + W > N without a sloppy quorum; leader reads with synchronous
/// acknowledgements or a lease), and a single writer unless it is leaderless.
DataGuarantee storeGuarantee(const ParamSet& p, std::size_t n) {
  DataGuarantee g;
  const bool leaderless = p.choice("replication") == "leaderless";
  if (n == 1 || !leaderless) {
    g.singleWriter = n == 1 ? "" : " (its leader; after a failover the new leader's lineage wins)";
  }
  if (n == 1) {
    g.strong = true;
    g.why = "one copy: every read sees the last write";
  } else if (leaderless) {
    const auto w = static_cast<std::size_t>(p.integer("write_quorum"));
    const auto r = static_cast<std::size_t>(p.integer("read_quorum"));
    const std::string quorums = "N=" + std::to_string(n) + ", W=" + std::to_string(w) + ", R=" + std::to_string(r);
    if (p.boolean("hinted_handoff")) {
      g.why = quorums + " with hinted handoff: a sloppy quorum may count stand-ins, so a read can miss the last write";
    } else {
      g.strong = r + w > n;
      g.why = quorums + (g.strong ? ": R + W > N, so every read quorum meets the last write's"
                                  : ": R + W <= N, so a read quorum can miss the last write");
    }
  } else if (p.choice("read_from") == "followers") {
    g.why = "reads from followers, which apply the leader's writes after a lag";
  } else if (p.choice("ack") == "sync" || p.duration("leader_lease") > 0) {
    g.strong = true;
    g.why = "reads and writes at the leader, which " +
            std::string(p.duration("leader_lease") > 0 ? "holds a lease, so a deposed one stops serving"
                                                       : "acknowledges only what every follower has");
  } else {
    g.why = "reads at the leader, but with " + p.choice("ack") +
            " acknowledgements a failover can go back on writes a reader saw";
  }
  return g;
}

}  // namespace

bool isStore(const Scenario& scenario, const std::string& id) {
  const ComponentSpec* c = scenario.findComponent(id);
  return c && c->kind == Store::kKind;
}

void registerStateKinds(ComponentRegistry& registry) {
  ComponentKind cache = kindFor<Cache>(Pillar::State, "Cache", "LRU look-aside cache in front of a data store");
  cache.passesLoad = LoadPassing{.passedShare = cacheMissRatio};  // its misses go on
  cache.pattern = KindPattern{"caching", "a cache", "caches", [](const Scenario& s, const ComponentSpec& c) {
                                const auto behind = s.targetsOf(c.id);
                                return behind.empty() ? c.id + " caches with nothing behind it"
                                                      : c.id + " in front of " + review::listInWords(behind);
                              }};
  registry.add(std::move(cache));

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
  store.dataGuarantee = storeGuarantee;
  registry.add(std::move(store));

  ComponentKind router = kindFor<ShardRouter>(
      Pillar::State, "Shard router",
      "Partitions keys over shards (stores or replica sets) by hash, consistent hash or range; "
      "shards can be added or removed while it runs");
  router.needsOutgoingLink = true;
  router.pattern = KindPattern{"sharding", "a shard router", "shard routers", {}};
  router.outgoingKinds = {std::string(Store::kKind)};
  router.actions = {std::string(ShardRouter::kAddShardAction), std::string(ShardRouter::kRemoveShardAction)};
  registry.add(std::move(router));
}

}  // namespace pillars
