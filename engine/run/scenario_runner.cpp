#include "engine/run/scenario_runner.hpp"

#include <algorithm>

#include "engine/run/build_simulation.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/component_group.hpp"

namespace pillars {

/// At the end of warm-up, every measurement starts again from zero. The time series keeps
/// what it saw up to then: warm-up is shown, not measured.
class ScenarioRunner::WarmupEnd final : public EventHandler {
 public:
  WarmupEnd(Simulation& sim, MetricsSampler* sampler) : m_sim(sim), m_sampler(sampler) {}
  void handleEvent(std::uint32_t, std::uint64_t) override {
    const SimTime now = m_sim.now();
    if (m_sampler) m_sampler->flush();
    for (std::size_t i = 0; i < m_sim.componentCount(); ++i) {
      m_sim.component(static_cast<ComponentId>(i)).resetMetrics(now);
    }
    for (std::size_t i = 0; i < m_sim.groupCount(); ++i) m_sim.group(i).resetMetrics(now);
    for (std::size_t i = 0; i < m_sim.network().linkCount(); ++i) {
      m_sim.network().link(static_cast<LinkId>(i)).stats = LinkStats{};
    }
    if (m_sampler) m_sampler->rebase();
  }

 private:
  Simulation& m_sim;
  MetricsSampler* m_sampler;
};

ScenarioRunner::ScenarioRunner(const Scenario& scenario, const ComponentRegistry& registry)
    : ScenarioRunner(scenario, registry, scenario.seed, scenario.duration) {}

ScenarioRunner::ScenarioRunner(const Scenario& scenario, const ComponentRegistry& registry,
                               std::uint64_t seed, SimTime until)
    : m_sim(buildSimulation(scenario, registry, seed)),
      m_end(until),
      m_warmup(std::min(scenario.warmup, until)) {
  m_faults = std::make_unique<FaultInjector>(*m_sim, scenario);
  if (scenario.metricsInterval > 0) {
    m_sampler = std::make_unique<MetricsSampler>(*m_sim, scenario.metricsInterval);
    m_sampler->reserveFor(until);
  }
  if (m_warmup > 0) {
    m_warmupEnd = std::make_unique<WarmupEnd>(*m_sim, m_sampler.get());
    m_sim->registerHandler(*m_warmupEnd);
    m_sim->scheduleAt(m_warmup, *m_warmupEnd, 0);
  }
}

ScenarioRunner::~ScenarioRunner() = default;

bool ScenarioRunner::finished() const {
  // The clock alone is not enough: several events can fall exactly on the end (the last
  // sample, a health check), and a slice of advance() may stop between them with the clock
  // already there. Stopping then would drop the rest from the results, so that run() with a
  // progress callback (the CLI), run() without one and the app could disagree.
  // A halted simulation (a safety violation) is finished wherever it stopped.
  if (m_sim->halted()) return true;
  return m_sim->now() >= m_end && m_sim->nextEventTime() > m_end;
}

void ScenarioRunner::advance(SimTime limit, std::uint64_t maxEvents) {
  const auto t0 = std::chrono::steady_clock::now();
  m_sim->runUntil(std::min(limit, m_end), maxEvents);
  m_wallSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

bool ScenarioRunner::run(const Progress& progress) {
  if (!progress) {
    advance(m_end, ~std::uint64_t{0});
    return true;
  }
  // Slices of events keep the progress callback cheap relative to the work.
  constexpr std::uint64_t kSlice = 1 << 18;
  while (!finished()) {
    advance(m_end, kSlice);
    if (!progress(m_sim->now(), m_end)) return false;
  }
  return true;
}

RunResults ScenarioRunner::results() {
  RunResults r = collectResults(*m_sim, m_warmup);
  r.wallS = m_wallSeconds;
  return r;
}

}  // namespace pillars
