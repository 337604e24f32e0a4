#pragma once

#include <vector>

#include "engine/review/evidence.hpp"

namespace pillars {
struct Scenario;
}  // namespace pillars

namespace pillars::review {

/// `load_balancing_policy` per balancer (or "none", naming the services clients call directly),
/// `health_checks` per balancer (its interval, or off; outlier detection) and `partitioning` for
/// a consistent-hash balancer. Without a balancer and without probes (`probed`: the Control
/// pillar's probeEvidence found none), `health_checks` "none".
void balancerEvidence(const Scenario& s, bool probed, std::vector<EvidenceItem>& out);
/// `queues`: the queues that decouple producers from consumers.
void queueEvidence(const Scenario& s, std::vector<EvidenceItem>& out);
/// `retries`: the clients that retry; `retry_amplification`: those whose retries nothing guards
/// (no retry budget, throttle or circuit breaker), the seed of a retry storm.
void retryEvidence(const Scenario& s, std::vector<EvidenceItem>& out);

}  // namespace pillars::review
