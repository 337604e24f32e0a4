#include "engine/pillars/truth/two_phase_coordinator.hpp"

#include <algorithm>
#include <bit>

#include "engine/sim/simulation.hpp"

namespace pillars {

std::vector<ParamSpec> TwoPhaseCoordinator::paramSpecs() {
  using D = Distribution;
  return {
      durationParam("vote_timeout", 1 * kSecond,
                    "Votes not all in by this long after Prepare abort the transaction; 0 waits "
                    "forever"),
      distributionParam("log_time", D::constant(0.001), D::Dimension::Duration, "s",
                        "Time to force a decision to the durable log before announcing it"),
      durationParam("resend_interval", 500 * kMillisecond,
                    "A decision not acknowledged within this is sent again; 0 sends it once "
                    "(and again after each restart)"),
      integerParam("message_size", 200, 0, 1e9, "bytes",
                   "Size of Prepare, Commit, Abort and of the client's reply"),
  };
}

TwoPhaseCoordinator::TwoPhaseCoordinator(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)) {
  m_voteTimeout = p.duration("vote_timeout");
  m_logTime = p.distribution("log_time");
  m_resendInterval = p.duration("resend_interval");
  m_messageSize = static_cast<std::uint32_t>(p.integer("message_size"));
}

int TwoPhaseCoordinator::participantIndex(LinkId via) const {
  const auto& links = outgoingLinks();
  const std::size_t n = std::min(links.size(), kMaxParticipants);
  for (std::size_t i = 0; i < n; ++i) {
    if (links[i] == via) return static_cast<int>(i);
  }
  return -1;
}

void TwoPhaseCoordinator::start() {
  // Recovery (and, on the first start, a no-op): replay the log in slot order, which is
  // deterministic. A transaction with a begin record and no decision is aborted: the votes it
  // collected were in memory, and without them commit is not safe.
  m_txns.forEachLive([&](SlotHandle handle, Txn& txn) {
    if (txn.phase == Phase::Collecting) {
      ++m_abortedOnRecovery;
      decide(handle, txn, false);
    } else if (txn.phase == Phase::Decided) {
      sendDecision(handle, txn);
    }
  });
}

void TwoPhaseCoordinator::onCrash() {
  m_txns.forEachLive([&](SlotHandle, Txn& txn) {
    if (txn.hasClient) ++metrics().dropped;
    txn.hasClient = false;
    txn.yesVotes = 0;
    // A decision whose log write had not completed was never written.
    if (txn.phase == Phase::Logging) txn.phase = Phase::Collecting;
    // Pending timers died with the process (the epoch advanced); forget their ids.
    txn.voteTimer = EventId{};
    txn.logTimer = EventId{};
    txn.resendTimer = EventId{};
  });
}

void TwoPhaseCoordinator::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Request: begin(msg, via); return;
    case MessageKind::Vote: onVote(msg, via); return;
    case MessageKind::Ack: onAck(msg, via); return;
    default: return;
  }
}

void TwoPhaseCoordinator::begin(const Message& request, LinkId via) {
  ++metrics().received;
  const SlotHandle handle = m_txns.acquire();
  Txn& txn = *m_txns.get(handle);
  txn.hasClient = true;
  txn.request = request;
  txn.clientLink = via;
  txn.arrivedAt = now();
  // The begin record: who takes part. Written with the Prepare messages (its cost is not
  // modelled apart from the decision's log write).
  const auto& links = outgoingLinks();
  const std::size_t n = std::min(links.size(), kMaxParticipants);
  txn.participants = n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
  txn.prepare = makeMessage(MessageKind::Prepare, m_messageSize);
  txn.prepare.correlation = handle;
  txn.prepare.requestId = request.requestId;
  txn.prepare.key = request.key;
  txn.prepare.originTime = request.originTime;
  for (std::size_t i = 0; i < n; ++i) send(links[i], txn.prepare);
  if (m_voteTimeout > 0) txn.voteTimer = setTimer(m_voteTimeout, VoteTimeout, handle);
}

void TwoPhaseCoordinator::onVote(const Message& msg, LinkId via) {
  Txn* txn = m_txns.get(msg.correlation);
  const int index = participantIndex(via);
  // Late votes (the transaction was decided, or forgotten in a crash) change nothing.
  if (!txn || index < 0 || txn->phase != Phase::Collecting) return;
  if (msg.arg0 == 0) {
    decide(msg.correlation, *txn, false);
    return;
  }
  txn->yesVotes |= std::uint64_t{1} << index;
  if (txn->yesVotes == txn->participants) decide(msg.correlation, *txn, true);
}

void TwoPhaseCoordinator::decide(SlotHandle handle, Txn& txn, bool commit) {
  cancelTimer(txn.voteTimer);
  txn.phase = Phase::Logging;
  txn.commit = commit;
  txn.logTimer = setTimer(sampleWorkTime(m_logTime), LogWritten, handle);
}

void TwoPhaseCoordinator::decisionLogged(SlotHandle handle, Txn& txn) {
  txn.logTimer = EventId{};
  txn.phase = Phase::Decided;
  ++(txn.commit ? m_committed : m_aborted);
  if (txn.hasClient) {
    ComponentMetrics& m = metrics();
    if (txn.commit) {
      ++m.completed;
      m.recordLatency(now() - txn.arrivedAt);
    } else {
      ++m.failed;
    }
    send(txn.clientLink, txn.request.outcomeReply(txn.commit, ErrorReason::Downstream,
                                                  m_messageSize));
    txn.hasClient = false;
  }
  sendDecision(handle, txn);
}

void TwoPhaseCoordinator::sendDecision(SlotHandle handle, Txn& txn) {
  Message decision = txn.prepare;
  decision.kind = txn.commit ? MessageKind::Commit : MessageKind::Abort;
  const auto& links = outgoingLinks();
  const std::uint64_t pending = txn.participants & ~txn.acked;
  for (std::size_t i = 0; i < links.size() && i < kMaxParticipants; ++i) {
    if (pending & (std::uint64_t{1} << i)) send(links[i], decision);
  }
  cancelTimer(txn.resendTimer);
  if (m_resendInterval > 0) txn.resendTimer = setTimer(m_resendInterval, ResendDecision, handle);
}

void TwoPhaseCoordinator::onAck(const Message& msg, LinkId via) {
  Txn* txn = m_txns.get(msg.correlation);
  const int index = participantIndex(via);
  if (!txn || index < 0 || txn->phase != Phase::Decided) return;
  txn->acked |= std::uint64_t{1} << index;
  if (txn->acked != txn->participants) return;
  // Everyone applied the decision: the log record can be forgotten.
  cancelTimer(txn->resendTimer);
  m_txns.release(msg.correlation);
}

void TwoPhaseCoordinator::onTimer(std::uint32_t kind, std::uint64_t payload) {
  Txn* txn = m_txns.get(payload);
  if (!txn) return;
  switch (kind) {
    case VoteTimeout:
      txn->voteTimer = EventId{};
      if (txn->phase != Phase::Collecting) return;
      ++metrics().timedOut;
      decide(payload, *txn, false);
      return;
    case LogWritten: decisionLogged(payload, *txn); return;
    case ResendDecision:
      txn->resendTimer = EventId{};
      ++m_resent;
      sendDecision(payload, *txn);
      return;
    default: return;
  }
}

void TwoPhaseCoordinator::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_committed = m_aborted = m_abortedOnRecovery = m_resent = 0;
}

std::vector<Component::ExtraMetric> TwoPhaseCoordinator::extraMetrics(SimTime /*now*/) const {
  return {{"committed", static_cast<double>(m_committed)},
          {"aborted", static_cast<double>(m_aborted)},
          {"aborted_on_recovery", static_cast<double>(m_abortedOnRecovery)},
          {"decisions_resent", static_cast<double>(m_resent)},
          {"open_transactions", static_cast<double>(m_txns.liveCount())}};
}

}  // namespace pillars
