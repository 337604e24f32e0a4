#pragma once

#include <string>

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
  std::string timeSeriesCsv;  // `--csv DIR`'s timeseries.csv; empty without a metrics interval

  bool operator==(const StoredRun&) const = default;
};

/// What `runner` has measured, to be stored: call it when the run has finished.
StoredRun storeRun(const Scenario& scenario, ScenarioRunner& runner, const RunResults& results);

}  // namespace pillars
