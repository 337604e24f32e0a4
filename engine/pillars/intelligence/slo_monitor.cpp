#include "engine/pillars/intelligence/slo_monitor.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/model/param.hpp"
#include "engine/sim/simulation.hpp"
#include "engine/util/units.hpp"

namespace pillars {

namespace {

// Evaluations per short window: fine enough that an alert fires within 1/300 of its short
// window of the moment its condition became true (a second for a 5-minute window).
constexpr SimTime kStepsPerShortWindow = 300;

std::string percentText(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g%%", value);
  return buf;
}

}  // namespace

std::vector<ParamSpec> sloParams() {
  return {
      realParam("slo_availability", 0, 0, 99.9999, "%",
                "Availability objective: share of requests that must succeed; burn-rate alerts watch "
                "it (SRE Workbook). 0 means none"),
      durationParam("slo_latency", 0,
                    "Latency SLO: a request answered within this is good, a slower or timed-out one is "
                    "bad; burn-rate alerts watch the share of bad ones. 0 means none"),
      realParam("slo_latency_objective", 99, 0, 99.9999, "%",
                "Latency SLO: share of requests that must be answered within slo_latency"),
      durationParam("slo_period", 30 * 24 * kHour,
                    "The SLO's period; the alerts' windows scale with it (1 h and 5 min for 30 days)", 1),
  };
}

SloMonitor::SloMonitor(SloObjective objective, SimTime period) : m_objective(objective), m_period(period) {}

void SloMonitor::watch(const ComponentMetrics& metrics) {
  for (const Watched& w : m_watched) {
    if (w.metrics == &metrics) return;
  }
  // What it counted before it was watched is not this SLO's.
  m_watched.push_back({&metrics, metrics.completed, metrics.failed + metrics.timedOut + metrics.dropped});
}

void SloMonitor::start(Simulation& sim) {
  if (m_sim) return;
  m_sim = &sim;
  sim.registerHandler(*this);
  for (const BurnRateAlertSpec& spec : workbookAlerts(m_period)) {
    // Whole milliseconds, so alert times read cleanly.
    const SimTime resolution = std::max<SimTime>(spec.shortWindow / kStepsPerShortWindow / kMillisecond, 1) * kMillisecond;
    m_watches.push_back({spec, resolution, WindowedErrorRatio(resolution, spec.longWindow), -1});
  }
  for (std::size_t i = 0; i < m_watches.size(); ++i) sim.schedule(m_watches[i].resolution, *this, static_cast<std::uint32_t>(i));
}

void SloMonitor::refresh() {
  if (m_objective.kind != SloObjective::Kind::Availability) return;  // told each answer instead
  for (Watched& w : m_watched) {
    const std::uint64_t completed = w.metrics->completed;
    const std::uint64_t bad = w.metrics->failed + w.metrics->timedOut + w.metrics->dropped;
    // Warm-up restarts the counters: what came after counts from zero.
    m_good += completed >= w.readCompleted ? completed - w.readCompleted : completed;
    m_bad += bad >= w.readBad ? bad - w.readBad : bad;
    w.readCompleted = completed;
    w.readBad = bad;
  }
}

void SloMonitor::handleEvent(std::uint32_t kind, std::uint64_t /*payload*/) {
  if (kind >= m_watches.size()) return;
  Watch& w = m_watches[kind];
  refresh();
  w.ratios.push(m_good, m_bad);
  evaluate(w);
  m_sim->schedule(w.resolution, *this, kind);
}

void SloMonitor::evaluate(Watch& w) {
  const double threshold = w.spec.burnRate * (1.0 - m_objective.percent / 100.0);
  bool longEvents = false, shortEvents = false;
  const double longRatio = w.ratios.errorRatio(w.spec.longWindow, &longEvents);
  const double shortRatio = w.ratios.errorRatio(w.spec.shortWindow, &shortEvents);
  const bool burning = longEvents && shortEvents && longRatio >= threshold && shortRatio >= threshold;
  const SimTime now = m_sim->now();
  if (burning && w.open < 0) {
    AlertRecord a;
    const bool latency = m_objective.kind == SloObjective::Kind::Latency;
    a.name = (latency ? "latency_" : "") + std::string(w.spec.name);
    a.severity = std::string(w.spec.severity);
    a.detail = condition(w, threshold);
    a.firedAt = now;
    a.figures = {{"burn_rate", w.spec.burnRate},
                 {"long_window_s", simTimeToSeconds(w.spec.longWindow)},
                 {"short_window_s", simTimeToSeconds(w.spec.shortWindow)},
                 {"error_ratio", longRatio}};
    w.open = static_cast<std::ptrdiff_t>(m_alerts.size());
    m_alerts.push_back(std::move(a));
  } else if (!burning && w.open >= 0) {
    m_alerts[static_cast<std::size_t>(w.open)].resolvedAt = now;
    w.open = -1;
  }
}

std::string SloMonitor::condition(const Watch& w, double threshold) const {
  const std::string windows = " over " + formatDuration(w.spec.longWindow) + " and " + formatDuration(w.spec.shortWindow);
  if (m_objective.kind == SloObjective::Kind::Latency) {
    return "latency " + percentText(m_objective.percent) + " within " + formatDuration(m_objective.threshold) +
           ": slow ratio at least " + percentText(threshold * 100.0) + windows;
  }
  return "availability " + percentText(m_objective.percent) + ": error ratio at least " + percentText(threshold * 100.0) +
         windows;
}

void appendSloFigures(const SloMonitor* availability, const SloMonitor* latency, std::vector<Figure>& out) {
  if (!availability && !latency) return;
  std::size_t firing = 0, fired = 0;
  for (const SloMonitor* slo : {availability, latency}) {
    if (!slo) continue;
    firing += slo->firing();
    fired += slo->alerts().size();
  }
  out.push_back({"alerts_firing", static_cast<double>(firing)});
  out.push_back({"alerts_fired", static_cast<double>(fired)});
  if (availability) out.push_back({"error_budget_spent", availability->budgetSpent()});
  if (latency) out.push_back({"latency_budget_spent", latency->budgetSpent()});
}

std::size_t SloMonitor::firing() const {
  return static_cast<std::size_t>(std::count_if(m_watches.begin(), m_watches.end(), [](const Watch& w) { return w.open >= 0; }));
}

double SloMonitor::budgetSpent() const {
  const double allowed = static_cast<double>(m_good + m_bad) * (1.0 - m_objective.percent / 100.0);
  return allowed > 0 ? static_cast<double>(m_bad) / allowed : 0.0;
}

}  // namespace pillars
