#include "engine/review/report_operations.hpp"

#include <cstdio>

#include "engine/run/intelligence_findings.hpp"
#include "engine/run/run_results.hpp"

namespace pillars::review {

namespace {

std::string seconds(double s) {
  if (s < 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

ReportTable alerts(const RunResults& run, std::size_t maxAlerts) {
  ReportTable t;
  t.title = "Alerts";
  std::size_t firing = 0;
  for (const AlertResult& a : run.alerts) firing += a.resolvedAtS < 0 ? 1 : 0;
  t.intro = plural(run.alerts.size(), "alert", "alerts") + " raised in the run, " + std::to_string(firing) +
            " still firing at its end";
  if (run.alerts.size() > maxAlerts) t.intro += "; the first " + std::to_string(maxAlerts) + " are listed";
  t.intro += ".";
  t.headers = {"Alert", "On", "Severity", "Fired", "Resolved", "Condition"};
  t.numeric = {false, false, false, true, true, false};
  for (std::size_t i = 0; i < run.alerts.size() && i < maxAlerts; ++i) {
    const AlertResult& a = run.alerts[i];
    t.rows.push_back({a.name, a.component, a.severity, seconds(a.firedAtS),
                      a.resolvedAtS < 0 ? "firing" : seconds(a.resolvedAtS), a.detail});
  }
  return t;
}

ReportTable selfHealing(const RunResults& run) {
  ReportTable t;
  t.title = "Self-healing";
  const RepairSummary s = summarizeRepairs(run.selfHealing);
  t.intro = plural(s.incidents, "instance failure", "instance failures") + ", " + std::to_string(s.repaired) +
            " repaired by the orchestrator";
  if (s.repaired > 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", s.meanRepairS);
    t.intro += ", mean time to repair " + std::string(buf) + " s";
  }
  t.intro += "; " + plural(static_cast<std::size_t>(s.requestsLost), "request", "requests") + " lost with them.";
  t.headers = {"Instance", "Failed", "Restarted", "Ready", "Time to repair", "Exits", "Requests lost"};
  t.numeric = {false, true, true, true, true, true, true};
  for (const IncidentResult& i : run.selfHealing) {
    t.rows.push_back({i.component, seconds(i.failedAtS), seconds(i.restartedAtS), seconds(i.readyAtS),
                      i.repairS() < 0 ? "not yet" : seconds(i.repairS()), std::to_string(i.exits),
                      std::to_string(i.requestsLost)});
  }
  return t;
}

ReportTable experiments(const RunResults& run) {
  ReportTable t;
  t.title = "Chaos experiments";
  t.intro = "Each experiment's steady-state hypothesis and whether it held while the experiment attacked.";
  t.headers = {"Experiment", "Verdict", "Steady state", "From", "Until", "Detail"};
  t.numeric = {false, false, false, true, true, false};
  for (const ExperimentResult& e : run.experiments) {
    t.rows.push_back({e.component, e.verdict, e.hypothesis, seconds(e.startedAtS),
                      seconds(e.abortedAtS >= 0 ? e.abortedAtS : e.endedAtS), e.detail});
  }
  return t;
}

}  // namespace

std::vector<ReportTable> operationsTables(const RunResults& run, std::size_t maxAlerts) {
  std::vector<ReportTable> out;
  if (!run.alerts.empty()) out.push_back(alerts(run, maxAlerts));
  if (!run.selfHealing.empty()) out.push_back(selfHealing(run));
  if (!run.experiments.empty()) out.push_back(experiments(run));
  return out;
}

}  // namespace pillars::review
