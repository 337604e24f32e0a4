#pragma once

#include <algorithm>

#include "engine/sim/time.hpp"

namespace pillars {

/// An adaptive concurrency limit, additive increase and multiplicative decrease (as Netflix's
/// concurrency-limits library offers it): each request answered within `latencyGoal` raises
/// the limit by 1/limit (about one a round), each one slower, or failed, cuts it by
/// `backoff`. Requests beyond the limit are refused at once, so a server under overload keeps
/// its latency instead of building a queue.
class AimdLimit {
 public:
  AimdLimit() = default;
  AimdLimit(double initial, double minimum, double maximum, SimTime latencyGoal, double backoff)
      : m_limit(initial), m_min(minimum), m_max(maximum), m_goal(latencyGoal), m_backoff(backoff) {}

  bool enabled() const { return m_goal > 0; }
  double limit() const { return m_limit; }
  bool admits(double inFlight) const { return !enabled() || inFlight < m_limit; }
  void onAnswered(SimTime latency, bool failed) {
    if (!enabled()) return;
    if (failed || latency > m_goal) {
      m_limit = std::max(m_min, m_limit * m_backoff);
    } else {
      m_limit = std::min(m_max, m_limit + 1.0 / m_limit);
    }
  }

 private:
  double m_limit = 0;
  double m_min = 1;
  double m_max = 1000;
  SimTime m_goal = 0;  // 0: no limit
  double m_backoff = 0.9;
};

}  // namespace pillars
