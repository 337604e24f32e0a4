#include "engine/pillars/work/client.hpp"

#include <algorithm>

#include "engine/pillars/control/control_params.hpp"
#include "engine/pillars/state/key_versions.hpp"
#include "engine/sim/request_id.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

ArrivalProcess::Pattern patternFromName(const std::string& name) {
  if (name == "constant") return ArrivalProcess::Pattern::Constant;
  if (name == "on_off") return ArrivalProcess::Pattern::OnOff;
  if (name == "diurnal") return ArrivalProcess::Pattern::Diurnal;
  if (name == "spike") return ArrivalProcess::Pattern::Spike;
  return ArrivalProcess::Pattern::Poisson;
}

}  // namespace

std::vector<ParamSpec> Client::paramSpecs() {
  using D = Distribution;
  std::vector<ParamSpec> specs = {
      choiceParam("mode", "open", {"open", "closed"},
                  "Open loop sends at a rate whatever happens; closed loop has users who wait"),
      choiceParam("arrival", "poisson", {"constant", "poisson", "on_off", "diurnal", "spike"},
                  "Open loop: how requests are spaced in time"),
      realParam("rate", 10.0, 0.0, 1e9, "req/s", "Open loop: mean request rate (the ON rate for on_off)"),
      distributionParam("on_time", D::exponential(10.0), D::Dimension::Duration, "s",
                        "on_off: length of a burst"),
      distributionParam("off_time", D::exponential(10.0), D::Dimension::Duration, "s",
                        "on_off: length of a silence"),
      realParam("amplitude", 0.5, 0.0, 1.0, "", "diurnal: swing of the rate around its mean"),
      durationParam("period", 24 * kHour, "diurnal: length of one cycle", 0.001),
      durationParam("spike_at", 60 * kSecond, "spike: when the rate jumps"),
      durationParam("spike_duration", 10 * kSecond, "spike: how long it lasts; 0 makes it a permanent step"),
      realParam("spike_multiplier", 5.0, 0.0, 1e6, "x", "spike: rate multiplier during the spike"),
      integerParam("users", 10, 1, 1e7, "users", "Closed loop: number of concurrent users"),
      distributionParam("think_time", D::exponential(1.0), D::Dimension::Duration, "s",
                        "Closed loop: pause between a reply and the user's next request"),
      durationParam("timeout", 10 * kSecond, "Deadline of each attempt; 0 waits forever"),
      integerParam("retries", 0, 0, 100, "", "Extra attempts after a failure or timeout"),
      durationParam("backoff_base", 100 * kMillisecond, "Backoff before the first retry; doubles each retry"),
      durationParam("backoff_max", 10 * kSecond, "Longest backoff between retries"),
      choiceParam("jitter", "full", {"none", "full", "equal"},
                  "Randomisation of backoff: full = uniform(0, b), equal = b/2 + uniform(0, b/2)"),
      integerParam("keys", 1000, 1, 1e12, "keys", "Number of distinct data keys requests refer to"),
      choiceParam("key_distribution", "uniform", {"uniform", "zipf"},
                  "How request keys are drawn: evenly, or a few hot keys (Zipf)"),
      realParam("zipf_exponent", 1.1, 0.01, 10.0, "", "Skew of Zipf keys; higher means hotter hot keys"),
      integerParam("requests", 0, 0, 1e15, "requests", "Stop after this many requests; 0 means no limit"),
      integerParam("request_size", 1000, 0, 1e9, "bytes", "Size of a request on the wire"),
      durationParam("deadline", 0,
                    "Overall deadline across all attempts (Envoy's route timeout); 0 means each "
                    "attempt has only its own timeout"),
      realParam("retry_budget_percent", 0, 0, 100, "%",
                "Retries in flight allowed, as a share of requests in flight (Envoy); 0 means no budget"),
      integerParam("retry_budget_min_concurrency", 3, 0, 1e9, "retries",
                   "Retries in flight always allowed under a budget"),
      realParam("retry_tokens", 0, 0, 1e6, "tokens",
                "Retry throttling (gRPC): a failure takes a token, retries need more than half; 0 means none"),
      realParam("retry_token_ratio", 0.1, 0, 1e6, "tokens", "Retry throttling: tokens a success gives back"),
      realParam("read_fraction", 0.0, 0.0, 1.0, "",
                "Share of requests that read their key; the rest write it. Stores, caches that see "
                "writes, and raft_node act on it"),
  };
  appendParams(specs, circuitBreakerParams("each outgoing link"));
  appendParams(specs, sloParams());
  appendParams(specs, anomalyParams());
  return specs;
}

Client::Client(const std::string& name, const ParamSet& p) : Component(name, std::string(kKind)) {
  m_closedLoop = p.choice("mode") == "closed";
  if (p.real("slo_availability") > 0) {
    m_availabilitySlo = std::make_unique<SloMonitor>(
        SloObjective{SloObjective::Kind::Availability, p.real("slo_availability"), 0}, p.duration("slo_period"));
  }
  if (p.duration("slo_latency") > 0) {
    m_latencySlo = std::make_unique<SloMonitor>(
        SloObjective{SloObjective::Kind::Latency, p.real("slo_latency_objective"), p.duration("slo_latency")},
        p.duration("slo_period"));
  }
  if (p.boolean("anomaly_detection")) {
    m_anomaly = std::make_unique<AnomalyDetector>(AnomalyDetector::Config{
        p.duration("anomaly_interval"), p.real("anomaly_alpha"), p.real("anomaly_k"),
        static_cast<std::uint32_t>(p.integer("anomaly_warmup"))});
  }
  ArrivalProcess::Config a;
  a.pattern = patternFromName(p.choice("arrival"));
  a.rate = p.real("rate");
  a.onTime = p.distribution("on_time");
  a.offTime = p.distribution("off_time");
  a.amplitude = p.real("amplitude");
  a.period = p.duration("period");
  a.spikeAt = p.duration("spike_at");
  a.spikeDuration = p.duration("spike_duration");
  a.spikeMultiplier = p.real("spike_multiplier");
  m_arrivals = ArrivalProcess(a);
  m_users = p.integer("users");
  m_thinkTime = p.distribution("think_time");
  m_timeout = p.duration("timeout");
  m_maxRetries = p.integer("retries");
  m_backoffBase = p.duration("backoff_base");
  m_backoffMax = p.duration("backoff_max");
  const std::string& jitter = p.choice("jitter");
  m_jitter = jitter == "none" ? Jitter::None : jitter == "equal" ? Jitter::Equal : Jitter::Full;
  m_keyCount = static_cast<std::uint64_t>(p.integer("keys"));
  m_zipfKeys = p.choice("key_distribution") == "zipf";
  if (m_zipfKeys) m_zipf = Distribution::zipf(m_keyCount, p.real("zipf_exponent"));
  m_requestLimit = static_cast<std::uint64_t>(p.integer("requests"));
  m_requestSize = static_cast<std::uint32_t>(p.integer("request_size"));
  m_readFraction = p.real("read_fraction");
  m_deadline = p.duration("deadline");
  m_budget = RetryBudget(p.real("retry_budget_percent"), static_cast<std::uint32_t>(p.integer("retry_budget_min_concurrency")));
  m_throttle = RetryThrottle(p.real("retry_tokens"), p.real("retry_token_ratio"));
  m_breakers = p.boolean("circuit_breaker");
  m_breakerConfig = circuitBreakerConfig(p);
}

void Client::start() {
  if (m_availabilitySlo) {
    m_availabilitySlo->start(sim());
    m_availabilitySlo->watch(metrics());
  }
  if (m_latencySlo) m_latencySlo->start(sim());
  if (m_anomaly) m_anomaly->start(sim(), metrics());
  if (m_closedLoop) {
    // Each user starts with a think time, so a thousand users do not all fire at t = 0.
    for (std::int64_t u = 0; u < m_users; ++u) startThinking(static_cast<std::uint32_t>(u));
  } else {
    m_arrivals.reset(now(), rng());
    scheduleNextArrival();
  }
}

void Client::onCrash() {
  // The process died: outstanding requests are forgotten, neither completed nor failed.
  m_inFlight.clear();
  m_retriesInFlight = 0;
}

void Client::scheduleNextArrival() {
  if (m_requestLimit != 0 && m_issued >= m_requestLimit) return;
  const SimTime at = m_arrivals.next(now(), rng());
  if (at != kTimeNever) setTimer(at - now(), NextArrival);
}

void Client::startThinking(std::uint32_t user) {
  if (m_requestLimit != 0 && m_issued >= m_requestLimit) return;
  setTimer(secondsToSimTime(m_thinkTime.sample(rng())), ThinkDone, user);
}

std::uint64_t Client::drawKey() {
  if (m_zipfKeys) return static_cast<std::uint64_t>(m_zipf.sample(rng()));
  return 1 + rng().below(m_keyCount);
}

SimTime Client::backoffDelay(std::uint32_t retryNumber) {
  SimTime delay = m_backoffBase;
  for (std::uint32_t i = 1; i < retryNumber && delay < m_backoffMax; ++i) delay *= 2;
  delay = std::min(delay, m_backoffMax);
  const double d = static_cast<double>(delay);
  switch (m_jitter) {
    case Jitter::None: return delay;
    case Jitter::Full: return static_cast<SimTime>(rng().uniform01() * d);
    case Jitter::Equal: return static_cast<SimTime>(d / 2 + rng().uniform01() * d / 2);
  }
  return delay;
}

void Client::issue(std::uint32_t user) {
  ++m_issued;
  ++metrics().issued;
  const SlotHandle handle = m_inFlight.acquire();
  Request& r = *m_inFlight.get(handle);
  r.requestId = RequestId::make(id(), m_issued);
  r.key = drawKey();
  // Drawn only when reads are asked for, so scenarios without them keep their random stream
  // (and their fingerprints) exactly as before.
  r.read = m_readFraction > 0 && rng().uniform01() < m_readFraction;
  r.required = 0;
  if (r.read) {
    if (const KeyVersions* v = versions()) r.required = v->newestAcknowledged(r.key);
  }
  r.issuedAt = now();
  r.user = user;
  sendAttempt(handle, r);
}

void Client::sendAttempt(SlotHandle handle, Request& r) {
  const auto& links = outgoingLinks();
  if (links.empty()) {
    attemptFailed(handle, r, false);
    return;
  }
  // Several outgoing links are used in turn, like a client resolving a DNS round robin.
  r.link = m_nextLink++ % links.size();
  if (m_breakers) {
    if (m_linkBreakers.size() < links.size()) m_linkBreakers.resize(links.size(), CircuitBreaker(m_breakerConfig));
    if (!m_linkBreakers[r.link].allow(now())) {
      // Open: the request fails at once, without a call (and without retrying into it).
      ++m_failedFast;
      ++metrics().failed;
      finish(handle, r);
      return;
    }
  }
  ++metrics().attempts;
  r.attemptSentAt = now();
  Message m = makeMessage(MessageKind::Request, m_requestSize);
  m.correlation = RequestWire::tagAttempt(handle, r.attempt);
  m.requestId = r.requestId;
  m.key = r.key;
  m.originTime = r.issuedAt;
  m.arg1 = r.read ? 1 : 0;
  // The attempt's deadline, or the whole request's if that comes first.
  SimTime deadline = m_timeout > 0 ? now() + m_timeout : 0;
  if (m_deadline > 0) deadline = deadline > 0 ? std::min(deadline, r.issuedAt + m_deadline) : r.issuedAt + m_deadline;
  RequestWire::setDeadline(m, deadline);
  send(links[r.link], m);
  if (deadline > 0) r.timer = setTimer(deadline - now(), AttemptTimeout, handle);
}

void Client::recordOutcome(const Request& r, bool failed) {
  if (m_throttle.enabled()) failed ? m_throttle.failed() : m_throttle.succeeded();
  if (m_breakers && r.link < m_linkBreakers.size()) m_linkBreakers[r.link].record(now(), failed, now() - r.attemptSentAt);
}

bool Client::mayRetry(const Request& r) const {
  if (static_cast<std::int64_t>(r.attempt) >= m_maxRetries) return false;
  if (m_deadline > 0 && now() >= r.issuedAt + m_deadline) return false;
  // A request already retrying does not add to the retries in flight by retrying again.
  if (!r.retrying && !m_budget.allows(m_retriesInFlight, m_inFlight.liveCount())) return false;
  return m_throttle.allows();
}

void Client::receive(const Message& msg, LinkId /*via*/) {
  if (msg.kind != MessageKind::Response && msg.kind != MessageKind::Error) return;
  const SlotHandle handle = RequestWire::handleOf(msg.correlation);
  Request* r = m_inFlight.get(handle);
  // A reply to an attempt the client already gave up on is ignored, as a real client that
  // closed the connection would.
  if (!r || RequestWire::attemptOf(msg.correlation) != (r->attempt & 0xffu)) return;
  cancelTimer(r->timer);
  recordOutcome(*r, msg.kind != MessageKind::Response);
  if (msg.kind == MessageKind::Response) {
    if (msg.flags & kVersioned) noteVersionedAnswer(*r, msg);
    ++metrics().completed;
    metrics().recordLatency(now() - r->issuedAt);
    if (m_latencySlo) m_latencySlo->answered(now() - r->issuedAt);
    finish(handle, *r);
  } else {
    attemptFailed(handle, *r, false);
  }
}

void Client::attemptFailed(SlotHandle handle, Request& r, bool timedOut) {
  if (mayRetry(r)) {
    ++r.attempt;  // replies to the failed attempt no longer match
    ++metrics().retries;
    if (!r.retrying) {
      r.retrying = true;
      ++m_retriesInFlight;
    }
    r.timer = setTimer(backoffDelay(r.attempt), BackoffDone, handle);
    return;
  }
  if (static_cast<std::int64_t>(r.attempt) < m_maxRetries) ++m_retriesDenied;
  if (timedOut) {
    ++metrics().timedOut;
    if (m_latencySlo) m_latencySlo->timedOut();
  } else {
    ++metrics().failed;
  }
  finish(handle, r);
}

void Client::finish(SlotHandle handle, Request& r) {
  if (r.retrying) --m_retriesInFlight;
  const std::uint32_t user = r.user;
  m_inFlight.release(handle);
  if (m_closedLoop) startThinking(user);
}

void Client::onTimer(std::uint32_t kind, std::uint64_t payload) {
  switch (kind) {
    case NextArrival:
      issue(0);
      scheduleNextArrival();
      return;
    case ThinkDone:
      // Several users may be thinking when the limit is reached; only the first ones send.
      if (m_requestLimit != 0 && m_issued >= m_requestLimit) return;
      issue(static_cast<std::uint32_t>(payload));
      return;
    case AttemptTimeout:
    case BackoffDone: {
      Request* r = m_inFlight.get(payload);
      if (!r) return;
      r->timer = EventId{};
      if (kind == AttemptTimeout) {
        recordOutcome(*r, true);
        attemptFailed(payload, *r, true);
      } else {
        sendAttempt(payload, *r);
      }
      return;
    }
    default: return;
  }
}

KeyVersions* Client::versions() {
  if (!m_versions) m_versions = sim().findExtension<KeyVersions>();
  return m_versions;
}

void Client::noteVersionedAnswer(const Request& r, const Message& answer) {
  ++m_versionedAnswers;
  const std::uint64_t version = static_cast<std::uint64_t>(answer.arg1);
  KeyVersions* v = versions();
  if (!r.read) {
    ++m_writes;
    if (v) v->acknowledged(r.key, version);
    return;
  }
  ++m_reads;
  // Stale: older than a version some client had been told was written before this read began.
  const std::uint64_t behind = r.required > version ? r.required - version : 0;
  if (behind > 0) ++m_staleReads;
  m_staleness.record(static_cast<std::int64_t>(behind));
}

std::vector<Component::ExtraMetric> Client::extraMetrics(SimTime /*now*/) const {
  std::vector<ExtraMetric> out = {{"in_flight", static_cast<double>(m_inFlight.liveCount())},
                                  {"issued", static_cast<double>(m_issued)},
                                  {"attempts", static_cast<double>(metrics().attempts)}};
  appendSloFigures(m_availabilitySlo.get(), m_latencySlo.get(), out);
  if (m_anomaly) out.push_back({"anomalies_firing", static_cast<double>(m_anomaly->firing())});
  if (m_breakers) {
    BreakerCounts counts;
    for (const CircuitBreaker& b : m_linkBreakers) counts.add(b);
    out.push_back({"failed_fast", static_cast<double>(m_failedFast)});
    out.push_back({"breaker_opened", static_cast<double>(counts.opened)});
    out.push_back({"breakers_open", static_cast<double>(counts.open)});
    out.push_back({"breakers_half_open", static_cast<double>(counts.halfOpen)});
  }
  if (m_budget.enabled() || m_throttle.enabled()) out.push_back({"retries_denied", static_cast<double>(m_retriesDenied)});
  if (m_versionedAnswers == 0) return out;
  out.push_back({"reads", static_cast<double>(m_reads)});
  out.push_back({"writes", static_cast<double>(m_writes)});
  out.push_back({"stale_reads", static_cast<double>(m_staleReads)});
  out.push_back({"stale_read_fraction", m_reads > 0 ? static_cast<double>(m_staleReads) / static_cast<double>(m_reads) : 0.0});
  out.push_back({"staleness_versions.p50", static_cast<double>(m_staleness.quantile(0.50))});
  out.push_back({"staleness_versions.p99", static_cast<double>(m_staleness.quantile(0.99))});
  out.push_back({"staleness_versions.max", static_cast<double>(m_staleness.max())});
  return out;
}

std::vector<SeriesColumn> Client::seriesColumns() const {
  // Only a client that reads can read stale data.
  if (m_readFraction <= 0) return {};
  return {{"stale_reads", true}};
}

void Client::seriesValues(SimTime /*now*/, double* out) const {
  if (m_readFraction > 0) out[0] = static_cast<double>(m_staleReads);
}

void Client::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_failedFast = m_retriesDenied = 0;
  for (CircuitBreaker& b : m_linkBreakers) b.resetCounts();
  m_versionedAnswers = m_reads = m_writes = m_staleReads = 0;
  m_staleness.reset();
}

std::vector<AlertRecord> Client::alerts() const {
  std::vector<AlertRecord> out;
  for (const SloMonitor* slo : {m_availabilitySlo.get(), m_latencySlo.get()}) {
    if (slo) out.insert(out.end(), slo->alerts().begin(), slo->alerts().end());
  }
  if (m_anomaly) out.insert(out.end(), m_anomaly->alerts().begin(), m_anomaly->alerts().end());
  std::stable_sort(out.begin(), out.end(), [](const AlertRecord& a, const AlertRecord& b) { return a.firedAt < b.firedAt; });
  return out;
}

}  // namespace pillars
