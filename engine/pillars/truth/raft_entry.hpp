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
  /// The key-value register the command is about (the client request's key).
  std::uint64_t key = 0;
  /// A read goes through the log like a write (so it is linearizable) but changes nothing;
  /// a write stores `command` (the request id) as the key's value.
  bool read = false;

  bool sameAs(const RaftEntry& other) const {
    return term == other.term && command == other.command;
  }
};

}  // namespace pillars
