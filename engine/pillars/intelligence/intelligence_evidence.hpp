#pragma once

#include <vector>

#include "engine/review/evidence.hpp"

namespace pillars {
struct Scenario;
struct RunResults;
}  // namespace pillars

namespace pillars::review {

/// The Intelligence pillar's evidence: `autoscaling` (autoscalers and, after a run, what they
/// did), `slo_alerts` (burn-rate alerts on SLOs and, after a run, which fired) and
/// `intelligence_maturity` (the seed's five levels: alerts, auto-scaling, predictive,
/// self-healing, self-optimizing; the highest reached with every level below it, and what the
/// next one needs).
void intelligenceEvidence(const Scenario& scenario, const RunResults* run, std::vector<EvidenceItem>& out);

}  // namespace pillars::review
