#include "engine/pillars/state/cache.hpp"

#include "engine/pillars/state/key_versions.hpp"
#include "engine/pillars/state/state_wire.hpp"
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
      choiceParam("write_policy", "read_only", {"read_only", "write_through", "write_around", "ttl"},
                  "How the cache learns of writes: not at all (data never changes), by writing "
                  "through, by letting writes pass around it, or by letting copies expire"),
      booleanParam("invalidate", true, "write_around: drop the cached copy when a write passes"),
      durationParam("ttl", 60 * kSecond, "ttl: a copy older than this is fetched again", 0.000001),
  };
}

Cache::Cache(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)), m_keys(static_cast<std::uint32_t>(p.integer("capacity"))) {
  m_hitTime = p.distribution("hit_time");
  m_fetchTimeout = p.duration("fetch_timeout");
  m_responseSize = static_cast<std::uint32_t>(p.integer("response_size"));
  const std::string& policy = p.choice("write_policy");
  m_policy = policy == "write_through"  ? WritePolicy::WriteThrough
             : policy == "write_around" ? WritePolicy::WriteAround
             : policy == "ttl"          ? WritePolicy::Ttl
                                        : WritePolicy::ReadOnly;
  m_invalidate = p.boolean("invalidate");
  m_ttl = p.duration("ttl");
}

KeyVersions* Cache::versions() {
  if (!m_versions) m_versions = sim().findExtension<KeyVersions>();
  return m_versions;
}

void Cache::onCrash() {
  metrics().dropped += m_lookups.liveCount();
  m_lookups.clear();
  m_keys.clear();
}

void Cache::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_hits = m_misses = m_writes = m_staleServed = 0;
}

void Cache::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Request: lookup(msg, via); return;
    case MessageKind::Response:
    case MessageKind::Error: onFetchReply(msg); return;
    default: return;
  }
}

bool Cache::usable(const LruKeySet::Value& v) const {
  return v.valid && (m_policy != WritePolicy::Ttl || now() - v.storedAt < m_ttl);
}

void Cache::lookup(const Message& msg, LinkId via) {
  ++metrics().received;
  const SlotHandle handle = m_lookups.acquire();
  Lookup& l = *m_lookups.get(handle);
  l.request = msg;
  l.via = via;
  l.arrivedAt = now();
  l.write = m_policy != WritePolicy::ReadOnly && !state_wire::isRead(msg);
  if (l.write) {
    ++m_writes;
    forward(handle, l);
    return;
  }
  if (const LruKeySet::Value* v = m_keys.lookup(msg.key); v && usable(*v)) {
    ++m_hits;
    l.hit = *v;
    setTimer(sampleWorkTimeFor(msg, m_hitTime), HitDone, handle);
    return;
  }
  ++m_misses;
  if (outgoingLinks().empty()) {
    // Nothing behind it: the cache is the only copy, so a miss stores the key and answers.
    m_keys.insert(msg.key);
    setTimer(sampleWorkTimeFor(msg, m_hitTime), HitDone, handle);
    return;
  }
  forward(handle, l);
}

void Cache::forward(SlotHandle handle, Lookup& l) {
  const auto& links = outgoingLinks();
  if (links.empty()) {
    answer(handle, l, false, false, nullptr);
    return;
  }
  send(links[m_nextLink++ % links.size()], makeRequestFor(l.request, handle));
  if (m_fetchTimeout > 0) l.timer = setTimer(m_fetchTimeout, FetchTimeout, handle);
}

void Cache::onFetchReply(const Message& msg) {
  Lookup* l = m_lookups.get(msg.correlation);
  if (!l) return;
  const bool ok = msg.kind == MessageKind::Response;
  if (ok) {
    const bool versioned = (msg.flags & kVersioned) != 0;
    const LruKeySet::Value fresh{versioned ? state_wire::versionOf(msg) : 0, now(), true, versioned};
    const std::uint64_t key = l->request.key;
    if (!l->write || m_policy == WritePolicy::WriteThrough) {
      // A fetched copy, or the value written through; never one older than what the cache
      // already knows was written (a fetch can return after a later write passed).
      const LruKeySet::Value* known = m_keys.peek(key);
      if (!known || known->version <= fresh.version) m_keys.put(key, fresh);
    } else if (m_policy == WritePolicy::WriteAround && m_invalidate) {
      m_keys.invalidate(key, fresh.version);
    }
  }
  answer(msg.correlation, *l, ok, false, &msg);
}

void Cache::answer(SlotHandle handle, Lookup& l, bool success, bool timedOut, const Message* from) {
  cancelTimer(l.timer);
  Message reply = l.request.outcomeReply(success, ErrorReason::Downstream, m_responseSize);
  if (from) {
    reply.carryAnswer(*from);
  } else if (success && l.hit.versioned) {
    // A hit answers with the version it holds, which may be older than the store's newest.
    reply = state_wire::versionedAnswer(l.request, l.hit.version, m_responseSize);
    const KeyVersions* v = versions();
    if (v && v->newestAcknowledged(l.request.key) > l.hit.version) ++m_staleServed;
  }
  send(l.via, reply);
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
  answer(payload, *l, kind == HitDone, kind == FetchTimeout, nullptr);
}

std::vector<Component::ExtraMetric> Cache::extraMetrics(SimTime /*now*/) const {
  const double lookups = static_cast<double>(m_hits + m_misses);
  std::vector<ExtraMetric> out = {{"hits", static_cast<double>(m_hits)},
                                  {"misses", static_cast<double>(m_misses)},
                                  {"hit_ratio", lookups > 0 ? static_cast<double>(m_hits) / lookups : 0.0},
                                  {"keys_cached", static_cast<double>(m_keys.size())}};
  if (m_policy != WritePolicy::ReadOnly) {
    out.push_back({"reads", lookups});
    out.push_back({"writes", static_cast<double>(m_writes)});
    out.push_back({"stale_reads", static_cast<double>(m_staleServed)});
    out.push_back({"stale_read_fraction", lookups > 0 ? static_cast<double>(m_staleServed) / lookups : 0.0});
  }
  return out;
}

}  // namespace pillars
