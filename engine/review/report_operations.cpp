#include "engine/review/report_operations.hpp"

#include <cstdio>

#include "engine/run/intelligence_findings.hpp"
#include "engine/run/run_results.hpp"

namespace pillars::review {

namespace {

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

ReportTable alertsTable(const RunResults& run, std::size_t maxAlerts) {
  ReportTable t;
  t.title = "Alerts";
  std::size_t firing = 0;
  for (const AlertResult& a : run.alerts) firing += a.resolvedAtS < 0 ? 1 : 0;
  t.intro = plural(run.alerts.size(), "alert", "alerts") + " raised in the run, " + std::to_string(firing) +
            " still firing at its end";
  if (run.alerts.size() > maxAlerts) t.intro += "; the first " + std::to_string(maxAlerts) + " are listed";
  t.intro += ".";
  t.headers = alertHeaders();
  t.numeric = {false, false, false, true, true, false};
  for (std::size_t i = 0; i < run.alerts.size() && i < maxAlerts; ++i) t.rows.push_back(alertCells(run.alerts[i]));
  return t;
}

ReportTable selfHealingTable(const RunResults& run) {
  ReportTable t;
  t.title = "Self-healing";
  t.intro = repairSentence(summarizeRepairs(run.selfHealing));
  t.headers = incidentHeaders();
  t.numeric = {false, false, true, true, true, true, true, true, true};
  for (const IncidentResult& i : run.selfHealing) t.rows.push_back(incidentCells(i));
  return t;
}

ReportTable experimentsTable(const RunResults& run) {
  ReportTable t;
  t.title = "Chaos experiments";
  t.intro = "Each experiment's steady-state hypothesis and whether it held while the experiment attacked.";
  t.headers = {"Experiment", "Verdict", "Steady state", "From", "Until", "Detail"};
  t.numeric = {false, false, false, true, true, false};
  for (const ExperimentResult& e : run.experiments) {
    t.rows.push_back({e.component, e.verdict, e.hypothesis, secondsCell(e.startedAtS),
                      secondsCell(e.abortedAtS >= 0 ? e.abortedAtS : e.endedAtS), e.detail});
  }
  return t;
}

std::string secondsCell(double s) {
  if (s < 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

std::vector<std::string> alertHeaders() { return {"Alert", "On", "Severity", "Fired", "Resolved", "Condition"}; }

std::vector<std::string> alertCells(const AlertResult& a) {
  return {a.name, a.component, a.severity, secondsCell(a.firedAtS), a.resolvedAtS < 0 ? "firing" : secondsCell(a.resolvedAtS),
          a.detail};
}

std::vector<std::string> incidentHeaders() {
  return {"Component", "Repair", "Failed", "Detected", "Restarted", "Ready", "Time to repair", "Exits", "Requests lost"};
}

std::vector<std::string> incidentCells(const IncidentResult& i) {
  const std::string repair = i.repair == "failover" ? "failover to " + i.replacement : i.repair;
  return {i.component,
          repair,
          secondsCell(i.failedAtS),
          secondsCell(i.detectedS()),
          secondsCell(i.restartedAtS),
          secondsCell(i.readyAtS),
          i.repairS() < 0 ? "not yet" : secondsCell(i.repairS()),
          std::to_string(i.exits),
          std::to_string(i.requestsLost)};
}

std::string repairSentence(const RepairSummary& s) {
  std::string out = plural(s.incidents, "failure", "failures") + ", " + std::to_string(s.repaired) + " repaired";
  if (s.repaired > 0) out += ", mean time to repair " + secondsCell(s.meanRepairS);
  return out + "; " + plural(static_cast<std::size_t>(s.requestsLost), "request", "requests") + " lost with them.";
}

std::vector<ReportTable> operationsTables(const RunResults& run, std::size_t maxAlerts) {
  std::vector<ReportTable> out;
  if (!run.alerts.empty()) out.push_back(alertsTable(run, maxAlerts));
  if (!run.selfHealing.empty()) out.push_back(selfHealingTable(run));
  if (!run.experiments.empty()) out.push_back(experimentsTable(run));
  return out;
}

}  // namespace pillars::review
