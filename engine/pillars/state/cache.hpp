#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/state/lru_key_set.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// A look-aside cache in front of a data store (its outgoing link). It holds up to `capacity`
/// keys with LRU eviction: a hit is answered after `hit_time`; a miss is fetched from
/// downstream, stored, then answered. Its contents are volatile: a crash empties it, and the
/// store behind it sees the cold-cache surge. A slowdown (Component::setSlowdown) multiplies
/// the hit time; a fetch from the store takes as long as the store does.
class Cache final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "cache";
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
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;
  void lookup(const Message& msg, LinkId via);
  void onFetchReply(const Message& msg);
  void answer(SlotHandle handle, Lookup& l, bool success, bool timedOut);

  Distribution m_hitTime;
  SimTime m_fetchTimeout = 0;
  std::uint32_t m_responseSize = 0;
  LruKeySet m_keys;
  SlotPool<Lookup> m_lookups;
  std::size_t m_nextLink = 0;
  std::uint64_t m_hits = 0;
  std::uint64_t m_misses = 0;
};

}  // namespace pillars
