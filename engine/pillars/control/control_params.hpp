#pragma once
// Parameters the Control pillar's mechanisms add to the kinds that use them, declared once.

#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/control/circuit_breaker.hpp"
#include "engine/pillars/control/probe.hpp"
#include "engine/pillars/control/restart_backoff.hpp"
#include "engine/pillars/control/rollout.hpp"

namespace pillars {

/// `circuit_breaker` (off by default) and its resilience4j settings: window, minimum_calls,
/// failure_rate_threshold, slow_call_rate_threshold, slow_call_duration, open_duration,
/// half_open_calls. `what` says what the breaker watches ("each downstream link").
std::vector<ParamSpec> circuitBreakerParams(const std::string& what);
/// The breaker's settings from a kind's parameters (see circuitBreakerParams).
CircuitBreaker::Config circuitBreakerConfig(const ParamSet& params);
/// A replica set's settings: `replicas`, `restart_policy` (never, the default, or always),
/// the CrashLoopBackOff waits (restart_backoff, restart_backoff_max, backoff_reset),
/// `startup_time` and `start_failure_probability`.
std::vector<ParamSpec> replicaSetParams();
/// The CrashLoopBackOff settings from a kind's parameters (see replicaSetParams).
RestartBackoff::Config restartBackoffConfig(const ParamSet& params);
/// Liveness and readiness probes (Kubernetes' names and defaults): liveness_period (0, the
/// default, is none), liveness_timeout, liveness_failure_threshold; readiness_period,
/// readiness_timeout, readiness_failure_threshold, readiness_success_threshold; probe_path
/// (worker: a probe waits for a worker like any request; dedicated: answered at once) and
/// probe_time.
std::vector<ParamSpec> probeParams();
/// One probe's settings; `which` is "liveness" or "readiness" (readiness alone has a success
/// threshold: a liveness probe passes again after one success, as in Kubernetes).
Probe::Config probeConfig(const ParamSet& params, const std::string& which);
/// A second version and how it is rolled out: v2_service_time, v2_error_probability,
/// rollout_strategy, max_surge, max_unavailable and the canary's steps and analysis.
std::vector<ParamSpec> rolloutParams();
/// The rollout settings from a kind's parameters (see rolloutParams and replicaSetParams).
Rollout::Config rolloutConfig(const ParamSet& params);
/// Appends `more` to `specs`.
void appendParams(std::vector<ParamSpec>& specs, std::vector<ParamSpec> more);

}  // namespace pillars
