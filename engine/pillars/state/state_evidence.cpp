#include "engine/pillars/state/state_evidence.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/pillars/state/cache.hpp"
#include "engine/pillars/state/shard_router.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/review/topology_analysis.hpp"
#include "engine/review/words.hpp"
#include "engine/run/run_results.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

namespace {

const ComponentSpec& first(const Scenario& s, const ReplicaSet& set) { return *s.findComponent(set.members.front()); }

std::string setName(const ReplicaSet& set) { return listInWords(set.members); }

/// What the set's rules promise, from its kind (a store's modes, Raft's majority).
DataGuarantee guaranteeOf(const ComponentSpec& c, std::size_t n) { return kindTraits(c.kind).dataGuarantee(c.params, n); }

const GroupResult* groupOf(const RunResults& run, const std::string& id) {
  for (const GroupResult& g : run.groups) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

std::string percentText(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g%%", 100 * fraction);
  return buf;
}

void replication(const Scenario& s, const std::vector<const ReplicaSet*>& sets, std::vector<EvidenceItem>& out) {
  std::vector<std::string> single;
  for (const ReplicaSet* set : sets) {
    const ComponentSpec& c = first(s, *set);
    const std::size_t n = set->factor();
    if (n == 1) {
      single.push_back(set->members.front());
      continue;
    }
    std::string how;
    if (c.params.choice("replication") == "leaderless") {
      how = "a leaderless store set of " + std::to_string(n) + " (" + setName(*set) + "): a write goes to all " +
            std::to_string(n) + " and is acknowledged after " + std::to_string(c.params.integer("write_quorum")) +
            ", a read asks " + std::to_string(c.params.integer("read_quorum"));
    } else {
      how = "a leader/follower store set of " + std::to_string(n) + " (" + setName(*set) + ", " + set->members.front() +
            " leading at the start) with " + c.params.choice("ack") + " acknowledgements, failing over after " +
            formatDuration(c.params.duration("failover_after")) + " of silence";
    }
    out.push_back({"replication", std::to_string(n), set->members.front() + ": " + how + ", " + set->whereInWords() + ".",
                   set->members, "yes", false});
  }
  if (single.empty()) return;
  out.push_back({"replication", "1",
                 listInWords(single) + (single.size() == 1 ? ": a single store" : ": single stores") +
                     ", no replica: a crash takes " + (single.size() == 1 ? "its" : "each one's") + " data offline.",
                 single, "no", false});
}

void durability(const Scenario& s, const std::vector<const ReplicaSet*>& sets, std::vector<EvidenceItem>& out) {
  std::vector<std::string> durable, volatileStores;
  for (const ReplicaSet* set : sets) {
    auto& into = first(s, *set).params.boolean("durable") ? durable : volatileStores;
    into.insert(into.end(), set->members.begin(), set->members.end());
  }
  std::string sentence;
  if (!durable.empty()) sentence += listInWords(durable) + (durable.size() == 1 ? " keeps its" : " keep their") + " data across a crash. ";
  if (!volatileStores.empty()) {
    sentence += listInWords(volatileStores) + (volatileStores.size() == 1 ? " loses its" : " lose their") +
                " data in a crash and catch up from a peer. ";
  }
  sentence += "Pillars models no backups: replication copies a mistake to every replica, so a backup outside the "
              "set is still needed.";
  std::vector<std::string> all = durable;
  all.insert(all.end(), volatileStores.begin(), volatileStores.end());
  out.push_back({"durability", volatileStores.empty() ? "durable" : durable.empty() ? "volatile" : "mixed", sentence, all,
                 "", false});
}

/// A cache in front of the data can serve what the stores no longer hold.
std::vector<std::string> staleCaches(const Scenario& s) {
  std::vector<std::string> out;
  for (const ComponentSpec& c : s.components) {
    if (c.kind != Cache::kKind) continue;
    const std::string& policy = c.params.choice("write_policy");
    if (policy == "read_only") out.push_back(c.id + " (read_only: it never learns of a write)");
    if (policy == "ttl") out.push_back(c.id + " (ttl: a copy may be " + formatDuration(c.params.duration("ttl")) + " old)");
    if (policy == "write_around" && !c.params.boolean("invalidate")) {
      out.push_back(c.id + " (write_around without invalidation: a copy stays until evicted)");
    }
  }
  return out;
}

void consistency(const Scenario& s, const std::vector<const ReplicaSet*>& sets, const RunResults* run,
                 std::vector<EvidenceItem>& out) {
  // Sets with the same reason are named together ("k1, k2 and k3 are strongly consistent (one
  // copy: ...)").
  std::vector<std::pair<std::string, std::vector<std::string>>> byReason;
  std::vector<std::string> ids;
  std::size_t strong = 0;
  for (const ReplicaSet* set : sets) {
    const DataGuarantee m = guaranteeOf(first(s, *set), set->factor());
    strong += m.strong ? 1 : 0;
    const std::string reason = std::string(m.strong ? "strongly consistent" : "eventually consistent") + " (" + m.why + ")";
    auto it = std::find_if(byReason.begin(), byReason.end(), [&](const auto& r) { return r.first == reason; });
    if (it == byReason.end()) it = byReason.insert(byReason.end(), {reason, {}});
    it->second.push_back(set->members.front());
    ids.insert(ids.end(), set->members.begin(), set->members.end());
  }
  std::vector<std::string> parts;
  for (const auto& [reason, names] : byReason) parts.push_back(listInWords(names) + (names.size() == 1 ? " is " : " are ") + reason);
  const std::vector<std::string> caches = staleCaches(s);
  std::string sentence = listInWords(parts) + ".";
  if (!caches.empty()) {
    sentence += std::string(" In front of ") + (sets.size() == 1 ? "it " : "them ") + listInWords(caches) + (caches.size() == 1 ? " serves" : " serve") +
                " data the stores may have replaced, so readers through " + (caches.size() == 1 ? "it" : "them") +
                " see it eventually.";
  }
  const bool allStrong = strong == sets.size() && caches.empty();
  // A cache that serves stale copies makes reads through it eventual, whatever is behind it.
  const std::string value = allStrong ? "strong" : strong == 0 || !caches.empty() ? "eventual" : "mixed";
  // Measured stale reads decide against a promise of strong consistency.
  std::uint64_t reads = 0, stale = 0;
  if (run) {
    for (const ComponentResult& c : run->components) {
      reads += static_cast<std::uint64_t>(figureNamed(c.extras, "reads"));
      stale += static_cast<std::uint64_t>(figureNamed(c.extras, "stale_reads"));
    }
  }
  const bool contradicted = stale > 0 && value == "strong";
  out.push_back({"consistency_model", value, sentence, ids, contradicted ? "" : value, false});
  if (run && reads > 0) {
    const double fraction = static_cast<double>(stale) / static_cast<double>(reads);
    std::string measured = "In the last run " + std::to_string(stale) + " of " + std::to_string(reads) + " reads (" +
                           percentText(fraction) + ") returned a version older than one already acknowledged";
    measured += stale == 0 ? ": no stale read." : contradicted ? ", so the data is not strongly consistent as configured." : ".";
    out.push_back({"stale_reads", std::to_string(stale), measured, {}, stale > 0 ? "eventual" : "", true});
  }
}

void conflicts(const Scenario& s, const std::vector<const ReplicaSet*>& sets, const RunResults* run,
               std::vector<EvidenceItem>& out) {
  std::vector<std::string> singleWriter, singleIds;
  for (const ReplicaSet* set : sets) {
    const ComponentSpec& c = first(s, *set);
    if (const DataGuarantee g = guaranteeOf(c, set->factor()); g.singleWriter) {
      singleWriter.push_back(set->members.front() + *g.singleWriter);
      singleIds.insert(singleIds.end(), set->members.begin(), set->members.end());
      continue;
    }
    std::string sentence = set->members.front() + " accepts writes at every replica; concurrent writes to a key are " +
                           (c.params.choice("conflict_resolution") == "lww" ? "resolved by last-writer-wins (the later version stays)"
                                                                            : "kept as siblings for the reader to merge");
    if (run) {
      if (const GroupResult* g = groupOf(*run, "replicas:" + set->members.front())) {
        const auto n = static_cast<std::uint64_t>(figureNamed(g->extras, "conflicts"));
        sentence += "; the last run counted " + std::to_string(n) + " conflict" + (n == 1 ? "" : "s");
      }
    }
    out.push_back({"conflict_resolution", c.params.choice("conflict_resolution"), sentence + ".", set->members, "yes", false});
  }
  if (singleWriter.empty()) return;
  out.push_back({"conflict_resolution", "single_writer",
                 "One writer per key at a time, so no write conflicts: " + listInWords(singleWriter) + ".", singleIds, "yes",
                 false});
}

void lostWrites(const std::vector<const ReplicaSet*>& sets, const RunResults& run, std::vector<EvidenceItem>& out) {
  for (const ReplicaSet* set : sets) {
    const GroupResult* g = groupOf(run, "replicas:" + set->members.front());
    if (!g) continue;
    const auto lost = static_cast<std::uint64_t>(figureNamed(g->extras, "lost_writes"));
    const auto failovers = static_cast<std::uint64_t>(figureNamed(g->extras, "failovers"));
    const std::string who = set->factor() == 1 ? set->members.front() : set->members.front() + "'s set";
    std::string sentence = "In the last run " + who + " lost " + std::to_string(lost) +
                           " acknowledged write" + (lost == 1 ? "" : "s");
    if (failovers > 0) sentence += " over " + std::to_string(failovers) + " failover" + (failovers == 1 ? "" : "s");
    sentence += lost == 0 ? ": every write a client was told succeeded is still held." : ": clients were told they succeeded, and no replica holds them.";
    out.push_back({"lost_writes", std::to_string(lost), sentence, set->members, "", true});
  }
}

void shardRouters(const Scenario& s, const RunResults* run, std::vector<EvidenceItem>& out) {
  for (const ComponentSpec& c : s.components) {
    if (c.kind != ShardRouter::kKind) continue;
    const std::vector<std::string> shards = s.targetsOf(c.id);
    const std::string& strategy = c.params.choice("strategy");
    std::string how = strategy == "consistent_hash" ? "consistent hashing (" + std::to_string(c.params.integer("vnodes")) + " points per shard)"
                      : strategy == "range"         ? "key ranges"
                                                    : "hash mod N (adding a shard moves most keys)";
    std::string sentence = c.id + " partitions keys over " + listInWords(shards) + " by " + how + ".";
    if (run) {
      for (const ComponentResult& r : run->components) {
        if (r.id != c.id) continue;
        char buf[160];
        std::snprintf(buf, sizeof buf, " In the last run the busiest shard carried %.2f times the mean load; %.0f keys moved.",
                      figureNamed(r.extras, "max_mean_load"), figureNamed(r.extras, "keys_moved"));
        sentence += buf;
      }
    }
    out.push_back({"partitioning", strategy, sentence, {c.id}, "yes", false});
  }
}

}  // namespace

void cacheEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  std::vector<std::string> caches;
  for (const auto* c : s.componentsOfKind(Cache::kKind)) caches.push_back(c->id);
  out.push_back({"caches", std::to_string(caches.size()),
                 caches.empty() ? "No cache in the design." : "Caches: " + listInWords(caches) + ".", caches, "", false});
}

bool describesReplicationOf(std::string_view kind) { return kind == Store::kKind; }

void stateStoreEvidence(const Scenario& scenario, const TopologyAnalysis& analysis, const RunResults* run,
                        std::vector<EvidenceItem>& out) {
  std::vector<const ReplicaSet*> stores, data;  // data: every set whose kind promises something
  for (const ReplicaSet& set : analysis.replicaSets) {
    if (describesReplicationOf(set.kind)) stores.push_back(&set);
    if (kindTraits(set.kind).dataGuarantee) data.push_back(&set);
  }
  replication(scenario, stores, out);
  shardRouters(scenario, run, out);
  if (!stores.empty()) durability(scenario, stores, out);
  if (data.empty()) return;
  consistency(scenario, data, run, out);
  conflicts(scenario, data, run, out);
  if (run) lostWrites(stores, *run, out);
}

}  // namespace pillars::review
