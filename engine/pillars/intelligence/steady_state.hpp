#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/sim/time.hpp"

namespace pillars {

class Simulation;

/// A chaos experiment's steady-state hypothesis, as the Principles of Chaos Engineering and the
/// Chaos Toolkit define one: a measurable output of the system that says it behaves normally,
/// here what its users see. Over a sliding window it reads every load generator's outcomes (the
/// components that measure end to end) and holds when the availability (completed over
/// completed, failed and timed out) is at least a floor and the p99 latency of the completed
/// requests at most a ceiling. Each condition is optional (0 turns it off).
///
/// It keeps cumulative totals at each check in a ring, so a window's figures are the difference
/// of two readings and the requests themselves cost nothing more; the p99 condition is read off
/// the clients' histograms as a count of requests slower than the ceiling (nearest rank: p99 <= T
/// exactly when at most n - ceil(0.99 n) of n requests are slower than T).
class SteadyState {
 public:
  struct Config {
    double minAvailabilityPercent = 0;  // 0: no availability condition
    SimTime maxP99 = 0;                 // 0: no latency condition
    SimTime window = 30 * kSecond;
    SimTime checkInterval = 5 * kSecond;
  };
  /// One check: the window's figures and whether the hypothesis held over it.
  struct Check {
    SimTime at = 0;
    std::uint64_t requests = 0;  // outcomes in the window (completed, failed, timed out)
    double availabilityPercent = 100;
    std::uint64_t completed = 0;
    std::uint64_t slower = 0;    // completed requests slower than the p99 ceiling
    bool holds = true;
    bool availabilityBroken = false;
    bool latencyBroken = false;
  };

  explicit SteadyState(const Config& config);

  bool enabled() const { return m_config.minAvailabilityPercent > 0 || m_config.maxP99 > 0; }
  const Config& config() const { return m_config; }
  /// Reads the clients' totals at `sim`'s current time into the ring and checks the window that
  /// ends now (or, until a whole window has passed, everything since the first reading). A
  /// window without outcomes holds: nothing was asked, so nothing failed.
  Check check(const Simulation& sim);
  /// "availability >= 99.9% and p99 <= 300 ms over 30 s".
  std::string describe() const;
  /// Why `c` broke the hypothesis: "availability 97.2% < 99.9% over the last 30 s (1,204
  /// requests)", "p99 above 300 ms over the last 30 s: 41 of 1,180 requests (3.5%) slower".
  std::string explainBreak(const Check& c) const;

 private:
  struct Totals {
    SimTime at = 0;
    std::uint64_t good = 0, bad = 0, slower = 0;
  };
  struct ClientReading {
    std::uint64_t completed = 0, bad = 0, slower = 0;
  };
  /// The clients' outcomes so far, across warm-up resets of their counters.
  Totals read(const Simulation& sim);

  Config m_config;
  std::vector<Totals> m_ring;  // the last readings, oldest first from m_next
  std::size_t m_next = 0, m_filled = 0;
  std::vector<ClientReading> m_lastRead;  // by ComponentId
  Totals m_sum;
};

}  // namespace pillars
