#pragma once

#include <string_view>
#include <vector>

#include "engine/review/evidence.hpp"

namespace pillars {
struct Scenario;
struct RunResults;
}  // namespace pillars

namespace pillars::review {

struct TopologyAnalysis;

/// The State pillar's evidence from the real kinds — `store` replica sets and shard routers —
/// and, after a run, what they did:
///  - `replication`: each store set, its mode (leader/follower with its acknowledgements, or a
///    leaderless N/W/R quorum) and zones;
///  - `partitioning`: each shard router's strategy, and after a run how evenly the load fell
///    and how many keys moved;
///  - `consistency_model`: strong or eventual, per set, from the rules (R + W > N without a
///    sloppy quorum; reads from the leader with synchronous acknowledgements or a lease), and
///    `stale_reads` measured against it;
///  - `conflict_resolution`: single writer, or last-writer-wins / siblings, and the conflicts
///    a run counted;
///  - `durability` and `lost_writes`: whether a crash keeps a replica's data, and the
///    acknowledged writes a run lost.
void stateStoreEvidence(const Scenario& scenario, const TopologyAnalysis& analysis, const RunResults* run,
                        std::vector<EvidenceItem>& out);

/// `caches`: the caches in the design.
void cacheEvidence(const Scenario& s, std::vector<EvidenceItem>& out);

/// Whether stateStoreEvidence describes the replication of a set of `kind` (a store set), so
/// the generic replication evidence leaves it alone.
bool describesReplicationOf(std::string_view kind);

}  // namespace pillars::review
