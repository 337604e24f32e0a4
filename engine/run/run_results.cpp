#include "engine/run/run_results.hpp"

#include <algorithm>

#include "engine/run/intelligence_findings.hpp"

#include "engine/sim/component.hpp"
#include "engine/sim/component_group.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {
double toMs(std::int64_t ns) { return static_cast<double>(ns) * 1e-6; }
}  // namespace

double figureNamed(const std::vector<std::pair<std::string, double>>& figures, std::string_view name) {
  for (const auto& [n, v] : figures) {
    if (n == name) return v;
  }
  return 0;
}

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
    r.components.push_back(std::move(cr));
  }
  r.throughputRps = static_cast<double>(r.completed) / window;
  r.goodputRps = r.throughputRps;
  r.offeredRps = static_cast<double>(offered) / window;
  r.attemptsRps = static_cast<double>(attempts) / window;
  r.wastedWorkS = simTimeToSeconds(wasted);
  r.costTotal = costSince(sim, measureStart);
  r.costPerHour = r.measuredS > 0 ? r.costTotal / (r.measuredS / 3600.0) : 0.0;
  r.latency = LatencySummary::from(endToEnd);
  r.alerts = collectAlerts(sim);
  r.experiments = collectExperiments(sim);
  r.selfHealing = collectIncidents(sim);
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
