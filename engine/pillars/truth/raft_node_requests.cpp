// RaftNode, part two: client requests at the leader and forwarding at followers.
#include "engine/pillars/truth/raft_node.hpp"

#include "engine/pillars/truth/raft_group.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

// --- Client requests -------------------------------------------------------------------------

namespace {

// A client marks a read with arg1 == 1 (see Client's read_fraction); anything else is a write.
bool isRead(const Message& request) { return request.arg1 == 1; }

}  // namespace

Message RaftNode::answerFor(const Message& request, const RaftEntry& applied) const {
  Message r = request.replyWith(MessageKind::Response, m_responseSize);
  // A read's answer carries the value its key held when the read was applied.
  r.arg1 = applied.read ? m_store.read(applied.key) : 0;
  return r;
}

void RaftNode::onClientRequest(const Message& msg, LinkId via) {
  ++metrics().received;
  if (m_bug == Bug::StaleReads && isRead(msg) && !peerOf(msg.src)) {
    // The broken shortcut: answer from this node's own state machine, which on a follower (or
    // a deposed leader) may lag behind writes that were already acknowledged.
    Message r = msg.replyWith(MessageKind::Response, m_responseSize);
    r.arg1 = m_store.read(msg.key);
    ++metrics().completed;
    send(via, r);
    return;
  }
  if (m_role == Role::Leader) {
    appendOwn(msg.requestId, msg.key, isRead(msg));
    m_pending.pushBack(Pending{lastLogIndex(), msg, via, now()});
    replicate();
    return;
  }
  // Forward once, and only what came from outside the group: two nodes with stale views of
  // the leader must not bounce a request between them.
  const Peer* leader = m_leader != kNoComponent ? peerOf(m_leader) : nullptr;
  if (leader && !peerOf(msg.src)) {
    expireForwards();
    const SlotHandle handle = m_forwards.acquire();
    *m_forwards.get(handle) = Forward{msg, via};
    m_forwardAges.pushBack(ForwardAge{handle, now()});
    ++m_forwarded;
    Message forward = makeRequestFor(msg, handle);
    forward.arg1 = msg.arg1;  // the read flag travels with the request
    send(leader->link, forward);
    return;
  }
  ++metrics().failed;
  send(via, msg.errorReply(ErrorReason::Unavailable, m_responseSize));
}

// --- Interventions by hand --------------------------------------------------------------------

bool RaftNode::timeoutNow() {
  if (!isUp() || m_role == Role::Leader) return false;
  startElection();
  return true;
}

bool RaftNode::submitCommand() {
  if (!isUp()) return false;
  Message m = makeMessage(MessageKind::Request, m_entrySize);
  m.requestId = kHandCommandBit | (m_handCommands + 1);
  m.originTime = now();
  if (m_role == Role::Leader) {
    // Appended like a client's request, but with no caller to answer once applied.
    appendOwn(m.requestId);
    replicate();
  } else {
    const Peer* leader = m_leader != kNoComponent ? peerOf(m_leader) : nullptr;
    if (!leader) return false;
    // kNoSlot matches no forward, so the leader's answer is dropped on arrival (onLeaderReply).
    m.correlation = kNoSlot;
    send(leader->link, m);
  }
  ++m_handCommands;
  return true;
}

void RaftNode::onLeaderReply(const Message& msg) {
  Forward* f = m_forwards.get(msg.correlation);
  if (!f) return;  // already failed when the leader changed
  if (msg.kind == MessageKind::Response) {
    Message r = f->request.replyWith(MessageKind::Response, m_responseSize);
    r.arg1 = msg.arg1;  // the value a read returned
    send(f->via, r);
  } else {
    send(f->via, f->request.errorReply(msg.reason, m_responseSize));
  }
  m_forwards.release(msg.correlation);
}

void RaftNode::failPending() {
  // A deposed leader cannot know whether its entries will commit: callers hear it failed and
  // may retry (a real client would need idempotent requests for that).
  while (!m_pending.empty()) {
    const Pending& p = m_pending.front();
    send(p.via, p.request.errorReply(ErrorReason::Unavailable, m_responseSize));
    ++metrics().failed;
    m_pending.popFront();
  }
}

void RaftNode::failForwards() {
  m_forwardAges.clear();
  if (m_forwards.liveCount() == 0) return;
  m_forwards.forEachLive([&](SlotHandle, Forward& f) {
    send(f.via, f.request.errorReply(ErrorReason::Unavailable, m_responseSize));
  });
  m_forwards.clear();
}

void RaftNode::expireForwards() {
  // A forward or its answer may be lost on the way; without this, a lossy link would make the
  // table grow for as long as the leader stays. Checked lazily, on the next forward: the
  // caller has its own deadline, so no answer is owed, only the memory.
  while (!m_forwardAges.empty() && now() - m_forwardAges.front().sentAt >= m_forwardTimeout) {
    const SlotHandle handle = m_forwardAges.takeFront().handle;
    if (m_forwards.get(handle)) {
      ++metrics().timedOut;
      m_forwards.release(handle);
    }
  }
}

}  // namespace pillars
