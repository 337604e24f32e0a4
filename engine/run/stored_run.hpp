#pragma once

#include <memory>
#include <string>

#include "engine/metrics/time_series.hpp"
#include "engine/run/run_results.hpp"

namespace pillars {

class ScenarioRunner;
struct Scenario;

/// A finished run as a project keeps it: the summary and time series in the same formats
/// `pillars-cli simulate` writes (docs/results-format.md), and the scenario it ran, so a reader
/// can tell whether the run still describes the design beside it.
struct StoredRun {
  std::string scenarioJson;   // the scenario as run (scenario JSON, positions included)
  std::string summaryJson;    // `pillars-cli simulate --json`
  // `--csv DIR`'s timeseries.csv, kept as numbers and shared with the run that made them: a
  // thousand components' series is over 100 MB, too much to copy or print as CSV on the
  // interface thread when a run ends. Its text is written when a project is saved. Null
  // without a metrics interval.
  std::shared_ptr<const TimeSeries> series;

  /// Same texts, and series equal in content (or both absent).
  bool operator==(const StoredRun& other) const;
};

/// What `runner` has measured, to be stored: call it when the run has finished.
StoredRun storeRun(const Scenario& scenario, ScenarioRunner& runner, const RunResults& results);

}  // namespace pillars
