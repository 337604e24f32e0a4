#include "engine/pillars/work/service.hpp"

#include <algorithm>

#include "engine/pillars/control/control_params.hpp"
#include "engine/pillars/control/service_set.hpp"
#include "engine/run/instances.hpp"
#include "engine/sim/request_id.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

std::vector<ParamSpec> Service::paramSpecs() {
  using D = Distribution;
  std::vector<ParamSpec> specs = {
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
      realParam("error_probability", 0.0, 0.0, 1.0, "probability",
                "Share of requests the service fails itself after its work (a bad release)"),
      choiceParam("queue_discipline", "fifo", {"fifo", "lifo", "adaptive_lifo"},
                  "Which waiting request a free worker takes: the oldest, the newest, or the newest "
                  "once the queue stands (adaptive LIFO)"),
      choiceParam("shedding", "none", {"none", "codel", "expired", "deadline"},
                  "Work dropped as it reaches a worker: none; waited too long in a standing queue "
                  "(CoDel); its caller's deadline passed; or it cannot finish before that deadline"),
      durationParam("codel_target", 5 * kMillisecond, "CoDel and adaptive LIFO: waiting allowed in a standing queue"),
      durationParam("codel_interval", 100 * kMillisecond,
                    "CoDel and adaptive LIFO: a queue not empty for this long is standing", 0.000001),
      choiceParam("concurrency_limit", "none", {"none", "aimd", "gradient2"},
                  "An adaptive limit on requests in the service (AIMD, or Netflix's Gradient2 from latency "
                  "alone); beyond it they are refused"),
      durationParam("limit_latency_goal", 100 * kMillisecond,
                    "aimd: answers slower than this shrink the limit", 0.000001),
      integerParam("limit_initial", 20, 1, 1e6, "requests", "aimd, gradient2: the limit at the start"),
  };
  specs.push_back(realParam("instance_cost_per_hour", 0, 0, 1e9, "per hour",
                            "Price of running one instance for an hour (any currency); results sum it over the run"));
  appendParams(specs, circuitBreakerParams("each downstream link"));
  appendParams(specs, replicaSetParams());
  appendParams(specs, probeParams());
  appendParams(specs, rolloutParams());
  appendParams(specs, sloParams());
  return specs;
}

Service::Service(const std::string& name, const ParamSet& p) : Component(name, std::string(kKind)), m_params(p) {
  m_workers = p.integer("workers");
  m_queueCapacity = p.integer("queue_capacity");
  m_serviceTime = p.distribution("service_time");
  m_parallelCalls = p.choice("downstream_calls") == "parallel";
  m_downstreamTimeout = p.duration("downstream_timeout");
  m_responseSize = static_cast<std::uint32_t>(p.integer("response_size"));
  m_errorProbability = p.real("error_probability");
  const std::string& discipline = p.choice("queue_discipline");
  m_discipline = discipline == "lifo"            ? Discipline::Lifo
                 : discipline == "adaptive_lifo" ? Discipline::AdaptiveLifo
                                                 : Discipline::Fifo;
  const std::string& shedding = p.choice("shedding");
  m_shedding = shedding == "codel"      ? Shedding::Codel
               : shedding == "expired"  ? Shedding::Expired
               : shedding == "deadline" ? Shedding::Deadline
                                        : Shedding::None;
  m_codel = Codel(p.duration("codel_target"), p.duration("codel_interval"));
  const auto initial = static_cast<double>(p.integer("limit_initial"));
  if (p.choice("concurrency_limit") == "aimd") {
    m_limit = ConcurrencyLimit(AimdLimit(initial, 1.0, std::max(initial, 1e6), p.duration("limit_latency_goal"), 0.9));
  } else if (p.choice("concurrency_limit") == "gradient2") {
    Gradient2Limit::Config c;
    c.initial = initial;
    m_limit = ConcurrencyLimit(Gradient2Limit(c));
  }
  m_breakers = p.boolean("circuit_breaker");
  m_breakerConfig = circuitBreakerConfig(p);
  m_restartAlways = p.choice("restart_policy") == "always";
  m_backoff = restartBackoffConfig(p);
  m_startupTime = p.duration("startup_time");
  m_startFailureProbability = p.real("start_failure_probability");
  m_liveness = Probe(probeConfig(p, "liveness"));
  m_readiness = Probe(probeConfig(p, "readiness"));
  m_dedicatedProbes = p.choice("probe_path") == "dedicated";
  m_probeTime = p.duration("probe_time");
  metrics().capacity = static_cast<double>(m_workers);
  m_costPerHour = p.real("instance_cost_per_hour");
}

std::vector<ParamProblem> Service::checkParams(const ParamSet& p) {
  std::vector<ParamProblem> problems;
  if (p.duration("liveness_period") > 0 && p.choice("restart_policy") != "always") {
    problems.push_back({"liveness_period", "a failing liveness probe kills the instance, and with restart_policy " +
                                               p.choice("restart_policy") +
                                               " nothing would restart it; expected restart_policy always "
                                               "(as Kubernetes restarts a container its liveness probe killed)"});
  }
  return problems;
}

std::string Service::checkAction(const ParamSet& p, std::string_view action) {
  if (action != kRolloutAction) return {};
  if (p.text("v2_service_time") == p.text("service_time") && p.real("v2_error_probability") == p.real("error_probability")) {
    return "it has no second version (set v2_service_time or v2_error_probability)";
  }
  return {};
}

bool Service::intervene(const Intervention& what) {
  const std::string_view action = what.action;
  if (action == Rollout::kTerminateAction) {
    // Taken out by a rollout: unready from now on, still serving what reaches it.
    m_terminating = true;
    return true;
  }
  if (action == Rollout::kStandbyAction || action == Rollout::kActivateAction) {
    // Blue/green: out of rotation (unready, still serving what reaches it) or back in.
    m_standby = action == Rollout::kStandbyAction;
    return true;
  }
  if (action == kScaleAction) return setController().scaleTo(static_cast<std::size_t>(what.value));
  if (action == kRolloutAction) {
    setController().start();
    return true;
  }
  if (action == kRollbackAction) {
    setController().rollBack();
    return true;
  }
  return false;
}

Rollout& Service::setController() {
  const std::string setId(scenarioIdOf(name()));
  return sim().extension<Orchestrator>().rollout(setId, [&] {
    // New instances are made from this one's configuration; version 2 takes the v2 settings.
    auto make = [params = m_params](int version, const std::string& instance) -> std::unique_ptr<Component> {
      ParamSet p = params;
      if (version == 2) {
        p.set(*p.indexOf("service_time"), p.value(*p.indexOf("v2_service_time")));
        p.set(*p.indexOf("error_probability"), p.value(*p.indexOf("v2_error_probability")));
      }
      auto made = std::make_unique<Service>(instance, p);
      made->m_version = version;
      return made;
    };
    return std::make_unique<Rollout>(sim(), setId, rolloutConfig(m_params), make);
  });
}

std::unique_ptr<Component> Service::makeSibling(const std::string& name) const {
  // The configuration as built, with the release this instance runs (a rolled-out version 2
  // has its v2 settings in its own parameters already).
  auto made = std::make_unique<Service>(name, m_params);
  made->m_version = m_version;
  return made;
}

void Service::start() {
  metrics().busy.set(now(), 0.0);
  metrics().queueLength.set(now(), 0.0);
  if (!m_slos && ServiceSlos::wanted(m_params)) {
    m_slos = &sim().extension<ServiceSlos>().join(sim(), scenarioIdOf(name()), m_params, metrics());
  }
  // A replicated service's instances report together, whoever adds or removes them.
  // (An instance named web#3 belongs to a set even if the design asked for one: an autoscaler
  // or a rollout grew it.)
  if (m_params.integer("replicas") > 1 || scenarioIdOf(name()) != name()) {
    sim().extension<ServiceSets>().ensure(sim(), scenarioIdOf(name()));
  }
  if (m_restartAlways) {
    m_orchestrator = &sim().extension<Orchestrator>();
    m_orchestrator->watch(sim(), id(), m_backoff);
    m_orchestrator->started(id(), now());
  }
  // Starting: not ready (health checks fail, requests are refused) until start-up is over,
  // when a bad start may end the process instead. Instances there when the run begins were
  // deployed before it: they start ready.
  const bool deployedBefore = !m_everStarted && now() == 0;
  m_everStarted = true;
  m_startedAt = now();
  m_deployedBefore = deployedBefore;
  startProbing();
  if (!deployedBefore && (m_startupTime > 0 || m_startFailureProbability > 0)) {
    m_starting = true;
    setTimer(m_startupTime, StartupDone);
  } else if (m_orchestrator) {
    m_orchestrator->ready(id(), now());
  }
}

void Service::finishStartup() {
  // Drawn only when asked for, so services without it keep their random stream.
  if (m_startFailureProbability > 0 && rng().uniform01() < m_startFailureProbability) {
    ++m_failedStarts;
    sim().crash(id());  // the process exits; the orchestrator, if any, restarts it later
    return;
  }
  m_starting = false;
  if (m_orchestrator) m_orchestrator->ready(id(), now());
}

void Service::onCrash() {
  m_starting = false;
  // A removed instance is gone for good: nothing restarts it.
  const std::size_t requests = m_jobs.liveCount() - m_probesInQueue;
  if (m_orchestrator && !isRemoved()) m_orchestrator->exited(id(), now(), requests);
  // Everything queued or in service dies with the process; callers learn it by timing out.
  metrics().dropped += requests;
  m_probesInQueue = 0;
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
    case MessageKind::Error: onDownstreamReply(msg, via); return;
    default: return;
  }
}

// Both inline: they sit on every request's path (measured with callgrind on the M/M/c bench).
inline bool Service::queueFull() const {
  return m_busy >= m_workers && m_queueCapacity > 0 && static_cast<std::int64_t>(m_waiting.size()) >= m_queueCapacity;
}

inline void Service::startOrQueue(SlotHandle handle, Job& job) {
  if (m_busy < m_workers) {
    beginService(handle, job);
  } else {
    m_waiting.pushBack(handle);
    metrics().queueLength.add(now(), 1.0);
  }
}

void Service::accept(const Message& msg, LinkId via) {
  ComponentMetrics& m = metrics();
  ++m.received;
  if (m_starting) {
    // Not listening yet: a caller that did not wait for readiness is refused.
    ++m.dropped;
    send(via, msg.errorReply(ErrorReason::Rejected, m_responseSize));
    return;
  }
  if (queueFull() || !m_limit.admits(static_cast<double>(m_busy) + static_cast<double>(m_waiting.size()))) {
    ++m.dropped;
    send(via, msg.errorReply(ErrorReason::Rejected, m_responseSize));
    return;
  }
  const SlotHandle handle = m_jobs.acquire();
  Job& job = *m_jobs.get(handle);
  job.request = msg;
  job.via = via;
  job.arrivedAt = now();
  job.deadline = RequestWire::deadlineOf(msg);
  if (m_busy < m_workers) m_codel.empty(now());
  startOrQueue(handle, job);
}

void Service::beginService(SlotHandle handle, Job& job) {
  ++m_busy;
  metrics().busy.add(now(), 1.0);
  if (shouldShed(job)) {
    shed(handle, job);
    return;
  }
  startWork(handle, job);
}

bool Service::shouldShed(const Job& job) const {
  if (job.kind != JobKind::Request) return false;  // the server answers its prober
  switch (m_shedding) {
    case Shedding::None: return false;
    case Shedding::Codel: return m_codel.shouldDrop(now(), now() - job.arrivedAt);
    case Shedding::Expired: return job.deadline > 0 && now() >= job.deadline;
    case Shedding::Deadline:
      // Less time left than the work is expected to take: it would finish too late anyway.
      return job.deadline > 0 && now() + secondsToSimTime(m_serviceTime.mean() * slowdown()) > job.deadline;
  }
  return false;
}

void Service::shed(SlotHandle handle, Job& job) {
  ++m_shed;
  ++metrics().dropped;
  send(job.via, job.request.errorReply(ErrorReason::Shed, m_responseSize));
  m_jobs.release(handle);
  serveNext();
}

void Service::serveNext() {
  ComponentMetrics& m = metrics();
  while (!m_waiting.empty()) {
    // Adaptive LIFO serves the newest once the queue stands: the oldest have likely been given
    // up on already, the newest can still be answered in time.
    const bool newestFirst =
        m_discipline == Discipline::Lifo || (m_discipline == Discipline::AdaptiveLifo && m_codel.standing(now()));
    SlotHandle next;
    if (newestFirst) {
      next = m_waiting.back();
      m_waiting.popBack();
    } else {
      next = m_waiting.takeFront();
    }
    m.queueLength.add(now(), -1.0);
    if (m_waiting.empty()) m_codel.empty(now());
    Job& job = *m_jobs.get(next);
    if (shouldShed(job)) {
      ++m_shed;
      ++m.dropped;
      send(job.via, job.request.errorReply(ErrorReason::Shed, m_responseSize));
      m_jobs.release(next);
      continue;
    }
    startWork(next, job);
    return;
  }
  --m_busy;
  m.busy.add(now(), -1.0);
}

void Service::startWork(SlotHandle handle, Job& job) {
  if (job.kind != JobKind::Request) {
    setTimer(probeWorkTime(), ServiceDone, handle);
    return;
  }
  metrics().wait.add(simTimeToSeconds(now() - job.arrivedAt));
  job.workStartedAt = now();
  setTimer(sampleWorkTimeFor(job.request, m_serviceTime), ServiceDone, handle);
}

void Service::onTimer(std::uint32_t kind, std::uint64_t payload) {
  // Work done on a request is by far the most frequent timer, so it is tested first.
  if (kind != ServiceDone) {
    switch (kind) {
      case StartupDone: finishStartup(); return;
      case LivenessDue: probe(JobKind::Liveness); return;
      case ReadinessDue: probe(JobKind::Readiness); return;
      default: break;
    }
  }
  Job* job = m_jobs.get(payload);
  if (!job) return;
  if (kind == ServiceDone && job->kind != JobKind::Request) {
    probeDone(payload, *job);
    return;
  }
  if (kind == ProbeTimeout) {
    // The prober gave up waiting; the probe still holds its place and will take a worker.
    if (!job->probeTimedOut) {
      job->probeTimedOut = true;
      recordProbe(job->kind, false);
    }
    return;
  }
  if (kind == ServiceDone) {
    // The caller gave up before the work was done: all of it was for nothing.
    if (job->deadline > 0 && now() > job->deadline) metrics().wastedWork += now() - job->workStartedAt;
    // Drawn only when asked for, so services without it keep their random stream.
    if (m_errorProbability > 0 && rng().uniform01() < m_errorProbability) {
      ++m_errors;
      job->failure = ErrorReason::Internal;
      ++metrics().failed;
      finish(payload, *job, false);
    } else if (outgoingLinks().empty()) {
      finish(payload, *job, true);
    } else {
      callDownstream(payload, *job);
    }
  } else if (kind == DownstreamTimeout) {
    job->timer = EventId{};
    ++metrics().timedOut;
    if (m_slos && m_slos->latency) m_slos->latency->timedOut();
    if (m_breakers) {
      // Every call still unanswered failed, as far as its breaker is concerned.
      const auto& links = outgoingLinks();
      for (std::size_t i = 0; i < links.size() && i < m_linkBreakers.size(); ++i) {
        if (m_parallelCalls || i == job->callLink) m_linkBreakers[i].record(now(), true, now() - job->callSentAt);
      }
    }
    finish(payload, *job, false);
  }
}

void Service::sendCall(SlotHandle handle, const Job& job, LinkId link) {
  send(link, makeRequestFor(job.request, handle));
}

std::size_t Service::linkIndex(LinkId link) const {
  const auto& links = outgoingLinks();
  return static_cast<std::size_t>(std::find(links.begin(), links.end(), link) - links.begin());
}

void Service::callDownstream(SlotHandle handle, Job& job) {
  const auto& links = outgoingLinks();
  if (m_breakers) {
    if (m_linkBreakers.size() < links.size()) m_linkBreakers.resize(links.size(), CircuitBreaker(m_breakerConfig));
    // A call a breaker refuses fails the request at once, without waiting for anyone.
    const std::size_t first = m_parallelCalls ? links.size() : 1;
    for (std::size_t i = 0; i < first; ++i) {
      if (m_linkBreakers[i].allow(now())) continue;
      job.failure = ErrorReason::CircuitOpen;
      ++metrics().failed;
      finish(handle, job, false);
      return;
    }
  }
  if (m_downstreamTimeout > 0) job.timer = setTimer(m_downstreamTimeout, DownstreamTimeout, handle);
  job.callSentAt = now();
  if (m_parallelCalls) {
    job.pendingCalls = static_cast<std::uint32_t>(links.size());
    for (const LinkId link : links) sendCall(handle, job, link);
  } else {
    job.nextCall = 1;
    job.pendingCalls = 1;
    job.callLink = 0;
    sendCall(handle, job, links[0]);
  }
}

void Service::onDownstreamReply(const Message& msg, LinkId via) {
  Job* job = m_jobs.get(msg.correlation);
  if (!job || job->pendingCalls == 0) return;  // the request already ended (timeout, crash)
  const SlotHandle handle = msg.correlation;
  --job->pendingCalls;
  if (msg.kind == MessageKind::Error) job->failed = true;
  if (m_breakers) {
    const std::size_t i = linkIndex(via);
    if (i < m_linkBreakers.size()) m_linkBreakers[i].record(now(), msg.kind == MessageKind::Error, now() - job->callSentAt);
  }
  job->answer = msg.answer();
  job->answered = true;
  if (job->pendingCalls > 0) return;
  const auto& links = outgoingLinks();
  if (!job->failed && !m_parallelCalls && job->nextCall < links.size()) {
    if (m_breakers && !m_linkBreakers[job->nextCall].allow(now())) {
      job->failure = ErrorReason::CircuitOpen;
      ++metrics().failed;
      finish(handle, *job, false);
      return;
    }
    job->pendingCalls = 1;
    job->callLink = job->nextCall;
    job->callSentAt = now();
    sendCall(handle, *job, links[job->nextCall++]);
    return;
  }
  if (job->failed) ++metrics().failed;
  finish(handle, *job, !job->failed);
}

void Service::finish(SlotHandle handle, Job& job, bool success) {
  ComponentMetrics& m = metrics();
  cancelTimer(job.timer);
  Message reply = job.request.outcomeReply(success, job.failure, m_responseSize);
  // A version read or written downstream reaches the caller (State pillar).
  if (job.answered) reply.carryAnswer(job.answer);
  send(job.via, reply);
  if (success) {
    ++m.completed;
    m.recordLatency(now() - job.arrivedAt);
    if (m_slos && m_slos->latency) m_slos->latency->answered(now() - job.arrivedAt);
  }
  m_limit.onAnswered(now() - job.arrivedAt, !success, static_cast<double>(m_busy) + static_cast<double>(m_waiting.size()));
  m_jobs.release(handle);
  serveNext();
}

// --- Probes --------------------------------------------------------------------------------

void Service::startProbing() {
  m_liveness.restart();
  m_readiness.restart();
  if (m_liveness.enabled()) setTimer(m_liveness.config().period, LivenessDue);
  if (m_readiness.enabled()) setTimer(m_readiness.config().period, ReadinessDue);
}

void Service::probe(JobKind kind) {
  const Probe& p = probeOf(kind);
  setTimer(p.config().period, kind == JobKind::Liveness ? LivenessDue : ReadinessDue);
  // As the kubelet's prober: within the initial delay a probe is skipped, neither passed nor failed.
  if (!m_deployedBefore && now() - m_startedAt < p.config().initialDelay) return;
  if (m_dedicatedProbes) {
    // A listener of its own answers at once, however busy the workers are.
    recordProbe(kind, probeWorkTime() <= p.config().timeout);
    return;
  }
  // Through the server, as a request: refused while starting or when the queue is full.
  if (m_starting || queueFull()) {
    recordProbe(kind, false);
    return;
  }
  const SlotHandle handle = m_jobs.acquire();
  Job& job = *m_jobs.get(handle);
  job.kind = kind;
  job.arrivedAt = now();
  job.timer = setTimer(p.config().timeout, ProbeTimeout, handle);
  ++m_probesInQueue;
  startOrQueue(handle, job);  // never shed (shouldShed), so it takes a worker in its turn
}

SimTime Service::probeWorkTime() const {
  // A fixed cost, no draw: a service with probes keeps its random stream.
  return static_cast<SimTime>(static_cast<double>(m_probeTime) * slowdown());
}

void Service::probeDone(SlotHandle handle, Job& job) {
  cancelTimer(job.timer);
  const JobKind kind = job.kind;
  const bool answeredInTime = !job.probeTimedOut;
  --m_probesInQueue;
  m_jobs.release(handle);
  // Free the worker first: a liveness kill below takes the whole process down.
  serveNext();
  if (answeredInTime) recordProbe(kind, true);
}

void Service::recordProbe(JobKind kind, bool success) {
  Probe& p = probeOf(kind);
  // A readiness verdict turned failing needs nothing more: healthy() now says so.
  if (!p.record(success) || p.passing() || kind != JobKind::Liveness) return;
  // The kubelet kills the container; restart_policy always brings it back after its backoff.
  ++m_livenessKills;
  sim().crash(id());
}

std::vector<Component::ExtraMetric> Service::extraMetrics(SimTime /*now*/) const {
  std::vector<ExtraMetric> out = {{"busy_workers", static_cast<double>(m_busy)},
                                  {"waiting", static_cast<double>(m_waiting.size())},
                                  {"wasted_work_s", wastedWorkSeconds()}};
  if (m_shedding != Shedding::None) out.push_back({"shed", static_cast<double>(m_shed)});
  if (m_errorProbability > 0) out.push_back({"errors", static_cast<double>(m_errors)});
  if (m_limit.enabled()) out.push_back({"concurrency_limit", m_limit.limit()});
  if (m_orchestrator) {
    out.push_back({"restarts", static_cast<double>(m_orchestrator->restartCount(id()))});
    out.push_back({"restart_backoff_s", simTimeToSeconds(m_orchestrator->backoff(id()))});
  }
  if (m_startFailureProbability > 0) out.push_back({"failed_starts", static_cast<double>(m_failedStarts)});
  if (m_liveness.enabled()) {
    out.push_back({"liveness_kills", static_cast<double>(m_livenessKills)});
    out.push_back({"liveness_failures", static_cast<double>(m_liveness.failures())});
  }
  if (m_readiness.enabled()) {
    out.push_back({"ready", m_readiness.passing() ? 1.0 : 0.0});
    out.push_back({"readiness_failures", static_cast<double>(m_readiness.failures())});
  }
  if (m_version != 1) out.push_back({"version", static_cast<double>(m_version)});
  // The service's SLOs (a replica set's: every instance shows the set's).
  if (m_slos) appendSloFigures(m_slos->availability.get(), m_slos->latency.get(), out);
  if (m_breakers) {
    BreakerCounts counts;
    for (const CircuitBreaker& b : m_linkBreakers) counts.add(b);
    out.push_back({"breaker_opened", static_cast<double>(counts.opened)});
    out.push_back({"breakers_open", static_cast<double>(counts.open)});
    out.push_back({"breakers_half_open", static_cast<double>(counts.halfOpen)});
    out.push_back({"failed_fast", static_cast<double>(counts.rejected)});
  }
  return out;
}

void Service::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_shed = m_errors = m_livenessKills = 0;
  m_liveness.resetCounts();
  m_readiness.resetCounts();
  for (CircuitBreaker& b : m_linkBreakers) b.resetCounts();
}

}  // namespace pillars
