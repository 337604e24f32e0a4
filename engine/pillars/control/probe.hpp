#pragma once

#include <cstdint>

#include "engine/sim/time.hpp"

namespace pillars {

/// One of a Kubernetes container's probes (liveness or readiness), as the kubelet judges it:
/// probed every `period`, a probe not answered within `timeout` fails, `failureThreshold`
/// failures in a row turn the verdict to failing and `successThreshold` successes in a row turn
/// it back. A liveness probe that fails gets the container killed (and restarted by its
/// restart policy); a readiness probe that fails takes it out of its service's endpoints until
/// it passes again. Both start passing: an instance is ready once its start-up is over. No
/// probe runs until `initialDelay` after the container started (initialDelaySeconds), so an
/// instance with a long start-up is not killed for failing liveness probes while it starts.
class Probe {
 public:
  struct Config {
    SimTime period = 0;  // 0: no probe
    SimTime timeout = kSecond;
    std::int64_t failureThreshold = 3;
    std::int64_t successThreshold = 1;
    SimTime initialDelay = 0;
    bool enabled() const { return period > 0; }
  };

  Probe() = default;
  explicit Probe(const Config& config) : m_config(config) {}

  const Config& config() const { return m_config; }
  bool enabled() const { return m_config.enabled(); }
  bool passing() const { return m_passing; }

  /// Records one probe's result; returns whether the verdict changed.
  bool record(bool success) {
    if (success) {
      m_failuresInRow = 0;
      ++m_successesInRow;
    } else {
      ++m_failures;
      m_successesInRow = 0;
      ++m_failuresInRow;
    }
    const bool was = m_passing;
    if (!m_passing && m_successesInRow >= m_config.successThreshold) m_passing = true;
    if (m_passing && m_failuresInRow >= m_config.failureThreshold) m_passing = false;
    return m_passing != was;
  }
  /// A restarted container starts over, passing.
  void restart() {
    m_passing = true;
    m_failuresInRow = 0;
    m_successesInRow = 0;
  }
  /// Probes that failed since the run began (or the last resetCounts).
  std::uint64_t failures() const { return m_failures; }
  void resetCounts() { m_failures = 0; }

 private:
  Config m_config;
  bool m_passing = true;
  std::int64_t m_failuresInRow = 0;
  std::int64_t m_successesInRow = 0;
  std::uint64_t m_failures = 0;
};

}  // namespace pillars
