#pragma once

#include <vector>

#include "engine/review/evidence.hpp"

namespace pillars {
struct Scenario;
}  // namespace pillars

namespace pillars::review {

/// `health_checks` per liveness or readiness probe on a replica set (the orchestrator's health
/// checking; a liveness probe through the workers is a cascade waiting to happen); returns
/// whether any component has one.
bool probeEvidence(const Scenario& s, std::vector<EvidenceItem>& out);
/// `deployment_strategy` and `rollback` per replica set with a rollout strategy (rolling update
/// or canary, and whether the scenario tries a rollout), and `auto_restart` for the sets an
/// orchestrator restarts (Kubernetes' CrashLoopBackOff).
void controlEvidence(const Scenario& s, std::vector<EvidenceItem>& out);

}  // namespace pillars::review
