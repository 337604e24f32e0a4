#pragma once
// The CAP trade-off of one store replica set, measured rather than recited: the design runs
// twice on the same seed and the same fault timeline, once with the set configured for
// consistency (CP) and once for availability (AP), with one replica partitioned from its
// peers in the middle of the run when the timeline has no partition of its own. Brewer's
// theorem says one of the two must give during the partition; the figures say which and how
// much: requests refused against stale reads.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "engine/model/scenario.hpp"

namespace pillars {

class ComponentRegistry;

/// One configuration's run.
struct CapSide {
  std::string label;                   // "CP: R = W = 2 of 3, no sloppy quorum"
  std::vector<std::string> overrides;  // what it set, as `--set` assignments
  std::uint64_t answered = 0;          // requests the clients got an answer to
  std::uint64_t refused = 0;           // failed or timed out at the clients
  std::uint64_t reads = 0, staleReads = 0;
  std::uint64_t lostWrites = 0;
  std::uint64_t unavailable = 0;       // refused by the set for lack of a quorum or a leader
  bool converged = true;               // every replica holds the same versions at the end (leaderless)
  double availability() const {
    const std::uint64_t all = answered + refused;
    return all == 0 ? 1.0 : static_cast<double>(answered) / static_cast<double>(all);
  }
  double staleFraction() const { return reads == 0 ? 0.0 : static_cast<double>(staleReads) / static_cast<double>(reads); }
};

struct CapExperiment {
  std::vector<std::string> members;  // the replica set, its first member naming it
  std::string mode;                  // "leaderless" or "leader_follower"
  /// The partition in words ("s3 cut off from s1 and s2 from 15 s to 30 s"); `addedPartition`
  /// when the experiment added it because the design's own timeline had none.
  std::string partition;
  bool addedPartition = false;
  CapSide cp, ap;
};

/// Runs the experiment on the replica set of store `storeId` (empty: the first store of the
/// design), or says why it cannot: no store, a set of one, a design that does not load.
std::variant<CapExperiment, std::string> runCapExperiment(const Scenario& scenario, const ComponentRegistry& registry,
                                                          const std::string& storeId);

/// The two configurations side by side as a text table (the CLI's `cap` command prints it).
std::string formatCapExperiment(const CapExperiment& experiment);

}  // namespace pillars
