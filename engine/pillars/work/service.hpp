#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/control/circuit_breaker.hpp"
#include "engine/pillars/control/codel.hpp"
#include "engine/pillars/control/concurrency_limit.hpp"
#include "engine/pillars/control/orchestrator.hpp"
#include "engine/pillars/control/probe.hpp"
#include "engine/pillars/intelligence/service_slos.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/ring_buffer.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// A server with c workers and a FIFO queue (optionally bounded): the M/M/c station of queueing
/// theory. A worker serves a request for a sampled service time, then, if the service has
/// downstream links, calls each of them (in sequence or in parallel) while still holding the
/// worker, as a thread-per-request server does, and answers when they have all answered.
/// A slowdown (Component::setSlowdown) multiplies the service time; downstream calls and their
/// deadline are not the service's own work and are not scaled.
///
/// What the Control pillar adds to a server (all off by default, so a plain service stays the
/// M/M/c station):
///  - `queue_discipline`: FIFO, LIFO, or adaptive LIFO (FIFO until the queue stands, then the
///    newest first, as Facebook's servers do);
///  - `shedding` of work that reaches a worker: `codel` (dropped after waiting past a standing
///    queue's target), `expired` (its caller's deadline has passed) or `deadline` (it can no
///    longer finish in time: less time left than its expected work);
///  - `concurrency_limit` aimd or gradient2: an adaptive limit on requests in the server;
///  - `error_probability`: a share of requests it fails itself (a bad release);
///  - a circuit breaker on each downstream link;
///  - the work spent on requests whose caller had already given up (`wasted_work_s`).
class Service final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "service";
  static std::vector<ParamSpec> paramSpecs();
  /// Actions of a replicated service (see Rollout): deploy the second version, or go back.
  static constexpr std::string_view kRolloutAction = "rollout";
  static constexpr std::string_view kRollbackAction = "rollback";
  /// Brings the replica set to the intervention's value in instances (Rollout::scaleTo).
  static constexpr std::string_view kScaleAction = "scale";
  /// Rules across parameters: a liveness probe kills, so it needs restart_policy always.
  static std::vector<ParamProblem> checkParams(const ParamSet& params);
  /// Why a component with these parameters cannot take `action` (empty when it can).
  static std::string checkAction(const ParamSet& params, std::string_view action);
  Service(const std::string& name, const ParamSet& params);

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  void resetMetrics(SimTime now) override;
  bool intervene(const Intervention& what) override;
  std::unique_ptr<Component> makeSibling(const std::string& name) const override;
  double costPerHour() const override { return m_costPerHour; }
  /// Which version of a replica set's release this instance runs (1, or 2 once rolled out).
  int version() const { return m_version; }
  /// How long a new instance takes to become ready (startup_time): what a predictive
  /// autoscaler must look ahead by.
  SimTime startupTime() const { return m_startupTime; }
  /// Work time (seconds) spent on requests answered after their caller's deadline.
  double wastedWorkSeconds() const { return simTimeToSeconds(metrics().wastedWork); }

 private:
  enum Timer : std::uint32_t { ServiceDone, DownstreamTimeout, StartupDone, LivenessDue, ReadinessDue, ProbeTimeout };
  /// What a job is: a request, or one of the orchestrator's probes waiting for a worker.
  enum class JobKind : std::uint8_t { Request, Liveness, Readiness };

  struct Job {
    Message request;         // as received; the reply is built from it
    LinkId via = kNoLink;    // where the reply goes
    SimTime arrivedAt = 0;
    EventId timer;           // downstream deadline
    std::uint32_t nextCall = 0;      // sequential: index of the next downstream link
    std::uint32_t pendingCalls = 0;  // parallel: answers still awaited
    bool failed = false;
    Message::Answer answer;  // what the last downstream answer said, passed on
    bool answered = false;
    SimTime deadline = 0;    // the caller's, from the request (0: none)
    SimTime workStartedAt = 0;
    SimTime callSentAt = 0;  // the current downstream call (breakers time it)
    std::uint32_t callLink = 0;  // sequential: index of the link called now
    ErrorReason failure = ErrorReason::Downstream;
    JobKind kind = JobKind::Request;
    bool probeTimedOut = false;  // a probe the prober stopped waiting for
  };
  enum class Discipline { Fifo, Lifo, AdaptiveLifo };
  enum class Shedding { None, Codel, Expired, Deadline };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;
  /// Ready: not in start-up (see startup_time), passing its readiness probe. Health checks ask this.
  bool healthy() const override { return !m_starting && !m_terminating && !m_standby && m_readiness.passing(); }
  /// Start-up is over: ready, or (start_failure_probability) the process exits.
  void finishStartup();

  void accept(const Message& msg, LinkId via);
  /// Whether a bounded queue has no room left (every worker busy, queue_capacity waiting).
  bool queueFull() const;
  /// A free worker takes `job` now, or it waits in the queue.
  void startOrQueue(SlotHandle handle, Job& job);
  void beginService(SlotHandle handle, Job& job);
  /// A worker is free: starts the next waiting request the discipline picks, shedding the
  /// hopeless ones on the way; or frees the worker.
  void serveNext();
  /// Whether the shedding policy drops `job` as it reaches a worker now.
  bool shouldShed(const Job& job) const;
  void shed(SlotHandle handle, Job& job);
  void startWork(SlotHandle handle, Job& job);
  void callDownstream(SlotHandle handle, Job& job);
  void sendCall(SlotHandle handle, const Job& job, LinkId link);
  void onDownstreamReply(const Message& msg, LinkId via);
  std::size_t linkIndex(LinkId link) const;
  void finish(SlotHandle handle, Job& job, bool success);
  /// Liveness and readiness probes (probe_path worker: through the queue, as a request).
  void startProbing();
  void probe(JobKind kind);
  void probeDone(SlotHandle handle, Job& job);
  /// A probe's result; a failing liveness verdict kills the instance.
  void recordProbe(JobKind kind, bool success);
  /// A probe's work: probe_time, slowed down with the host.
  SimTime probeWorkTime() const;
  Probe& probeOf(JobKind kind) { return kind == JobKind::Liveness ? m_liveness : m_readiness; }
  /// The deployment controller of this instance's replica set (made on first use): rollouts,
  /// rollbacks and scaling.
  Rollout& setController();

  // Configuration
  std::int64_t m_workers = 1;
  std::int64_t m_queueCapacity = 0;  // 0 = unbounded
  Distribution m_serviceTime;
  bool m_parallelCalls = false;
  SimTime m_downstreamTimeout = 0;
  std::uint32_t m_responseSize = 0;
  double m_errorProbability = 0;
  Discipline m_discipline = Discipline::Fifo;
  Shedding m_shedding = Shedding::None;
  Codel m_codel;
  ConcurrencyLimit m_limit;
  bool m_breakers = false;
  CircuitBreaker::Config m_breakerConfig;
  bool m_restartAlways = false;
  RestartBackoff::Config m_backoff;
  SimTime m_startupTime = 0;
  double m_startFailureProbability = 0;
  double m_costPerHour = 0;
  Probe m_liveness;
  Probe m_readiness;
  bool m_dedicatedProbes = false;
  SimTime m_probeTime = 0;

  ParamSet m_params;  // as configured: what new instances of a rollout are made from
  int m_version = 1;

  // State
  Orchestrator* m_orchestrator = nullptr;  // the simulation's, when restart_policy is always
  /// The service's SLOs, shared by its instances (ServiceSlos); null without any.
  ServiceSlos::Slos* m_slos = nullptr;
  bool m_starting = false;                 // started but not ready yet
  bool m_terminating = false;              // taken out by a rollout, draining
  bool m_standby = false;                  // blue/green: up, out of rotation
  bool m_everStarted = false;
  // When this instance last started, for its probes' initial delay; instances deployed before
  // the run began are past any delay.
  SimTime m_startedAt = 0;
  bool m_deployedBefore = false;
  std::uint64_t m_failedStarts = 0;
  SlotPool<Job> m_jobs;
  RingBuffer<SlotHandle> m_waiting;
  std::int64_t m_busy = 0;
  std::vector<CircuitBreaker> m_linkBreakers;  // per downstream link, when breakers are on

  // Figures
  std::uint64_t m_shed = 0;
  std::uint64_t m_errors = 0;
  std::uint64_t m_livenessKills = 0;
  std::size_t m_probesInQueue = 0;  // probe jobs held (not requests: crashes do not count them lost)
};

}  // namespace pillars
