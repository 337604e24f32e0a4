#include "engine/pillars/truth/two_phase_participant.hpp"

#include <algorithm>

#include "engine/sim/simulation.hpp"

namespace pillars {

std::vector<ParamSpec> TwoPhaseParticipant::paramSpecs() {
  using D = Distribution;
  return {
      realParam("abort_probability", 0.0, 0.0, 1.0, "probability",
                "Chance that the participant votes no after its prepare work"),
      distributionParam("prepare_time", D::constant(0.005), D::Dimension::Duration, "s",
                        "Work (and log write) before the participant can vote"),
      integerParam("message_size", 200, 0, 1e9, "bytes", "Size of a Vote or an Ack"),
  };
}

TwoPhaseParticipant::TwoPhaseParticipant(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)) {
  m_abortProbability = p.real("abort_probability");
  m_prepareTime = p.distribution("prepare_time");
  m_messageSize = static_cast<std::uint32_t>(p.integer("message_size"));
}

SlotHandle TwoPhaseParticipant::find(LinkId link, std::uint64_t txn) {
  SlotHandle found = kNoSlot;
  m_held.forEachLive([&](SlotHandle h, Held& held) {
    if (held.link == link && held.txn == txn) found = h;
  });
  return found;
}

bool TwoPhaseParticipant::keyLocked(std::uint64_t key) {
  bool locked = false;
  m_held.forEachLive([&](SlotHandle, Held& held) { locked = locked || held.key == key; });
  return locked;
}

void TwoPhaseParticipant::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Prepare: onPrepare(msg, via); return;
    case MessageKind::Commit:
    case MessageKind::Abort: onDecision(msg, via); return;
    default: return;
  }
}

void TwoPhaseParticipant::onPrepare(const Message& msg, LinkId via) {
  ++metrics().received;
  const SlotHandle existing = find(via, msg.correlation);
  if (existing != kNoSlot) {
    // A repeated Prepare: a prepared transaction repeats its yes; one still preparing will vote.
    const Held& held = *m_held.get(existing);
    if (held.prepared) vote(held, true);
    return;
  }
  if (keyLocked(msg.key)) {
    // No-wait locking: refuse rather than queue (see the class comment).
    ++m_lockConflicts;
    ++m_votedNo;
    Message no = msg.replyWith(MessageKind::Vote, m_messageSize);
    no.arg0 = 0;
    send(via, no);
    return;
  }
  const SlotHandle handle = m_held.acquire();
  Held& held = *m_held.get(handle);
  held.key = msg.key;
  held.txn = msg.correlation;
  held.link = via;
  held.prepare = msg;
  held.lockedAt = now();
  held.timer = setTimer(sampleWorkTime(m_prepareTime), PrepareDone, handle);
}

void TwoPhaseParticipant::vote(const Held& held, bool yes) {
  Message v = held.prepare.replyWith(MessageKind::Vote, m_messageSize);
  v.arg0 = yes ? 1 : 0;
  send(held.link, v);
}

void TwoPhaseParticipant::onTimer(std::uint32_t kind, std::uint64_t payload) {
  Held* held = m_held.get(payload);
  if (kind != PrepareDone || !held) return;
  held->timer = EventId{};
  // Exactly one draw per prepared transaction keeps the random stream aligned across runs.
  const bool yes = rng().uniform01() >= m_abortProbability;
  vote(*held, yes);
  if (!yes) {
    ++m_votedNo;
    release(payload, *held);
    return;
  }
  held->prepared = true;
  held->votedAt = now();
  ++m_inDoubt;
  m_openBlockedSince += now();
}

void TwoPhaseParticipant::onDecision(const Message& msg, LinkId via) {
  const bool commit = msg.kind == MessageKind::Commit;
  const SlotHandle handle = find(via, msg.correlation);
  if (Held* held = m_held.get(handle)) {
    ++(commit ? m_committed : m_aborted);
    if (commit) ++metrics().completed;
    release(handle, *held);
  }
  // Acknowledge even a decision already applied: the first Ack may have been lost, and the
  // coordinator resends until it hears one.
  send(via, msg.replyWith(MessageKind::Ack, m_messageSize));
}

void TwoPhaseParticipant::release(SlotHandle handle, Held& held) {
  cancelTimer(held.timer);
  if (held.prepared) {
    const SimTime since = std::max(held.votedAt, m_measureStart);
    --m_inDoubt;
    m_openBlockedSince -= since;
    m_blockedTotal += now() - since;
  }
  m_lockHeld.record(now() - held.lockedAt);
  m_held.release(handle);
}

void TwoPhaseParticipant::onCrash() {
  // Prepared transactions are on the participant's log and keep their locks; a prepare still
  // under way was never logged, so its lock goes with the process.
  m_held.forEachLive([&](SlotHandle handle, Held& held) {
    if (held.prepared) return;
    ++metrics().dropped;
    held.timer = EventId{};
    m_lockHeld.record(now() - held.lockedAt);
    m_held.release(handle);
  });
}

void TwoPhaseParticipant::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_committed = m_aborted = m_votedNo = m_lockConflicts = 0;
  m_blockedTotal = 0;
  m_measureStart = now;
  // Periods still open are measured from the start of the window.
  m_openBlockedSince = static_cast<SimTime>(m_inDoubt) * now;
  m_lockHeld.reset();
}

std::vector<Component::ExtraMetric> TwoPhaseParticipant::extraMetrics(SimTime /*now*/) const {
  // In-doubt periods still open count up to the current time.
  const SimTime blocked =
      m_blockedTotal + static_cast<SimTime>(m_inDoubt) * now() - m_openBlockedSince;
  const double toMs = 1e-6;
  return {{"committed", static_cast<double>(m_committed)},
          {"aborted", static_cast<double>(m_aborted)},
          {"voted_no", static_cast<double>(m_votedNo)},
          {"lock_conflicts", static_cast<double>(m_lockConflicts)},
          {"locks_held", static_cast<double>(m_held.liveCount())},
          {"blocked_now", static_cast<double>(m_inDoubt)},
          {"blocked_s", simTimeToSeconds(blocked)},
          {"lock_held_ms.mean", m_lockHeld.mean() * toMs},
          {"lock_held_ms.p99", static_cast<double>(m_lockHeld.quantile(0.99)) * toMs},
          {"lock_held_ms.max", static_cast<double>(m_lockHeld.max()) * toMs}};
}

}  // namespace pillars
