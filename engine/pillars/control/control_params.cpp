#include "engine/pillars/control/control_params.hpp"

#include "engine/model/scenario.hpp"

namespace pillars {

std::vector<ParamSpec> circuitBreakerParams(const std::string& what) {
  // resilience4j's defaults (CircuitBreakerConfig), in its own terms.
  return {
      booleanParam("circuit_breaker", false, "A circuit breaker on " + what + " (resilience4j semantics)"),
      integerParam("window", 100, 1, 100000, "calls", "Breaker: calls in the sliding window"),
      integerParam("minimum_calls", 100, 1, 100000, "calls", "Breaker: calls recorded before a rate counts"),
      realParam("failure_rate_threshold", 50, 1, 100, "%", "Breaker: failure rate that opens it"),
      realParam("slow_call_rate_threshold", 100, 1, 100, "%", "Breaker: slow-call rate that opens it"),
      durationParam("slow_call_duration", 60 * kSecond, "Breaker: a call this long or longer is slow", 0.000001),
      durationParam("open_duration", 60 * kSecond, "Breaker: how long it stays open before trial calls", 0.000001),
      integerParam("half_open_calls", 10, 1, 100000, "calls", "Breaker: trial calls let through when half open"),
  };
}

CircuitBreaker::Config circuitBreakerConfig(const ParamSet& p) {
  CircuitBreaker::Config c;
  c.window = static_cast<std::uint32_t>(p.integer("window"));
  c.minimumCalls = static_cast<std::uint32_t>(p.integer("minimum_calls"));
  c.failureRateThreshold = p.real("failure_rate_threshold");
  c.slowCallRateThreshold = p.real("slow_call_rate_threshold");
  c.slowCallDuration = p.duration("slow_call_duration");
  c.openDuration = p.duration("open_duration");
  c.halfOpenCalls = static_cast<std::uint32_t>(p.integer("half_open_calls"));
  return c;
}

std::vector<ParamSpec> replicaSetParams() {
  // Kubernetes' names and defaults where it has them (the kubelet's CrashLoopBackOff).
  return {
      integerParam("replicas", 1, 1, kMaxReplicas, "instances", "Identical instances, each with its own workers and queue"),
      choiceParam("restart_policy", "never", {"never", "always"},
                  "always: an orchestrator restarts an instance that exits, after its CrashLoopBackOff wait"),
      durationParam("restart_backoff", 10 * kSecond, "First wait before restarting an exited instance; doubles each time", 0.001),
      durationParam("restart_backoff_max", 300 * kSecond, "Longest wait before a restart", 0.001),
      durationParam("backoff_reset", 600 * kSecond, "Running this long without exiting resets the wait"),
      durationParam("startup_time", 0, "Time from start to ready: health checks fail and requests are refused until then"),
      realParam("start_failure_probability", 0, 0, 1, "probability",
                "Chance that a start fails (the process exits when start-up ends): a release that crash-loops"),
  };
}

std::vector<ParamSpec> rolloutParams() {
  using D = Distribution;
  // Kubernetes' rolling-update defaults (25% / 25%); the canary's after Argo Rollouts' steps
  // and analysis, with our own defaults.
  return {
      distributionParam("v2_service_time", D::exponential(0.01), D::Dimension::Duration, "s",
                        "The second version's work time (what a rollout deploys)"),
      realParam("v2_error_probability", 0.0, 0.0, 1.0, "probability", "The second version's share of failed requests"),
      choiceParam("rollout_strategy", "rolling", {"rolling", "canary", "blue_green"},
                  "How the rollout action deploys the second version: a rolling update, canary steps with "
                  "analysis, or a whole second set switched to at once (blue/green)"),
      realParam("max_surge", 25, 0, 100, "%", "rolling: instances allowed above replicas (rounded up)"),
      realParam("max_unavailable", 25, 0, 100, "%", "rolling: instances allowed to be unready (rounded down)"),
      realParam("canary_step", 25, 1, 100, "%", "canary: the new version's share of instances added at each step"),
      durationParam("canary_interval", 30 * kSecond, "canary: how long each step runs before its analysis", 0.001),
      realParam("canary_max_error_rate", 5, 0, 100, "%", "canary: a higher error rate of the new instances fails the check"),
      integerParam("canary_failed_checks", 1, 1, 100, "checks", "canary: failed checks that roll back"),
      durationParam("canary_max_p99", 0,
                    "canary: a higher p99 latency of the new instances over the window fails the check; 0 means "
                    "latency is not analysed"),
      durationParam("blue_green_scale_down_delay", 30 * kSecond,
                    "blue_green: how long the old set is kept on standby after the switch, so a rollback is a "
                    "switch back (Argo Rollouts' scaleDownDelaySeconds)"),
  };
}

Rollout::Config rolloutConfig(const ParamSet& p) {
  Rollout::Config c;
  const std::string& strategy = p.choice("rollout_strategy");
  c.strategy = strategy == "canary"       ? Rollout::Strategy::Canary
               : strategy == "blue_green" ? Rollout::Strategy::BlueGreen
                                          : Rollout::Strategy::Rolling;
  c.replicas = static_cast<std::size_t>(p.integer("replicas"));
  c.maxSurgePercent = p.real("max_surge");
  c.maxUnavailablePercent = p.real("max_unavailable");
  c.canaryStepPercent = p.real("canary_step");
  c.canaryInterval = p.duration("canary_interval");
  c.canaryMaxErrorRatePercent = p.real("canary_max_error_rate");
  c.canaryFailedChecks = static_cast<std::uint32_t>(p.integer("canary_failed_checks"));
  c.canaryMaxP99 = p.duration("canary_max_p99");
  c.scaleDownDelay = p.duration("blue_green_scale_down_delay");
  c.startupTime = p.duration("startup_time");
  return c;
}

RestartBackoff::Config restartBackoffConfig(const ParamSet& p) {
  RestartBackoff::Config c;
  c.initial = p.duration("restart_backoff");
  c.cap = p.duration("restart_backoff_max");
  c.resetAfter = p.duration("backoff_reset");
  return c;
}

std::vector<ParamSpec> probeParams() {
  // Kubernetes' probe defaults (timeoutSeconds 1, failureThreshold 3, successThreshold 1), off
  // unless a period is given; Kubernetes' own default period is 10 s.
  std::vector<ParamSpec> specs;
  for (const std::string which : {"liveness", "readiness"}) {
    const std::string consequence = which == "liveness" ? "the instance is killed (and restarted by restart_policy always)"
                                                        : "the instance is unready: health checks fail, so balancers skip it";
    specs.push_back(durationParam(which + "_period", 0, "How often the " + which + " probe runs; 0 means no " + which +
                                                            " probe (Kubernetes' periodSeconds, 10 s there)"));
    specs.push_back(durationParam(which + "_timeout", kSecond, "A " + which + " probe not answered within this fails", 0.000001));
    specs.push_back(integerParam(which + "_failure_threshold", 3, 1, 1000, "probes",
                                 "Failed " + which + " probes in a row after which " + consequence));
    specs.push_back(durationParam(which + "_initial_delay", 0,
                                  "No " + which + " probe runs until this long after the instance started (Kubernetes' "
                                  "initialDelaySeconds): longer than startup_time keeps a slow start from failing it"));
  }
  specs.push_back(integerParam("readiness_success_threshold", 1, 1, 1000, "probes",
                               "Passed readiness probes in a row after which an unready instance is ready again"));
  specs.push_back(choiceParam("probe_path", "worker", {"worker", "dedicated"},
                              "worker: a probe waits for a free worker like any request, so a busy instance fails "
                              "it; dedicated: a separate listener answers at once"));
  specs.push_back(durationParam("probe_time", kMillisecond, "Work time of one probe (a slowdown multiplies it)"));
  return specs;
}

Probe::Config probeConfig(const ParamSet& p, const std::string& which) {
  Probe::Config c;
  c.period = p.duration(which + "_period");
  c.timeout = p.duration(which + "_timeout");
  c.failureThreshold = p.integer(which + "_failure_threshold");
  c.successThreshold = which == "readiness" ? p.integer("readiness_success_threshold") : 1;
  c.initialDelay = p.duration(which + "_initial_delay");
  return c;
}

void appendParams(std::vector<ParamSpec>& specs, std::vector<ParamSpec> more) {
  for (auto& s : more) specs.push_back(std::move(s));
}

}  // namespace pillars
