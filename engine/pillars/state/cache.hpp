#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/state/lru_key_set.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

class KeyVersions;

/// A look-aside cache in front of a data store (its outgoing link). It holds up to `capacity`
/// keys with LRU eviction: a hit is answered after `hit_time`; a miss is fetched from
/// downstream, stored, then answered. Its contents are volatile: a crash empties it, and the
/// store behind it sees the cold-cache surge. A slowdown (Component::setSlowdown) multiplies
/// the hit time; a fetch from the store takes as long as the store does.
///
/// How it learns of writes is its `write_policy`:
///  - read_only: every request is a lookup (data that never changes: the default);
///  - write_through: writes go to the store and, once it acknowledges, into the cache;
///  - write_around: writes go to the store only; with `invalidate` the cached copy is dropped
///    when the store acknowledges, without it the old copy stays until evicted;
///  - ttl: writes go to the store only; a cached copy is a miss once older than `ttl`.
/// A hit on a copy older than the newest version acknowledged to any client is a stale read,
/// counted here (what the cache served) and by the client (what it saw).
class Cache final : public Component {
 public:
  static constexpr std::string_view kKind = "cache";
  enum class WritePolicy { ReadOnly, WriteThrough, WriteAround, Ttl };

  static std::vector<ParamSpec> paramSpecs();
  Cache(const std::string& name, const ParamSet& params);

  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  void resetMetrics(SimTime now) override;

 private:
  enum Timer : std::uint32_t { HitDone, FetchTimeout };

  struct Lookup {
    Message request;
    LinkId via = kNoLink;
    SimTime arrivedAt = 0;
    EventId timer;
    LruKeySet::Value hit;  // the cached copy answered (a hit)
    bool write = false;    // a write on its way to the store
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;
  void lookup(const Message& msg, LinkId via);
  void forward(SlotHandle handle, Lookup& l);
  void onFetchReply(const Message& msg);
  void answer(SlotHandle handle, Lookup& l, bool success, bool timedOut, const Message* from);
  /// Whether a cached copy may be served now.
  bool usable(const LruKeySet::Value& v) const;
  KeyVersions* versions();

  Distribution m_hitTime;
  SimTime m_fetchTimeout = 0;
  std::uint32_t m_responseSize = 0;
  WritePolicy m_policy = WritePolicy::ReadOnly;
  bool m_invalidate = false;
  SimTime m_ttl = 0;
  LruKeySet m_keys;
  SlotPool<Lookup> m_lookups;
  std::size_t m_nextLink = 0;
  KeyVersions* m_versions = nullptr;
  std::uint64_t m_hits = 0;
  std::uint64_t m_misses = 0;
  std::uint64_t m_writes = 0;
  std::uint64_t m_staleServed = 0;
};

}  // namespace pillars
