#include "engine/pillars/truth/saga_step.hpp"

#include "engine/sim/simulation.hpp"

namespace pillars {

std::vector<ParamSpec> SagaStepService::paramSpecs() {
  using D = Distribution;
  return {
      realParam("failure_probability", 0.0, 0.0, 1.0, "probability",
                "Chance that the step's work fails (and the saga is compensated)"),
      distributionParam("work_time", D::exponential(0.01), D::Dimension::Duration, "s",
                        "Time the step's own work takes"),
      distributionParam("compensation_time", D::exponential(0.01), D::Dimension::Duration, "s",
                        "Time to undo the step's work"),
      integerParam("message_size", 500, 0, 1e9, "bytes", "Size of a reply on the wire"),
  };
}

SagaStepService::SagaStepService(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)) {
  m_failureProbability = p.real("failure_probability");
  m_workTime = p.distribution("work_time");
  m_compensationTime = p.distribution("compensation_time");
  m_messageSize = static_cast<std::uint32_t>(p.integer("message_size"));
}

void SagaStepService::receive(const Message& msg, LinkId via) {
  if (msg.kind != MessageKind::SagaStep && msg.kind != MessageKind::Compensate) return;
  ++metrics().received;
  const SlotHandle handle = m_jobs.acquire();
  Job& job = *m_jobs.get(handle);
  job.request = msg;
  job.via = via;
  job.arrivedAt = now();
  const Distribution& time = msg.kind == MessageKind::SagaStep ? m_workTime : m_compensationTime;
  setTimer(sampleWorkTime(time), WorkDone, handle);
}

void SagaStepService::onTimer(std::uint32_t kind, std::uint64_t payload) {
  Job* job = m_jobs.get(payload);
  if (kind != WorkDone || !job) return;
  ComponentMetrics& m = metrics();
  if (job->request.kind == MessageKind::SagaStep) {
    // Exactly one draw per step keeps the random stream aligned whatever the outcome.
    const bool ok = rng().uniform01() >= m_failureProbability;
    Message reply = job->request.replyWith(MessageKind::SagaStepDone, m_messageSize);
    reply.arg0 = ok ? 1 : 0;
    send(job->via, reply);
    if (ok) {
      ++m.completed;
      m.recordLatency(now() - job->arrivedAt);
    } else {
      ++m.failed;
    }
  } else {
    ++m_compensations;
    send(job->via, job->request.replyWith(MessageKind::CompensateDone, m_messageSize));
  }
  m_jobs.release(payload);
}

void SagaStepService::onCrash() {
  metrics().dropped += m_jobs.liveCount();
  m_jobs.clear();
}

void SagaStepService::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_compensations = 0;
}

std::vector<Component::ExtraMetric> SagaStepService::extraMetrics(SimTime /*now*/) const {
  return {{"compensations", static_cast<double>(m_compensations)},
          {"in_progress", static_cast<double>(m_jobs.liveCount())}};
}

}  // namespace pillars
