#pragma once

#include <cstdint>
#include <string_view>
#include <memory>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/truth/raft_entry.hpp"
#include "engine/pillars/truth/raft_kv_store.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/ring_buffer.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

class RaftGroup;

/// A member of a Raft consensus group (Ongaro & Ousterhout, "In Search of an Understandable
/// Consensus Algorithm", 2014): leader election with randomized timeouts, log replication with
/// the AppendEntries consistency check, the current-term commit rule and in-order apply.
///
/// The group is every raft_node linked to this one (links carry both directions). Requests
/// from clients or routers are appended by the leader and answered once applied; a follower
/// forwards them to the leader it knows and relays the answer, or answers Unavailable.
///
/// Persistent state (survives crash and restart): current term, vote and log. Everything else
/// (role, commit index, applied index, per-peer progress, timers, pending requests) is lost in
/// a crash. Writes to stable storage are taken as instantaneous. There is no log compaction.
///
/// Besides the paper's core the node has two well-known additions from Ongaro's thesis: a new
/// leader appends a no-op entry so entries of earlier terms commit promptly (section 8 of the
/// paper), and, with check_quorum, a leader that has not heard from a majority for an election
/// timeout steps down, so a partitioned leader stops taking requests it could never commit.
///
/// `bug: vote_without_log_check` deliberately breaks the RequestVote rule (votes are granted
/// without the up-to-date-log check), for the safety checker to catch: it is for teaching.
///
/// State machine: a key-value register per key (RaftKvStore). A client request whose arg1 is 1
/// is a read of its key, any other a write of its request id to its key. Both are log entries,
/// answered once applied, so reads are linearizable; a read's answer carries the value in arg1.
/// `bug: stale_reads` lets any node answer a read at once from its own state machine, without
/// the log, which a follower that lags behind turns into stale reads the history check catches.
class RaftNode final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "raft_node";
  /// The fault-timeline action that calls timeoutNow().
  static constexpr std::string_view kTimeoutAction = "timeout";
  enum class Role { Follower, Candidate, Leader };

  static std::vector<ParamSpec> paramSpecs();
  RaftNode(const std::string& name, const ParamSet& params);
  ~RaftNode() override;

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  void resetMetrics(SimTime now) override;

  // Read-only views, for the group, tests and live panels.
  Role role() const { return m_role; }
  std::int64_t currentTerm() const { return m_term; }
  std::int64_t commitIndex() const { return m_commitIndex; }
  std::int64_t lastApplied() const { return m_lastApplied; }
  std::int64_t lastLogIndex() const { return static_cast<std::int64_t>(m_log.size()); }
  const std::vector<RaftEntry>& log() const { return m_log; }
  ComponentId votedFor() const { return m_votedFor; }
  ComponentId knownLeader() const { return m_leader; }
  std::uint64_t electionsStarted() const { return m_electionsStarted; }
  const RaftGroup* group() const { return m_group; }
  /// As leader: the latest time by which a majority (itself included) had been heard from.
  SimTime lastQuorumContact() const;
  /// When a follower or candidate starts an election unless a leader or a vote resets it
  /// first, and the random timeout that deadline was drawn with (for the app's timer arc).
  /// Meaningless for a leader, which has no election timer.
  SimTime electionDeadline() const { return m_electionDeadline; }
  SimTime electionTimeout() const { return m_electionTimeout; }
  /// The term of log entry `index` (1-based), 0 for index 0 or out of range.
  std::int64_t termOf(std::int64_t index) const {
    return index < 1 || index > lastLogIndex() ? 0 : termAt(index);
  }

  // Interventions by hand (the app's context menu); both act now, at the current time.
  /// Starts an election at once, as if the election timer had just fired: term + 1, a vote
  /// for itself, RequestVote to every peer. False (nothing done) for a leader, which has no
  /// election timer, or a crashed node.
  bool timeoutNow();
  bool intervene(const Intervention& what) override { return what.action == kTimeoutAction && timeoutNow(); }
  /// A request typed in at this node as if by a client: a leader appends it to its log and
  /// replicates it; a follower that knows a leader forwards it there (the answer is dropped,
  /// nobody waits for it). Its command id has the top bit set so it never equals a client's
  /// request id. False (nothing done) when crashed, or a follower or candidate knows no leader.
  bool submitCommand();
  static constexpr std::uint64_t kHandCommandBit = std::uint64_t{1} << 63;
  std::uint64_t handCommands() const { return m_handCommands; }

 private:
  enum Timer : std::uint32_t { ElectionCheck, HeartbeatTick, ApplyDone };
  enum class Bug { None, VoteWithoutLogCheck, StaleReads };

  /// A raft_node this one is linked to, and the leader's view of its progress.
  struct Peer {
    ComponentId id = kNoComponent;
    LinkId link = kNoLink;
    std::size_t member = 0;  // index in the group
    // Volatile leader state.
    std::int64_t nextIndex = 1;
    std::int64_t matchIndex = 0;
    bool inFlight = false;               // an AppendEntries awaits its answer
    std::uint64_t sentCorrelation = 0;   // of that AppendEntries
    SimTime lastSent = 0;
    SimTime lastHeard = 0;
  };
  /// A request the leader appended and will answer once it is applied.
  struct Pending {
    std::int64_t index = 0;
    Message request;
    LinkId via = kNoLink;
    SimTime arrivedAt = 0;
  };
  /// A request a follower forwarded to the leader, to relay its answer.
  struct Forward {
    Message request;
    LinkId via = kNoLink;
  };
  /// Forwards in the order they were sent, to give up on those the leader never answered.
  struct ForwardAge {
    SlotHandle handle = kNoSlot;
    SimTime sentAt = 0;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;

  void joinGroup();
  Peer* peerOf(ComponentId id);

  // Roles and terms
  void becomeFollower();
  void adoptTerm(std::int64_t term);
  void startElection();
  void becomeLeader();
  void stepDown(SimTime lostSince);
  void drawElectionTimeout();
  void armElectionTimer();
  void resetElectionDeadline();

  // RPCs
  void onRequestVote(const Message& msg, LinkId via);
  void onRequestVoteReply(const Message& msg);
  void sendAppend(Peer& peer);
  void onAppendEntries(const Message& msg, LinkId via);
  void onAppendEntriesReply(const Message& msg, Peer& peer);
  void replicate();
  void heartbeat();
  void sendRaft(LinkId link, const Message& msg);

  // Log, commit and apply
  std::int64_t termAt(std::int64_t index) const {
    return index <= 0 ? 0 : m_log[static_cast<std::size_t>(index - 1)].term;
  }
  void appendOwn(std::uint64_t command, std::uint64_t key = 0, bool read = false);
  void advanceLeaderCommit();
  void commitUpTo(std::int64_t index);
  void scheduleApply();
  void applyNext();

  // Client requests
  void onClientRequest(const Message& msg, LinkId via);
  void onLeaderReply(const Message& msg);
  void failPending();
  void failForwards();
  void expireForwards();
  Message answerFor(const Message& request, const RaftEntry& applied) const;

  // Configuration
  SimTime m_electionMin = 0;
  SimTime m_electionMax = 0;
  SimTime m_heartbeat = 0;
  Distribution m_applyTime;
  bool m_applyTakesTime = true;
  std::int64_t m_maxEntries = 64;
  std::uint32_t m_entrySize = 0;
  std::uint32_t m_controlSize = 0;
  std::uint32_t m_responseSize = 0;
  SimTime m_forwardTimeout = 0;
  bool m_checkQuorum = true;
  Bug m_bug = Bug::None;

  // Group membership (set on first start; not node state)
  RaftGroup* m_group = nullptr;  // owned by the simulation
  std::size_t m_member = 0;
  std::vector<Peer> m_peers;

  // Persistent state
  std::int64_t m_term = 0;
  ComponentId m_votedFor = kNoComponent;
  std::vector<RaftEntry> m_log;

  // State machine (volatile: rebuilt from the log after a restart, like m_lastApplied)
  RaftKvStore m_store;

  // Volatile state
  Role m_role = Role::Follower;
  ComponentId m_leader = kNoComponent;
  std::int64_t m_commitIndex = 0;
  std::int64_t m_lastApplied = 0;
  std::uint32_t m_votes = 0;  // bit per member
  SimTime m_electionTimeout = 0;   // drawn per term or role change
  SimTime m_lastReset = 0;         // last time a leader or a vote reset the election timer
  SimTime m_electionDeadline = 0;  // m_lastReset + m_electionTimeout
  EventId m_electionTimer;         // the pending ElectionCheck, if any
  SimTime m_electionTimerAt = 0;   // when it fires
  bool m_heartbeatArmed = false;
  bool m_applying = false;
  RingBuffer<Pending> m_pending;
  SlotPool<Forward> m_forwards;
  RingBuffer<ForwardAge> m_forwardAges;
  std::vector<std::int64_t> m_scratch;  // majority computations, reused

  // Node figures
  std::uint64_t m_electionsStarted = 0;
  std::uint64_t m_forwarded = 0;
  std::uint64_t m_handCommands = 0;  // submitCommand() calls that did something
};

}  // namespace pillars
