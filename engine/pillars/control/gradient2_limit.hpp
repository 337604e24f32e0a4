#pragma once

#include <algorithm>

#include "engine/sim/time.hpp"

namespace pillars {

/// An adaptive concurrency limit after Netflix's concurrency-limits Gradient2: it compares each
/// answer's latency (the short-term RTT) with a slow exponential average of them (the long-term
/// RTT, a 600-sample window). While they agree the limit grows by a queue allowance (4) each
/// answer, smoothed by 0.2; when answers get slower than `tolerance` (1.5) times the average the
/// gradient long/short falls (to 0.5 at least) and the limit shrinks with it, so queueing delay
/// is refused before it builds. It does not grow while the server is using less than half of
/// it (app-limited), and it pulls the long average down when it runs far above the answers
/// (after a long overload), so the limit recovers. Failures do not count: Gradient2 watches
/// latency only.
class Gradient2Limit {
 public:
  struct Config {
    double initial = 20;
    double minimum = 1;
    double maximum = 1e6;
    double smoothing = 0.2;
    double tolerance = 1.5;
    double queueAllowance = 4;
    int longWindow = 600;
    int warmup = 10;  // the long average is a plain mean of its first samples
  };

  Gradient2Limit() = default;
  explicit Gradient2Limit(const Config& config) : m_config(config), m_limit(config.initial), m_enabled(true) {}

  bool enabled() const { return m_enabled; }
  double limit() const { return m_limit; }
  /// The long-term RTT the limit compares answers with, in SimTime units (0 before any).
  double longRtt() const { return m_longRtt; }
  bool admits(double inFlight) const { return !m_enabled || inFlight < m_limit; }

  /// An answer that took `latency`, with `inFlight` requests in the server when it came.
  void onAnswered(SimTime latency, double inFlight) {
    if (!m_enabled) return;
    const double shortRtt = std::max(static_cast<double>(latency), 1.0);
    ++m_samples;
    if (m_samples <= m_config.warmup) {
      m_longRtt += (shortRtt - m_longRtt) / m_samples;
    } else {
      const double factor = 2.0 / (m_config.longWindow + 1);
      m_longRtt = m_longRtt * (1 - factor) + shortRtt * factor;
    }
    // Far above the answers: the average still remembers an overload that is over.
    if (m_longRtt / shortRtt > 2) m_longRtt *= 0.95;
    // App-limited: the limit is not what holds requests back, so it has nothing to learn.
    if (inFlight < m_limit / 2) return;
    const double gradient = std::clamp(m_config.tolerance * m_longRtt / shortRtt, 0.5, 1.0);
    const double wanted = m_limit * gradient + m_config.queueAllowance;
    const double smoothed = m_limit * (1 - m_config.smoothing) + wanted * m_config.smoothing;
    m_limit = std::clamp(smoothed, m_config.minimum, m_config.maximum);
  }

 private:
  Config m_config;
  double m_limit = 0;
  double m_longRtt = 0;
  double m_samples = 0;
  bool m_enabled = false;
};

}  // namespace pillars
