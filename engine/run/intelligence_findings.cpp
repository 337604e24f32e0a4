#include "engine/run/intelligence_findings.hpp"

#include <algorithm>
#include <optional>

#include "engine/pillars/control/orchestrator.hpp"
#include "engine/pillars/intelligence/service_slos.hpp"
#include "engine/pillars/state/replica_set.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

double secondsOrMinusOne(SimTime t) { return t < 0 ? -1.0 : simTimeToSeconds(t); }

void addAlerts(const std::string& on, std::vector<AlertRecord> alerts, std::vector<AlertResult>& out) {
  for (AlertRecord& a : alerts) {
    AlertResult& r = out.emplace_back();
    r.component = on;
    r.name = std::move(a.name);
    r.severity = std::move(a.severity);
    r.detail = std::move(a.detail);
    r.firedAtS = simTimeToSeconds(a.firedAt);
    r.resolvedAtS = secondsOrMinusOne(a.resolvedAt);
    for (Figure& f : a.figures) r.figures.emplace_back(std::move(f.name), f.value);
  }
}

}  // namespace

std::vector<AlertResult> collectAlerts(const Simulation& sim) {
  std::vector<AlertResult> out;
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const Component& c = sim.component(static_cast<ComponentId>(i));
    addAlerts(c.name(), c.alerts(), out);
  }
  // A service's SLOs are its whole replica set's, named after it.
  if (const ServiceSlos* services = sim.findExtension<ServiceSlos>()) {
    for (const auto& slos : services->all()) addAlerts(slos->service, slos->alerts(), out);
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
  if (const Orchestrator* o = sim.findExtension<Orchestrator>()) {
    for (const Orchestrator::Incident& i : o->incidents()) {
      IncidentResult& r = out.emplace_back();
      r.component = sim.component(i.instance).name();
      r.failedAtS = simTimeToSeconds(i.failedAt);
      r.restartedAtS = secondsOrMinusOne(i.restartedAt);
      r.readyAtS = secondsOrMinusOne(i.readyAt);
      r.exits = i.exits;
      r.requestsLost = i.requestsLost;
    }
  }
  // A store set repairs itself by failing over; an operator's switchover is no incident.
  for (std::size_t g = 0; g < sim.groupCount(); ++g) {
    const auto* set = dynamic_cast<const ReplicaSet*>(&sim.group(g));
    if (!set) continue;
    for (const ReplicaSet::Failover& f : set->failovers()) {
      if (!f.automatic) continue;
      IncidentResult& r = out.emplace_back();
      r.component = set->member(f.oldLeader).name();
      r.repair = "failover";
      r.replacement = set->member(f.newLeader).name();
      r.failedAtS = simTimeToSeconds(f.failedAt);
      r.detectedAtS = simTimeToSeconds(f.promotedAt);
      r.readyAtS = simTimeToSeconds(f.promotedAt);
      r.requestsLost = f.lostWrites;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const IncidentResult& a, const IncidentResult& b) { return a.failedAtS < b.failedAtS; });
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

std::optional<double> costSinceIfPriced(const Simulation& sim, SimTime from) {
  const SimTime now = sim.now();
  bool priced = false;
  double total = 0;
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const Component& c = sim.component(static_cast<ComponentId>(i));
    const double price = c.costPerHour();
    if (price <= 0) continue;
    priced = true;
    // Paid for while it existed within the window.
    const SimTime start = std::max(c.addedAt(), from);
    const SimTime end = c.removedAt() >= 0 ? std::min(c.removedAt(), now) : now;
    if (end > start) total += price * simTimeToSeconds(end - start) / 3600.0;
  }
  if (!priced) return std::nullopt;
  return total;
}

double costSince(const Simulation& sim, SimTime from) { return costSinceIfPriced(sim, from).value_or(0.0); }

bool hasPricedComponents(const Simulation& sim) {
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    if (sim.component(static_cast<ComponentId>(i)).costPerHour() > 0) return true;
  }
  return false;
}

}  // namespace pillars
