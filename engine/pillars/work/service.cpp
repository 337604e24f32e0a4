#include "engine/pillars/work/service.hpp"

#include "engine/sim/simulation.hpp"

namespace pillars {

std::vector<ParamSpec> Service::paramSpecs() {
  using D = Distribution;
  return {
      integerParam("workers", 1, 1, 1e6, "workers", "Requests served at the same time (c)"),
      integerParam("queue_capacity", 0, 0, 1e9, "requests",
                   "Requests that may wait for a worker; more are rejected. 0 means unbounded"),
      distributionParam("service_time", D::exponential(0.01), D::Dimension::Duration, "s",
                        "Work time of one request on one worker"),
      choiceParam("downstream_calls", "sequential", {"sequential", "parallel"},
                  "How the downstream links are called after the work is done"),
      durationParam("downstream_timeout", 10 * kSecond,
                    "Deadline for all downstream answers of one request; 0 waits forever"),
      integerParam("response_size", 1000, 0, 1e9, "bytes", "Size of a reply on the wire"),
  };
}

Service::Service(const std::string& name, const ParamSet& p) : Component(name, std::string(kKind)) {
  m_workers = p.integer("workers");
  m_queueCapacity = p.integer("queue_capacity");
  m_serviceTime = p.distribution("service_time");
  m_parallelCalls = p.choice("downstream_calls") == "parallel";
  m_downstreamTimeout = p.duration("downstream_timeout");
  m_responseSize = static_cast<std::uint32_t>(p.integer("response_size"));
  metrics().capacity = static_cast<double>(m_workers);
}

void Service::start() {
  metrics().busy.set(now(), 0.0);
  metrics().queueLength.set(now(), 0.0);
}

void Service::onCrash() {
  // Everything queued or in service dies with the process; callers learn it by timing out.
  metrics().dropped += m_jobs.liveCount();
  m_jobs.clear();
  m_waiting.clear();
  m_busy = 0;
  metrics().busy.set(now(), 0.0);
  metrics().queueLength.set(now(), 0.0);
}

void Service::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Request: accept(msg, via); return;
    case MessageKind::Response:
    case MessageKind::Error: onDownstreamReply(msg); return;
    default: return;
  }
}

void Service::accept(const Message& msg, LinkId via) {
  ComponentMetrics& m = metrics();
  ++m.received;
  if (m_busy >= m_workers && m_queueCapacity > 0 &&
      static_cast<std::int64_t>(m_waiting.size()) >= m_queueCapacity) {
    ++m.dropped;
    send(via, msg.errorReply(ErrorReason::Rejected, m_responseSize));
    return;
  }
  const SlotHandle handle = m_jobs.acquire();
  Job& job = *m_jobs.get(handle);
  job.request = msg;
  job.via = via;
  job.arrivedAt = now();
  if (m_busy < m_workers) {
    beginService(handle, job);
  } else {
    m_waiting.pushBack(handle);
    m.queueLength.add(now(), 1.0);
  }
}

void Service::beginService(SlotHandle handle, Job& job) {
  ++m_busy;
  metrics().busy.add(now(), 1.0);
  startWork(handle, job);
}

void Service::startWork(SlotHandle handle, const Job& job) {
  metrics().wait.add(simTimeToSeconds(now() - job.arrivedAt));
  setTimer(sampleWorkTime(m_serviceTime), ServiceDone, handle);
}

void Service::onTimer(std::uint32_t kind, std::uint64_t payload) {
  Job* job = m_jobs.get(payload);
  if (!job) return;
  if (kind == ServiceDone) {
    if (outgoingLinks().empty()) {
      finish(payload, *job, true);
    } else {
      callDownstream(payload, *job);
    }
  } else if (kind == DownstreamTimeout) {
    job->timer = EventId{};
    ++metrics().timedOut;
    finish(payload, *job, false);
  }
}

void Service::sendCall(SlotHandle handle, const Job& job, LinkId link) {
  send(link, makeRequestFor(job.request, handle));
}

void Service::callDownstream(SlotHandle handle, Job& job) {
  const auto& links = outgoingLinks();
  if (m_downstreamTimeout > 0) job.timer = setTimer(m_downstreamTimeout, DownstreamTimeout, handle);
  if (m_parallelCalls) {
    job.pendingCalls = static_cast<std::uint32_t>(links.size());
    for (const LinkId link : links) sendCall(handle, job, link);
  } else {
    job.nextCall = 1;
    job.pendingCalls = 1;
    sendCall(handle, job, links[0]);
  }
}

void Service::onDownstreamReply(const Message& msg) {
  Job* job = m_jobs.get(msg.correlation);
  if (!job || job->pendingCalls == 0) return;  // the request already ended (timeout, crash)
  const SlotHandle handle = msg.correlation;
  --job->pendingCalls;
  if (msg.kind == MessageKind::Error) job->failed = true;
  job->answer = msg.answer();
  job->answered = true;
  if (job->pendingCalls > 0) return;
  const auto& links = outgoingLinks();
  if (!job->failed && !m_parallelCalls && job->nextCall < links.size()) {
    job->pendingCalls = 1;
    sendCall(handle, *job, links[job->nextCall++]);
    return;
  }
  if (job->failed) ++metrics().failed;
  finish(handle, *job, !job->failed);
}

void Service::finish(SlotHandle handle, Job& job, bool success) {
  ComponentMetrics& m = metrics();
  cancelTimer(job.timer);
  Message reply = job.request.outcomeReply(success, ErrorReason::Downstream, m_responseSize);
  // A version read or written downstream reaches the caller (State pillar).
  if (job.answered) reply.carryAnswer(job.answer);
  send(job.via, reply);
  if (success) {
    ++m.completed;
    m.recordLatency(now() - job.arrivedAt);
  }
  m_jobs.release(handle);
  // The worker moves on to the oldest waiting request (FIFO).
  if (!m_waiting.empty()) {
    const SlotHandle next = m_waiting.takeFront();
    m.queueLength.add(now(), -1.0);
    startWork(next, *m_jobs.get(next));
  } else {
    --m_busy;
    m.busy.add(now(), -1.0);
  }
}

std::vector<Component::ExtraMetric> Service::extraMetrics(SimTime /*now*/) const {
  return {{"busy_workers", static_cast<double>(m_busy)},
          {"waiting", static_cast<double>(m_waiting.size())}};
}

}  // namespace pillars
