#pragma once
// What the Intelligence pillar did in the project's last run, for the review report: the alerts
// raised, the incidents the orchestrator repaired and the chaos experiments' verdicts, as
// tables that the HTML and Markdown writers each lay out in their own form. They come from the
// stored run's summary, so they are what `pillars-cli simulate` printed for that run.

#include <string>
#include <vector>

namespace pillars {
struct RunResults;
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

/// The tables for a run: Alerts, Self-healing, Chaos experiments, each only when the run has
/// any. Alerts beyond `maxAlerts` are counted in the intro, not listed (a noisy anomaly
/// detector raises hundreds).
std::vector<ReportTable> operationsTables(const RunResults& run, std::size_t maxAlerts = 30);

}  // namespace pillars::review
