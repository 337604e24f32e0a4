#include "engine/pillars/intelligence/autoscaler.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/pillars/control/replica_set.hpp"
#include "engine/pillars/work/service.hpp"
#include "engine/run/instances.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

constexpr std::string_view kTerminateAction = "terminate";  // see Rollout::kTerminateAction

hpa::ScalingRules rules(const ParamSet& p, std::string_view direction) {
  const std::string d(direction);
  hpa::ScalingRules r;
  r.stabilizationWindow = p.duration(d + "_stabilization");
  const std::string& select = p.choice(d + "_select");
  r.select = select == "min" ? hpa::ScalingRules::Select::Min
             : select == "disabled" ? hpa::ScalingRules::Select::Disabled
                                    : hpa::ScalingRules::Select::Max;
  const SimTime period = p.duration(d + "_period");
  if (p.real(d + "_percent") > 0) r.policies.push_back({hpa::Policy::Type::Percent, p.real(d + "_percent"), period});
  if (p.integer(d + "_pods") > 0) {
    r.policies.push_back({hpa::Policy::Type::Pods, static_cast<double>(p.integer(d + "_pods")), period});
  }
  // Kubernetes refuses a direction without policies unless it is disabled, and so does the
  // reader (checkParams); a set built past it does not move in that direction.
  if (r.policies.empty()) r.select = hpa::ScalingRules::Select::Disabled;
  return r;
}

tt::Config trackingConfig(const ParamSet& p) {
  tt::Config c;
  c.target = p.real("target");
  // The tolerance is the margin below the target that scale-in waits for (AWS: "usually more
  // than 10% lower"), so one parameter means the same thing in both algorithms.
  c.scaleInMargin = p.real("tolerance");
  c.scaleInCooldown = p.duration("scale_in_cooldown");
  c.minReplicas = static_cast<std::size_t>(p.integer("min_replicas"));
  c.maxReplicas = static_cast<std::size_t>(p.integer("max_replicas"));
  return c;
}

std::string format(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, value >= 100 || value == std::floor(value) ? "%.0f" : "%.3g", value);
  return buf;
}

}  // namespace

std::vector<ParamSpec> Autoscaler::paramSpecs() {
  // Kubernetes' names (autoscaling/v2 HorizontalPodAutoscaler) and defaults.
  return {
      choiceParam("algorithm", "hpa", {"hpa", "target_tracking", "predictive"},
                  "hpa: the Kubernetes Horizontal Pod Autoscaler; target_tracking: an AWS target tracking "
                  "policy; predictive: the HPA raised to a forecast of the load learned per period"),
      choiceParam("metric", "utilization", {"utilization", "rps", "queue_length"},
                  "What is measured per ready instance: busy workers over workers (%), requests "
                  "received per second, or requests waiting"),
      realParam("target", 50, 0.000001, 1e9, "per instance",
                "The metric's target per instance: a utilization in %, requests per second, or a "
                "queue length"),
      integerParam("min_replicas", 1, 1, 1000, "instances", "Fewest instances it scales to"),
      integerParam("max_replicas", 10, 1, 1000, "instances", "Most instances it scales to"),
      durationParam("sync_period", 15 * kSecond, "How often it measures and decides", 0.001),
      realParam("tolerance", 0.1, 0, 1, "ratio", "No change while metric/target is within 1 ± this"),
      durationParam("scale_up_stabilization", 0,
                    "Scales up no further than the lowest recommendation within this window"),
      realParam("scale_up_percent", 100, 0, 1e6, "%", "Scale-up policy: at most this % more per period (0: none)"),
      integerParam("scale_up_pods", 4, 0, 1000, "instances", "Scale-up policy: at most this many more per period (0: none)"),
      durationParam("scale_up_period", 15 * kSecond, "The scale-up policies' period", 0.001),
      choiceParam("scale_up_select", "max", {"max", "min", "disabled"},
                  "Which scale-up policy wins: the larger change, the smaller, or no scaling up"),
      durationParam("scale_down_stabilization", 300 * kSecond,
                    "Scales down no further than the highest recommendation within this window"),
      realParam("scale_down_percent", 100, 0, 100, "%", "Scale-down policy: at most this % fewer per period (0: none)"),
      integerParam("scale_down_pods", 0, 0, 1000, "instances",
                   "Scale-down policy: at most this many fewer per period (0: none)"),
      durationParam("scale_down_period", 15 * kSecond, "The scale-down policies' period", 0.001),
      choiceParam("scale_down_select", "max", {"max", "min", "disabled"},
                  "Which scale-down policy wins: the larger change, the smaller, or no scaling down"),
      durationParam("drain_time", 3 * kSecond,
                    "How long an instance taken out keeps serving what reaches it before it is removed"),
      // AWS's names: EstimatedInstanceWarmup, ScaleInCooldown (300 s by default).
      durationParam("warmup", 0,
                    "target_tracking: time after an instance is launched before its figures count; "
                    "0: from its first whole window once ready"),
      durationParam("scale_in_cooldown", 300 * kSecond,
                    "target_tracking: how long the metric must stay low, and the last scaling be past, "
                    "before one scale-in"),
      durationParam("period", 24 * kHour, "predictive: the cycle of the load whose shape is learned", 1),
      integerParam("forecast_bins", 96, 1, 100000, "bins",
                   "predictive: bins the period is cut into to learn the load's shape"),
  };
}

std::vector<ParamProblem> Autoscaler::checkParams(const ParamSet& p) {
  std::vector<ParamProblem> problems;
  if (p.integer("min_replicas") > p.integer("max_replicas")) {
    problems.push_back({"min_replicas", "min_replicas (" + std::to_string(p.integer("min_replicas")) +
                                            ") is above max_replicas (" + std::to_string(p.integer("max_replicas")) +
                                            "); expected min_replicas <= max_replicas"});
  }
  if (p.choice("metric") == "utilization" && p.real("target") > 100) {
    problems.push_back({"target", "a utilization target of " + format(p.real("target")) +
                                      "% can never be reached (busy workers never exceed the workers); "
                                      "expected a percentage up to 100"});
  }
  for (const char* d : {"scale_up", "scale_down"}) {
    const std::string dir(d);
    if (p.choice(dir + "_select") != "disabled" && p.real(dir + "_percent") == 0 && p.integer(dir + "_pods") == 0) {
      problems.push_back({dir + "_percent", dir + "_percent and " + dir + "_pods are both 0, so there is no " +
                                                dir + " policy; give one, or set " + dir + "_select to disabled"});
    }
  }
  if (p.choice("algorithm") == "predictive") {
    if (p.choice("metric") == "queue_length") {
      problems.push_back({"metric", "the predictive algorithm turns a forecast load (req/s) into instances through "
                                    "the target; a queue length has no such conversion. Expected metric "
                                    "utilization or rps"});
    }
    // A bin shorter than a window would be skipped by every window (each is filed under its
    // midpoint's bin) and never be forecast from.
    const SimTime bin = p.duration("period") / p.integer("forecast_bins");
    if (bin < p.duration("sync_period")) {
      const auto most = std::max<std::int64_t>(1, p.duration("period") / p.duration("sync_period"));
      problems.push_back({"forecast_bins", std::to_string(p.integer("forecast_bins")) + " bins of a " +
                                               format(simTimeToSeconds(p.duration("period"))) + " s period are " +
                                               format(simTimeToSeconds(bin)) + " s each, shorter than sync_period (" +
                                               format(simTimeToSeconds(p.duration("sync_period"))) +
                                               " s), so some would never be measured; expected at most " +
                                               std::to_string(most)});
    }
  }
  return problems;
}

Autoscaler::Autoscaler(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)),
      m_behavior(rules(p, "scale_up"), rules(p, "scale_down"),
                 static_cast<std::size_t>(p.integer("min_replicas")), static_cast<std::size_t>(p.integer("max_replicas"))),
      m_tracker(trackingConfig(p)),
      m_forecast(p.duration("period"), static_cast<std::size_t>(p.integer("forecast_bins"))) {
  const std::string& algorithm = p.choice("algorithm");
  m_algorithm = algorithm == "target_tracking" ? Algorithm::TargetTracking
                : algorithm == "predictive"    ? Algorithm::Predictive
                                               : Algorithm::Hpa;
  m_warmup = p.duration("warmup");
  const std::string& metric = p.choice("metric");
  m_metric = metric == "rps" ? Metric::Rps : metric == "queue_length" ? Metric::QueueLength : Metric::Utilization;
  m_target = p.real("target");
  m_tolerance = p.real("tolerance");
  m_syncPeriod = p.duration("sync_period");
  m_drainTime = p.duration("drain_time");
}

void Autoscaler::receive(const Message& /*msg*/, LinkId /*via*/) {
  // Nothing travels to an autoscaler: it reads the set's figures as a metrics API would.
}

void Autoscaler::start() {
  if (m_setId.empty()) findSet();
  // Taken out before a crash of the autoscaler: their drain timers died with it.
  for (const ComponentId id : m_draining) sim().removeComponent(id);
  m_draining.clear();
  if (m_setId.empty()) return;
  if (m_desired == 0) {
    m_desired = liveInstances().size();
    measure();  // the first window starts now
  }
  setTimer(m_syncPeriod, Sync);
}

void Autoscaler::onCrash() {
  // The controller's memory (recommendations, scale events) lives in the API server and
  // survives; only its timers stop.
}

void Autoscaler::findSet() {
  for (const LinkId l : outgoingLinks()) {
    const Component& target = sim().component(sim().network().link(l).to);
    m_setId = std::string(scenarioIdOf(target.name()));
    return;
  }
}

std::vector<ComponentId> Autoscaler::liveInstances() const {
  std::vector<ComponentId> live = instancesOf(sim(), m_setId);
  std::erase_if(live, [&](ComponentId id) { return draining(id); });
  return live;
}

bool Autoscaler::draining(ComponentId id) const {
  return std::find(m_draining.begin(), m_draining.end(), id) != m_draining.end();
}

bool Autoscaler::ready(ComponentId id) const { return instanceReady(sim(), id); }

std::size_t Autoscaler::instances() const { return m_setId.empty() ? 0 : liveInstances().size(); }

std::size_t Autoscaler::readyInstances() const {
  if (m_setId.empty()) return 0;
  const std::vector<ComponentId> live = liveInstances();
  return static_cast<std::size_t>(std::count_if(live.begin(), live.end(), [&](ComponentId id) { return ready(id); }));
}

void Autoscaler::measure() {
  const SimTime t = now();
  if (m_firstLook < 0) m_firstLook = t;
  m_window.clear();
  m_warmSum = 0;
  m_warmCount = m_warmingCount = 0;
  m_windowRequests = 0;
  m_windowWhole = m_measuredAt >= 0;
  for (const ComponentId id : liveInstances()) {
    if (id >= m_readings.size()) m_readings.resize(static_cast<std::size_t>(id) + 1);
    Reading& r = m_readings[id];
    const Component& c = sim().component(id);
    const ComponentMetrics& m = c.metrics();
    const bool reset = r.seen && m.busy.startTime() != r.busySince;
    if (reset) m_windowWhole = false;
    // No window to read: first seen now, or the run's warm-up ended at this very instant and
    // restarted its figures (a window of zero length would read as idle).
    const bool unmeasured = !r.seen || (reset && m.busy.startTime() >= t);
    hpa::InstanceMetric sample;
    if (!c.isUp()) {
      // A crashed instance is a failed pod: the calculator leaves it out altogether.
      r.readySince = -1;
    } else {
      if (!c.healthy()) {
        r.readySince = -1;
      } else if (r.readySince < 0) {
        // Found ready now; instances there from the start were ready all along.
        r.readySince = t == 0 ? -m_syncPeriod : t;
      }
      // For CPU the HPA leaves out a pod that is not ready, or whose metric window began before
      // it became ready (its figures mix in its start-up). Other metrics take every running
      // pod as measured, starting ones included.
      const bool unready = !c.healthy() || t - r.readySince < m_syncPeriod;
      if (m_metric == Metric::Utilization && unready) {
        sample.readiness = hpa::Readiness::Unready;
      } else if (unmeasured) {
        sample.readiness = hpa::Readiness::Missing;  // no window yet
      } else {
        sample.value = windowValue(m, r, t);
      }
      m_window.push_back(sample);
      // Target tracking counts an instance once its warm-up is over: ready for a whole window
      // and, when `warmup` is set, that long after its launch (the instances there at the first
      // look are warm from the start).
      const bool warm = !unready && !unmeasured && (c.addedAt() <= m_firstLook || t - c.addedAt() >= m_warmup);
      if (warm) {
        m_warmSum += windowValue(m, r, t);
        ++m_warmCount;
      } else {
        ++m_warmingCount;
      }
      // The load on the set and the work it took, for the forecast. An instance first seen now
      // was made since the last look (its counters start at its launch).
      const std::uint64_t received = m.received - (r.seen && !reset && m.received >= r.received ? r.received : 0);
      m_windowRequests += static_cast<double>(received);
      if (r.seen && !reset) {
        m_busySeconds += m.busy.integral(t) - r.busyIntegral;
        m_completedTotal += static_cast<double>(m.completed - std::min(m.completed, r.completed));
      }
      if (m.capacity > 0) m_workersPerInstance = m.capacity;
    }
    r.seen = true;
    r.at = t;
    r.busySince = m.busy.startTime();
    r.busyIntegral = m.busy.integral(t);
    r.queueIntegral = m.queueLength.integral(t);
    r.received = m.received;
    r.completed = m.completed;
  }
  // The set's load over the window, filed under its time of the cycle (a window a warm-up
  // reset cut short is left out rather than read low).
  if (m_algorithm == Algorithm::Predictive && m_windowWhole && t > m_measuredAt) {
    m_forecast.record(m_measuredAt, t, m_windowRequests / simTimeToSeconds(t - m_measuredAt));
  }
  m_measuredAt = t;
}

double Autoscaler::windowValue(const ComponentMetrics& m, const Reading& r, SimTime t) const {
  // Warm-up restarts an instance's integrals and counters: the window then begins there.
  const bool reset = m.busy.startTime() != r.busySince;
  const SimTime from = reset ? m.busy.startTime() : r.at;
  const double seconds = simTimeToSeconds(t - from);
  if (seconds <= 0) return 0;
  switch (m_metric) {
    case Metric::Utilization: {
      const double busy = m.busy.integral(t) - (reset ? 0.0 : r.busyIntegral);
      return m.capacity > 0 ? 100.0 * busy / (m.capacity * seconds) : 0.0;
    }
    case Metric::Rps: {
      const std::uint64_t before = reset || m.received < r.received ? 0 : r.received;
      return static_cast<double>(m.received - before) / seconds;
    }
    case Metric::QueueLength: return (m.queueLength.integral(t) - (reset ? 0.0 : r.queueIntegral)) / seconds;
  }
  return 0;
}

void Autoscaler::onTimer(std::uint32_t kind, std::uint64_t payload) {
  if (kind == DrainDone) {
    const auto id = static_cast<ComponentId>(payload);
    std::erase(m_draining, id);
    sim().removeComponent(id);
    return;
  }
  evaluate();
  setTimer(m_syncPeriod, Sync);
}

void Autoscaler::evaluate() {
  measure();
  const std::size_t current = m_desired;
  Scaling d;
  d.at = now();
  d.from = static_cast<std::uint32_t>(current);
  std::size_t to = current;
  // As the controller does before looking at any metric: a set outside [min, max] is brought
  // inside it.
  if (current > m_behavior.maxReplicas()) {
    to = m_behavior.maxReplicas();
    d.recommended = static_cast<std::uint32_t>(to);
    d.limit = hpa::Limit::MaxReplicas;
  } else if (current < m_behavior.minReplicas()) {
    to = m_behavior.minReplicas();
    d.recommended = static_cast<std::uint32_t>(to);
    d.limit = hpa::Limit::MinReplicas;
  } else {
    switch (m_algorithm) {
      case Algorithm::Hpa: to = decideHpa(d, current); break;
      case Algorithm::TargetTracking: to = decideTargetTracking(d, current); break;
      case Algorithm::Predictive: to = applyForecast(d, decideHpa(d, current)); break;
    }
  }
  d.to = static_cast<std::uint32_t>(to);
  m_last = d;
  m_evaluated = true;
  // The log keeps every change of the set, and the first evaluation of each spell in which
  // the metric asked for a change that was held back (a stabilization window can hold a set
  // for minutes: one line says so, not forty).
  const bool changed = d.to != d.from;
  const bool heldBack = d.recommended != d.from && !changed;
  if (changed || (heldBack && !m_holding)) m_scalings.push_back(d);
  m_holding = heldBack;
  if (to != current) {
    m_behavior.scaled(now(), current, to);
    m_tracker.scaled(now());
    (to > current ? m_scaleUps : m_scaleDowns) += 1;
    m_desired = to;
  }
  reconcile();
}

std::size_t Autoscaler::decideHpa(Scaling& d, std::size_t current) {
  // On a scale-down an unmeasured instance counts at 100% of its request (or the target if
  // higher) for utilization, at the target for an average value.
  const double fallback = m_metric == Metric::Utilization ? std::max(100.0, m_target) : m_target;
  const hpa::Recommendation r = hpa::recommend(current, m_window, m_target, m_tolerance, fallback);
  d.metric = r.metric;
  d.withinTolerance = r.withinTolerance;
  d.noMetrics = r.noMetrics;
  d.recommended = static_cast<std::uint32_t>(r.replicas);
  const hpa::Behavior::Outcome out = m_behavior.normalize(now(), current, r.replicas);
  d.limit = out.limit;
  return out.replicas;
}

std::size_t Autoscaler::decideTargetTracking(Scaling& d, std::size_t current) {
  const double metric = m_warmCount > 0 ? m_warmSum / m_warmCount : 0.0;
  const tt::Decision t = m_tracker.decide(now(), current, m_warmCount, m_warmingCount, metric);
  d.metric = metric;
  d.noMetrics = t.noMetrics;
  d.recommended = static_cast<std::uint32_t>(t.recommended);
  d.withinTolerance = !t.noMetrics && t.recommended <= current && !t.low;
  d.hold = t.hold;
  d.until = t.until;
  d.warming = m_warmingCount;
  return t.replicas;
}

SimTime Autoscaler::startupTime() const {
  for (const ComponentId id : instancesOf(sim(), m_setId)) {
    if (const auto* s = dynamic_cast<const Service*>(&sim().component(id))) return s->startupTime();
  }
  return 0;
}

std::optional<std::size_t> Autoscaler::instancesFor(double rps) const {
  if (m_metric == Metric::Rps) return static_cast<std::size_t>(std::ceil(rps / m_target));
  // Utilization: an instance of c workers at the target does c × target/100 worker-seconds of
  // work a second; the load needs rps × (busy worker-seconds per request). The work per
  // request is learned from what the set did (busy time over requests completed), so it holds
  // whatever the service time and downstream calls are, without reading the distribution.
  if (m_completedTotal <= 0 || m_workersPerInstance <= 0) return std::nullopt;
  const double work = rps * m_busySeconds / m_completedTotal;
  return static_cast<std::size_t>(std::ceil(work / (m_workersPerInstance * m_target / 100.0)));
}

std::size_t Autoscaler::applyForecast(Scaling& d, std::size_t reactive) {
  d.reactive = static_cast<std::uint32_t>(reactive);
  // Capacity decided now is ready a start-up time from now and serves until the next
  // decision's is ready, one sync period later: it must cover the load of that interval.
  const SimTime lead = startupTime();
  d.forecastFrom = now() + lead;
  d.forecastTo = d.forecastFrom + m_syncPeriod;
  d.learning = !m_forecast.ready(d.forecastFrom);
  if (d.learning) return reactive;
  // A look-ahead of a whole cycle or more would read the present cycle's own future bins.
  if (lead + m_syncPeriod >= m_forecast.period()) return reactive;
  const std::optional<double> rps = m_forecast.peak(d.forecastFrom, d.forecastTo);
  if (!rps) return reactive;
  d.forecast = *rps;
  const std::optional<std::size_t> wanted = instancesFor(*rps);
  if (!wanted) return reactive;
  const std::size_t count = std::clamp(*wanted, m_behavior.minReplicas(), m_behavior.maxReplicas());
  d.forecastCount = static_cast<std::uint32_t>(count);
  // The forecast is a floor under the reactive count: it may add instances ahead of the load
  // or keep some the reactive rule would take out, and it never takes one out itself.
  // (`recommended` stays the reactive rule's, which the explanation quotes.)
  return std::max(reactive, count);
}

void Autoscaler::reconcile() {
  std::vector<ComponentId> live = liveInstances();
  while (live.size() < m_desired && m_cannotScale.empty()) {
    const std::size_t before = live.size();
    addInstance();
    live = liveInstances();
    if (live.size() == before) break;
  }
  while (live.size() > m_desired) removeOne(live);
}

void Autoscaler::addInstance() {
  // Like the newest live instance, so a set that rolled out a new release grows in it.
  const std::vector<ComponentId> live = liveInstances();
  if (live.empty()) {
    m_cannotScale = "the set has no instance left to copy";
    return;
  }
  if (addCopyOf(sim(), m_setId, live.back()) == kNoComponent) {
    m_cannotScale = "a " + sim().component(live.back()).kind() + " cannot be replicated";
  }
}

void Autoscaler::removeOne(std::vector<ComponentId>& live) {
  const auto victim = live.begin() + static_cast<std::ptrdiff_t>(instanceToRemove(sim(), live));
  const ComponentId id = *victim;
  live.erase(victim);
  if (!sim().component(id).isUp()) {
    sim().removeComponent(id);
    return;
  }
  // Graceful termination: unready at once (balancers stop sending), removed once drained.
  sim().component(id).intervene({kTerminateAction});
  m_draining.push_back(id);
  setTimer(m_drainTime, DrainDone, id);
}

std::string Autoscaler::lastReason() const {
  if (m_setId.empty()) return "no replica set linked";
  if (!m_evaluated) return "first look after " + format(simTimeToSeconds(m_syncPeriod)) + " s";
  return explain(m_last);
}

std::string Autoscaler::describeMetric(double value) const {
  switch (m_metric) {
    case Metric::Utilization: return "utilization " + format(value) + "% (target " + format(m_target) + "%)";
    case Metric::Rps: return format(value) + " req/s per instance (target " + format(m_target) + ")";
    case Metric::QueueLength: return "queue " + format(value) + " per instance (target " + format(m_target) + ")";
  }
  return {};
}

std::string Autoscaler::explain(const Scaling& d) const {
  switch (m_algorithm) {
    case Algorithm::Hpa: return explainHpa(d);
    case Algorithm::TargetTracking: return explainTargetTracking(d);
    case Algorithm::Predictive: return explainPredictive(d);
  }
  return explainHpa(d);
}

namespace {

std::string head(std::uint32_t from, std::uint32_t to) {
  return to == from ? "stays at " + std::to_string(to) : "scaled " + std::to_string(from) + " → " + std::to_string(to);
}

bool boundsOnly(const Autoscaler::Scaling& d) {
  return (d.limit == hpa::Limit::MaxReplicas || d.limit == hpa::Limit::MinReplicas) && d.recommended == d.to &&
         d.from != d.to;
}

std::string boundsWhy(const Autoscaler::Scaling& d) {
  return d.limit == hpa::Limit::MaxReplicas ? "above max_replicas" : "below min_replicas";
}

std::string seconds(SimTime t) { return format(simTimeToSeconds(t)) + " s"; }

}  // namespace

std::string Autoscaler::explainHpa(const Scaling& d) const {
  // "scaled 1 → 5 (utilization 305% (target 50%) asks for 7; limited by the scale-up policy)"
  std::string why;
  if (d.noMetrics) {
    why = "no ready instance measured";
  } else if (boundsOnly(d)) {
    why = boundsWhy(d);
  } else if (d.withinTolerance || d.recommended == d.from) {
    why = describeMetric(d.metric) + ": within tolerance";
  } else {
    why = describeMetric(d.metric) + " asks for " + std::to_string(d.recommended);
    if (d.to != d.recommended && d.limit != hpa::Limit::None) {
      why += std::string(d.limit == hpa::Limit::Stabilized ? "; held by the " : "; limited by the ") +
             std::string(hpa::limitName(d.limit));
    }
  }
  return head(d.from, d.to) + " (" + why + ")";
}

std::string Autoscaler::explainTargetTracking(const Scaling& d) const {
  // "scaled 4 → 6 (utilization 75% (target 50%) asks for 6)", "stays at 6 (utilization 90%
  // (target 50%) over 3 warm instances asks for 6; the 3 warming up count)"
  if (boundsOnly(d)) return head(d.from, d.to) + " (" + boundsWhy(d) + ")";
  if (d.noMetrics) {
    return head(d.from, d.to) + " (no warm instance measured; " + std::to_string(d.warming) + " warming up)";
  }
  std::string why = describeMetric(d.metric);
  if (d.warming > 0) why += " over " + std::to_string(d.from - std::min(d.from, d.warming)) + " warm instances";
  why += " asks for " + std::to_string(d.recommended);
  if (d.to == d.from && d.recommended >= d.from && d.warming > 0) {
    why += "; the " + std::to_string(d.warming) + " warming up count";
  } else if (d.recommended < d.from && d.to == d.from && d.hold == tt::Hold::None) {
    // Fewer would do only because the ones warming up are not measured: they count.
    why += d.metric > m_target && d.warming > 0 ? "; the " + std::to_string(d.warming) + " warming up count"
                                                : "; not " + format(100 * m_tolerance) + "% below the target";
  }
  switch (d.hold) {
    case tt::Hold::None: break;
    case tt::Hold::Cooldown: why += "; held by the scale-in cooldown until " + seconds(d.until); break;
    case tt::Hold::WarmingUp: why += "; held while " + std::to_string(d.warming) + " warm up"; break;
    case tt::Hold::ScaleInStep: why += "; limited by the scale-in step (10%, at least 1)"; break;
    case tt::Hold::MaxReplicas:
    case tt::Hold::MinReplicas: why += "; limited by " + std::string(tt::holdName(d.hold)); break;
  }
  return head(d.from, d.to) + " (" + why + ")";
}

std::string Autoscaler::explainPredictive(const Scaling& d) const {
  // "scaled 4 → 7 (forecast 620 req/s for 675-690 s asks for 7; reactive: utilization 40%
  // (target 50%) asks for 4)"
  Scaling reactive = d;
  reactive.to = d.reactive;
  std::string hpaWhy = explainHpa(reactive);
  hpaWhy = hpaWhy.substr(hpaWhy.find('(') + 1);
  hpaWhy.pop_back();
  if (d.learning) {
    return head(d.from, d.to) + " (" + hpaWhy + "; the HPA alone until a whole " + seconds(m_forecast.period()) +
           " cycle is learned)";
  }
  if (d.forecast < 0) return head(d.from, d.to) + " (" + hpaWhy + "; no forecast for " + seconds(d.forecastFrom) + ")";
  const std::string forecast = "forecast " + format(d.forecast) + " req/s for " +
                               format(simTimeToSeconds(d.forecastFrom)) + "-" + seconds(d.forecastTo) + " asks for " +
                               std::to_string(d.forecastCount);
  if (d.forecastCount > d.reactive) return head(d.from, d.to) + " (" + forecast + "; reactive: " + hpaWhy + ")";
  return head(d.from, d.to) + " (" + hpaWhy + "; " + forecast + ")";
}

std::vector<ControlDecision> Autoscaler::decisions() const {
  std::vector<ControlDecision> out;
  out.reserve(m_scalings.size());
  for (const Scaling& d : m_scalings) {
    out.push_back({d.at,
                   explain(d),
                   {{"from", static_cast<double>(d.from)},
                    {"recommended", static_cast<double>(d.recommended)},
                    {"to", static_cast<double>(d.to)},
                    {"metric", d.metric}}});
    if (m_algorithm == Algorithm::Predictive && d.forecast >= 0) {
      out.back().figures.push_back({"forecast_rps", d.forecast});
      out.back().figures.push_back({"forecast_instances", static_cast<double>(d.forecastCount)});
      out.back().figures.push_back({"reactive", static_cast<double>(d.reactive)});
    }
  }
  return out;
}

std::vector<Component::ExtraMetric> Autoscaler::extraMetrics(SimTime /*now*/) const {
  std::vector<ExtraMetric> out = {
      {"desired", static_cast<double>(m_desired)},
      {"instances", static_cast<double>(instances())},
      {"ready", static_cast<double>(readyInstances())},
      {"metric", m_last.metric},
      {"target", m_target},
      {"scale_ups", static_cast<double>(m_scaleUps)},
      {"scale_downs", static_cast<double>(m_scaleDowns)},
  };
  // The last forecast and what it asked for (0 while learning): the predictive side's figures.
  if (m_algorithm == Algorithm::Predictive) {
    out.push_back({"forecast_rps", std::max(m_last.forecast, 0.0)});
    out.push_back({"forecast_instances", static_cast<double>(m_last.forecastCount)});
  }
  return out;
}

std::vector<SeriesColumn> Autoscaler::seriesColumns() const {
  std::vector<SeriesColumn> cols = {{"desired", false}, {"instances", false}, {"ready", false}, {"metric", false}};
  if (m_algorithm == Algorithm::Predictive) cols.push_back({"forecast", false});
  return cols;
}

void Autoscaler::seriesValues(SimTime /*now*/, double* out) const {
  out[0] = static_cast<double>(m_desired);
  out[1] = static_cast<double>(instances());
  out[2] = static_cast<double>(readyInstances());
  out[3] = m_last.metric;
  if (m_algorithm == Algorithm::Predictive) out[4] = static_cast<double>(m_last.forecastCount);
}

}  // namespace pillars
