#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/pillars/truth/raft_entry.hpp"

namespace pillars {

/// Where the entries of AppendEntries messages travel.
///
/// Why a side table: Message is a fixed-size POD with six spare words, and one AppendEntries
/// carries up to max_entries_per_append entries. Packing one entry per message would multiply
/// the messages (and events) by the batch size and make batching meaningless, so the entries
/// ride beside the message instead.
///
/// Layout: one slot per ordered pair (sender, receiver) of a consensus group. A send overwrites
/// the pair's slot and advances its generation; the message carries the generation. On delivery
/// the receiver reads the slot, and a generation that no longer matches means a newer send to
/// the same peer superseded this one, so the message counts as lost (Raft tolerates loss; the
/// leader keeps at most one append in flight per follower and only re-sends after a heartbeat
/// interval, so this is rare). Because the next send reuses the slot whether the previous
/// message was delivered or dropped, a drop never leaks, and since each slot's vector keeps its
/// capacity nothing is allocated once every slot has carried its largest batch.
class RaftPayloadTable {
 public:
  explicit RaftPayloadTable(std::size_t members) : m_members(members), m_slots(members * members) {}

  /// Copies `count` entries into the (from, to) slot; returns the generation to send.
  std::uint64_t store(std::size_t from, std::size_t to, const RaftEntry* first, std::size_t count) {
    Slot& s = m_slots[from * m_members + to];
    s.entries.assign(first, first + count);
    return ++s.generation;
  }

  /// The entries sent with `generation`, or nullptr if a later send replaced them.
  const std::vector<RaftEntry>* read(std::size_t from, std::size_t to,
                                     std::uint64_t generation) const {
    const Slot& s = m_slots[from * m_members + to];
    return s.generation == generation ? &s.entries : nullptr;
  }

 private:
  struct Slot {
    std::uint64_t generation = 0;
    std::vector<RaftEntry> entries;
  };
  std::size_t m_members;
  std::vector<Slot> m_slots;
};

}  // namespace pillars
