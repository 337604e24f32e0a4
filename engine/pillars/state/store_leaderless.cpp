// Store, part three: leaderless replication (Dynamo style). The store a request reaches
// coordinates it: every replica is asked (itself through its own workers), the client is
// answered after W acknowledgements or R replies, late replies still count for read repair,
// and with hinted handoff the replicas that did not answer in time are replaced by hints.
#include <algorithm>

#include "engine/pillars/state/key_versions.hpp"
#include "engine/pillars/state/replica_set.hpp"
#include "engine/pillars/state/state_wire.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

constexpr std::uint32_t kControlSize = 64;
constexpr std::uint32_t kValueSize = 200;
/// Marks a ReplicaWrite's correlation as a hint being handed back rather than a coordinated
/// write (a slot handle would need 2^31 reuses of one slot to reach this bit).
constexpr std::uint64_t kHintTag = std::uint64_t{1} << 63;
/// Hints sent per member per handoff tick, so a long outage's backlog is handed back steadily
/// rather than all at once into the returning replica's queue.
constexpr std::size_t kHandoffBatch = 500;
/// Handoff ticks a sent hint waits for its acknowledgement before it is sent again: resending
/// sooner, into a replica busy with the backlog, would only add to the backlog.
constexpr SimTime kHandoffPatience = 4;

}  // namespace

void Store::coordinate(SlotHandle op) {
  ClientOp& c = *m_ops.get(op);
  const std::uint64_t key = c.request.key;
  if (!c.read && c.version == 0) c.version = versions().newVersion(key);
  ++(c.read ? m_reads : m_writes);
  for (std::size_t m = 0; m < m_set->size(); ++m) {
    const LinkId link = peerLink(m);
    if (m == m_member || link == kNoLink) continue;
    Message r = makeMessage(c.read ? MessageKind::ReplicaRead : MessageKind::ReplicaWrite,
                            c.read ? kControlSize : kValueSize);
    r.requestId = c.request.requestId;  // the client's request, so a log shows what caused it
    if (c.read) {
      r.key = key;
      r.correlation = op;
    } else {
      state_wire::encode(r, state_wire::ReplicaWrite{key, c.version, state_wire::WritePurpose::Write, op, now()});
    }
    send(link, r);
  }
  enqueue({c.read ? JobKind::LocalRead : JobKind::LocalWrite, op, {}, kNoLink});
  c.timer = setTimer(m_replicaTimeout, CoordinationTimeout, op);
}

void Store::onReplicaRequest(const Message& msg, LinkId via) {
  enqueue({msg.kind == MessageKind::ReplicaRead ? JobKind::ReplicaRead : JobKind::ReplicaWrite, kNoSlot, msg, via});
}

void Store::finishReplicaJob(const Job& job) {
  const Message& msg = job.msg;
  if (job.kind == JobKind::ReplicaRead) {
    Message reply = msg.replyWith(MessageKind::ReplicaReadReply, kControlSize);
    // A replica catching up has no answer worth counting yet.
    state_wire::encode(reply, state_wire::ReplicaAnswer{m_role != Role::Recovering, versionOf(msg.key)});
    send(job.via, reply);
    return;
  }
  const state_wire::ReplicaWrite w = state_wire::decodeReplicaWrite(msg);
  const bool newest = applyVersion(w.key, w.version);
  if (w.purpose == state_wire::WritePurpose::Write) m_set->recordLag(now() - w.acceptedAt);
  Message ack = msg.replyWith(MessageKind::ReplicaWriteAck, kControlSize);
  state_wire::encode(ack, state_wire::ReplicaAnswer{newest, w.version});
  send(job.via, ack);
}

void Store::onReplicaAnswer(const Message& msg) {
  if (msg.correlation == kNoSlot) return;  // a read repair's acknowledgement: nothing waits for it
  if (msg.kind == MessageKind::ReplicaWriteAck && (msg.correlation & kHintTag) != 0) {
    onHintAck(msg);
    return;
  }
  const std::size_t member = m_set->indexOf(msg.src);
  if (member >= m_set->size()) return;
  const state_wire::ReplicaAnswer a = state_wire::decodeReplicaAnswer(msg);
  countReplicaAnswer(msg.correlation, member, a.ok, a.version);
}

void Store::countReplicaAnswer(SlotHandle op, std::size_t member, bool ok, std::uint64_t version) {
  ClientOp* c = m_ops.get(op);
  if (!c) return;  // coordination over (timed out, or this store crashed)
  const std::uint32_t bit = 1u << member;
  if (c->answered & bit) return;
  c->answered |= bit;
  if (c->read) {
    if (ok) {
      c->served |= bit;
      c->seen[member] = version;
      c->best = std::max(c->best, version);
      ++c->count;
    }
    if (!c->replied && c->count >= m_readQuorum) {
      c->replied = true;
      answerClient(op, true, c->best, false);
    }
  } else {
    if (!ok && !c->conflicted) {
      // A replica already held a newer version: this write raced another and lost there.
      c->conflicted = true;
      m_set->countConflict();
    }
    ++c->count;
    if (!c->replied && c->count >= m_writeQuorum) {
      c->replied = true;
      answerClient(op, true, c->version, false);
    }
  }
  const std::uint32_t everyone = (1u << m_set->size()) - 1;
  if (c->answered == everyone || (c->timedOut && member == m_member)) finishCoordination(op);
}

void Store::onCoordinationTimeout(SlotHandle op) {
  ClientOp* c = m_ops.get(op);
  if (!c) return;
  c->timer = EventId{};
  c->timedOut = true;
  // Its own part is queued on its own workers, not across the network: the coordinator waits
  // for it (a read needs its value, a write must land here too).
  if (c->answered & (1u << m_member)) finishCoordination(op);
}

void Store::finishCoordination(SlotHandle op) {
  ClientOp& c = *m_ops.get(op);
  if (!c.read && m_hintedHandoff) {
    // A sloppy quorum: every replica that did not answer gets a hint here, and it counts.
    for (std::size_t m = 0; m < m_set->size(); ++m) {
      if (c.answered & (1u << m)) continue;
      storeHint(m, c.request.key, c.version);
      ++c.count;
    }
  }
  if (!c.replied) {
    c.replied = true;
    const bool enough = c.read ? c.count >= m_readQuorum : c.count >= m_writeQuorum;
    answerClient(op, enough, c.read ? c.best : c.version, false);
  }
  if (c.read) readRepair(c);
  cancelTimer(c.timer);
  m_ops.release(op);
}

void Store::readRepair(ClientOp& c) {
  if (!m_readRepair || c.best == 0) return;
  for (std::size_t m = 0; m < m_set->size(); ++m) {
    if (!(c.served & (1u << m)) || c.seen[m] >= c.best) continue;
    m_set->countReadRepair();
    if (m == m_member) {
      applyVersion(c.request.key, c.best);
      continue;
    }
    const LinkId link = peerLink(m);
    if (link == kNoLink) continue;
    Message r = makeMessage(MessageKind::ReplicaWrite, kValueSize);
    state_wire::encode(r, state_wire::ReplicaWrite{c.request.key, c.best, state_wire::WritePurpose::Repair,
                                                   kNoSlot, now()});
    send(link, r);
  }
  c.served = 0;  // repaired once
}

// --- Hinted handoff ------------------------------------------------------------------------------

void Store::storeHint(std::size_t owner, std::uint64_t key, std::uint64_t version) {
  if (m_hints.liveCount() >= m_hintCapacity) {
    m_set->countHint(false);
    return;
  }
  const SlotHandle h = m_hints.acquire();
  *m_hints.get(h) = Hint{owner, key, version, -1};
  m_set->countHint(true);
}

void Store::handOffHints() {
  if (m_role == Role::Recovering) return;
  std::vector<std::size_t>& sent = m_handoffSent;
  sent.assign(m_set->size(), 0);
  m_hints.forEachLive([&](SlotHandle handle, Hint& h) {
    const LinkId link = peerLink(h.owner);
    if (link == kNoLink || sent[h.owner] >= kHandoffBatch) return;
    // Sent and not acknowledged for a while: the owner is still away, try again.
    if (h.sentAt >= 0 && now() - h.sentAt < kHandoffPatience * m_handoffInterval) return;
    ++sent[h.owner];
    h.sentAt = now();
    Message r = makeMessage(MessageKind::ReplicaWrite, kValueSize);
    state_wire::encode(r, state_wire::ReplicaWrite{h.key, h.version, state_wire::WritePurpose::Handoff,
                                                   handle | kHintTag, now()});
    send(link, r);
  });
}

void Store::onHintAck(const Message& msg) {
  const SlotHandle handle = msg.correlation & ~kHintTag;
  if (!m_hints.get(handle)) return;
  m_hints.release(handle);
  m_set->countHandoff();
}

}  // namespace pillars
