#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace pillars {

/// Where a replica's copy of its data travels to a peer that must catch up (a restarted replica
/// that lost its data, a follower too far behind): a message cannot hold a table, so the sender
/// leaves the copy here, in the slot of its (from, to) pair, and sends the slot's generation.
/// A newer copy for the same pair replaces the older, and a receiver holding an older
/// generation treats its message as lost. Slots keep their capacity: catching up allocates only
/// while a copy is larger than any before it.
class SnapshotTable {
 public:
  using Entry = std::pair<std::uint64_t, std::uint64_t>;  // key, version

  explicit SnapshotTable(std::size_t members) : m_members(members), m_slots(members * members) {}

  /// Stores a copy from `from` to `to` and returns its generation.
  template <typename Table>
  std::uint64_t store(std::size_t from, std::size_t to, const Table& table) {
    Slot& s = m_slots[from * m_members + to];
    s.entries.clear();
    table.forEach([&](std::uint64_t key, const auto& cell) { s.entries.emplace_back(key, cell.version); });
    return ++s.generation;
  }
  /// The copy of generation `generation` from `from` to `to`, or null if a newer one replaced it.
  const std::vector<Entry>* read(std::size_t from, std::size_t to, std::uint64_t generation) const {
    const Slot& s = m_slots[from * m_members + to];
    return s.generation == generation ? &s.entries : nullptr;
  }

 private:
  struct Slot {
    std::uint64_t generation = 0;
    std::vector<Entry> entries;
  };
  std::size_t m_members;
  std::vector<Slot> m_slots;
};

}  // namespace pillars
