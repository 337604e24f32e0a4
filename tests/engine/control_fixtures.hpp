#pragma once
// Helpers for the Control pillar's tests: bundled examples run with overrides, and the time
// series read over a window.

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/overrides.hpp"
#include "engine/pillars/control/orchestrator.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars::testing {

/// A bundled example, with `--set` style overrides applied.
inline Scenario exampleScenario(const std::string& name, const std::vector<std::string>& overrides = {}) {
  ScenarioLoad load =
      loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/" + name, builtinRegistry());
  EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  if (!load.ok()) return Scenario{};
  Scenario s = *load.scenario;
  for (const std::string& o : overrides) EXPECT_EQ(applyOverride(s, o), "") << o;
  return s;
}

/// A finished run: the scenario it ran (the runner refers to it), the runner and its results.
struct FinishedRun {
  std::unique_ptr<Scenario> scenario;
  std::unique_ptr<ScenarioRunner> runner;
  RunResults results;

  /// Mean of a time-series column over the rows ending in (from, to] seconds.
  double mean(const std::string& column, double from, double to) const {
    const TimeSeries* ts = runner->timeSeries();
    const auto col = ts ? ts->columnIndex(column) : std::nullopt;
    if (!col) {
      ADD_FAILURE() << "no column " << column;
      return std::nan("");
    }
    double sum = 0;
    int n = 0;
    for (std::size_t row = 0; row < ts->rowCount(); ++row) {
      const double t = simTimeToSeconds(ts->time(row));
      if (t <= from || t > to) continue;
      sum += ts->value(row, *col);
      ++n;
    }
    return n > 0 ? sum / n : std::nan("");
  }
};

inline FinishedRun runScenario(Scenario s) {
  FinishedRun r;
  r.scenario = std::make_unique<Scenario>(std::move(s));
  r.runner = std::make_unique<ScenarioRunner>(*r.scenario, builtinRegistry());
  r.runner->run();
  r.results = r.runner->results();
  return r;
}

/// The rollout controller of the replica set "web" (every rollout example's set).
inline const Rollout& rolloutOf(ScenarioRunner& runner) {
  const Orchestrator* o = runner.simulation().findExtension<Orchestrator>();
  EXPECT_NE(o, nullptr);
  const Rollout* r = o ? o->findRollout("web") : nullptr;
  EXPECT_NE(r, nullptr);
  return *r;
}

inline FinishedRun runExample(const std::string& name, const std::vector<std::string>& overrides = {}) {
  return runScenario(exampleScenario(name, overrides));
}

}  // namespace pillars::testing
