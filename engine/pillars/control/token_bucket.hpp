#pragma once

#include <algorithm>

#include "engine/sim/time.hpp"

namespace pillars {

/// A token bucket rate limiter: `rate` tokens per second up to `burst`; a request that finds a
/// token takes it, one that finds none is refused. Refilled lazily from the time elapsed, so it
/// costs no events.
class TokenBucket {
 public:
  TokenBucket() = default;
  TokenBucket(double rate, double burst) : m_rate(rate), m_burst(std::max(1.0, burst)), m_tokens(m_burst) {}

  bool enabled() const { return m_rate > 0; }
  bool take(SimTime now) {
    if (!enabled()) return true;
    m_tokens = std::min(m_burst, m_tokens + m_rate * simTimeToSeconds(now - m_last));
    m_last = now;
    if (m_tokens < 1.0) return false;
    m_tokens -= 1.0;
    return true;
  }

 private:
  double m_rate = 0;  // tokens per second; 0: no limit
  double m_burst = 1;
  double m_tokens = 1;
  SimTime m_last = 0;
};

}  // namespace pillars
