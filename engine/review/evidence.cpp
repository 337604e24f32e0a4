#include "engine/review/evidence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/pillars/control/control_evidence.hpp"
#include "engine/pillars/intelligence/intelligence_evidence.hpp"
#include "engine/pillars/state/state_evidence.hpp"
#include "engine/pillars/work/work_evidence.hpp"
#include "engine/review/saturation.hpp"
#include "engine/review/topology_analysis.hpp"
#include "engine/review/words.hpp"
#include "engine/run/run_results.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

namespace {

std::string fixedText(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

/// `replication` of the sets no pillar describes itself (consensus groups, copies behind one
/// balancer or queue, a replica set's instances) and `single_points_of_failure`.
void replicationEvidence(const Scenario& s, const TopologyAnalysis& a, std::vector<EvidenceItem>& out) {
  for (const auto& set : a.replicaSets) {
    if (describesReplicationOf(set.kind)) continue;  // the State pillar's own: stateStoreEvidence
    const std::string& name = set.members.front();
    const std::string where = set.whereInWords();
    if (set.quorum > 0) {
      out.push_back({"replication", std::to_string(set.factor()),
                     name + ": a consensus group of " + std::to_string(set.factor()) + " (" + listInWords(set.members) +
                         "), every member holding the whole log; it serves while " + std::to_string(set.quorum) +
                         " are up, " + where + ".",
                     set.members, "yes", false});
    } else if (set.factor() >= 2) {
      out.push_back({"replication", std::to_string(set.factor()),
                     name + ": " + std::to_string(set.factor()) + " parallel instances (" + listInWords(set.members) +
                         ") behind " + set.via + ", " + where +
                         ". Inferred: Pillars has no replica kind yet, so instances behind one balancer or queue count as copies.",
                     set.members, "yes", false});
    } else if (const ComponentSpec* c = s.findComponent(name); c && instanceCountOf(*c) > 1) {
      const std::size_t n = instanceCountOf(*c);
      out.push_back({"replication", std::to_string(n),
                     name + ": a replica set of " + std::to_string(n) + " instances, " + where + ".", set.members,
                     "yes", false});
    } else {
      out.push_back({"replication", "none",
                     name + ": a single instance, no replica (" + where +
                         "). Inferred: Pillars has no replica kind yet; no balancer or queue puts a second instance beside it.",
                     set.members, "no", false});
    }
  }
  if (a.singlePointsOfFailure.empty()) {
    out.push_back({"single_points_of_failure", "none",
                   "No single point of failure: every client is still served with any one component removed.", {}, "yes", false});
  } else {
    std::vector<std::string> parts;
    std::vector<std::string> ids;
    for (const auto& spof : a.singlePointsOfFailure) {
      parts.push_back(spof.component + " (cuts off " + listInWords(spof.clients) + ")");
      ids.push_back(spof.component);
    }
    std::string value;
    for (const auto& id : ids) value += (value.empty() ? "" : ",") + id;
    out.push_back({"single_points_of_failure", value,
                   "Single points of failure: " + listInWords(parts) + ".", ids, "no", false});
  }
}

void zoneEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  std::vector<std::string> zones, regions;
  for (const auto& g : s.groups) (g.isZone() ? zones : regions).push_back(g.id);
  out.push_back({"zones", std::to_string(zones.size()),
                 zones.empty() && regions.empty()
                     ? "No zones or regions drawn: every component may fail together."
                     : std::to_string(zones.size()) + " zone" + (zones.size() == 1 ? "" : "s") +
                           (zones.empty() ? "" : " (" + listInWords(zones) + ")") + " in " + std::to_string(regions.size()) +
                           " region" + (regions.size() == 1 ? "" : "s") + (regions.empty() ? "" : " (" + listInWords(regions) + ")") + ".",
                 {}, "", false});
}

void faultEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  std::vector<std::string> faults;
  for (const auto& f : s.faults) faults.push_back(std::string(faultActionName(f.action)) + " " + f.target + " at " + formatDuration(f.at));
  // A chaos experiment breaks things on purpose too (chaos_experiments says so): without a
  // fault timeline the design has still been tried.
  const bool chaos = std::any_of(s.components.begin(), s.components.end(), [](const ComponentSpec& c) {
    return c.params.indexOf("mean_time_between_kills").has_value();
  });
  out.push_back({"fault_experiments", std::to_string(s.faults.size()),
                 faults.empty() ? (chaos ? "The scenario's fault timeline is empty; its chaos experiment injects the faults."
                                         : "The scenario injects no faults: how it fails has not been tried.")
                                : "The scenario injects faults: " + listInWords(faults) + ".",
                 {}, faults.empty() ? (chaos ? "" : "no") : "partly", false});
}

void runAmplificationEvidence(const RunResults& r, std::vector<EvidenceItem>& out) {
  if (r.offeredRps <= 0) return;
  const double perRequest = r.attemptsRps / r.offeredRps;
  // Below a fifth more attempts than requests, retries are masking failures, not amplifying them.
  if (perRequest < 1.2 && r.wastedWorkS <= 0) return;
  out.push_back({"retry_amplification", fixedText(perRequest, 2),
                 "The run made " + fixedText(perRequest, 2) + " attempts per request (" + fixedText(r.attemptsRps, 0) +
                     "/s for " + fixedText(r.offeredRps, 0) + "/s offered; goodput " + fixedText(r.goodputRps, 0) +
                     "/s); " + fixedText(r.wastedWorkS, 1) +
                     " s of server work went to requests whose caller had already given up.",
                 {}, perRequest >= 1.2 && r.goodputRps < 0.9 * r.offeredRps ? "no" : "", true});
}

void runEvidence(const RunResults& r, const EvidenceOptions& options, std::vector<EvidenceItem>& out) {
  const double attempts = static_cast<double>(r.completed + r.failed + r.timedOut);
  if (attempts > 0) {
    const double percent = 100.0 * static_cast<double>(r.completed) / attempts;
    out.push_back({"measured_availability", fixedText(percent, 3),
                   "Measured availability " + fixedText(percent, 3) + "%: " + std::to_string(r.completed) + " of " +
                       fixedText(attempts, 0) + " requests completed (target " + formatNumber(options.availabilityTargetPercent) + "%).",
                   {}, percent >= options.availabilityTargetPercent ? "yes" : "no", true});
  }
  if (r.latency.count > 0) {
    out.push_back({"latency_p99", fixedText(r.latency.p99, 2),
                   "p99 latency " + fixedText(r.latency.p99, 2) + " ms end to end (p50 " + fixedText(r.latency.p50, 2) + " ms).",
                   {}, "", true});
  }
  runAmplificationEvidence(r, out);
  std::vector<std::string> dropping, parts;
  for (const auto& c : r.components) {
    if (c.dropped == 0) continue;
    dropping.push_back(c.id);
    parts.push_back(c.id + " " + std::to_string(c.dropped));
  }
  out.push_back({"drops", std::to_string(r.dropped),
                 r.dropped == 0 && dropping.empty() ? "No request was dropped."
                                                    : std::to_string(r.dropped) + " requests dropped inside the system" +
                                                          (parts.empty() ? "." : " (" + listInWords(parts) + ")."),
                 dropping, "", true});
  std::vector<std::string> hot, hotParts;
  for (const auto& c : r.components) {
    if (!kindTraits(c.kind).scalesOut() || c.utilization < options.hotSpotUtilization) continue;
    hot.push_back(c.id);
    hotParts.push_back(c.id + " " + fixedText(100.0 * c.utilization, 1) + "%");
  }
  if (options.saturation) addSustainedHotSpots(r, *options.saturation, options.hotSpotUtilization, hot, hotParts);
  out.push_back({"utilization_hot_spots", std::to_string(hot.size()),
                 hot.empty() ? "No service runs at " + formatNumber(100.0 * options.hotSpotUtilization) + "% utilization or more."
                             : "Hot spots (utilization >= " + formatNumber(100.0 * options.hotSpotUtilization) + "%): " + listInWords(hotParts) + ".",
                 hot, "", true});
}

}  // namespace

std::vector<EvidenceItem> gatherEvidence(const Scenario& scenario, const RunResults* run,
                                         const EvidenceOptions& options) {
  std::vector<EvidenceItem> out;
  const TopologyAnalysis analysis = analyzeTopology(scenario);
  // Each pillar's evidence comes from its folder (engine/pillars/<pillar>/<pillar>_evidence);
  // the order is the report's.
  const bool probed = probeEvidence(scenario, out);
  balancerEvidence(scenario, probed, out);
  replicationEvidence(scenario, analysis, out);
  cacheEvidence(scenario, out);
  stateStoreEvidence(scenario, analysis, run, out);
  queueEvidence(scenario, out);
  zoneEvidence(scenario, out);
  retryEvidence(scenario, out);
  faultEvidence(scenario, out);
  controlEvidence(scenario, out);
  intelligenceEvidence(scenario, run, out);
  if (run) runEvidence(*run, options, out);
  return out;
}

}  // namespace pillars::review
