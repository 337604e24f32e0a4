#include "engine/run/run_results.hpp"

#include "engine/pillars/control/orchestrator.hpp"

#include <algorithm>

#include "engine/sim/component.hpp"
#include "engine/sim/component_group.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {
double toMs(std::int64_t ns) { return static_cast<double>(ns) * 1e-6; }
}  // namespace

LatencySummary LatencySummary::from(const LatencyHistogram& h) {
  LatencySummary s;
  s.count = h.count();
  if (s.count == 0) return s;
  s.mean = h.mean() * 1e-6;
  s.p50 = toMs(h.quantile(0.50));
  s.p90 = toMs(h.quantile(0.90));
  s.p95 = toMs(h.quantile(0.95));
  s.p99 = toMs(h.quantile(0.99));
  s.p999 = toMs(h.quantile(0.999));
  s.max = toMs(h.max());
  return s;
}

ComponentResult componentResult(const Component& c, SimTime now, double measuredS) {
  const ComponentMetrics& m = c.metrics();
  const double window = measuredS > 0 ? measuredS : 1.0;
  ComponentResult cr;
  cr.id = c.name();
  cr.kind = c.kind();
  cr.up = c.isUp();
  cr.removed = c.isRemoved();
  cr.received = m.received;
  cr.completed = m.completed;
  cr.failed = m.failed;
  cr.dropped = m.dropped;
  cr.timedOut = m.timedOut;
  cr.retries = m.retries;
  cr.throughputRps = static_cast<double>(m.completed) / window;
  cr.utilization = m.utilization(now);
  cr.queueLengthMean = m.queueLength.mean(now);
  cr.queueLengthMax = m.queueLength.max();
  cr.waitMeanMs = m.wait.mean() * 1e3;
  cr.latency = LatencySummary::from(m.latency);
  for (auto& e : c.extraMetrics(now)) cr.extras.emplace_back(e.name, e.value);
  for (ControlDecision& d : c.decisions()) {
    ComponentResult::Decision& out = cr.decisions.emplace_back();
    out.atS = simTimeToSeconds(d.at);
    out.summary = std::move(d.summary);
    for (Figure& f : d.figures) out.figures.emplace_back(std::move(f.name), f.value);
  }
  return cr;
}

GroupResult groupResult(const ComponentGroup& g, const Simulation& sim, SimTime now) {
  GroupResult gr;
  gr.id = g.id();
  gr.kind = g.kind();
  for (const ComponentId m : g.members()) gr.members.push_back(sim.component(m).name());
  for (auto& f : g.figures(now)) gr.extras.emplace_back(std::move(f.name), f.value);
  return gr;
}

ViolationResult violationResult(const Violation& v) {
  ViolationResult vr{v.property, v.component, {}, simTimeToSeconds(v.at), v.detail};
  for (const auto& f : v.fields) vr.fields.emplace_back(f.name, f.value);
  return vr;
}

LinkResult linkResult(const Link& l) {
  return LinkResult{l.name, l.up, l.stats.sent, l.stats.delivered, l.stats.dropped, l.stats.bytes};
}

RunResults collectResults(Simulation& sim, SimTime measureStart) {
  RunResults r;
  const SimTime now = sim.now();
  r.seed = sim.seed();
  r.simTimeS = simTimeToSeconds(now);
  r.measuredS = simTimeToSeconds(now - measureStart);
  r.events = sim.eventCount();
  r.fingerprint = sim.fingerprint();
  const double window = r.measuredS > 0 ? r.measuredS : 1.0;

  LatencyHistogram endToEnd;
  std::uint64_t offered = 0, attempts = 0;
  SimTime wasted = 0;
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    const Component& c = sim.component(static_cast<ComponentId>(i));
    const ComponentMetrics& m = c.metrics();
    ComponentResult cr = componentResult(c, now, r.measuredS);
    for (const auto& v : c.violations()) r.violations.push_back(violationResult(v));
    for (AlertRecord& a : c.alerts()) {
      AlertResult& out = r.alerts.emplace_back();
      out.component = c.name();
      out.name = std::move(a.name);
      out.severity = std::move(a.severity);
      out.detail = std::move(a.detail);
      out.firedAtS = simTimeToSeconds(a.firedAt);
      out.resolvedAtS = a.resolvedAt < 0 ? -1.0 : simTimeToSeconds(a.resolvedAt);
      for (Figure& f : a.figures) out.figures.emplace_back(std::move(f.name), f.value);
    }
    if (std::optional<ExperimentRecord> e = c.experiment()) {
      ExperimentResult& out = r.experiments.emplace_back();
      const auto at = [](SimTime t) { return t < 0 ? -1.0 : simTimeToSeconds(t); };
      out.component = c.name();
      out.hypothesis = std::move(e->hypothesis);
      out.verdict = std::move(e->verdict);
      out.detail = std::move(e->detail);
      out.startedAtS = at(e->startedAt);
      out.endedAtS = at(e->endedAt);
      out.abortedAtS = at(e->abortedAt);
      for (Figure& f : e->figures) out.figures.emplace_back(std::move(f.name), f.value);
    }
    // The end-to-end view is the clients'; everything else adds to what the system dropped.
    if (c.measuresEndToEnd()) {
      r.completed += m.completed;
      r.failed += m.failed;
      r.timedOut += m.timedOut;
      r.retries += m.retries;
      offered += m.issued;
      attempts += m.attempts;
      endToEnd.merge(m.latency);
    } else {
      r.dropped += m.dropped;
    }
    wasted += m.wastedWork;
    if (const double price = c.costPerHour(); price > 0) {
      // Paid for while it existed within the measurement window.
      const SimTime from = std::max(c.addedAt(), measureStart);
      const SimTime to = c.removedAt() >= 0 ? std::min(c.removedAt(), now) : now;
      if (to > from) r.costTotal += price * simTimeToSeconds(to - from) / 3600.0;
    }
    r.components.push_back(std::move(cr));
  }
  r.throughputRps = static_cast<double>(r.completed) / window;
  r.goodputRps = r.throughputRps;
  r.offeredRps = static_cast<double>(offered) / window;
  r.attemptsRps = static_cast<double>(attempts) / window;
  r.wastedWorkS = simTimeToSeconds(wasted);
  r.costPerHour = r.measuredS > 0 ? r.costTotal / (r.measuredS / 3600.0) : 0.0;
  r.latency = LatencySummary::from(endToEnd);
  // In firing order across components.
  std::stable_sort(r.alerts.begin(), r.alerts.end(),
                   [](const AlertResult& a, const AlertResult& b) { return a.firedAtS < b.firedAtS; });
  if (const Orchestrator* o = sim.findExtension<Orchestrator>()) {
    for (const Orchestrator::Incident& i : o->incidents()) {
      const auto at = [](SimTime t) { return t < 0 ? -1.0 : simTimeToSeconds(t); };
      r.selfHealing.push_back({sim.component(i.instance).name(), simTimeToSeconds(i.failedAt), at(i.restartedAt),
                               at(i.readyAt), i.exits, i.requestsLost});
    }
  }
  for (std::size_t i = 0; i < sim.groupCount(); ++i) {
    const ComponentGroup& g = sim.group(i);
    r.groups.push_back(groupResult(g, sim, now));
    for (const auto& v : g.violations()) r.violations.push_back(violationResult(v));
  }

  const Network& net = sim.network();
  for (std::size_t i = 0; i < net.linkCount(); ++i) {
    const Link& l = net.link(static_cast<LinkId>(i));
    r.links.push_back(linkResult(l));
    r.messagesSent += l.stats.sent;
    r.messagesDelivered += l.stats.delivered;
    r.messagesDropped += l.stats.dropped;
  }
  return r;
}

}  // namespace pillars
