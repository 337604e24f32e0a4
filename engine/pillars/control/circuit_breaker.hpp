#pragma once

#include <cstdint>
#include <vector>

#include "engine/sim/time.hpp"

namespace pillars {

/// A circuit breaker with resilience4j's semantics and defaults (count-based sliding window):
///  - CLOSED: the outcomes of the last `window` calls are kept; once at least `minimumCalls`
///    are recorded, a failure rate >= `failureRateThreshold` or a slow-call rate >=
///    `slowCallRateThreshold` (calls lasting `slowCallDuration` or longer) opens it;
///  - OPEN: every call is refused at once (the caller fails fast) for `openDuration`;
///  - HALF_OPEN: then exactly `halfOpenCalls` trial calls are let through; when all have
///    finished, the same rates over them open it again, or close it (and the window starts
///    empty).
/// Pure bookkeeping: the caller asks allow() before a call and reports its outcome.
class CircuitBreaker {
 public:
  enum class State { Closed, Open, HalfOpen };
  struct Config {
    std::uint32_t window = 100;
    std::uint32_t minimumCalls = 100;
    double failureRateThreshold = 50.0;  // percent
    double slowCallRateThreshold = 100.0;  // percent
    SimTime slowCallDuration = 60 * kSecond;
    SimTime openDuration = 60 * kSecond;
    std::uint32_t halfOpenCalls = 10;
  };

  CircuitBreaker() = default;
  explicit CircuitBreaker(const Config& config);

  /// Whether a call may go out now (moving from OPEN to HALF_OPEN once the wait is over, and
  /// counting a half-open trial call).
  bool allow(SimTime now);
  /// Whether allow() would let a call through now (without counting it).
  bool permits(SimTime now) const {
    if (m_state == State::Open) return now >= m_openUntil;
    if (m_state == State::HalfOpen) return m_trialsAllowed < m_config.halfOpenCalls;
    return true;
  }
  /// A call let through by allow() ended: failed or not, after `duration`.
  void record(SimTime now, bool failed, SimTime duration);
  State state() const { return m_state; }
  /// Calls refused because the breaker was open (or its half-open trials were taken).
  std::uint64_t rejected() const { return m_rejected; }
  std::uint64_t timesOpened() const { return m_opened; }
  void resetCounts() { m_rejected = m_opened = 0; }

 private:
  void open(SimTime now);
  void close();
  /// Failure and slow-call rates (percent) over the recorded outcomes, and whether either trips.
  bool trips(std::uint32_t calls, std::uint32_t failures, std::uint32_t slow) const;

  Config m_config;
  State m_state = State::Closed;
  // The ring of the last `window` outcomes while CLOSED.
  std::vector<std::uint8_t> m_ring;  // bit 0 failed, bit 1 slow
  std::uint32_t m_next = 0;
  std::uint32_t m_recorded = 0;
  std::uint32_t m_failures = 0;
  std::uint32_t m_slow = 0;
  // HALF_OPEN: trial calls let through and their outcomes.
  std::uint32_t m_trialsAllowed = 0;
  std::uint32_t m_trialsDone = 0;
  std::uint32_t m_trialFailures = 0;
  std::uint32_t m_trialSlow = 0;
  SimTime m_openUntil = 0;
  std::uint64_t m_rejected = 0;
  std::uint64_t m_opened = 0;
};

/// A caller's breakers summed up for its figures (`breakers_open`, `breakers_half_open`,
/// `breaker_opened`, `failed_fast`): how many are in each state now, and what they did so far.
struct BreakerCounts {
  int open = 0;
  int halfOpen = 0;
  std::uint64_t opened = 0;
  std::uint64_t rejected = 0;
  void add(const CircuitBreaker& b) {
    open += b.state() == CircuitBreaker::State::Open ? 1 : 0;
    halfOpen += b.state() == CircuitBreaker::State::HalfOpen ? 1 : 0;
    opened += b.timesOpened();
    rejected += b.rejected();
  }
};

}  // namespace pillars
