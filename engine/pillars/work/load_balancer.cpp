#include "engine/pillars/work/load_balancer.hpp"

#include <algorithm>

#include "engine/sim/simulation.hpp"

namespace pillars {

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
  return {
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
  };
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
}

void LoadBalancer::addBackend(LinkId link) {
  const Link& l = sim().network().link(link);
  const std::size_t i = m_selector.addBackend(l.config.weight, hashName(sim().component(l.to).name()));
  Probe probe;
  probe.link = link;
  if (i == m_probes.size()) {
    m_probes.push_back(probe);
    m_backendLinks.push_back(link);
  } else {
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
  // A new backend (an autoscaler's instance) joins healthy and takes traffic at once.
  if (outgoing) addBackend(link);
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
  const auto choice = m_selector.select(msg.key, rng());
  if (!choice) {
    ++metrics().dropped;
    send(via, msg.errorReply(ErrorReason::NoBackend, kProbeSize));
    return;
  }
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
  release(msg.correlation, *f);
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
      release(payload, *f);
      return;
    }
    default: return;
  }
}

std::vector<Component::ExtraMetric> LoadBalancer::extraMetrics(SimTime /*now*/) const {
  return {{"healthy_backends", static_cast<double>(m_selector.healthyCount())},
          {"backends", static_cast<double>(m_selector.presentCount())}};
}

}  // namespace pillars
