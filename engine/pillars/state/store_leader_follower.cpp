// Store, part two: leader/follower replication. The leader applies each write, appends it to
// the set's log and streams it to the followers; followers apply the log in order on one
// applier and acknowledge; heartbeats carry the epoch, let followers notice a silent leader
// and let the leader resend what went missing.
#include <algorithm>

#include "engine/pillars/state/key_versions.hpp"
#include "engine/pillars/state/replica_set.hpp"
#include "engine/pillars/state/state_wire.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

/// Out-of-order entries a follower keeps while it waits for a missing one; later ones are
/// dropped and resent.
constexpr std::size_t kReorderWindow = 1024;
/// Entries a leader resends to one follower per heartbeat answer.
constexpr std::int64_t kCatchUpBatch = 256;
/// Bytes of one replicated entry and of control messages on the wire.
constexpr std::uint32_t kEntrySize = 200;
constexpr std::uint32_t kControlSize = 64;

}  // namespace

void Store::handleAsLeaderOrFollower(SlotHandle op) {
  ClientOp& c = *m_ops.get(op);
  if (m_role == Role::Leader) {
    if (m_lease > 0 && !leaseValid()) {
      // Without a majority behind it, a leasing leader cannot know it is still the leader.
      answerClient(op, false, 0);
      return;
    }
    enqueue({JobKind::Client, op, {}, kNoLink});
    return;
  }
  if (c.read && m_readFromFollowers) {
    enqueue({JobKind::Client, op, {}, kNoLink});
    return;
  }
  forwardToLeader(op);
}

bool Store::leaseValid() const {
  // The leader counts itself; followers count while heard from within the lease.
  std::size_t heard = 1;
  for (std::size_t i = 0; i < m_set->size(); ++i) {
    if (i != m_member && now() - m_followerHeard[i] <= m_lease) ++heard;
  }
  return heard >= m_set->size() / 2 + 1;
}

void Store::leaderWrite(SlotHandle op) {
  ClientOp& c = *m_ops.get(op);
  const std::uint64_t key = c.request.key;
  if (c.version == 0) c.version = versions().newVersion(key);
  applyVersion(key, c.version);
  ++m_writes;
  const std::int64_t index = m_set->append({key, c.version, now()}, m_epoch);
  if (index == 0) {
    // A deposed leader that does not know it yet: the write lives only here, on a dead lineage.
    ++m_localLast;
  } else {
    m_applied = m_received = m_localLast = index;
    for (std::size_t f = 0; f < m_set->size(); ++f) {
      if (f != m_member) sendEntry(f, index);
    }
  }
  if (m_ack == Ack::Async || m_set->size() == 1) {
    answerClient(op, true, c.version);
    return;
  }
  c.timer = setTimer(m_ackTimeout, AckTimeout, op);
  // A dead lineage's write reaches no follower that could acknowledge it: it times out.
  if (index == 0) return;
  c.index = index;
  m_awaitingAcks.pushBack(op);
  completeAcknowledgedWrites();
}

void Store::completeAcknowledgedWrites() {
  const std::size_t followers = m_set->size() - 1;
  const std::size_t needed = m_ack == Ack::Sync ? followers : 1;
  while (!m_awaitingAcks.empty()) {
    const SlotHandle op = m_awaitingAcks.front();
    const ClientOp* c = m_ops.get(op);
    if (!c) {
      m_awaitingAcks.popFront();  // answered meanwhile (timed out)
      continue;
    }
    std::size_t acked = 0;
    for (std::size_t f = 0; f < m_set->size(); ++f) {
      if (f != m_member && m_followerAcked[f] >= c->index) ++acked;
    }
    if (acked < needed) return;  // later writes wait behind it: acknowledgements are cumulative
    m_awaitingAcks.popFront();
    answerClient(op, true, c->version);
  }
}

void Store::sendEntry(std::size_t member, std::int64_t index) {
  const LinkId link = peerLink(member);
  if (link == kNoLink || index < m_set->firstIndex() || index > m_set->lastIndex()) return;
  const ReplicaSet::Entry& e = m_set->entry(index);
  Message m = makeMessage(MessageKind::Replicate, kEntrySize);
  state_wire::encode(m, state_wire::Replicate{index, e.key, e.version, m_epoch, e.appliedAt});
  send(link, m);
}

LinkId Store::leaderLink() const {
  if (m_leader == kNoComponent) return kNoLink;
  return peerLink(m_set->indexOf(m_leader));
}

void Store::forwardToLeader(SlotHandle op) {
  ClientOp& c = *m_ops.get(op);
  const LinkId link = leaderLink();
  if (link == kNoLink) {
    answerClient(op, false, 0);
    return;
  }
  // The same request, kind (a migration too) and key, on this store's behalf.
  Message f = makeMessage(c.request.kind, c.request.sizeBytes);
  f.correlation = op;
  f.requestId = c.request.requestId;
  f.key = c.request.key;
  f.originTime = c.request.originTime;
  f.arg1 = c.request.arg1;
  c.forwarded = true;
  send(link, f);
  c.timer = setTimer(m_ackTimeout, AckTimeout, op);
}

void Store::onForwardAnswer(const Message& msg) {
  ClientOp* c = m_ops.get(msg.correlation);
  if (!c || !c->forwarded) return;  // too late: the caller was already told
  Message reply = c->request.replyWith(msg.kind, msg.sizeBytes);
  reply.reason = msg.reason;
  reply.carryAnswer(msg);
  send(c->via, reply);
  if (msg.kind == MessageKind::Error) {
    ++metrics().failed;
  } else {
    ++metrics().completed;
    metrics().recordLatency(now() - c->arrivedAt);
  }
  cancelTimer(c->timer);
  m_ops.release(msg.correlation);
}

// --- Following ---------------------------------------------------------------------------------

void Store::acceptEpoch(std::uint64_t epoch, ComponentId leader) {
  if (epoch <= m_epoch) return;
  const bool wasLeader = m_role == Role::Leader;
  m_epoch = epoch;
  m_leader = leader;
  if (wasLeader) stepDown();
  // Entries waiting to be applied came from the old leader: the new one resends what it has.
  m_applyQueue.clear();
  for (Pending& p : m_window) p = Pending{};
  m_received = m_applied;
  if (m_role == Role::Recovering) return;
  m_role = Role::Follower;
  // Applied beyond where the new lineage left the old one: this replica holds writes the set
  // discarded, which only a fresh copy removes.
  if (m_applied > m_set->lineageStart(epoch) || wasLeader) beginRecovery();
}

void Store::stepDown() {
  m_role = Role::Follower;
  // Writes still waiting for followers were made in a dead epoch.
  while (!m_awaitingAcks.empty()) {
    const SlotHandle op = m_awaitingAcks.takeFront();
    if (m_ops.get(op)) answerClient(op, false, 0);
  }
}

void Store::lead(std::uint64_t epoch) {
  m_epoch = epoch;
  m_leader = id();
  m_role = Role::Leader;
  m_snapshotsAwaited = 0;
  // What was received but not yet applied lies beyond the new lineage's start.
  m_applyQueue.clear();
  m_applying = false;
  for (Pending& p : m_window) p = Pending{};
  m_applied = m_received = m_localLast = m_set->lastIndex();
  // Followers get a grace period: until they answer, a lease counts them as heard from now.
  std::fill(m_followerAcked.begin(), m_followerAcked.end(), 0);
  std::fill(m_followerHeard.begin(), m_followerHeard.end(), now());
  heartbeat();  // announce the new epoch at once
}

void Store::onReplicate(const Message& msg) {
  const state_wire::Replicate r = state_wire::decodeReplicate(msg);
  if (r.epoch < m_epoch) return;  // a deposed leader still talking
  if (r.epoch > m_epoch) acceptEpoch(r.epoch, msg.src);
  if (m_role == Role::Leader) return;
  m_lastHeardFromLeader = now();
  if (m_role == Role::Recovering) return;  // the copy under way covers it
  if (r.index <= m_received || r.index > m_received + static_cast<std::int64_t>(kReorderWindow)) return;
  if (m_window.empty()) m_window.resize(kReorderWindow);
  m_window[static_cast<std::size_t>(r.index) % kReorderWindow] = {r.index, r.key, r.version, r.appliedAt};
  // Hand the contiguous run after what was received to the applier.
  for (;;) {
    Pending& next = m_window[static_cast<std::size_t>(m_received + 1) % kReorderWindow];
    if (next.index != m_received + 1) break;
    m_applyQueue.pushBack(next);
    next = Pending{};
    ++m_received;
  }
  startApplying();
}

void Store::startApplying() {
  if (m_applying || m_applyQueue.empty()) return;
  // One applier, as a replica's SQL thread: entries apply one after another, in log order.
  m_applying = true;
  setTimer(sampleWorkTime(m_writeTime), ApplyDone);
}

void Store::onApplied() {
  m_applying = false;
  if (m_applyQueue.empty()) return;
  const Pending e = m_applyQueue.takeFront();
  applyVersion(e.key, e.version);
  m_applied = e.index;
  m_set->recordLag(now() - e.appliedAtLeader);
  if (const LinkId link = leaderLink(); link != kNoLink) {
    Message ack = makeMessage(MessageKind::ReplicateAck, kControlSize);
    state_wire::encode(ack, state_wire::IndexAtEpoch{m_applied, m_epoch});
    send(link, ack);
  }
  startApplying();
}

void Store::onReplicateAck(const Message& msg) {
  const state_wire::IndexAtEpoch a = state_wire::decodeIndexAtEpoch(msg);
  if (m_role != Role::Leader || a.epoch != m_epoch) return;
  const std::size_t member = m_set->indexOf(msg.src);
  if (member >= m_set->size()) return;
  m_followerAcked[member] = std::max(m_followerAcked[member], a.index);
  m_followerHeard[member] = now();
  completeAcknowledgedWrites();
}

void Store::heartbeat() {
  if (m_role == Role::Leader) {
    Message hb = makeMessage(MessageKind::Heartbeat, kControlSize);
    state_wire::encode(hb, state_wire::IndexAtEpoch{m_localLast, m_epoch});
    for (std::size_t f = 0; f < m_set->size(); ++f) {
      if (const LinkId link = peerLink(f); f != m_member && link != kNoLink) send(link, hb);
    }
    return;
  }
  if (m_role == Role::Follower && now() - m_lastHeardFromLeader > m_failoverAfter) {
    m_set->suspectLeader(m_member);
  }
}

void Store::onHeartbeat(const Message& msg, LinkId via) {
  const state_wire::IndexAtEpoch h = state_wire::decodeIndexAtEpoch(msg);
  if (h.epoch < m_epoch) return;
  if (h.epoch > m_epoch) acceptEpoch(h.epoch, msg.src);
  if (m_role == Role::Leader) return;
  m_lastHeardFromLeader = now();
  Message ack = makeMessage(MessageKind::HeartbeatAck, kControlSize);
  // What it has received (applied or queued), so the leader resends only what went missing;
  // a replica catching up from a copy asks for nothing.
  state_wire::encode(ack, state_wire::IndexAtEpoch{m_role == Role::Recovering ? -1 : m_received, m_epoch});
  send(via, ack);
}

void Store::onHeartbeatAck(const Message& msg) {
  const state_wire::IndexAtEpoch a = state_wire::decodeIndexAtEpoch(msg);
  if (m_role != Role::Leader || a.epoch != m_epoch) return;
  const std::size_t member = m_set->indexOf(msg.src);
  if (member >= m_set->size()) return;
  m_followerHeard[member] = now();
  if (a.index < 0 || a.index >= m_set->lastIndex()) return;
  if (a.index + 1 < m_set->firstIndex()) {
    sendSnapshotTo(member);  // too far behind for the log
    return;
  }
  // Resend what should have arrived by now: entries in flight for less than two heartbeats
  // are probably still on their way.
  const std::int64_t last = std::min(m_set->lastIndex(), a.index + kCatchUpBatch);
  for (std::int64_t i = a.index + 1; i <= last; ++i) {
    if (now() - m_set->entry(i).appliedAt < 2 * m_heartbeatInterval) break;
    sendEntry(member, i);
  }
}

}  // namespace pillars
