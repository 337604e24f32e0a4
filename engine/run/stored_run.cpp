#include "engine/run/stored_run.hpp"

#include <sstream>

#include "engine/io/results_writer.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/run/scenario_runner.hpp"

namespace pillars {

StoredRun storeRun(const Scenario& scenario, ScenarioRunner& runner, const RunResults& results) {
  StoredRun run;
  run.scenarioJson = writeScenarioJson(scenario);
  run.summaryJson = writeResultsJson(results, scenario.name);
  if (const TimeSeries* series = runner.timeSeries()) {
    std::ostringstream csv;
    series->writeCsv(csv);
    run.timeSeriesCsv = csv.str();
  }
  return run;
}

}  // namespace pillars
