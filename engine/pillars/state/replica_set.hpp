#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "engine/metrics/latency_histogram.hpp"
#include "engine/metrics/time_weighted.hpp"
#include "engine/pillars/state/snapshot_table.hpp"
#include "engine/sim/component_group.hpp"
#include "engine/sim/ring_buffer.hpp"

namespace pillars {

class Simulation;
class Store;

/// The stores linked to each other: one replica set, created by the first member to start and
/// owned by the simulation. It keeps what the set shares and what an observer sees of it:
///  - leader/follower: who leads in which epoch, the log (the writes of the current lineage, a
///    window of the newest `log_capacity` ones: followers read their catch-up from it), and
///    failover, decided like an external orchestrator (Orchestrator for MySQL, Patroni, Redis
///    Sentinel) once a majority of the followers report the leader silent for `failover_after`;
///  - the copies that catching-up replicas fetch (SnapshotTable);
///  - the figures: writes lost at failovers, replication lag, conflicts, refused requests,
///    and how much of the time a quorum of the members was up.
class ReplicaSet final : public ComponentGroup {
 public:
  /// One write of the log.
  struct Entry {
    std::uint64_t key = 0;
    std::uint64_t version = 0;
    SimTime appliedAt = 0;  // when the leader applied it
  };

  ReplicaSet(Simulation& sim, std::vector<Store*> members, std::size_t logCapacity);

  std::vector<ComponentId> members() const override;
  std::vector<Figure> figures(SimTime now) const override;
  std::vector<SeriesColumn> seriesColumns() const override;
  void seriesValues(SimTime now, double* out) const override;
  void resetMetrics(SimTime now) override;

  std::size_t size() const { return m_members.size(); }
  Store& member(std::size_t i) const { return *m_members[i]; }
  /// The member index of a component, or size().
  std::size_t indexOf(ComponentId id) const;
  /// Members that must be up for the set to serve: the leader (1) or max(W, R).
  std::size_t quorum() const { return m_quorum; }

  // --- Leader/follower ------------------------------------------------------------------------
  std::size_t leader() const { return m_leader; }
  std::uint64_t epoch() const { return m_epoch; }
  std::int64_t lastIndex() const { return m_last; }
  /// The oldest log index still kept (a follower behind it needs a copy).
  std::int64_t firstIndex() const { return m_last - static_cast<std::int64_t>(m_log.size()) + 1; }
  const Entry& entry(std::int64_t index) const { return m_log.at(static_cast<std::size_t>(index - firstIndex())); }
  /// A leader of `epoch` applied a write. In the current epoch it becomes the log's next entry
  /// and its index is returned; from a deposed leader that has not yet learned of a newer
  /// epoch (cut off without a lease) it belongs to a dead lineage: it is discarded at once,
  /// and 0 is returned.
  std::int64_t append(const Entry& e, std::uint64_t epoch);
  /// The log index at which `epoch`'s lineage left its predecessor's (0 for the first): a
  /// member that applied beyond it in an older epoch holds writes the set discarded.
  std::int64_t lineageStart(std::uint64_t epoch) const;
  /// The current leader lost its data on a restart: a follower takes over, or, with none to
  /// take over, the whole lineage is gone and the empty member leads a new epoch.
  void leaderLostData();
  /// `member` has not heard from the leader for failover_after (it asks again while silent).
  void suspectLeader(std::size_t member);
  /// Promotes the up follower with the newest log now; false when there is none. `automatic`:
  /// the set decided it (the leader was lost), rather than an operator asking for a switchover.
  bool failover(bool automatic = false);
  /// A member crashed or came back (availability, and a leader that lost its data).
  void memberDown(std::size_t member);
  void memberUp(std::size_t member);
  /// A member lost its data (a crash of a replica that is not durable): from now on acknowledged
  /// writes may be gone from every replica, so lostWrites() has to look.
  void memberLostData() { ++m_dataLosses; }

  /// One failover and what it cost: the self-healing report's incident for a store set.
  struct Failover {
    std::size_t oldLeader = 0, newLeader = 0;
    bool automatic = false;  // false: an operator's switchover, not a repair
    SimTime failedAt = 0;    // the leader crashed, or (cut off while up) was last heard of
    SimTime promotedAt = 0;  // the sentinels agreed it was gone and promoted a follower at once
    /// Acknowledged writes the new lineage discarded; grows while their acknowledgements land.
    std::uint64_t lostWrites = 0;
  };
  /// Every failover so far, in order (kept across warm-up: incidents are the whole run's).
  const std::deque<Failover>& failovers() const { return m_failoverLog; }

  // --- Accounting -------------------------------------------------------------------------------
  SnapshotTable& snapshots() { return m_snapshots; }
  void recordLag(SimTime lag) {
    m_lag.record(lag);
    m_intervalLag.record(lag);
  }
  void countConflict() { ++m_conflicts; }
  void countUnavailable() { ++m_unavailable; }
  void countReadRepair() { ++m_readRepairs; }
  void countHint(bool stored) { ++(stored ? m_hintsStored : m_hintsDropped); }
  void countHandoff() { ++m_handoffs; }
  /// Acknowledged writes no replica holds any more (or anything newer of their key).
  std::uint64_t lostWrites() const;
  /// Whether every up member holds the same version of every key.
  bool converged() const;

 private:
  void updateAvailability();

  Simulation& m_sim;
  std::vector<Store*> m_members;
  std::size_t m_quorum = 1;

  std::size_t m_leader = 0;
  std::uint64_t m_epoch = 1;
  std::uint32_t m_suspicions = 0;  // bit per follower, in the current epoch
  RingBuffer<Entry> m_log;
  std::size_t m_logCapacity;
  std::int64_t m_last = 0;
  std::vector<std::int64_t> m_lineageStarts{0, 0};  // by epoch (epoch 0 unused)
  /// A write cut off the lineage: lost if a client was told it succeeded (KeyVersions counts
  /// it into `lost`).
  void discard(const Entry& e, std::uint64_t* lost);
  /// When the leader's trouble began, for a failover now: its crash, or, while it is up but
  /// silent to the followers, the last heartbeat they heard (failover_after before the first
  /// suspicion).
  SimTime leaderFailedAt() const;
  /// Leader/follower: acknowledged writes discarded. A deque, so KeyVersions may keep the
  /// address of each failover's counter while later acknowledgements land.
  std::deque<Failover> m_failoverLog;
  std::uint64_t m_lostOutsideFailovers = 0;  // a lone leader restarted empty, or a deposed one
  std::uint64_t lostDiscarded() const;

  SnapshotTable m_snapshots;
  std::vector<bool> m_up;
  std::vector<SimTime> m_downAt, m_upAt;  // each member's last crash and restart, -1: none
  SimTime m_firstSuspicionAt = -1;        // in the current epoch
  TimeWeightedValue m_available;  // 1 while a quorum is up

  LatencyHistogram m_lag;
  // Read and emptied once per row by the sampler (seriesValues), which owns the interval.
  mutable LatencyHistogram m_intervalLag;
  std::uint64_t m_failovers = 0, m_conflicts = 0, m_unavailable = 0, m_readRepairs = 0;
  std::uint64_t m_hintsStored = 0, m_hintsDropped = 0, m_handoffs = 0;
  std::uint64_t m_dataLosses = 0;  // leaderless: with none, no acknowledged write can be lost
  std::uint64_t m_lostAtReset = 0;  // measured since warm-up
};

}  // namespace pillars
