#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace pillars {

/// How a shard router assigns keys to shards.
enum class ShardStrategy {
  HashMod,         // hash(key) mod shards: even, but a new shard moves almost every key
  ConsistentHash,  // a ring with `vnodes` points per shard: a new shard takes about 1/n
  Range,           // the key space [1, keys] in equal contiguous ranges, in shard order
};
std::optional<ShardStrategy> shardStrategyFromName(std::string_view name);

/// Which shard owns a key, for a set of active shards. Shards are numbered as the router
/// declares them; only the active ones own keys. Rebuilt on every change of the active set
/// (rare), so lookups are cheap: a modulo, a binary search on the ring, or a division.
class ShardMap {
 public:
  ShardMap(ShardStrategy strategy, std::uint32_t vnodes, std::uint64_t keySpace)
      : m_strategy(strategy), m_vnodes(vnodes), m_keySpace(keySpace) {}

  /// The active shards, in order, each with the hash of its name (its place on the ring).
  void setActive(std::vector<std::pair<std::size_t, std::uint64_t>> shards);
  std::size_t activeCount() const { return m_active.size(); }
  const std::vector<std::pair<std::size_t, std::uint64_t>>& active() const { return m_active; }
  /// The shard owning `key` (there must be an active shard).
  std::size_t ownerOf(std::uint64_t key) const;
  ShardStrategy strategy() const { return m_strategy; }

 private:
  ShardStrategy m_strategy;
  std::uint32_t m_vnodes;
  std::uint64_t m_keySpace;
  std::vector<std::pair<std::size_t, std::uint64_t>> m_active;
  std::vector<std::pair<std::uint64_t, std::size_t>> m_ring;  // (point, shard), sorted
};

}  // namespace pillars
