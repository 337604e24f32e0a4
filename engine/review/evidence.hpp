#pragma once
// Evidence: what the design (and a run of it) shows about the checklist's questions. Each item
// is a sentence a person can check against the drawing, the components it is about, and what
// it suggests for the questions that list its key.

#include <string>
#include <vector>

namespace pillars {
struct Scenario;
struct RunResults;
}

namespace pillars::review {

struct ComponentSaturation;

struct EvidenceItem {
  std::string key;       // one of evidenceKeys(): "load_balancing_policy", ...
  std::string value;     // machine-readable: "least_connections", "3", "none", "99.95"
  std::string sentence;  // "lb spreads requests over web1, web2, web3 by least_connections."
  std::vector<std::string> components;
  /// The answer this suggests ("yes", "partly", "no", or a question's own choice such as
  /// "stream"); empty when it informs without suggesting.
  std::string suggests;
  bool fromRun = false;  // measured in a run rather than read off the design
};

struct EvidenceOptions {
  /// Measured availability at or above this suggests "yes". The default is the seed's
  /// "Need 99.9%+ uptime"; a review passes the uptime target from its facts instead.
  double availabilityTargetPercent = 99.9;
  /// Services at or above this utilization are hot spots: the seed's level-1 alert "CPU > 80%".
  double hotSpotUtilization = 0.8;
  /// The run's utilization over time (saturation.hpp), when its time series is at hand: a
  /// service that stayed at or above the threshold for a while is a hot spot even when its
  /// run-long mean is not (it sat at 100% and then crashed).
  const std::vector<ComponentSaturation>* saturation = nullptr;
};

/// Everything the design shows, in a fixed order (by key, then by component order). With
/// `run`, measured items (availability, p99, drops, hot spots) follow.
std::vector<EvidenceItem> gatherEvidence(const Scenario& scenario, const RunResults* run,
                                         const EvidenceOptions& options = {});

}  // namespace pillars::review
