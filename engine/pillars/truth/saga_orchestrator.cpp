#include "engine/pillars/truth/saga_orchestrator.hpp"

#include "engine/sim/simulation.hpp"

namespace pillars {

std::vector<ParamSpec> SagaOrchestrator::paramSpecs() {
  return {
      durationParam("step_timeout", 2 * kSecond,
                    "A step not answered within this fails the saga; an unanswered "
                    "compensation is sent again after it. 0 waits forever",
                    0.0),
      integerParam("history", 20, 0, 10000, "sagas",
                   "Recent sagas kept with their step times, for --history; 0 keeps none"),
      integerParam("message_size", 500, 0, 1e9, "bytes",
                   "Size of a step or compensation request and of the client's reply"),
  };
}

SagaOrchestrator::SagaOrchestrator(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)) {
  m_stepTimeout = p.duration("step_timeout");
  m_historySize = static_cast<std::size_t>(p.integer("history"));
  m_messageSize = static_cast<std::uint32_t>(p.integer("message_size"));
}

void SagaOrchestrator::start() {
  // The ring is allocated once, with room for every step and compensation of a saga, so
  // recording allocates nothing while the run goes on (retried compensations may add more).
  if (m_history.size() == m_historySize) return;
  m_history.resize(m_historySize);
  for (SagaRecord& r : m_history) r.events.reserve(2 * outgoingLinks().size() + 2);
}

std::vector<std::string> SagaOrchestrator::stepNames() const {
  std::vector<std::string> names;
  for (const LinkId link : outgoingLinks()) {
    names.push_back(sim().component(sim().network().link(link).peerOf(id())).name());
  }
  return names;
}

SagaRecord* SagaOrchestrator::record(const Saga& saga) {
  if (m_history.empty()) return nullptr;
  SagaRecord& r = m_history[(saga.number - 1) % m_history.size()];
  // The slot may already hold a newer saga, if this one ran very long.
  return r.number == saga.number ? &r : nullptr;
}

void SagaOrchestrator::recordEvent(const Saga& saga, bool compensation,
                                   SagaEvent::Outcome outcome) {
  if (SagaRecord* r = record(saga)) {
    r->events.push_back({saga.step, compensation, saga.stepStartedAt, now(), outcome});
  }
}

void SagaOrchestrator::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Request: begin(msg, via); return;
    case MessageKind::SagaStepDone: onStepDone(msg); return;
    case MessageKind::CompensateDone: onCompensateDone(msg); return;
    default: return;
  }
}

void SagaOrchestrator::begin(const Message& request, LinkId via) {
  ++metrics().received;
  ++m_startedInWindow;
  const SlotHandle handle = m_sagas.acquire();
  Saga& saga = *m_sagas.get(handle);
  saga.request = request;
  saga.clientLink = via;
  saga.startedAt = now();
  saga.number = ++m_started;
  if (!m_history.empty()) {
    SagaRecord& r = m_history[(saga.number - 1) % m_history.size()];
    r.number = saga.number;
    r.requestId = request.requestId;
    r.start = now();
    r.end = 0;
    r.outcome = SagaRecord::Outcome::InProgress;
    r.events.clear();
  }
  if (outgoingLinks().empty()) {
    finish(handle, saga, true);
    return;
  }
  sendStep(handle, saga, MessageKind::SagaStep);
}

void SagaOrchestrator::sendStep(SlotHandle handle, Saga& saga, MessageKind kind) {
  Message m = makeRequestFor(saga.request, handle);
  m.kind = kind;
  m.sizeBytes = m_messageSize;
  m.arg1 = saga.step;
  saga.stepStartedAt = now();
  send(outgoingLinks()[saga.step], m);
  cancelTimer(saga.timer);
  if (m_stepTimeout > 0) saga.timer = setTimer(m_stepTimeout, StepTimeout, handle);
}

void SagaOrchestrator::onStepDone(const Message& msg) {
  Saga* saga = m_sagas.get(msg.correlation);
  // Late answers (a step that already timed out, a saga lost in a crash) are ignored.
  if (!saga || saga->compensating || msg.arg1 != static_cast<std::int64_t>(saga->step)) return;
  cancelTimer(saga->timer);
  if (msg.arg0 == 0) {
    stepFailed(msg.correlation, *saga, SagaEvent::Outcome::Failed);
    return;
  }
  recordEvent(*saga, false, SagaEvent::Outcome::Done);
  saga->done = saga->step + 1;
  if (saga->done == outgoingLinks().size()) {
    finish(msg.correlation, *saga, true);
    return;
  }
  ++saga->step;
  sendStep(msg.correlation, *saga, MessageKind::SagaStep);
}

void SagaOrchestrator::stepFailed(SlotHandle handle, Saga& saga, SagaEvent::Outcome outcome) {
  recordEvent(saga, false, outcome);
  // A step that did not answer may have done its work: undo it too.
  if (outcome == SagaEvent::Outcome::TimedOut) saga.done = saga.step + 1;
  saga.compensating = true;
  compensateNext(handle, saga);
}

void SagaOrchestrator::compensateNext(SlotHandle handle, Saga& saga) {
  if (saga.done == 0) {
    finish(handle, saga, false);
    return;
  }
  saga.step = saga.done - 1;
  sendStep(handle, saga, MessageKind::Compensate);
}

void SagaOrchestrator::onCompensateDone(const Message& msg) {
  Saga* saga = m_sagas.get(msg.correlation);
  if (!saga || !saga->compensating || msg.arg1 != static_cast<std::int64_t>(saga->step)) return;
  cancelTimer(saga->timer);
  recordEvent(*saga, true, SagaEvent::Outcome::Done);
  ++m_compensationsRun;
  saga->done = saga->step;
  compensateNext(msg.correlation, *saga);
}

void SagaOrchestrator::onTimer(std::uint32_t kind, std::uint64_t payload) {
  Saga* saga = m_sagas.get(payload);
  if (kind != StepTimeout || !saga) return;
  saga->timer = EventId{};
  if (saga->compensating) {
    // A saga must be undone completely: ask again (compensations are idempotent).
    recordEvent(*saga, true, SagaEvent::Outcome::TimedOut);
    ++m_compensationRetries;
    sendStep(payload, *saga, MessageKind::Compensate);
    return;
  }
  ++m_stepTimeouts;
  stepFailed(payload, *saga, SagaEvent::Outcome::TimedOut);
}

void SagaOrchestrator::finish(SlotHandle handle, Saga& saga, bool completed) {
  ComponentMetrics& m = metrics();
  cancelTimer(saga.timer);
  send(saga.clientLink, saga.request.outcomeReply(completed, ErrorReason::Downstream,
                                                  m_messageSize));
  if (completed) {
    ++m_completed;
    ++m.completed;
    m.recordLatency(now() - saga.startedAt);
  } else {
    ++m_compensated;
    ++m.failed;
  }
  if (SagaRecord* r = record(saga)) {
    r->end = now();
    r->outcome = completed ? SagaRecord::Outcome::Completed : SagaRecord::Outcome::Compensated;
  }
  m_sagas.release(handle);
}

void SagaOrchestrator::onCrash() {
  m_sagas.forEachLive([&](SlotHandle, Saga& saga) {
    ++metrics().dropped;
    if (SagaRecord* r = record(saga)) {
      r->end = now();
      r->outcome = SagaRecord::Outcome::Lost;
    }
  });
  m_sagas.clear();
}

std::vector<SagaRecord> SagaOrchestrator::history() const {
  std::vector<SagaRecord> out;
  if (m_history.empty()) return out;
  const std::uint64_t size = m_history.size();
  const std::uint64_t first = m_started > size ? m_started - size + 1 : 1;
  for (std::uint64_t n = first; n <= m_started; ++n) out.push_back(m_history[(n - 1) % size]);
  return out;
}

void SagaOrchestrator::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_startedInWindow = m_completed = m_compensated = m_compensationsRun = 0;
  m_compensationRetries = m_stepTimeouts = 0;
}

std::vector<Component::ExtraMetric> SagaOrchestrator::extraMetrics(SimTime /*now*/) const {
  return {{"sagas_started", static_cast<double>(m_startedInWindow)},
          {"sagas_completed", static_cast<double>(m_completed)},
          {"sagas_compensated", static_cast<double>(m_compensated)},
          {"sagas_in_progress", static_cast<double>(m_sagas.liveCount())},
          {"compensations_run", static_cast<double>(m_compensationsRun)},
          {"compensation_retries", static_cast<double>(m_compensationRetries)},
          {"step_timeouts", static_cast<double>(m_stepTimeouts)}};
}

}  // namespace pillars
