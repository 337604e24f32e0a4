// Store, part one: parameters, joining the replica set, lifecycle, the worker pool and the
// local data. Replication lives in store_leader_follower.cpp and store_leaderless.cpp,
// catching up in store_recovery.cpp.
#include "engine/pillars/state/store.hpp"

#include <algorithm>

#include "engine/pillars/state/key_versions.hpp"
#include "engine/pillars/state/replica_set.hpp"
#include "engine/pillars/state/state_wire.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

std::vector<ParamSpec> Store::paramSpecs() {
  using D = Distribution;
  return {
      choiceParam("replication", "leader_follower", {"leader_follower", "leaderless"},
                  "How the stores linked to this one replicate: one leader, or quorums (Dynamo)"),
      integerParam("workers", 4, 1, 1e6, "workers", "Reads and writes served at the same time"),
      integerParam("queue_capacity", 0, 0, 1e9, "requests",
                   "Operations that may wait for a worker; more are refused. 0 means unbounded"),
      distributionParam("read_time", D::exponential(0.0005), D::Dimension::Duration, "s",
                        "Work time of one read"),
      distributionParam("write_time", D::exponential(0.001), D::Dimension::Duration, "s",
                        "Work time of one write (and of applying one replicated write)"),
      booleanParam("durable", true, "A crash keeps the data (true) or loses it (false)"),
      choiceParam("ack", "async", {"async", "semi_sync", "sync"},
                  "leader_follower: a write is answered at once, after one follower, or after all"),
      choiceParam("read_from", "leader", {"leader", "followers"},
                  "leader_follower: reads go to the leader, or any follower answers from its copy"),
      durationParam("failover_after", 5 * kSecond,
                    "leader_follower: silence from the leader before a follower is promoted", 0.001),
      durationParam("heartbeat_interval", 100 * kMillisecond,
                    "leader_follower: how often the leader shows it is alive", 0.001),
      durationParam("leader_lease", 0,
                    "leader_follower: a leader that has not heard from a majority for this long "
                    "stops serving; 0 means no lease"),
      durationParam("ack_timeout", kSecond,
                    "leader_follower: longest wait for followers' acknowledgements or a forwarded "
                    "request", 0.000001),
      integerParam("write_quorum", 1, 1, 15, "replicas", "leaderless: acknowledgements a write needs (W)"),
      integerParam("read_quorum", 1, 1, 15, "replicas", "leaderless: replies a read needs (R)"),
      durationParam("replica_timeout", 100 * kMillisecond,
                    "leaderless: how long a coordinator waits for replicas before it gives up on them",
                    0.000001),
      booleanParam("read_repair", true, "leaderless: write the newest version back to replicas that returned older"),
      booleanParam("hinted_handoff", false,
                "leaderless: keep hints for replicas that do not answer and count them toward W "
                "(a sloppy quorum), handing them back later"),
      choiceParam("conflict_resolution", "lww", {"lww", "siblings"},
                  "Concurrent writes of a key: the newer one wins, or both are kept as siblings"),
      durationParam("handoff_interval", kSecond, "leaderless: how often hints are handed back", 0.001),
      integerParam("hint_capacity", 100000, 0, 1e9, "hints", "leaderless: hints kept at most; more are dropped"),
      integerParam("log_capacity", 100000, 1, 1e9, "writes",
                   "leader_follower: newest writes kept for followers to catch up from; one further "
                   "behind gets a copy of the data"),
      integerParam("expected_keys", 1000, 1, 1e9, "keys", "Keys the table is sized for at start"),
      integerParam("response_size", 1000, 0, 1e9, "bytes", "Size of a reply on the wire"),
  };
}

Store::Store(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)),
      m_data(static_cast<std::size_t>(p.integer("expected_keys"))) {
  m_mode = p.choice("replication") == "leaderless" ? Mode::Leaderless : Mode::LeaderFollower;
  m_workers = p.integer("workers");
  m_queueCapacity = p.integer("queue_capacity");
  m_readTime = p.distribution("read_time");
  m_writeTime = p.distribution("write_time");
  m_durable = p.boolean("durable");
  const std::string& ack = p.choice("ack");
  m_ack = ack == "sync" ? Ack::Sync : ack == "semi_sync" ? Ack::SemiSync : Ack::Async;
  m_readFromFollowers = p.choice("read_from") == "followers";
  m_failoverAfter = p.duration("failover_after");
  m_heartbeatInterval = p.duration("heartbeat_interval");
  m_lease = p.duration("leader_lease");
  m_ackTimeout = p.duration("ack_timeout");
  m_writeQuorum = static_cast<std::uint32_t>(p.integer("write_quorum"));
  m_readQuorum = static_cast<std::uint32_t>(p.integer("read_quorum"));
  m_replicaTimeout = p.duration("replica_timeout");
  m_readRepair = p.boolean("read_repair");
  m_hintedHandoff = p.boolean("hinted_handoff");
  m_conflicts = p.choice("conflict_resolution") == "siblings" ? Conflicts::Siblings : Conflicts::LastWriterWins;
  m_handoffInterval = p.duration("handoff_interval");
  m_hintCapacity = static_cast<std::size_t>(p.integer("hint_capacity"));
  m_logCapacity = static_cast<std::size_t>(p.integer("log_capacity"));
  m_responseSize = static_cast<std::uint32_t>(p.integer("response_size"));
  metrics().capacity = static_cast<double>(m_workers);
}

Store::~Store() = default;

KeyVersions& Store::versions() {
  if (!m_versions) m_versions = &sim().extension<KeyVersions>();
  return *m_versions;
}

// --- The replica set -----------------------------------------------------------------------------

void Store::joinSet() {
  // The set is every store reachable over links between stores; validation checks it. Members
  // are sorted by id so every table has the same order.
  Simulation& s = sim();
  const Network& net = s.network();
  std::vector<ComponentId> found{id()};
  for (std::size_t next = 0; next < found.size(); ++next) {
    const Component& c = s.component(found[next]);
    for (const auto* links : {&c.outgoingLinks(), &c.incomingLinks()}) {
      for (const LinkId l : *links) {
        const ComponentId other = net.link(l).peerOf(c.id());
        if (s.component(other).kind() != kind()) continue;
        if (std::find(found.begin(), found.end(), other) == found.end()) found.push_back(other);
      }
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<Store*> members;
  std::size_t logCapacity = 1;
  for (const ComponentId m : found) {
    auto* store = static_cast<Store*>(&s.component(m));
    members.push_back(store);
    logCapacity = std::max(logCapacity, store->m_logCapacity);
  }
  auto* set = static_cast<ReplicaSet*>(&s.addGroup(std::make_unique<ReplicaSet>(s, members, logCapacity)));
  for (std::size_t i = 0; i < members.size(); ++i) {
    Store& m = *members[i];
    m.m_set = set;
    m.m_member = i;
    m.m_peerLinks.assign(members.size(), kNoLink);
    for (const auto* links : {&m.outgoingLinks(), &m.incomingLinks()}) {
      for (const LinkId l : *links) {
        const std::size_t other = set->indexOf(net.link(l).peerOf(m.id()));
        if (other < members.size() && m.m_peerLinks[other] == kNoLink) m.m_peerLinks[other] = l;
      }
    }
    m.m_followerAcked.assign(members.size(), 0);
    m.m_followerHeard.assign(members.size(), s.now());
    if (m_mode == Mode::Leaderless) {
      m.m_role = Role::Replica;
    } else {
      // The first member leads the first epoch.
      m.m_epoch = 1;
      m.m_leader = members.front()->id();
      m.m_role = i == 0 ? Role::Leader : Role::Follower;
    }
  }
}

LinkId Store::peerLink(std::size_t member) const {
  return member < m_peerLinks.size() ? m_peerLinks[member] : kNoLink;
}

// --- Lifecycle -------------------------------------------------------------------------------

void Store::start() {
  if (!m_set) joinSet();
  metrics().busy.set(now(), 0.0);
  metrics().queueLength.set(now(), 0.0);
  m_lastHeardFromLeader = now();
  if (m_mode == Mode::LeaderFollower && m_set->size() > 1) setTimer(m_heartbeatInterval, Heartbeat);
  if (m_mode == Mode::Leaderless && m_hintedHandoff) setTimer(m_handoffInterval, HandoffTick);
}

void Store::onCrash() {
  // Work in progress and everything waiting dies with the process; callers time out.
  metrics().dropped += m_ops.liveCount();
  m_ops.clear();
  m_jobs.clear();
  m_waiting.clear();
  m_busy = 0;
  metrics().busy.set(now(), 0.0);
  metrics().queueLength.set(now(), 0.0);
  m_applying = false;
  m_applyQueue.clear();
  for (Pending& p : m_window) p = Pending{};
  m_received = m_applied;
  m_awaitingAcks.clear();
  if (!m_durable) {
    m_data.clear();
    m_writesApplied = 0;
    m_hints.clear();
    m_applied = m_received = 0;
    m_set->memberLostData();
  }
  m_set->memberDown(m_member);
}

void Store::onRestart() {
  m_set->memberUp(m_member);
  start();
  if (!m_durable) {
    // An empty replica cannot lead: the orchestrator promotes a follower if it can.
    beginRecovery();
    if (m_mode == Mode::LeaderFollower && m_set->leader() == m_member) m_set->leaderLostData();
  }
}

bool Store::intervene(const Intervention& what) {
  if (what.action != kFailoverAction || m_mode != Mode::LeaderFollower || m_set->size() < 2) return false;
  return m_set->failover();
}

// --- Requests --------------------------------------------------------------------------------

void Store::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Request:
    case MessageKind::MigrateRead:
    case MessageKind::MigrateWrite: onClientRequest(msg, via); return;
    case MessageKind::Response:
    case MessageKind::Error:
    case MessageKind::MigrateData:
    case MessageKind::MigrateAck: onForwardAnswer(msg); return;
    case MessageKind::Replicate: onReplicate(msg); return;
    case MessageKind::ReplicateAck: onReplicateAck(msg); return;
    case MessageKind::Heartbeat: onHeartbeat(msg, via); return;
    case MessageKind::HeartbeatAck: onHeartbeatAck(msg); return;
    case MessageKind::ReplicaWrite:
    case MessageKind::ReplicaRead: onReplicaRequest(msg, via); return;
    case MessageKind::ReplicaWriteAck:
    case MessageKind::ReplicaReadReply: onReplicaAnswer(msg); return;
    case MessageKind::SnapshotRequest: onSnapshotRequest(msg, via); return;
    case MessageKind::Snapshot: onSnapshot(msg); return;
    default: return;
  }
}

void Store::onClientRequest(const Message& msg, LinkId via) {
  ++metrics().received;
  if (m_role == Role::Recovering) {
    refuse(msg, via);
    return;
  }
  const SlotHandle op = m_ops.acquire();
  ClientOp& c = *m_ops.get(op);
  c.request = msg;
  c.via = via;
  c.arrivedAt = now();
  c.read = msg.kind == MessageKind::MigrateRead || (msg.kind == MessageKind::Request && state_wire::isRead(msg));
  // A migration write brings the version it moves; a client's write gets a new one.
  if (msg.kind == MessageKind::MigrateWrite) c.version = state_wire::versionOf(msg);
  if (m_mode == Mode::Leaderless) {
    coordinate(op);
  } else {
    handleAsLeaderOrFollower(op);
  }
}

void Store::refuse(const Message& msg, LinkId via) {
  ++m_unavailable;
  ++metrics().failed;
  m_set->countUnavailable();
  send(via, msg.errorReply(ErrorReason::Unavailable, m_responseSize));
}

void Store::answerClient(SlotHandle op, bool success, std::uint64_t version, bool release) {
  ClientOp* c = m_ops.get(op);
  if (!c) return;
  const Message& req = c->request;
  Message reply;
  if (!success) {
    reply = req.errorReply(ErrorReason::Unavailable, m_responseSize);
    ++m_unavailable;
    ++metrics().failed;
    m_set->countUnavailable();
  } else if (req.kind == MessageKind::Request) {
    reply = state_wire::versionedAnswer(req, version, m_responseSize);
  } else {
    // Migration: the data found, or the acknowledgement of the data moved in.
    reply = req.replyWith(req.kind == MessageKind::MigrateRead ? MessageKind::MigrateData : MessageKind::MigrateAck,
                          m_responseSize);
    reply.arg1 = static_cast<std::int64_t>(version);
  }
  send(c->via, reply);
  if (success) {
    ++metrics().completed;
    metrics().recordLatency(now() - c->arrivedAt);
  }
  if (!release) return;
  cancelTimer(c->timer);
  m_ops.release(op);
}

// --- Workers ---------------------------------------------------------------------------------

void Store::enqueue(const Job& job) {
  if (m_busy >= m_workers && m_queueCapacity > 0 &&
      static_cast<std::int64_t>(m_waiting.size()) >= m_queueCapacity) {
    ++metrics().dropped;
    // A client request is told at once; a replica operation is left unanswered, so the
    // coordinator counts this replica as not having answered.
    if (ClientOp* c = m_ops.get(job.op); c && job.kind == JobKind::Client) {
      send(c->via, c->request.errorReply(ErrorReason::Rejected, m_responseSize));
      cancelTimer(c->timer);
      m_ops.release(job.op);
    }
    return;
  }
  const SlotHandle handle = m_jobs.acquire();
  *m_jobs.get(handle) = job;
  if (m_busy < m_workers) {
    beginJob(handle);
  } else {
    m_waiting.pushBack(handle);
    metrics().queueLength.add(now(), 1.0);
  }
}

void Store::beginJob(SlotHandle handle) {
  ++m_busy;
  metrics().busy.add(now(), 1.0);
  const Job& job = *m_jobs.get(handle);
  bool read = job.kind == JobKind::ReplicaRead || job.kind == JobKind::LocalRead;
  const ClientOp* c = job.op != kNoSlot ? m_ops.get(job.op) : nullptr;  // client and local jobs
  if (job.kind == JobKind::Client && c) read = c->read;
  // A replica job works on the coordinator's message, which carries the client's request id,
  // so the replicas' work shows in the request's trace beside the coordinator's.
  const Message& request = c ? c->request : job.msg;
  setTimer(sampleWorkTimeFor(request, read ? m_readTime : m_writeTime), JobDone, handle);
}

void Store::onJobDone(SlotHandle handle) {
  const Job job = *m_jobs.get(handle);
  m_jobs.release(handle);
  if (!m_waiting.empty()) {
    const SlotHandle next = m_waiting.takeFront();
    metrics().queueLength.add(now(), -1.0);
    --m_busy;
    metrics().busy.add(now(), -1.0);
    beginJob(next);
  } else {
    --m_busy;
    metrics().busy.add(now(), -1.0);
  }
  switch (job.kind) {
    case JobKind::Client: {
      ClientOp* c = m_ops.get(job.op);
      if (!c) return;  // refused or timed out meanwhile
      if (c->read) {
        ++m_reads;
        answerClient(job.op, true, versionOf(c->request.key));
      } else {
        leaderWrite(job.op);
      }
      return;
    }
    case JobKind::ReplicaWrite:
    case JobKind::ReplicaRead: finishReplicaJob(job); return;
    case JobKind::LocalWrite: {
      ClientOp* c = m_ops.get(job.op);
      if (!c) return;
      const bool newest = applyVersion(c->request.key, c->version);
      countReplicaAnswer(job.op, m_member, newest, c->version);
      return;
    }
    case JobKind::LocalRead: {
      const ClientOp* c = m_ops.get(job.op);
      if (!c) return;
      countReplicaAnswer(job.op, m_member, m_role != Role::Recovering, versionOf(c->request.key));
      return;
    }
  }
}

void Store::onTimer(std::uint32_t kind, std::uint64_t payload) {
  switch (kind) {
    case JobDone: onJobDone(payload); return;
    case ApplyDone: onApplied(); return;
    case Heartbeat:
      heartbeat();
      setTimer(m_heartbeatInterval, Heartbeat);
      return;
    case AckTimeout: {
      ClientOp* c = m_ops.get(payload);
      if (!c) return;
      c->timer = EventId{};
      // A write not acknowledged by enough followers in time is answered as failed (it is
      // applied at the leader and may still reach them: "in doubt"); a forward got no answer.
      answerClient(payload, false, 0);
      return;
    }
    case CoordinationTimeout: onCoordinationTimeout(payload); return;
    case HandoffTick:
      handOffHints();
      setTimer(m_handoffInterval, HandoffTick);
      return;
    case RecoveryTimeout:
      if (m_role == Role::Recovering) finishRecovery();
      return;
    default: return;
  }
}

// --- Data --------------------------------------------------------------------------------------

std::uint64_t Store::versionOf(std::uint64_t key) const {
  const Cell* c = m_data.find(key);
  return c ? c->version : 0;
}

bool Store::applyVersion(std::uint64_t key, std::uint64_t version) {
  Cell& cell = m_data[key];
  if (version >= cell.version) {
    if (version > cell.version) cell.siblings = 0;
    cell.version = version;
    ++m_writesApplied;
    return true;
  }
  // A concurrent write got here first and is newer: this one loses (last writer wins) or is
  // kept beside it for the application to merge.
  ++m_conflictsHere;
  if (m_conflicts == Conflicts::Siblings) ++cell.siblings;
  return false;
}

// --- Figures -------------------------------------------------------------------------------------

std::vector<Component::ExtraMetric> Store::extraMetrics(SimTime /*now*/) const {
  std::vector<ExtraMetric> out = {
      {"role", static_cast<double>(m_role)},
      {"reads", static_cast<double>(m_reads)},
      {"writes", static_cast<double>(m_writes)},
      {"unavailable", static_cast<double>(m_unavailable)},
      {"conflicts", static_cast<double>(m_conflictsHere)},
      {"keys", static_cast<double>(m_data.size())},
      {"writes_applied", static_cast<double>(m_writesApplied)},
  };
  if (m_mode == Mode::LeaderFollower) {
    out.push_back({"applied_index", static_cast<double>(m_applied)});
    out.push_back({"lag_entries", static_cast<double>(std::max<std::int64_t>(0, m_set->lastIndex() - m_applied))});
  } else {
    out.push_back({"hints", static_cast<double>(m_hints.liveCount())});
  }
  return out;
}

void Store::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_reads = m_writes = m_unavailable = m_conflictsHere = 0;
}

}  // namespace pillars
