// The Control pillar's evidence: how replica sets are released (rolling update or canary,
// and how a bad release is rolled back), who restarts a crashed instance, and the liveness and
// readiness probes that decide both.
#include "engine/pillars/control/control_evidence.hpp"

#include <algorithm>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/review/words.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

namespace {

bool rolledOutIn(const Scenario& s, const std::string& id) {
  return std::any_of(s.faults.begin(), s.faults.end(), [&](const FaultSpec& f) {
    return f.action == FaultAction::Rollout && f.target == id;
  });
}

}  // namespace

// Deployments, rollbacks and restarts of replica sets (the Control pillar's orchestration).
void controlEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  std::vector<std::string> restarting;
  for (const auto& c : s.components) {
    const std::size_t n = instanceCountOf(c);
    const auto strategy = c.params.indexOf("rollout_strategy");
    if (n > 1 && strategy) {
      const bool canary = c.params.choice("rollout_strategy") == "canary";
      const std::string how =
          canary
              ? "canary steps of " + formatNumber(c.params.real("canary_step")) +
                    "% with analysis of the error rate"
              : "a rolling update (max surge " + formatNumber(c.params.real("max_surge")) +
                    "%, max unavailable " + formatNumber(c.params.real("max_unavailable")) + "%)";
      const bool tried = rolledOutIn(s, c.id);
      out.push_back({"deployment_strategy",
                     c.params.choice("rollout_strategy"),
                     c.id + ": " + std::to_string(n) + " replicas, released by " + how +
                         (tried ? "; the scenario rolls out a second version."
                                : "; no rollout is tried in this scenario."),
                     {c.id},
                     tried ? "yes" : "",
                     false});
      if (canary) {
        out.push_back({"rollback",
                       "automatic",
                       c.id + "'s canary rolls back by itself after " +
                           std::to_string(c.params.integer("canary_failed_checks")) +
                           " failed check(s) (error rate above " +
                           formatNumber(c.params.real("canary_max_error_rate")) + "%).",
                       {c.id},
                       tried ? "yes" : "partly",
                       false});
      } else {
        out.push_back({"rollback",
                       "manual",
                       c.id + "'s rolling update has no automatic rollback: a bad release is "
                              "rolled back by hand (the rollback action).",
                       {c.id},
                       "partly",
                       false});
      }
    }
    if (const auto policy = c.params.indexOf("restart_policy");
        policy && c.params.choice("restart_policy") == "always") {
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

bool probeEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  bool any = false;
  for (const ComponentSpec& c : s.components) {
    // The kinds that probe their instances say so with these parameters (a service).
    if (!c.params.indexOf("liveness_period")) continue;
    for (const std::string which : {"liveness", "readiness"}) {
      const SimTime period = c.params.duration(which + "_period");
      if (period <= 0) continue;
      any = true;
      const bool liveness = which == "liveness";
      const bool throughWorkers = c.params.choice("probe_path") == "worker";
      std::string sentence = c.id + " has a " + which + " probe every " + formatDuration(period) +
                             ": after " +
                             std::to_string(c.params.integer(which + "_failure_threshold")) +
                             " failed probes in a row " +
                             (liveness ? "an instance is killed and restarted."
                                       : "an instance leaves rotation until it passes again.");
      if (liveness && throughWorkers) {
        sentence +=
            " Its probes wait for a worker like requests, so overload alone fails them and "
            "restarts busy instances, losing their queues (a cascade); a dedicated health "
            "endpoint (probe_path dedicated) avoids that.";
      }
      out.push_back({"health_checks",
                     which + "_probe",
                     sentence,
                     {c.id},
                     liveness && throughWorkers ? "partly" : "yes",
                     false});
    }
  }
  return any;
}

}  // namespace pillars::review
