#include "engine/run/stored_run.hpp"

#include "engine/io/results_writer.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/run/scenario_runner.hpp"

namespace pillars {

StoredRun storeRun(const Scenario& scenario, ScenarioRunner& runner, const RunResults& results) {
  StoredRun run;
  run.scenarioJson = writeScenarioJson(scenario);
  run.summaryJson = writeResultsJson(results, scenario.name);
  run.series = runner.sharedTimeSeries();
  return run;
}

bool StoredRun::operator==(const StoredRun& other) const {
  const bool sameSeries = series && other.series ? *series == *other.series : !series && !other.series;
  return sameSeries && scenarioJson == other.scenarioJson && summaryJson == other.summaryJson;
}

}  // namespace pillars
