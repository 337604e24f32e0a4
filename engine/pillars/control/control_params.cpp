#include "engine/pillars/control/control_params.hpp"

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

void appendParams(std::vector<ParamSpec>& specs, std::vector<ParamSpec> more) {
  for (auto& s : more) specs.push_back(std::move(s));
}

}  // namespace pillars
