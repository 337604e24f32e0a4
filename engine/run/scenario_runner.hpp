#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/run/fault_injector.hpp"
#include "engine/run/metrics_sampler.hpp"
#include "engine/run/run_results.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

/// Runs one scenario from start to end: builds the simulation, replays the fault timeline,
/// resets measurements when warm-up ends, samples the time series, and reports results.
/// The CLI, the app and the tests all run scenarios through this, so they agree exactly.
class ScenarioRunner {
 public:
  /// `seed` overrides the scenario's seed; `until` its duration.
  ScenarioRunner(const Scenario& scenario, const ComponentRegistry& registry,
                 std::uint64_t seed, SimTime until);
  ScenarioRunner(const Scenario& scenario, const ComponentRegistry& registry);
  ~ScenarioRunner();

  /// Called now and then during run() with the simulated time reached; return false to cancel.
  using Progress = std::function<bool(SimTime reached, SimTime end)>;
  /// Runs to the end (or until cancelled). Returns false if cancelled.
  bool run(const Progress& progress = {});
  /// Advances to `limit` at most, or by at most `maxEvents`; for interactive front ends.
  void advance(SimTime limit, std::uint64_t maxEvents);
  /// At the end with every event due by then run.
  bool finished() const;

  Simulation& simulation() { return *m_sim; }
  const Simulation& simulation() const { return *m_sim; }
  SimTime endTime() const { return m_end; }
  SimTime measureStart() const { return m_warmup; }
  const TimeSeries* timeSeries() const { return m_sampler ? &m_sampler->series() : nullptr; }
  /// The same rows, shared with whoever keeps them after the run (no copy); null without a sampler.
  std::shared_ptr<const TimeSeries> sharedTimeSeries() const {
    return m_sampler ? m_sampler->sharedSeries() : nullptr;
  }
  /// Wall-clock seconds spent inside run()/advance().
  double wallSeconds() const { return m_wallSeconds; }
  RunResults results();

 private:
  class WarmupEnd;

  std::unique_ptr<Simulation> m_sim;
  std::unique_ptr<FaultInjector> m_faults;
  std::unique_ptr<MetricsSampler> m_sampler;
  std::unique_ptr<WarmupEnd> m_warmupEnd;
  SimTime m_end;
  SimTime m_warmup;
  double m_wallSeconds = 0;
};

}  // namespace pillars
