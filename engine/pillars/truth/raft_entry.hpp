#pragma once

#include <cstdint>

#include "engine/sim/time.hpp"

namespace pillars {

/// One entry of a Raft log. The command is the client's end-to-end request id (unique per
/// request), or 0 for the no-op a new leader appends to commit what earlier terms left behind.
/// Two entries are "the same" when term and command agree.
struct RaftEntry {
  std::int64_t term = 0;
  std::uint64_t command = 0;
  /// When the leader that created the entry appended it; only used for commit latency.
  SimTime appendedAt = 0;

  bool sameAs(const RaftEntry& other) const {
    return term == other.term && command == other.command;
  }
};

}  // namespace pillars
