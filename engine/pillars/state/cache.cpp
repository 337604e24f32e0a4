#include "engine/pillars/state/cache.hpp"

#include "engine/sim/simulation.hpp"

namespace pillars {

std::vector<ParamSpec> Cache::paramSpecs() {
  using D = Distribution;
  return {
      integerParam("capacity", 1000, 0, 1e9, "keys", "Keys the cache holds (LRU eviction)"),
      distributionParam("hit_time", D::constant(0.0005), D::Dimension::Duration, "s",
                        "Time to answer a hit"),
      durationParam("fetch_timeout", 10 * kSecond,
                    "Deadline for the store's answer on a miss; 0 waits forever"),
      integerParam("response_size", 1000, 0, 1e9, "bytes", "Size of a reply on the wire"),
  };
}

Cache::Cache(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)), m_keys(static_cast<std::uint32_t>(p.integer("capacity"))) {
  m_hitTime = p.distribution("hit_time");
  m_fetchTimeout = p.duration("fetch_timeout");
  m_responseSize = static_cast<std::uint32_t>(p.integer("response_size"));
}

void Cache::onCrash() {
  metrics().dropped += m_lookups.liveCount();
  m_lookups.clear();
  m_keys.clear();
}

void Cache::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_hits = m_misses = 0;
}

void Cache::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Request: lookup(msg, via); return;
    case MessageKind::Response:
    case MessageKind::Error: onFetchReply(msg); return;
    default: return;
  }
}

void Cache::lookup(const Message& msg, LinkId via) {
  ++metrics().received;
  const SlotHandle handle = m_lookups.acquire();
  Lookup& l = *m_lookups.get(handle);
  l.request = msg;
  l.via = via;
  l.arrivedAt = now();
  const auto& links = outgoingLinks();
  if (m_keys.touch(msg.key)) {
    ++m_hits;
    setTimer(sampleWorkTime(m_hitTime), HitDone, handle);
    return;
  }
  ++m_misses;
  if (links.empty()) {
    // Nothing behind it: the cache is the only copy, so a miss stores the key and answers.
    m_keys.insert(msg.key);
    setTimer(sampleWorkTime(m_hitTime), HitDone, handle);
    return;
  }
  send(links[m_nextLink++ % links.size()], makeRequestFor(msg, handle));
  if (m_fetchTimeout > 0) l.timer = setTimer(m_fetchTimeout, FetchTimeout, handle);
}

void Cache::onFetchReply(const Message& msg) {
  Lookup* l = m_lookups.get(msg.correlation);
  if (!l) return;
  const bool ok = msg.kind == MessageKind::Response;
  if (ok) m_keys.insert(l->request.key);
  answer(msg.correlation, *l, ok, false);
}

void Cache::answer(SlotHandle handle, Lookup& l, bool success, bool timedOut) {
  cancelTimer(l.timer);
  send(l.via, l.request.outcomeReply(success, ErrorReason::Downstream, m_responseSize));
  if (success) {
    ++metrics().completed;
    metrics().recordLatency(now() - l.arrivedAt);
  } else if (timedOut) {
    ++metrics().timedOut;
  } else {
    ++metrics().failed;
  }
  m_lookups.release(handle);
}

void Cache::onTimer(std::uint32_t kind, std::uint64_t payload) {
  Lookup* l = m_lookups.get(payload);
  if (!l) return;
  if (kind == FetchTimeout) l->timer = EventId{};
  answer(payload, *l, kind == HitDone, kind == FetchTimeout);
}

std::vector<Component::ExtraMetric> Cache::extraMetrics(SimTime /*now*/) const {
  const double lookups = static_cast<double>(m_hits + m_misses);
  return {{"hits", static_cast<double>(m_hits)},
          {"misses", static_cast<double>(m_misses)},
          {"hit_ratio", lookups > 0 ? static_cast<double>(m_hits) / lookups : 0.0},
          {"keys_cached", static_cast<double>(m_keys.size())}};
}

}  // namespace pillars
