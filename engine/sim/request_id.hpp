#pragma once

#include <cstdint>

#include "engine/sim/ids.hpp"

namespace pillars {

/// End-to-end request ids (Message::requestId): the issuing client's ComponentId + 1 in the
/// high bits, its own sequence number (from 1) in the low 40, so ids from different clients
/// never collide and a log can print "users#1234" instead of 1099511628970. 0 means "not a
/// request" (protocol traffic: votes, replication, health checks).
struct RequestId {
  static constexpr unsigned kSequenceBits = 40;
  static constexpr std::uint64_t kSequenceMask = (std::uint64_t{1} << kSequenceBits) - 1;

  static constexpr std::uint64_t make(ComponentId client, std::uint64_t sequence) {
    return (static_cast<std::uint64_t>(client) + 1) << kSequenceBits | (sequence & kSequenceMask);
  }
  /// The issuing client, or kNoComponent for 0 or an id not made by make().
  static constexpr ComponentId clientOf(std::uint64_t id) {
    const std::uint64_t high = id >> kSequenceBits;
    return high == 0 || high > 0xffffffffull ? kNoComponent : static_cast<ComponentId>(high - 1);
  }
  static constexpr std::uint64_t sequenceOf(std::uint64_t id) { return id & kSequenceMask; }
};

}  // namespace pillars
