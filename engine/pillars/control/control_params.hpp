#pragma once
// Parameters the Control pillar's mechanisms add to the kinds that use them, declared once.

#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/control/circuit_breaker.hpp"

namespace pillars {

/// `circuit_breaker` (off by default) and its resilience4j settings: window, minimum_calls,
/// failure_rate_threshold, slow_call_rate_threshold, slow_call_duration, open_duration,
/// half_open_calls. `what` says what the breaker watches ("each downstream link").
std::vector<ParamSpec> circuitBreakerParams(const std::string& what);
/// The breaker's settings from a kind's parameters (see circuitBreakerParams).
CircuitBreaker::Config circuitBreakerConfig(const ParamSet& params);
/// Appends `more` to `specs`.
void appendParams(std::vector<ParamSpec>& specs, std::vector<ParamSpec> more);

}  // namespace pillars
