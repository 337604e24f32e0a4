#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/state/key_table.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/ring_buffer.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

class KeyVersions;
class ReplicaSet;

/// One replica of a key-value store. Per key it holds the newest version it has applied (see
/// KeyVersions), in a flat table; reads and writes take work time on a pool of workers with a
/// FIFO queue, as a service's requests do. `durable` decides what a crash keeps: everything,
/// or nothing (a restarted replica then starts empty and catches up from its peers before it
/// serves again).
///
/// Stores linked to each other form a replica set (ReplicaSet), in one of two modes:
///  - leader/follower: one leader takes every write, applies it, appends it to the set's log
///    and streams it to the followers, which apply the log in order on one applier (so lag
///    builds up under load); the client's write is answered after `ack` = async (at once),
///    semi_sync (one follower applied it) or sync (all did). Followers forward writes, and
///    reads unless `read_from` is followers, to the leader. When a majority of the followers
///    has not heard from the leader for `failover_after`, the set promotes the follower with
///    the newest log; the old leader's writes it never received are lost. A `leader_lease`
///    makes a leader that cannot hear from a majority stop serving (CP).
///  - leaderless (Dynamo style): the store a request reaches coordinates it, sending it to
///    every replica and answering after `write_quorum` (W) acknowledgements or `read_quorum`
///    (R) replies, with the newest version read; `read_repair` writes that version back to
///    replicas that answered older ones; `hinted_handoff` makes the quorum sloppy: replicas
///    that do not answer in `replica_timeout` are replaced by hints the coordinator keeps (and
///    counts toward W) and hands back later. Concurrent writes of a key meet at replicas in
///    either order: the older one loses (last writer wins) or is kept beside it as a sibling.
class Store final : public Component {
 public:
  static constexpr std::string_view kKind = "store";
  /// The fault-timeline action that makes a leader/follower set fail over now.
  static constexpr std::string_view kFailoverAction = "failover";

  enum class Role { Follower, Leader, Recovering, Replica };
  enum class Mode { LeaderFollower, Leaderless };
  enum class Ack { Async, SemiSync, Sync };

  static std::vector<ParamSpec> paramSpecs();
  Store(const std::string& name, const ParamSet& params);
  ~Store() override;

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  bool intervene(const Intervention& what) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  void resetMetrics(SimTime now) override;

  // Read-only views, for the set, tests and live panels.
  Mode mode() const { return m_mode; }
  Role role() const { return m_role; }
  bool durable() const { return m_durable; }
  std::int64_t appliedIndex() const { return m_applied; }
  /// How long followers wait without a heartbeat before they report the leader silent.
  SimTime failoverAfter() const { return m_failoverAfter; }
  std::uint64_t epoch() const { return m_epoch; }
  /// The version of `key` this replica holds (0: none).
  std::uint64_t versionOf(std::uint64_t key) const;
  std::size_t keysHeld() const { return m_data.size(); }
  std::size_t hintsHeld() const { return m_hints.liveCount(); }
  std::uint32_t writeQuorum() const { return m_writeQuorum; }
  std::uint32_t readQuorum() const { return m_readQuorum; }
  const ReplicaSet* replicaSet() const { return m_set; }
  /// Calls fn(key, version) for every key held.
  template <typename Fn>
  void forEachKey(Fn&& fn) const {
    m_data.forEach([&](std::uint64_t key, const Cell& c) { fn(key, c.version); });
  }
  /// Calls fn(key, version) for every hint held for another member.
  template <typename Fn>
  void forEachHint(Fn&& fn) const {
    m_hints.forEachLive([&](SlotHandle, const Hint& h) { fn(h.key, h.version); });
  }

  // --- Called by the replica set ------------------------------------------------------------
  /// The orchestrator promotes this replica: it leads the set from now on, in `epoch`. The
  /// other members learn it from its heartbeats, the way they would from a real leader.
  void lead(std::uint64_t epoch);

  /// A key's state at this replica.
  struct Cell {
    std::uint64_t version = 0;
    std::uint32_t siblings = 0;  // concurrent older versions kept beside it (siblings mode)
  };

 private:
  enum Timer : std::uint32_t {
    JobDone, ApplyDone, Heartbeat, AckTimeout, CoordinationTimeout, HandoffTick, RecoveryTimeout,
  };
  enum class JobKind : std::uint8_t { Client, ReplicaWrite, ReplicaRead, LocalWrite, LocalRead };
  enum class Conflicts { LastWriterWins, Siblings };

  /// A client request in this store's hands, from arrival to answer.
  struct ClientOp {
    Message request;
    LinkId via = kNoLink;
    SimTime arrivedAt = 0;
    EventId timer;
    bool read = false;
    // Leader/follower: the log index a write waits to see acknowledged.
    std::int64_t index = 0;
    bool forwarded = false;
    // The version written (set at once for a migration write, which brings its own).
    std::uint64_t version = 0;
    // Leaderless coordination.
    std::uint32_t answered = 0;   // members that acknowledged or replied (bit per member)
    std::uint32_t count = 0;      // acknowledgements (and hints) or replies counted
    std::uint64_t best = 0;       // newest version read
    std::uint32_t served = 0;     // members that returned a version (bit per member)
    std::uint64_t seen[16] = {};  // version each member returned (read repair)
    bool replied = false;
    bool conflicted = false;
    bool timedOut = false;        // gave up on the peers; waits only for its own part
  };
  /// Work on a worker: a client request, or an operation a coordinator asked of this replica.
  struct Job {
    JobKind kind = JobKind::Client;
    SlotHandle op = kNoSlot;   // the ClientOp, for client and local jobs
    Message msg;               // the coordinator's request, for replica jobs
    LinkId via = kNoLink;
  };
  /// A write this replica accepted for a member that did not answer (hinted handoff).
  struct Hint {
    std::size_t owner = 0;
    std::uint64_t key = 0;
    std::uint64_t version = 0;
    SimTime sentAt = -1;  // -1: not sent since stored
  };
  /// A log entry received out of order, waiting for the ones before it.
  struct Pending {
    std::int64_t index = 0;  // 0: free
    std::uint64_t key = 0;
    std::uint64_t version = 0;
    SimTime appliedAtLeader = 0;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;
  void onRestart() override;

  // store.cpp: membership, workers, local data, answers
  void joinSet();
  LinkId peerLink(std::size_t member) const;
  void onClientRequest(const Message& msg, LinkId via);
  void enqueue(const Job& job);
  void beginJob(SlotHandle handle);
  void onJobDone(SlotHandle handle);
  /// Applies `version` of `key`: true if it is now the newest here.
  bool applyVersion(std::uint64_t key, std::uint64_t version);
  /// Answers the client (a versioned response, or an error: unavailable). `release` ends the
  /// op; a coordinator keeps it to count late replicas (repair, hints).
  void answerClient(SlotHandle op, bool success, std::uint64_t version, bool release = true);
  void refuse(const Message& msg, LinkId via);
  KeyVersions& versions();

  // store_leader_follower.cpp
  void handleAsLeaderOrFollower(SlotHandle op);
  void leaderWrite(SlotHandle op);
  void forwardToLeader(SlotHandle op);
  void onForwardAnswer(const Message& msg);
  bool leaseValid() const;
  void completeAcknowledgedWrites();
  void sendEntry(std::size_t member, std::int64_t index);
  void onReplicate(const Message& msg);
  void startApplying();
  void onApplied();
  void onReplicateAck(const Message& msg);
  void heartbeat();
  void onHeartbeat(const Message& msg, LinkId via);
  void onHeartbeatAck(const Message& msg);
  void acceptEpoch(std::uint64_t epoch, ComponentId leader);
  void stepDown();
  void sendSnapshotTo(std::size_t member);
  LinkId leaderLink() const;

  // store_leaderless.cpp
  void coordinate(SlotHandle op);
  void onReplicaRequest(const Message& msg, LinkId via);
  void finishReplicaJob(const Job& job);
  void onReplicaAnswer(const Message& msg);
  void countReplicaAnswer(SlotHandle op, std::size_t member, bool ok, std::uint64_t version);
  void onCoordinationTimeout(SlotHandle op);
  /// Every replica answered, or the peers were given up on and its own part is done: hints,
  /// the answer if not given yet, read repair.
  void finishCoordination(SlotHandle op);
  void readRepair(ClientOp& c);
  void storeHint(std::size_t owner, std::uint64_t key, std::uint64_t version);
  void handOffHints();
  void onHintAck(const Message& msg);

  // store_recovery.cpp
  void beginRecovery();
  void onSnapshotRequest(const Message& msg, LinkId via);
  void onSnapshot(const Message& msg);
  void finishRecovery();

  // Configuration
  Mode m_mode = Mode::LeaderFollower;
  std::int64_t m_workers = 1;
  std::int64_t m_queueCapacity = 0;
  Distribution m_readTime;
  Distribution m_writeTime;
  bool m_durable = true;
  Ack m_ack = Ack::Async;
  bool m_readFromFollowers = false;
  SimTime m_failoverAfter = 0;
  SimTime m_heartbeatInterval = 0;
  SimTime m_lease = 0;
  SimTime m_ackTimeout = 0;
  std::uint32_t m_writeQuorum = 1;
  std::uint32_t m_readQuorum = 1;
  SimTime m_replicaTimeout = 0;
  bool m_readRepair = true;
  bool m_hintedHandoff = false;
  Conflicts m_conflicts = Conflicts::LastWriterWins;
  SimTime m_handoffInterval = 0;
  std::size_t m_hintCapacity = 0;
  std::size_t m_logCapacity = 1;
  std::uint32_t m_responseSize = 0;

  // Data and work
  KeyTable<Cell> m_data;
  SlotPool<ClientOp> m_ops;
  SlotPool<Job> m_jobs;
  RingBuffer<SlotHandle> m_waiting;
  std::int64_t m_busy = 0;
  KeyVersions* m_versions = nullptr;  // the simulation's, found on first use

  // The set
  ReplicaSet* m_set = nullptr;  // owned by the simulation
  std::size_t m_member = 0;     // index in the set
  std::vector<LinkId> m_peerLinks;  // by member index; kNoLink for itself
  Role m_role = Role::Replica;

  // Leader/follower
  std::uint64_t m_epoch = 0;
  ComponentId m_leader = kNoComponent;
  std::int64_t m_applied = 0;          // log index applied here
  std::int64_t m_localLast = 0;        // a deposed leader's own index (its writes are discarded)
  std::int64_t m_received = 0;         // contiguous log index received (queued for the applier)
  std::vector<Pending> m_window;       // out-of-order entries, by index modulo its size
  RingBuffer<Pending> m_applyQueue;    // received in order, waiting for the applier
  bool m_applying = false;
  SimTime m_lastHeardFromLeader = 0;
  RingBuffer<SlotHandle> m_awaitingAcks;  // leader: writes in log order waiting for followers
  std::vector<std::int64_t> m_followerAcked;   // leader: by member, the index each applied
  std::vector<SimTime> m_followerHeard;        // leader: by member, when it last answered

  // Leaderless
  SlotPool<Hint> m_hints;
  std::vector<std::size_t> m_handoffSent;  // reused: hints sent per member this tick

  // Recovery
  std::uint32_t m_snapshotsAwaited = 0;  // members asked for a copy and not answered yet

  // Figures
  std::uint64_t m_reads = 0, m_writes = 0, m_unavailable = 0, m_conflictsHere = 0;
  // Writes it has applied (a newer version of any key), from the start or since it lost its
  // data: how far along the write history it is, for its card to compare with its peers'.
  std::uint64_t m_writesApplied = 0;
};

}  // namespace pillars
