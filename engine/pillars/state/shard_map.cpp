#include "engine/pillars/state/shard_map.hpp"

#include <algorithm>

#include "engine/pillars/work/backend_selector.hpp"

namespace pillars {

std::optional<ShardStrategy> shardStrategyFromName(std::string_view name) {
  if (name == "hash_mod") return ShardStrategy::HashMod;
  if (name == "consistent_hash") return ShardStrategy::ConsistentHash;
  if (name == "range") return ShardStrategy::Range;
  return std::nullopt;
}

void ShardMap::setActive(std::vector<std::pair<std::size_t, std::uint64_t>> shards) {
  m_active = std::move(shards);
  m_ring.clear();
  if (m_strategy != ShardStrategy::ConsistentHash) return;
  for (const auto& [shard, nameHash] : m_active) {
    for (std::uint32_t v = 0; v < m_vnodes; ++v) m_ring.emplace_back(mixHash(nameHash ^ mixHash(v)), shard);
  }
  std::sort(m_ring.begin(), m_ring.end());
}

std::size_t ShardMap::ownerOf(std::uint64_t key) const {
  const auto n = static_cast<std::uint64_t>(m_active.size());
  switch (m_strategy) {
    case ShardStrategy::HashMod: return m_active[mixHash(key) % n].first;
    case ShardStrategy::Range: {
      // Keys beyond the declared space belong to the last range.
      const std::uint64_t k = std::clamp<std::uint64_t>(key, 1, m_keySpace) - 1;
      return m_active[std::min<std::uint64_t>(k * n / m_keySpace, n - 1)].first;
    }
    case ShardStrategy::ConsistentHash: {
      const std::uint64_t point = mixHash(key);
      auto it = std::lower_bound(m_ring.begin(), m_ring.end(), std::pair<std::uint64_t, std::size_t>{point, 0});
      if (it == m_ring.end()) it = m_ring.begin();
      return it->second;
    }
  }
  return m_active.front().first;
}

}  // namespace pillars
