#include "engine/pillars/work/load_balancer.hpp"

#include <algorithm>

#include "engine/pillars/control/control_params.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

bool LoadBalancer::avoids(LinkId outgoing) const {
  const auto it = std::find(m_backendLinks.begin(), m_backendLinks.end(), outgoing);
  return it != m_backendLinks.end() && ejected(static_cast<std::size_t>(it - m_backendLinks.begin()));
}

namespace {
constexpr std::uint32_t kProbeSize = 64;

std::uint64_t hashName(const std::string& name) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}
}  // namespace

std::vector<ParamSpec> LoadBalancer::paramSpecs() {
  std::vector<ParamSpec> specs = {
      choiceParam("policy", "round_robin",
                  {"round_robin", "weighted_round_robin", "random", "least_connections",
                   "power_of_two", "consistent_hash"},
                  "How a backend is chosen for each request"),
      integerParam("virtual_nodes", 100, 1, 10000, "",
                   "consistent_hash: points per backend on the hash ring"),
      durationParam("health_check_interval", kSecond,
                    "Time between health checks of each backend; 0 disables them"),
      durationParam("health_check_timeout", 500 * kMillisecond,
                    "A health check not answered within this counts as failed", 0.000001),
      integerParam("unhealthy_threshold", 2, 1, 100, "checks",
                   "Consecutive failed checks before a backend is taken out"),
      integerParam("healthy_threshold", 2, 1, 100, "checks",
                   "Consecutive passed checks before a backend is put back"),
      durationParam("timeout", 10 * kSecond,
                    "Deadline for a backend's answer; 0 waits forever"),
      booleanParam("outlier_detection", false,
                   "Eject backends that keep failing, Envoy style (consecutive errors)"),
      integerParam("consecutive_errors", 5, 1, 1000, "errors", "Outlier detection: errors in a row that eject"),
      durationParam("base_ejection_time", 30 * kSecond,
                    "Outlier detection: first ejection; each ejection in a row lasts one more of these", 0.001),
      durationParam("max_ejection_time", 300 * kSecond, "Outlier detection: longest ejection", 0.001),
      realParam("max_ejection_percent", 10, 0, 100, "%",
                "Outlier detection: backends that may be out at once (at least one)"),
      realParam("panic_threshold", 50, 0, 100, "%",
                "Outlier detection: below this share of good backends, all take traffic again"),
      realParam("rate_limiter", 0, 0, 1e9, "req/s", "Token-bucket rate limit on requests; 0 means none"),
      realParam("rate_limiter_burst", 100, 1, 1e9, "requests", "Rate limiter: requests allowed in a burst"),
  };
  appendParams(specs, circuitBreakerParams("each backend"));
  return specs;
}

LoadBalancer::LoadBalancer(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)),
      m_selector(balancePolicyFromName(p.choice("policy")).value_or(BalancePolicy::RoundRobin),
                 static_cast<std::uint32_t>(p.integer("virtual_nodes"))) {
  m_checkInterval = p.duration("health_check_interval");
  m_checkTimeout = p.duration("health_check_timeout");
  m_unhealthyThreshold = static_cast<std::uint32_t>(p.integer("unhealthy_threshold"));
  m_healthyThreshold = static_cast<std::uint32_t>(p.integer("healthy_threshold"));
  m_timeout = p.duration("timeout");
  m_outlierDetection = p.boolean("outlier_detection");
  m_consecutiveErrors = static_cast<std::uint32_t>(p.integer("consecutive_errors"));
  m_baseEjection = p.duration("base_ejection_time");
  m_maxEjection = p.duration("max_ejection_time");
  m_maxEjectionPercent = p.real("max_ejection_percent");
  // Envoy's panic threshold belongs with ejection here: without outlier detection a balancer
  // routes as it always did, to healthy backends only.
  if (m_outlierDetection) m_selector.setPanicThreshold(p.real("panic_threshold"));
  m_breakers = p.boolean("circuit_breaker");
  m_breakerConfig = circuitBreakerConfig(p);
  m_rateLimit = TokenBucket(p.real("rate_limiter"), p.real("rate_limiter_burst"));
}

void LoadBalancer::addBackend(LinkId link) {
  const Link& l = sim().network().link(link);
  const std::size_t i = m_selector.addBackend(l.config.weight, hashName(sim().component(l.to).name()));
  Probe probe;
  probe.link = link;
  if (i == m_probes.size()) {
    m_probes.push_back(probe);
    m_backendLinks.push_back(link);
    m_outliers.push_back(Outlier{0, 0, 0, 0, CircuitBreaker(m_breakerConfig)});
  } else {
    const std::uint32_t generation = m_outliers[i].generation + 1;
    m_outliers[i] = Outlier{0, 0, 0, generation, CircuitBreaker(m_breakerConfig)};
    // A removed backend's slot: the old probe's sequence is kept so its late replies and
    // timeouts cannot be mistaken for the new backend's.
    probe.sequence = m_probes[i].sequence;
    m_probes[i] = probe;
    m_backendLinks[i] = link;
  }
}

void LoadBalancer::start() {
  if (m_backendLinks.empty()) {
    for (const LinkId link : outgoingLinks()) addBackend(link);
  }
  if (m_checkInterval > 0) setTimer(m_checkInterval, HealthTick);
}

void LoadBalancer::onLinkAdded(LinkId link, bool outgoing) {
  // A new backend (an autoscaler's or a rollout's instance) takes traffic once it is ready, as
  // a Kubernetes Service adds an endpoint only when its pod passes readiness: one ready at once
  // joins healthy; one still starting joins unhealthy, and health checks bring it in.
  if (!outgoing) return;
  addBackend(link);
  const Component& target = sim().component(sim().network().link(link).to);
  if (m_checkInterval > 0 && !(target.isUp() && target.healthy())) {
    const auto it = std::find(m_backendLinks.begin(), m_backendLinks.end(), link);
    m_selector.backend(static_cast<std::size_t>(it - m_backendLinks.begin())).healthy = false;
  }
}

void LoadBalancer::onLinkRemoved(LinkId link, bool outgoing) {
  if (!outgoing) return;
  const auto it = std::find(m_backendLinks.begin(), m_backendLinks.end(), link);
  if (it == m_backendLinks.end()) return;
  const auto backend = static_cast<std::uint32_t>(it - m_backendLinks.begin());
  // The connection is gone, so no answer will come back: the callers waiting on this backend
  // are told at once, as a proxy does when an upstream connection resets.
  m_forwards.forEachLive([&](SlotHandle handle, Forward& f) {
    if (f.backend != backend) return;
    send(f.via, f.request.errorReply(ErrorReason::Unavailable, kProbeSize));
    ++metrics().failed;
    release(handle, f);
  });
  m_selector.removeBackend(backend);
  m_probes[backend].awaiting = false;
  m_probes[backend].link = kNoLink;
  *it = kNoLink;
}

void LoadBalancer::onCrash() {
  m_forwards.clear();
  for (std::size_t i = 0; i < m_selector.size(); ++i) {
    // A restarted balancer knows nothing: every backend counts as healthy until checked.
    m_selector.backend(i).outstanding = 0;
    m_selector.backend(i).healthy = m_selector.backend(i).present;
    m_probes[i] = Probe{m_probes[i].link, m_probes[i].sequence, false, 0, 0};
  }
}

void LoadBalancer::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Request: route(msg, via); return;
    case MessageKind::Response:
    case MessageKind::Error: onBackendReply(msg); return;
    case MessageKind::HealthReply: {
      const auto backend = static_cast<std::size_t>(msg.correlation);
      if (backend < m_probes.size() && m_probes[backend].awaiting &&
          msg.arg1 == static_cast<std::int64_t>(m_probes[backend].sequence)) {
        onProbeResult(backend, true);
      }
      return;
    }
    default: return;
  }
}

void LoadBalancer::route(const Message& msg, LinkId via) {
  ++metrics().received;
  if (!m_rateLimit.take(now())) {
    ++m_rateLimited;
    ++metrics().dropped;
    send(via, msg.errorReply(ErrorReason::RateLimited, kProbeSize));
    return;
  }
  if (m_breakers) refreshBreakers();
  const auto choice = m_selector.select(msg.key, rng());
  if (!choice) {
    ++metrics().dropped;
    // Every backend's breaker open (and none down): the caller is failed fast, as such.
    const bool breakersOnly = m_breakers && m_selector.healthyCount() == 0 &&
                              std::any_of(m_outliers.begin(), m_outliers.end(),
                                          [](const Outlier& o) { return o.breaker.state() != CircuitBreaker::State::Closed; });
    if (breakersOnly) ++m_failedFast;
    send(via, msg.errorReply(breakersOnly ? ErrorReason::CircuitOpen : ErrorReason::NoBackend, kProbeSize));
    return;
  }
  if (m_breakers) m_outliers[*choice].breaker.allow(now());
  const SlotHandle handle = m_forwards.acquire();
  Forward& f = *m_forwards.get(handle);
  f.request = msg;
  f.via = via;
  f.backend = static_cast<std::uint32_t>(*choice);
  f.arrivedAt = now();
  ++m_selector.backend(*choice).outstanding;
  send(m_backendLinks[*choice], makeRequestFor(msg, handle));
  if (m_timeout > 0) f.timer = setTimer(m_timeout, ForwardTimeout, handle);
}

void LoadBalancer::onBackendReply(const Message& msg) {
  Forward* f = m_forwards.get(msg.correlation);
  if (!f) return;  // answered too late: the caller already got a timeout
  Message reply = f->request.replyWith(msg.kind, msg.sizeBytes);
  reply.reason = msg.reason;
  reply.carryAnswer(msg);
  send(f->via, reply);
  if (msg.kind == MessageKind::Response) {
    ++metrics().completed;
    metrics().recordLatency(now() - f->arrivedAt);
  } else {
    ++metrics().failed;
  }
  noteOutcome(f->backend, msg.kind != MessageKind::Response, now() - f->arrivedAt);
  release(msg.correlation, *f);
}

void LoadBalancer::refreshBreakers() {
  for (std::size_t i = 0; i < m_outliers.size(); ++i) {
    m_selector.backend(i).blocked = !m_outliers[i].breaker.permits(now());
  }
}

void LoadBalancer::noteOutcome(std::uint32_t b, bool failed, SimTime duration) {
  if (b >= m_outliers.size()) return;
  Outlier& o = m_outliers[b];
  if (m_breakers) o.breaker.record(now(), failed, duration);
  if (!m_outlierDetection) return;
  if (!failed) {
    o.consecutiveErrors = 0;
    return;
  }
  if (++o.consecutiveErrors >= m_consecutiveErrors && !m_selector.backend(b).ejected) eject(b);
}

void LoadBalancer::eject(std::uint32_t b) {
  // At most max_ejection_percent of the backends out at once, but always at least one.
  const std::size_t out = ejectedNow();
  const auto allowed = std::max<std::size_t>(
      1, static_cast<std::size_t>(m_maxEjectionPercent / 100.0 * static_cast<double>(m_selector.presentCount())));
  if (out >= allowed) return;
  Outlier& o = m_outliers[b];
  // The multiplier decays by one for each base ejection time the backend stayed in since it
  // last came back, so a backend that fails again soon after returning is out for longer.
  if (o.ejections > 0 && m_baseEjection > 0) {
    const auto decay = static_cast<std::uint32_t>((now() - o.unejectedAt) / m_baseEjection);
    o.ejections = decay >= o.ejections ? 0 : o.ejections - decay;
  }
  ++o.ejections;
  ++m_ejections;
  o.consecutiveErrors = 0;
  m_selector.backend(b).ejected = true;
  const SimTime duration = std::min(m_maxEjection, m_baseEjection * static_cast<SimTime>(o.ejections));
  setTimer(duration, EjectionEnd, (static_cast<std::uint64_t>(o.generation) << 32) | b);
}

void LoadBalancer::release(SlotHandle handle, Forward& f) {
  cancelTimer(f.timer);
  --m_selector.backend(f.backend).outstanding;
  m_forwards.release(handle);
}

void LoadBalancer::sendProbes() {
  for (std::size_t i = 0; i < m_probes.size(); ++i) {
    Probe& p = m_probes[i];
    if (p.awaiting || p.link == kNoLink) continue;  // still within its timeout, or removed
    p.awaiting = true;
    ++p.sequence;
    Message check = makeMessage(MessageKind::HealthCheck, kProbeSize);
    check.correlation = i;
    check.arg1 = p.sequence;
    send(p.link, check);
    setTimer(m_checkTimeout, ProbeTimeout, (static_cast<std::uint64_t>(p.sequence) << 32) | i);
  }
}

void LoadBalancer::onProbeResult(std::size_t backend, bool ok) {
  Probe& p = m_probes[backend];
  p.awaiting = false;
  BackendSelector::Backend& b = m_selector.backend(backend);
  if (ok) {
    p.failures = 0;
    if (!b.healthy && ++p.successes >= m_healthyThreshold) b.healthy = true;
  } else {
    p.successes = 0;
    if (b.healthy && ++p.failures >= m_unhealthyThreshold) b.healthy = false;
  }
}

void LoadBalancer::onTimer(std::uint32_t kind, std::uint64_t payload) {
  switch (kind) {
    case HealthTick:
      sendProbes();
      setTimer(m_checkInterval, HealthTick);
      return;
    case ProbeTimeout: {
      const std::size_t backend = payload & 0xffffffffu;
      const auto sequence = static_cast<std::uint32_t>(payload >> 32);
      if (backend < m_probes.size() && m_probes[backend].awaiting &&
          m_probes[backend].sequence == sequence) {
        onProbeResult(backend, false);
      }
      return;
    }
    case ForwardTimeout: {
      Forward* f = m_forwards.get(payload);
      if (!f) return;
      f->timer = EventId{};
      send(f->via, f->request.errorReply(ErrorReason::Timeout, kProbeSize));
      ++metrics().timedOut;
      noteOutcome(f->backend, true, now() - f->arrivedAt);
      release(payload, *f);
      return;
    }
    case EjectionEnd: {
      const auto b = static_cast<std::uint32_t>(payload & 0xffffffffu);
      if (b >= m_outliers.size() || m_outliers[b].generation != static_cast<std::uint32_t>(payload >> 32)) return;
      m_selector.backend(b).ejected = false;
      m_outliers[b].unejectedAt = now();
      return;
    }
    default: return;
  }
}

std::size_t LoadBalancer::ejectedNow() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < m_selector.size(); ++i) n += m_selector.backend(i).ejected ? 1 : 0;
  return n;
}

std::vector<SeriesColumn> LoadBalancer::seriesColumns() const {
  // Backends ejected at each sample: how long ejections last, and how many at once.
  if (!m_outlierDetection) return {};
  return {{"ejected", false}};
}

void LoadBalancer::seriesValues(SimTime /*now*/, double* out) const {
  if (m_outlierDetection) out[0] = static_cast<double>(ejectedNow());
}

std::vector<Component::ExtraMetric> LoadBalancer::extraMetrics(SimTime /*now*/) const {
  std::vector<ExtraMetric> out = {{"healthy_backends", static_cast<double>(m_selector.healthyCount())},
                                  {"backends", static_cast<double>(m_selector.presentCount())}};
  if (m_outlierDetection) {
    out.push_back({"ejections", static_cast<double>(m_ejections)});
    out.push_back({"ejected", static_cast<double>(ejectedNow())});
  }
  if (m_rateLimit.enabled()) out.push_back({"rate_limited", static_cast<double>(m_rateLimited)});
  if (m_breakers) {
    BreakerCounts counts;
    for (const Outlier& o : m_outliers) counts.add(o.breaker);
    out.push_back({"breakers_open", static_cast<double>(counts.open)});
    out.push_back({"breakers_half_open", static_cast<double>(counts.halfOpen)});
    out.push_back({"failed_fast", static_cast<double>(m_failedFast)});
  }
  return out;
}

void LoadBalancer::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_ejections = m_rateLimited = m_failedFast = 0;
}

}  // namespace pillars
