#pragma once

#include <algorithm>

#include "engine/sim/time.hpp"

namespace pillars {

/// Kubernetes' CrashLoopBackOff, as the kubelet applies it to a container that keeps exiting:
/// the first restart waits `initial` (10 s), each further one twice as long up to `cap`
/// (300 s), and a container that ran `resetAfter` (10 min) without exiting starts again from
/// `initial`. So a container that crashes on every start is restarted after 10, 20, 40, 80,
/// 160, 300, 300... seconds.
class RestartBackoff {
 public:
  struct Config {
    SimTime initial = 10 * kSecond;
    SimTime cap = 300 * kSecond;
    SimTime resetAfter = 600 * kSecond;
  };

  RestartBackoff() = default;
  explicit RestartBackoff(const Config& config) : m_config(config) {}

  /// The instance started (or restarted) at `now`.
  void started(SimTime now) { m_startedAt = now; }
  /// The instance exited at `now`: how long to wait before restarting it.
  SimTime exited(SimTime now) {
    // A long enough healthy run forgets the earlier crashes.
    if (now - m_startedAt >= m_config.resetAfter) m_next = 0;
    m_next = m_next == 0 ? m_config.initial : std::min(m_config.cap, m_next * 2);
    return m_next;
  }
  /// The wait the next exit would get if it came now (0 before the first exit).
  SimTime current() const { return m_next; }

 private:
  Config m_config;
  SimTime m_startedAt = 0;
  SimTime m_next = 0;  // the last wait given; 0 before any
};

}  // namespace pillars
