#include "engine/review/evidence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/review/intelligence_evidence.hpp"
#include "engine/review/saturation.hpp"
#include "engine/review/state_evidence.hpp"
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

std::vector<const ComponentSpec*> ofKind(const Scenario& s, const std::string& kind) {
  std::vector<const ComponentSpec*> out;
  for (const auto& c : s.components) {
    if (c.kind == kind) out.push_back(&c);
  }
  return out;
}

// How many instances a scenario component stands for (a service's replicas).
std::size_t instanceCountOf(const ComponentSpec& c) {
  const ComponentKind& kind = kindTraits(c.kind);
  return kind.instanceCount ? kind.instanceCount(c.params) : 1;
}

bool rolledOutIn(const Scenario& s, const std::string& id) {
  return std::any_of(s.faults.begin(), s.faults.end(),
                     [&](const FaultSpec& f) { return f.action == FaultAction::Rollout && f.target == id; });
}

// Deployments, rollbacks and restarts of replica sets (the Control pillar's orchestration).
void controlEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  std::vector<std::string> restarting;
  for (const auto& c : s.components) {
    const std::size_t n = instanceCountOf(c);
    const auto strategy = c.params.indexOf("rollout_strategy");
    if (n > 1 && strategy) {
      const bool canary = c.params.choice("rollout_strategy") == "canary";
      const std::string how =
          canary ? "canary steps of " + formatNumber(c.params.real("canary_step")) + "% with analysis of the error rate"
                 : "a rolling update (max surge " + formatNumber(c.params.real("max_surge")) + "%, max unavailable " +
                       formatNumber(c.params.real("max_unavailable")) + "%)";
      const bool tried = rolledOutIn(s, c.id);
      out.push_back({"deployment_strategy", c.params.choice("rollout_strategy"),
                     c.id + ": " + std::to_string(n) + " replicas, released by " + how +
                         (tried ? "; the scenario rolls out a second version." : "; no rollout is tried in this scenario."),
                     {c.id}, tried ? "yes" : "", false});
      if (canary) {
        out.push_back({"rollback", "automatic",
                       c.id + "'s canary rolls back by itself after " +
                           std::to_string(c.params.integer("canary_failed_checks")) + " failed check(s) (error rate above " +
                           formatNumber(c.params.real("canary_max_error_rate")) + "%).",
                       {c.id}, tried ? "yes" : "partly", false});
      } else {
        out.push_back({"rollback", "manual",
                       c.id + "'s rolling update has no automatic rollback: a bad release is rolled back by hand "
                              "(the rollback action).",
                       {c.id}, "partly", false});
      }
    }
    if (const auto policy = c.params.indexOf("restart_policy"); policy && c.params.choice("restart_policy") == "always") {
      restarting.push_back(c.id);
    }
  }
  if (!restarting.empty()) {
    out.push_back({"auto_restart", std::to_string(restarting.size()),
                   "An orchestrator restarts crashed instances of " + listInWords(restarting) +
                       " by itself, with Kubernetes' CrashLoopBackOff (10 s doubling to 5 min).",
                   restarting, "partly", false});
  }
}

/// Liveness and readiness probes on services (the orchestrator's health checking); returns
/// whether any service has one.
bool probeEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  bool any = false;
  for (const auto* c : ofKind(s, "service")) {
    if (!c->params.indexOf("liveness_period")) continue;
    for (const std::string which : {"liveness", "readiness"}) {
      const SimTime period = c->params.duration(which + "_period");
      if (period <= 0) continue;
      any = true;
      const bool liveness = which == "liveness";
      const bool throughWorkers = c->params.choice("probe_path") == "worker";
      std::string sentence = c->id + " has a " + which + " probe every " + formatDuration(period) + ": after " +
                             std::to_string(c->params.integer(which + "_failure_threshold")) + " failed probes in a row " +
                             (liveness ? "an instance is killed and restarted." : "an instance leaves rotation until it passes again.");
      if (liveness && throughWorkers) {
        sentence += " Its probes wait for a worker like requests, so overload alone fails them and restarts busy "
                    "instances, losing their queues (a cascade); a dedicated health endpoint (probe_path dedicated) "
                    "avoids that.";
      }
      out.push_back({"health_checks", which + "_probe", sentence, {c->id}, liveness && throughWorkers ? "partly" : "yes", false});
    }
  }
  return any;
}

void balancerEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  const bool probed = probeEvidence(s, out);
  const auto balancers = ofKind(s, "load_balancer");
  if (balancers.empty()) {
    const TopologyAnalysis a = analyzeTopology(s);
    const std::size_t n = a.entryServices.size();
    out.push_back({"load_balancing_policy", "none",
                   n == 0 ? std::string("No load balancer in the design.")
                          : "No load balancer: " + listInWords(a.entryServices) + (n == 1 ? " takes" : " take") +
                                " client traffic directly.",
                   a.entryServices, "no", false});
    if (!probed) {
      out.push_back({"health_checks", "none",
                     "Nothing checks health: without a load balancer or probes no backend is ever taken out.", {}, "no",
                     false});
    }
    return;
  }
  for (const auto* b : balancers) {
    const std::string policy = b->params.choice("policy");
    std::vector<std::string> about{b->id};
    const auto backends = s.targetsOf(b->id);
    about.insert(about.end(), backends.begin(), backends.end());
    out.push_back({"load_balancing_policy", policy,
                   b->id + " spreads requests over " + listInWords(backends) + " by " + policy + ".", about, "yes", false});
  }
  for (const auto* b : balancers) {
    const SimTime interval = b->params.duration("health_check_interval");
    if (interval > 0) {
      out.push_back({"health_checks", formatDuration(interval),
                     b->id + " checks its backends every " + formatDuration(interval) + " and takes one out after " +
                         std::to_string(b->params.integer("unhealthy_threshold")) + " failed checks.",
                     {b->id}, "yes", false});
    } else {
      out.push_back({"health_checks", "off",
                     b->id + " has health checks off (health_check_interval 0): a crashed backend keeps receiving requests.",
                     {b->id}, "no", false});
    }
  }
  for (const auto* b : balancers) {
    if (!b->params.boolean("outlier_detection")) continue;
    // Passive health checking: what a probe cannot see (a process that is up but failing).
    out.push_back({"health_checks", "outlier_detection",
                   b->id + " ejects a backend after " + std::to_string(b->params.integer("consecutive_errors")) +
                       " errors in a row, for " + formatDuration(b->params.duration("base_ejection_time")) +
                       " times its ejections in a row (outlier detection), at most " +
                       formatNumber(b->params.real("max_ejection_percent")) + "% of backends at once.",
                   {b->id}, "yes", false});
  }
  for (const auto* b : balancers) {
    if (b->params.choice("policy") != "consistent_hash") continue;
    out.push_back({"partitioning", "consistent_hash",
                   b->id + " partitions keys over " + listInWords(s.targetsOf(b->id)) + " by consistent hashing (" +
                       std::to_string(b->params.integer("virtual_nodes")) + " virtual nodes per backend).",
                   {b->id}, "yes", false});
  }
}

void stateEvidence(const Scenario& s, const TopologyAnalysis& a, std::vector<EvidenceItem>& out) {
  for (const auto& set : a.replicaSets) {
    if (set.kind == Store::kKind) continue;  // the State pillar's own kind: stateStoreEvidence
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
  std::vector<std::string> caches;
  for (const auto* c : ofKind(s, "cache")) caches.push_back(c->id);
  out.push_back({"caches", std::to_string(caches.size()),
                 caches.empty() ? "No cache in the design." : "Caches: " + listInWords(caches) + ".", caches, "", false});
}

// Retries without a guard multiply the load exactly when the system is slowest: the seed of a
// metastable retry storm (see retry-storm.json). A budget, a throttle or a breaker bounds them.
void retryGuardEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  std::vector<std::string> unguarded, ids;
  std::int64_t mostAttempts = 1;
  for (const auto* c : ofKind(s, "client")) {
    const std::int64_t retries = c->params.integer("retries");
    if (retries == 0) continue;
    const bool guarded = c->params.real("retry_budget_percent") > 0 || c->params.real("retry_tokens") > 0 ||
                         c->params.boolean("circuit_breaker");
    if (guarded) continue;
    unguarded.push_back(c->id + " (up to " + std::to_string(retries + 1) + " attempts)");
    ids.push_back(c->id);
    mostAttempts = std::max(mostAttempts, retries + 1);
  }
  if (unguarded.empty()) return;
  out.push_back({"retry_amplification", std::to_string(mostAttempts),
                 "Retries without a retry budget, retry throttling or circuit breaker: " + listInWords(unguarded) +
                     ". When the system slows down every request can become that many attempts, and the "
                     "extra load can keep it down after the cause has gone (a retry storm).",
                 ids, "", false});
}

void workEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  std::vector<std::string> queues;
  for (const auto* q : ofKind(s, "queue")) queues.push_back(q->id);
  out.push_back({"queues", std::to_string(queues.size()),
                 queues.empty() ? "No queue: every request is handled while its client waits."
                                : "Queues decouple producers from consumers: " + listInWords(queues) + ".",
                 queues, queues.empty() ? "" : "stream", false});
  std::vector<std::string> zones, regions;
  for (const auto& g : s.groups) (g.kind == "zone" ? zones : regions).push_back(g.id);
  out.push_back({"zones", std::to_string(zones.size()),
                 zones.empty() && regions.empty()
                     ? "No zones or regions drawn: every component may fail together."
                     : std::to_string(zones.size()) + " zone" + (zones.size() == 1 ? "" : "s") +
                           (zones.empty() ? "" : " (" + listInWords(zones) + ")") + " in " + std::to_string(regions.size()) +
                           " region" + (regions.size() == 1 ? "" : "s") + (regions.empty() ? "" : " (" + listInWords(regions) + ")") + ".",
                 {}, "", false});
  std::vector<std::string> retrying;
  for (const auto* c : ofKind(s, "client")) {
    if (c->params.integer("retries") > 0) retrying.push_back(c->id + " (" + std::to_string(c->params.integer("retries")) + ")");
  }
  out.push_back({"retries", std::to_string(retrying.size()),
                 retrying.empty() ? "No client retries a failed request." : "Clients retry failed requests: " + listInWords(retrying) + ".",
                 {}, "", false});
  retryGuardEvidence(s, out);
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
    if (c.kind != "service" || c.utilization < options.hotSpotUtilization) continue;
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
  balancerEvidence(scenario, out);
  stateEvidence(scenario, analysis, out);
  stateStoreEvidence(scenario, analysis, run, out);
  workEvidence(scenario, out);
  controlEvidence(scenario, out);
  intelligenceEvidence(scenario, run, out);
  if (run) runEvidence(*run, options, out);
  return out;
}

}  // namespace pillars::review
