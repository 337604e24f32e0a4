#pragma once

#include <algorithm>
#include <cstdint>

namespace pillars {

/// Envoy's retry budget: a retry may start only while the retries in flight stay below
/// `percent` of the requests in flight (and a floor of `minConcurrency`, so a quiet client can
/// still retry). Under an outage that makes every attempt fail, retries add at most `percent`
/// to the load instead of multiplying it.
class RetryBudget {
 public:
  RetryBudget() = default;
  RetryBudget(double percent, std::uint32_t minConcurrency) : m_percent(percent), m_min(minConcurrency) {}
  bool enabled() const { return m_percent > 0; }
  /// Whether one more retry may start with `retriesInFlight` of `requestsInFlight` already out.
  bool allows(std::uint64_t retriesInFlight, std::uint64_t requestsInFlight) const {
    if (!enabled()) return true;
    const double limit = std::max(static_cast<double>(m_min), m_percent / 100.0 * static_cast<double>(requestsInFlight));
    return static_cast<double>(retriesInFlight) < limit;
  }

 private:
  double m_percent = 0;  // 0: no budget
  std::uint32_t m_min = 3;
};

/// gRPC's retry throttling: a token bucket of `maxTokens` that every failed attempt drains by
/// one and every success refills by `tokenRatio`; retries are allowed only while more than
/// half the tokens are left. A client whose calls keep failing stops retrying on its own.
class RetryThrottle {
 public:
  RetryThrottle() = default;
  RetryThrottle(double maxTokens, double tokenRatio)
      : m_max(maxTokens), m_ratio(tokenRatio), m_tokens(maxTokens) {}
  bool enabled() const { return m_max > 0; }
  void failed() { m_tokens = std::max(0.0, m_tokens - 1.0); }
  void succeeded() { m_tokens = std::min(m_max, m_tokens + m_ratio); }
  bool allows() const { return !enabled() || m_tokens > m_max / 2; }
  double tokens() const { return m_tokens; }

 private:
  double m_max = 0;  // 0: no throttling
  double m_ratio = 0.1;
  double m_tokens = 0;
};

}  // namespace pillars
