#include "engine/run/intelligence_findings.hpp"

#include <algorithm>
#include <optional>

#include "engine/pillars/control/orchestrator.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

double secondsOrMinusOne(SimTime t) { return t < 0 ? -1.0 : simTimeToSeconds(t); }

}  // namespace

std::vector<AlertResult> collectAlerts(const Simulation& sim) {
  std::vector<AlertResult> out;
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const Component& c = sim.component(static_cast<ComponentId>(i));
    for (AlertRecord& a : c.alerts()) {
      AlertResult& r = out.emplace_back();
      r.component = c.name();
      r.name = std::move(a.name);
      r.severity = std::move(a.severity);
      r.detail = std::move(a.detail);
      r.firedAtS = simTimeToSeconds(a.firedAt);
      r.resolvedAtS = secondsOrMinusOne(a.resolvedAt);
      for (Figure& f : a.figures) r.figures.emplace_back(std::move(f.name), f.value);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const AlertResult& a, const AlertResult& b) { return a.firedAtS < b.firedAtS; });
  return out;
}

std::vector<ExperimentResult> collectExperiments(const Simulation& sim) {
  std::vector<ExperimentResult> out;
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const Component& c = sim.component(static_cast<ComponentId>(i));
    std::optional<ExperimentRecord> e = c.experiment();
    if (!e) continue;
    ExperimentResult& r = out.emplace_back();
    r.component = c.name();
    r.hypothesis = std::move(e->hypothesis);
    r.verdict = std::move(e->verdict);
    r.detail = std::move(e->detail);
    r.startedAtS = secondsOrMinusOne(e->startedAt);
    r.endedAtS = secondsOrMinusOne(e->endedAt);
    r.abortedAtS = secondsOrMinusOne(e->abortedAt);
    for (Figure& f : e->figures) r.figures.emplace_back(std::move(f.name), f.value);
  }
  return out;
}

std::vector<IncidentResult> collectIncidents(const Simulation& sim) {
  std::vector<IncidentResult> out;
  const Orchestrator* o = sim.findExtension<Orchestrator>();
  if (!o) return out;
  for (const Orchestrator::Incident& i : o->incidents()) {
    out.push_back({sim.component(i.instance).name(), simTimeToSeconds(i.failedAt), secondsOrMinusOne(i.restartedAt),
                   secondsOrMinusOne(i.readyAt), i.exits, i.requestsLost});
  }
  return out;
}

RepairSummary summarizeRepairs(const std::vector<IncidentResult>& incidents) {
  RepairSummary s;
  s.incidents = incidents.size();
  double repairs = 0;
  for (const IncidentResult& i : incidents) {
    s.requestsLost += i.requestsLost;
    if (i.repairS() < 0) continue;
    repairs += i.repairS();
    ++s.repaired;
  }
  if (s.repaired > 0) s.meanRepairS = repairs / static_cast<double>(s.repaired);
  return s;
}

double costSince(const Simulation& sim, SimTime from) {
  const SimTime now = sim.now();
  double total = 0;
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const Component& c = sim.component(static_cast<ComponentId>(i));
    const double price = c.costPerHour();
    if (price <= 0) continue;
    // Paid for while it existed within the window.
    const SimTime start = std::max(c.addedAt(), from);
    const SimTime end = c.removedAt() >= 0 ? std::min(c.removedAt(), now) : now;
    if (end > start) total += price * simTimeToSeconds(end - start) / 3600.0;
  }
  return total;
}

bool hasPricedComponents(const Simulation& sim) {
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    if (sim.component(static_cast<ComponentId>(i)).costPerHour() > 0) return true;
  }
  return false;
}

}  // namespace pillars
