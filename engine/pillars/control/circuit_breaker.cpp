#include "engine/pillars/control/circuit_breaker.hpp"

#include <algorithm>

namespace pillars {

CircuitBreaker::CircuitBreaker(const Config& config)
    : m_config(config), m_ring(std::max<std::uint32_t>(config.window, 1), 0) {}

bool CircuitBreaker::allow(SimTime now) {
  if (m_state == State::Open) {
    if (now < m_openUntil) {
      ++m_rejected;
      return false;
    }
    m_state = State::HalfOpen;
    m_trialsAllowed = m_trialsDone = m_trialFailures = m_trialSlow = 0;
  }
  if (m_state == State::HalfOpen) {
    if (m_trialsAllowed >= m_config.halfOpenCalls) {
      ++m_rejected;
      return false;
    }
    ++m_trialsAllowed;
  }
  return true;
}

bool CircuitBreaker::trips(std::uint32_t calls, std::uint32_t failures, std::uint32_t slow) const {
  const double failureRate = 100.0 * failures / calls;
  const double slowRate = 100.0 * slow / calls;
  return failureRate >= m_config.failureRateThreshold || slowRate >= m_config.slowCallRateThreshold;
}

void CircuitBreaker::record(SimTime now, bool failed, SimTime duration) {
  const bool slow = duration >= m_config.slowCallDuration;
  if (m_state == State::HalfOpen) {
    ++m_trialsDone;
    m_trialFailures += failed ? 1 : 0;
    m_trialSlow += slow ? 1 : 0;
    if (m_trialsDone < m_config.halfOpenCalls) return;
    if (trips(m_trialsDone, m_trialFailures, m_trialSlow)) {
      open(now);
    } else {
      close();
    }
    return;
  }
  if (m_state == State::Open) return;  // a call let through before it opened ends late
  const auto window = static_cast<std::uint32_t>(m_ring.size());
  if (m_recorded == window) {
    // The oldest outcome leaves the window.
    const std::uint8_t old = m_ring[m_next];
    m_failures -= old & 1u;
    m_slow -= (old >> 1) & 1u;
  } else {
    ++m_recorded;
  }
  m_ring[m_next] = static_cast<std::uint8_t>((failed ? 1u : 0u) | (slow ? 2u : 0u));
  m_next = (m_next + 1) % window;
  m_failures += failed ? 1 : 0;
  m_slow += slow ? 1 : 0;
  if (m_recorded >= m_config.minimumCalls && trips(m_recorded, m_failures, m_slow)) open(now);
}

void CircuitBreaker::open(SimTime now) {
  m_state = State::Open;
  m_openUntil = now + m_config.openDuration;
  ++m_opened;
}

void CircuitBreaker::close() {
  m_state = State::Closed;
  std::fill(m_ring.begin(), m_ring.end(), std::uint8_t{0});
  m_next = m_recorded = m_failures = m_slow = 0;
}

}  // namespace pillars
