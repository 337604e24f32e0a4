#pragma once
// What the Intelligence pillar did in the project's last run, for the review report: the alerts
// raised, the incidents the orchestrator repaired and the chaos experiments' verdicts, as
// tables that the HTML and Markdown writers each lay out in their own form. They come from the
// stored run's summary, so they are what `pillars-cli simulate` printed for that run. The rows
// are built here once for every reader: the report, `pillars-cli simulate` and the app's
// Operations dock.

#include <cstddef>
#include <string>
#include <vector>

namespace pillars {
struct AlertResult;
struct IncidentResult;
struct RunResults;
struct RepairSummary;
}

namespace pillars::review {

/// A titled table with a sentence under it; every cell is plain text.
struct ReportTable {
  std::string title;                             // "Alerts"
  std::string intro;                             // a sentence before the table, or empty
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;    // each as many cells as headers
  std::vector<bool> numeric;                     // per column: right-aligned
};

/// A time in seconds as the tables show it: "12.5 s", or "-" for never (-1).
std::string secondsCell(double seconds);

/// The columns of an alert row and the row of one alert.
std::vector<std::string> alertHeaders();
std::vector<std::string> alertCells(const AlertResult& alert);
/// The columns of a self-healing row (an instance restarted, a store set failed over) and the
/// row of one incident.
std::vector<std::string> incidentHeaders();
std::vector<std::string> incidentCells(const IncidentResult& incident);
/// The self-healing report in a sentence: "3 failures, 3 repaired, mean time to repair 20.0 s;
/// 2 requests lost with them."
std::string repairSentence(const RepairSummary& summary);

/// Each table on its own, with every row (alerts: the first `maxAlerts`).
ReportTable alertsTable(const RunResults& run, std::size_t maxAlerts);
ReportTable selfHealingTable(const RunResults& run);
ReportTable experimentsTable(const RunResults& run);

/// The tables for a run: Alerts, Self-healing, Chaos experiments, each only when the run has
/// any. Alerts beyond `maxAlerts` are counted in the intro, not listed (a noisy anomaly
/// detector raises hundreds).
std::vector<ReportTable> operationsTables(const RunResults& run, std::size_t maxAlerts = 30);

}  // namespace pillars::review
