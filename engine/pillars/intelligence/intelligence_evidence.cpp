#include "engine/pillars/intelligence/intelligence_evidence.hpp"

#include <array>
#include <cstdio>
#include <string>

#include "engine/model/scenario.hpp"
#include "engine/review/words.hpp"
#include "engine/run/run_results.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// A parameter's value when the kind declares it.
bool has(const ComponentSpec& c, const char* param) { return c.params.indexOf(param).has_value(); }

// The SLOs a component declares, in words ("a 99.9% availability SLO and a latency SLO of 99%
// within 300ms"); empty for none.
std::string slosInWords(const ComponentSpec& c) {
  std::vector<std::string> slos;
  if (has(c, "slo_availability") && c.params.real("slo_availability") > 0) {
    slos.push_back("a " + number(c.params.real("slo_availability")) + "% availability SLO");
  }
  if (has(c, "slo_latency") && c.params.duration("slo_latency") > 0) {
    slos.push_back("a latency SLO of " + number(c.params.real("slo_latency_objective")) + "% within " +
                   formatDuration(c.params.duration("slo_latency")));
  }
  return listInWords(slos);
}

// What the design holds for each rung of the seed's maturity ladder.
struct Ladder {
  std::vector<std::string> alerts, autoscaling, predictive, selfHealing, selfOptimizing;
};

Ladder ladderOf(const Scenario& s) {
  Ladder l;
  for (const ComponentSpec& c : s.components) {
    if (const std::string slos = slosInWords(c); !slos.empty()) {
      l.alerts.push_back(c.id + "'s " + slos.substr(slos.find(' ') + 1) + " with burn-rate alerts");
    }
    if (has(c, "anomaly_detection") && c.params.boolean("anomaly_detection")) l.alerts.push_back(c.id + "'s anomaly detector");
    if (has(c, "min_replicas") && has(c, "max_replicas") && has(c, "sync_period")) {
      l.autoscaling.push_back(c.id + " (" + c.params.choice("algorithm") + ")");
      if (c.params.choice("algorithm") == "predictive") {
        l.predictive.push_back(c.id + "'s forecast of the load's " + number(simTimeToSeconds(c.params.duration("period"))) +
                               " s cycle");
      }
    }
    if (has(c, "restart_policy") && c.params.choice("restart_policy") == "always") {
      l.selfHealing.push_back("restarts of " + c.id);
    }
    if (has(c, "concurrency_limit") && c.params.choice("concurrency_limit") != "none") {
      l.selfOptimizing.push_back(c.id + "'s adaptive concurrency limit");
    }
  }
  return l;
}

void autoscalingEvidence(const Scenario& s, const RunResults* run, std::vector<EvidenceItem>& out) {
  for (const ComponentSpec& c : s.components) {
    if (!(has(c, "min_replicas") && has(c, "max_replicas") && has(c, "sync_period"))) continue;
    std::string target;
    for (const LinkSpec& l : s.links) {
      if (l.from == c.id) target = l.to;
    }
    const std::string& metric = c.params.choice("metric");
    const std::string goal = metric == "utilization" ? "utilization at " + number(c.params.real("target")) + "%"
                             : metric == "rps"       ? number(c.params.real("target")) + " req/s per instance"
                                                     : "a queue of " + number(c.params.real("target")) + " per instance";
    const std::string& algorithm = c.params.choice("algorithm");
    const std::string how = algorithm == "target_tracking" ? "an AWS-style target tracking policy"
                            : algorithm == "predictive"
                                ? "the Kubernetes HPA raised to a forecast of the load learned over its " +
                                      number(simTimeToSeconds(c.params.duration("period"))) + " s cycle"
                                : "the Kubernetes HPA";
    std::string sentence = c.id + " scales " + target + " between " + std::to_string(c.params.integer("min_replicas")) +
                           " and " + std::to_string(c.params.integer("max_replicas")) + " instances to keep " + goal +
                           " (" + how + ", every " + number(simTimeToSeconds(c.params.duration("sync_period"))) + " s).";
    if (run) {
      for (const ComponentResult& r : run->components) {
        if (r.id != c.id) continue;
        std::size_t changes = 0;
        for (const auto& d : r.decisions) changes += d.summary.rfind("scaled", 0) == 0 ? 1 : 0;
        sentence += " In the last run it changed the set " + std::to_string(changes) + " time" + (changes == 1 ? "" : "s") + ".";
      }
    }
    out.push_back({"autoscaling", c.params.choice("algorithm"), sentence, {c.id, target}, "yes", false});
  }
}

void alertEvidence(const Scenario& s, const RunResults* run, std::vector<EvidenceItem>& out) {
  for (const ComponentSpec& c : s.components) {
    const std::string slos = slosInWords(c);
    const bool slo = !slos.empty();
    const bool anomalies = has(c, "anomaly_detection") && c.params.boolean("anomaly_detection");
    if (!slo && !anomalies) continue;
    std::string sentence;
    if (slo) {
      sentence = c.id + " has " + slos +
                 " watched by the SRE Workbook's burn-rate alerts (pages at 14.4x and 6x, a ticket at 1x).";
    }
    if (anomalies) {
      sentence += std::string(slo ? " " : "") + c.id + "'s mean latency and error rate are watched for anomalies (beyond " +
                  number(c.params.real("anomaly_k")) + " deviations of their EWMA).";
    }
    if (run) {
      std::vector<std::string> fired;
      std::size_t anomalyAlarms = 0;
      for (const AlertResult& a : run->alerts) {
        if (a.component != c.id) continue;
        if (a.severity == "anomaly") {
          ++anomalyAlarms;
        } else {
          fired.push_back(a.name + " at " + number(a.firedAtS) + " s");
        }
      }
      if (slo) sentence += fired.empty() ? " No burn-rate alert fired in the last run." : " In the last run: " + listInWords(fired) + ".";
      if (anomalies) {
        sentence += " The anomaly detector raised " + std::to_string(anomalyAlarms) + " alarm" + (anomalyAlarms == 1 ? "" : "s") +
                    (slo && anomalyAlarms > fired.size() ? " (more alarms than burn-rate alerts: anomalies are not all incidents)." : ".");
      }
    }
    const std::string answer = !slo ? "anomaly"
                               : c.params.real("slo_availability") > 0 ? number(c.params.real("slo_availability"))
                                                                        : "latency";
    out.push_back({"slo_alerts", answer, sentence, {c.id}, "yes", false});
  }
}

void chaosEvidence(const Scenario& s, const RunResults* run, std::vector<EvidenceItem>& out) {
  for (const ComponentSpec& c : s.components) {
    if (!(has(c, "mean_time_between_kills") && has(c, "blast_radius"))) continue;
    const std::vector<std::string> targets = s.targetsOf(c.id);
    std::vector<std::string> steady;
    if (c.params.real("hypothesis_availability") > 0) {
      steady.push_back("availability at least " + number(c.params.real("hypothesis_availability")) + "%");
    }
    if (c.params.duration("hypothesis_p99") > 0) steady.push_back("p99 at most " + formatDuration(c.params.duration("hypothesis_p99")));
    std::string sentence = c.id + " runs a chaos experiment on " + (targets.empty() ? std::string("nothing yet") : listInWords(targets)) +
                           " (" + c.params.choice("attack") + ", about one per " +
                           formatDuration(c.params.duration("mean_time_between_kills")) + " per group, at most " +
                           std::to_string(c.params.integer("blast_radius")) + " impaired at once)";
    sentence += steady.empty() ? ", with no steady-state hypothesis to check." : ", holding users to " + listInWords(steady) + ".";
    std::string verdict = steady.empty() ? "unchecked" : "designed";
    if (run) {
      for (const ExperimentResult& e : run->experiments) {
        if (e.component != c.id) continue;
        verdict = e.verdict;
        sentence += " In the last run: " + e.verdict + " (" + e.detail + ").";
      }
    }
    out.push_back({"chaos_experiments", verdict, sentence, {c.id}, "yes", run != nullptr});
  }
}

void maturityEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  const Ladder l = ladderOf(s);
  const std::array<std::pair<const char*, const std::vector<std::string>*>, 5> rungs = {{
      {"alerts", &l.alerts},
      {"auto-scaling", &l.autoscaling},
      {"predictive scaling", &l.predictive},
      {"self-healing", &l.selfHealing},
      {"self-optimizing", &l.selfOptimizing},
  }};
  // The seed's levels are a ladder: a level counts once every level below it is there.
  std::size_t level = 0;
  while (level < rungs.size() && !rungs[level].second->empty()) ++level;
  std::string sentence = "Intelligence maturity level " + std::to_string(level) + " of 5";
  std::vector<std::string> reached;
  for (std::size_t i = 0; i < level; ++i) reached.push_back(std::string(rungs[i].first) + " (" + listInWords(*rungs[i].second) + ")");
  sentence += reached.empty() ? "." : ": " + listInWords(reached) + ".";
  std::vector<std::string> beyond;
  for (std::size_t i = level + 1; i < rungs.size(); ++i) {
    if (!rungs[i].second->empty()) beyond.push_back(std::string(rungs[i].first) + " (" + listInWords(*rungs[i].second) + ")");
  }
  if (!beyond.empty()) sentence += " Also present, above a missing level: " + listInWords(beyond) + ".";
  if (level < rungs.size()) {
    static constexpr const char* kNeeds[] = {
        "an SLO with alerts on a client (slo_availability or slo_latency)",
        "an autoscaler on a replica set",
        "scaling ahead of load (an autoscaler with algorithm predictive)",
        "instances restarted without people (restart_policy always)",
        "a mechanism that tunes itself (an adaptive concurrency limit)",
    };
    sentence += " Level " + std::to_string(level + 1) + " needs " + kNeeds[level] + ".";
  }
  // Self-healing alone (level 4 reached in order) answers auto-recovery; lower levels inform.
  out.push_back({"intelligence_maturity", std::to_string(level), sentence, {}, level >= 4 ? "yes" : "", false});
}

}  // namespace

void intelligenceEvidence(const Scenario& scenario, const RunResults* run, std::vector<EvidenceItem>& out) {
  autoscalingEvidence(scenario, run, out);
  alertEvidence(scenario, run, out);
  chaosEvidence(scenario, run, out);
  maturityEvidence(scenario, out);
}

}  // namespace pillars::review
