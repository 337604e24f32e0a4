// RaftNode, part one: membership, roles and terms, the RPCs, and the log (commit, apply).
#include "engine/pillars/truth/raft_node.hpp"

#include <algorithm>
#include <bit>
#include <functional>

#include "engine/pillars/truth/raft_group.hpp"
#include "engine/pillars/truth/raft_wire.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

std::vector<ParamSpec> RaftNode::paramSpecs() {
  using D = Distribution;
  return {
      durationParam("election_timeout_min", 150 * kMillisecond,
                    "Shortest election timeout; each wait is drawn anew between min and max", 0.001),
      durationParam("election_timeout_max", 300 * kMillisecond,
                    "Longest election timeout (taken as the min when set lower)", 0.001),
      durationParam("heartbeat_interval", 50 * kMillisecond,
                    "How often a leader sends AppendEntries to idle followers", 0.001),
      distributionParam("apply_time", D::constant(0.0001), D::Dimension::Duration, "s",
                        "Time to apply one committed entry to the state machine"),
      integerParam("max_entries_per_append", 64, 1, 4096, "entries",
                   "Most log entries one AppendEntries carries"),
      integerParam("entry_size", 200, 0, 1e9, "bytes", "Wire size of one log entry"),
      integerParam("message_size", 100, 0, 1e9, "bytes",
                   "Wire size of a vote, a reply or an empty AppendEntries"),
      integerParam("response_size", 1000, 0, 1e9, "bytes", "Size of a reply to a client"),
      durationParam("forward_timeout", kSecond,
                    "A follower stops waiting for the leader's answer to a forwarded request "
                    "after this", 0.001),
      booleanParam("check_quorum", true,
                   "A leader steps down after an election timeout without hearing from a majority"),
      choiceParam("bug", "none", {"none", "vote_without_log_check", "stale_reads"},
                  "Teaching only: vote_without_log_check grants votes without the up-to-date-log "
                  "check, which breaks Raft for the safety checker to catch; stale_reads answers "
                  "reads from the local state machine without the log, which a linearizability "
                  "check of the client history catches"),
  };
}

RaftNode::RaftNode(const std::string& name, const ParamSet& p) : Component(name, std::string(kKind)) {
  m_electionMin = p.duration("election_timeout_min");
  m_electionMax = std::max(m_electionMin, p.duration("election_timeout_max"));
  m_heartbeat = p.duration("heartbeat_interval");
  m_applyTime = p.distribution("apply_time");
  // A constant zero apply time applies in a loop, without a timer event per entry.
  m_applyTakesTime = !(m_applyTime.kind() == Distribution::Kind::Constant && m_applyTime.mean() == 0.0);
  m_maxEntries = p.integer("max_entries_per_append");
  m_entrySize = static_cast<std::uint32_t>(p.integer("entry_size"));
  m_controlSize = static_cast<std::uint32_t>(p.integer("message_size"));
  m_responseSize = static_cast<std::uint32_t>(p.integer("response_size"));
  m_forwardTimeout = p.duration("forward_timeout");
  m_checkQuorum = p.boolean("check_quorum");
  const std::string& bug = p.choice("bug");
  m_bug = bug == "vote_without_log_check" ? Bug::VoteWithoutLogCheck
          : bug == "stale_reads"          ? Bug::StaleReads
                                          : Bug::None;
}

RaftNode::~RaftNode() = default;

// --- Group membership ------------------------------------------------------------------------

void RaftNode::joinGroup() {
  // The group is every raft_node reachable over links between raft_nodes; validation makes it
  // a full mesh of 3 to 9. Members are sorted by id so every table has the same order.
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
  std::vector<RaftNode*> members;
  for (const ComponentId m : found) members.push_back(static_cast<RaftNode*>(&s.component(m)));
  auto* group = static_cast<RaftGroup*>(&s.addGroup(std::make_unique<RaftGroup>(s, members)));
  for (RaftNode* m : members) {
    m->m_group = group;
    m->m_member = group->indexOf(m->id());
    m->m_peers.clear();
    for (const auto* links : {&m->outgoingLinks(), &m->incomingLinks()}) {
      for (const LinkId l : *links) {
        const ComponentId other = net.link(l).peerOf(m->id());
        if (s.component(other).kind() != kind() || m->peerOf(other)) continue;
        Peer p;
        p.id = other;
        p.link = l;
        p.member = group->indexOf(other);
        m->m_peers.push_back(p);
      }
    }
    std::sort(m->m_peers.begin(), m->m_peers.end(),
              [](const Peer& a, const Peer& b) { return a.id < b.id; });
  }
}

RaftNode::Peer* RaftNode::peerOf(ComponentId other) {
  for (Peer& p : m_peers) {
    if (p.id == other) return &p;
  }
  return nullptr;
}

// --- Lifecycle -------------------------------------------------------------------------------

void RaftNode::start() {
  if (!m_group) joinGroup();
  // Every (re)start begins as a follower waiting one fresh random timeout.
  m_role = Role::Follower;
  m_votes = 0;
  m_lastReset = now();
  drawElectionTimeout();
}

void RaftNode::onCrash() {
  if (m_role == Role::Leader) m_group->stats().leaderLost(m_member, now());
  // Requests in progress die with the process: their clients learn it by timing out.
  metrics().dropped += m_pending.size() + m_forwards.liveCount();
  m_pending.clear();
  m_forwards.clear();
  m_forwardAges.clear();
  m_role = Role::Follower;
  m_leader = kNoComponent;
  m_commitIndex = 0;
  m_lastApplied = 0;
  m_store.clear();  // the state machine is rebuilt by applying the log again
  m_votes = 0;
  m_electionTimer = EventId{};  // the crash's epoch change already killed it
  m_heartbeatArmed = false;
  m_applying = false;
  for (Peer& p : m_peers) p = Peer{p.id, p.link, p.member};
}

// --- Roles and terms -------------------------------------------------------------------------

void RaftNode::becomeFollower() {
  m_role = Role::Follower;
  m_votes = 0;
  armElectionTimer();
}

void RaftNode::adoptTerm(std::int64_t term) {
  m_term = term;
  m_votedFor = kNoComponent;
  m_leader = kNoComponent;
  if (m_role == Role::Leader) {
    stepDown(now());
  } else {
    if (m_role == Role::Candidate) becomeFollower();
    drawElectionTimeout();  // a new term, a new random timeout
  }
}

void RaftNode::stepDown(SimTime lostSince) {
  m_group->stats().leaderLost(m_member, lostSince);
  failPending();
  // A follower again, waiting a fresh random timeout from now.
  m_role = Role::Follower;
  m_votes = 0;
  m_lastReset = now();
  drawElectionTimeout();
}

void RaftNode::drawElectionTimeout() {
  // Randomized (section 5.2) once per term or role change, as etcd does, rather than on every
  // heartbeat: the deadline then only moves later while a leader is heard from, which lets the
  // timer be re-armed lazily (below).
  const auto spread = static_cast<double>(m_electionMax - m_electionMin);
  m_electionTimeout = m_electionMin + static_cast<SimTime>(rng().uniform01() * spread);
  m_electionDeadline = m_lastReset + m_electionTimeout;
  armElectionTimer();
}

void RaftNode::resetElectionDeadline() {
  m_lastReset = now();
  m_electionDeadline = m_lastReset + m_electionTimeout;
  armElectionTimer();
}

void RaftNode::armElectionTimer() {
  // One pending timer, which re-arms itself when it fires before the deadline: pushing the
  // deadline back on every AppendEntries then costs no event. Only a deadline moved earlier
  // (a new, shorter random timeout) needs the timer replaced.
  if (m_role == Role::Leader) return;
  if (!m_electionTimer.isNull() && m_electionTimerAt <= m_electionDeadline) return;
  cancelTimer(m_electionTimer);
  m_electionTimerAt = std::max(now(), m_electionDeadline);
  m_electionTimer = setTimer(m_electionTimerAt - now(), ElectionCheck);
}

void RaftNode::startElection() {
  ++m_electionsStarted;
  ++m_term;
  m_role = Role::Candidate;
  m_votedFor = id();
  m_leader = kNoComponent;
  m_votes = 1u << m_member;
  failForwards();
  m_lastReset = now();
  drawElectionTimeout();
  Message m = makeMessage(MessageKind::RequestVote, m_controlSize);
  raft_wire::encode(m, raft_wire::RequestVote{m_term, lastLogIndex(), termAt(lastLogIndex())});
  for (const Peer& p : m_peers) sendRaft(p.link, m);
}

void RaftNode::becomeLeader() {
  m_role = Role::Leader;
  m_leader = id();
  failForwards();
  for (Peer& p : m_peers) {
    p.nextIndex = lastLogIndex() + 1;
    p.matchIndex = 0;
    p.inFlight = false;
    p.lastHeard = now();  // a grace period before check_quorum may act
  }
  m_group->checker().leaderElected(m_member, m_term, m_log);
  m_group->leaderElected(m_member);
  // A no-op of the new term lets entries of earlier terms commit (they cannot by counting).
  appendOwn(0);
  replicate();
  if (!m_heartbeatArmed) {
    m_heartbeatArmed = true;
    setTimer(m_heartbeat, HeartbeatTick);
  }
}

SimTime RaftNode::lastQuorumContact() const {
  if (m_role != Role::Leader) return now();
  // The majority-th most recent contact, counting this node as heard from now.
  SimTime times[32];
  std::size_t n = 0;
  times[n++] = now();
  for (const Peer& p : m_peers) times[n++] = p.lastHeard;
  const std::size_t k = m_group->majority() - 1;
  std::nth_element(times, times + k, times + n, std::greater<SimTime>());
  return times[k];
}

// --- Timers ----------------------------------------------------------------------------------

void RaftNode::onTimer(std::uint32_t kind, std::uint64_t /*payload*/) {
  switch (kind) {
    case ElectionCheck:
      m_electionTimer = EventId{};
      if (m_role == Role::Leader) return;
      if (now() < m_electionDeadline) {
        armElectionTimer();
      } else {
        startElection();
      }
      return;
    case HeartbeatTick:
      m_heartbeatArmed = false;
      if (m_role != Role::Leader) return;
      heartbeat();
      if (m_role == Role::Leader) {
        m_heartbeatArmed = true;
        setTimer(m_heartbeat, HeartbeatTick);
      }
      return;
    case ApplyDone:
      m_applying = false;
      applyNext();
      scheduleApply();
      return;
    default: return;
  }
}

void RaftNode::heartbeat() {
  if (m_checkQuorum) {
    const SimTime contact = lastQuorumContact();
    if (now() - contact >= m_electionMax) {
      stepDown(contact);
      return;
    }
  }
  for (Peer& p : m_peers) {
    // An idle follower gets a heartbeat; an append unanswered for an interval is presumed
    // lost and sent again.
    if (!p.inFlight || now() - p.lastSent >= m_heartbeat) sendAppend(p);
  }
}

// --- Messages --------------------------------------------------------------------------------

void RaftNode::sendRaft(LinkId link, const Message& msg) {
  m_group->stats().countMessage();
  send(link, msg);
}

void RaftNode::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Request: onClientRequest(msg, via); return;
    case MessageKind::Response:
    case MessageKind::Error: onLeaderReply(msg); return;
    case MessageKind::RequestVote: onRequestVote(msg, via); return;
    case MessageKind::RequestVoteReply: onRequestVoteReply(msg); return;
    case MessageKind::AppendEntries: onAppendEntries(msg, via); return;
    case MessageKind::AppendEntriesReply:
      if (Peer* p = peerOf(msg.src)) onAppendEntriesReply(msg, *p);
      return;
    default: return;
  }
}

void RaftNode::onRequestVote(const Message& msg, LinkId via) {
  const raft_wire::RequestVote v = raft_wire::decodeRequestVote(msg);
  if (v.term > m_term) adoptTerm(v.term);
  // Section 5.4.1: vote only for a candidate whose log is at least as up to date as ours.
  const bool upToDate = v.lastLogTerm > termAt(lastLogIndex()) ||
                        (v.lastLogTerm == termAt(lastLogIndex()) && v.lastLogIndex >= lastLogIndex());
  const bool grant = v.term == m_term &&
                     (m_votedFor == kNoComponent || m_votedFor == msg.src) &&
                     (upToDate || m_bug == Bug::VoteWithoutLogCheck);
  if (grant) {
    m_votedFor = msg.src;
    resetElectionDeadline();
  }
  Message r = msg.replyWith(MessageKind::RequestVoteReply, m_controlSize);
  raft_wire::encode(r, raft_wire::VoteReply{m_term, grant});
  sendRaft(via, r);
}

void RaftNode::onRequestVoteReply(const Message& msg) {
  const raft_wire::VoteReply v = raft_wire::decodeVoteReply(msg);
  if (v.term > m_term) {
    adoptTerm(v.term);
    return;
  }
  if (m_role != Role::Candidate || v.term != m_term || !v.granted) return;
  const Peer* p = peerOf(msg.src);
  if (!p) return;
  m_votes |= 1u << p->member;
  if (static_cast<std::size_t>(std::popcount(m_votes)) >= m_group->majority()) becomeLeader();
}

void RaftNode::sendAppend(Peer& p) {
  const std::int64_t prevIndex = p.nextIndex - 1;
  const std::int64_t count = std::min(m_maxEntries, lastLogIndex() - prevIndex);
  std::uint64_t generation = 0;
  if (count > 0) {
    generation = m_group->payloads().store(m_member, p.member,
                                           m_log.data() + prevIndex, static_cast<std::size_t>(count));
  }
  Message m = makeMessage(MessageKind::AppendEntries,
                          m_controlSize + static_cast<std::uint32_t>(count) * m_entrySize);
  raft_wire::encode(m, raft_wire::AppendEntries{m_term, prevIndex, termAt(prevIndex), m_commitIndex,
                                                generation, count});
  p.inFlight = true;
  p.sentCorrelation = m.correlation;
  p.lastSent = now();
  sendRaft(p.link, m);
}

void RaftNode::replicate() {
  // At most one append in flight per follower: the next batch leaves when the answer comes.
  for (Peer& p : m_peers) {
    if (!p.inFlight) sendAppend(p);
  }
}

void RaftNode::onAppendEntries(const Message& msg, LinkId via) {
  const raft_wire::AppendEntries a = raft_wire::decodeAppendEntries(msg);
  const std::int64_t term = a.term;
  Message r = msg.replyWith(MessageKind::AppendEntriesReply, m_controlSize);
  if (term < m_term) {
    raft_wire::encode(r, raft_wire::AppendReply{m_term, -1, lastLogIndex()});
    sendRaft(via, r);
    return;
  }
  if (term > m_term) adoptTerm(term);
  if (m_role == Role::Leader) {
    stepDown(now());  // two leaders in one term: only a broken vote gets here
  } else if (m_role == Role::Candidate) {
    becomeFollower();  // someone else won this term
  }
  if (m_leader != msg.src) {
    failForwards();
    m_leader = msg.src;
  }
  resetElectionDeadline();

  const std::int64_t count = a.count;
  const std::vector<RaftEntry>* entries = nullptr;
  if (count > 0) {
    const Peer* sender = peerOf(msg.src);
    entries = sender ? m_group->payloads().read(sender->member, m_member, a.generation) : nullptr;
    if (!entries) return;  // superseded by a newer send to us: as if lost
  }
  const std::int64_t prevIndex = a.prevLogIndex;
  if (prevIndex > lastLogIndex() || termAt(prevIndex) != a.prevLogTerm) {
    // Consistency check failed (section 5.3): the leader backs off and retries.
    raft_wire::encode(r, raft_wire::AppendReply{m_term, -1, std::min(lastLogIndex(), prevIndex - 1)});
    sendRaft(via, r);
    return;
  }
  for (std::int64_t k = 0; k < count; ++k) {
    const RaftEntry& e = (*entries)[static_cast<std::size_t>(k)];
    const std::int64_t index = prevIndex + 1 + k;
    if (index <= lastLogIndex()) {
      if (termAt(index) == e.term) continue;  // already there (log matching)
      // A conflicting suffix is discarded; only uncommitted entries may ever be.
      m_group->checker().truncating(m_member, index, m_commitIndex, m_term);
      m_log.resize(static_cast<std::size_t>(index - 1));
    }
    m_log.push_back(e);
    m_group->checker().appended(m_member, index, e, termAt(index - 1));
  }
  const std::int64_t lastNew = prevIndex + count;
  if (a.leaderCommit > m_commitIndex) commitUpTo(std::min(a.leaderCommit, lastNew));
  raft_wire::encode(r, raft_wire::AppendReply{m_term, lastNew, lastLogIndex()});
  sendRaft(via, r);
}

void RaftNode::onAppendEntriesReply(const Message& msg, Peer& p) {
  const raft_wire::AppendReply reply = raft_wire::decodeAppendReply(msg);
  if (reply.term > m_term) {
    adoptTerm(reply.term);
    return;
  }
  if (m_role != Role::Leader || reply.term != m_term) return;
  p.lastHeard = now();
  const bool current = msg.correlation == p.sentCorrelation;
  if (current) p.inFlight = false;
  if (reply.matchIndex >= 0) {
    p.matchIndex = std::max(p.matchIndex, reply.matchIndex);
    p.nextIndex = std::max(p.nextIndex, p.matchIndex + 1);
    advanceLeaderCommit();
    if (m_role != Role::Leader) return;
  } else if (current) {
    // Back off (section 5.3), skipping straight past the end of a short follower log.
    p.nextIndex = std::max(p.matchIndex + 1, std::min(p.nextIndex - 1, reply.lastLogIndex + 1));
  }
  if (!p.inFlight && (p.nextIndex <= lastLogIndex() || reply.matchIndex < 0)) sendAppend(p);
}

// --- Log, commit and apply ----------------------------------------------------------------------

void RaftNode::appendOwn(std::uint64_t command, std::uint64_t key, bool read) {
  m_log.push_back(RaftEntry{m_term, command, now(), key, read});
  const std::int64_t index = lastLogIndex();
  m_group->checker().appended(m_member, index, m_log.back(), termAt(index - 1));
}

void RaftNode::advanceLeaderCommit() {
  // The highest index stored on a majority (section 5.3), counting ourselves.
  m_scratch.clear();
  m_scratch.push_back(lastLogIndex());
  for (const Peer& p : m_peers) m_scratch.push_back(p.matchIndex);
  const std::size_t k = m_group->majority() - 1;
  std::nth_element(m_scratch.begin(), m_scratch.begin() + static_cast<std::ptrdiff_t>(k),
                   m_scratch.end(), std::greater<std::int64_t>());
  const std::int64_t n = m_scratch[k];
  // Section 5.4.2: only an entry of the current term commits by counting replicas; earlier
  // ones commit with it.
  if (n <= m_commitIndex || termAt(n) != m_term) return;
  RaftGroupStats& stats = m_group->stats();
  for (std::int64_t i = m_commitIndex + 1; i <= n; ++i) {
    const RaftEntry& e = m_log[static_cast<std::size_t>(i - 1)];
    if (e.term == m_term) stats.recordCommitLatency(now() - e.appendedAt);
  }
  stats.countCommitted(n - m_commitIndex);
  commitUpTo(n);
}

void RaftNode::commitUpTo(std::int64_t index) {
  if (index <= m_commitIndex) return;
  for (std::int64_t i = m_commitIndex + 1; i <= index; ++i) {
    m_group->checker().committed(m_member, i, m_log[static_cast<std::size_t>(i - 1)], m_term);
  }
  m_commitIndex = index;
  scheduleApply();
}

void RaftNode::scheduleApply() {
  if (m_applying) return;
  if (!m_applyTakesTime) {
    while (m_lastApplied < m_commitIndex) applyNext();
    return;
  }
  if (m_lastApplied >= m_commitIndex) return;
  m_applying = true;
  setTimer(sampleWorkTime(m_applyTime), ApplyDone);
}

void RaftNode::applyNext() {
  if (m_lastApplied >= m_commitIndex) return;
  ++m_lastApplied;
  const RaftEntry& e = m_log[static_cast<std::size_t>(m_lastApplied - 1)];
  m_group->checker().applied(m_member, m_lastApplied, e);
  // Command 0 is a leader's no-op; reads change nothing.
  if (e.command != 0 && !e.read) m_store.write(e.key, static_cast<std::int64_t>(e.command));
  // The leader answers the requests it appended, in log order, as they are applied.
  while (!m_pending.empty() && m_pending.front().index <= m_lastApplied) {
    const Pending& p = m_pending.front();
    if (p.index == m_lastApplied && e.command == p.request.requestId) {
      send(p.via, answerFor(p.request, e));
      ++metrics().completed;
      metrics().recordLatency(now() - p.arrivedAt);
    } else {
      send(p.via, p.request.errorReply(ErrorReason::Unavailable, m_responseSize));
      ++metrics().failed;
    }
    m_pending.popFront();
  }
}

}  // namespace pillars
