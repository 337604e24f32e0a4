#pragma once

#include <cstdint>

#include "engine/sim/ids.hpp"
#include "engine/sim/message.hpp"

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

/// What a request carries beside its identity, and where:
///  - its deadline: the absolute time after which nobody waits for the answer any more (the
///    attempt's timeout, or the client's overall deadline), in a Request's arg0, 0 for none;
///    relays pass it on (Component::makeRequestFor), so a server can shed work nobody waits for;
///  - the client's attempt number, in the top byte of the correlation the client chose, so an
///    answer to an earlier attempt is recognised (and ignored) when it comes back late.
struct RequestWire {
  static constexpr unsigned kAttemptShift = 56;
  static constexpr std::uint64_t kHandleMask = (std::uint64_t{1} << kAttemptShift) - 1;

  static SimTime deadlineOf(const Message& request) { return request.arg0; }
  static void setDeadline(Message& request, SimTime deadline) { request.arg0 = deadline; }

  /// A correlation for `attempt` of the request in slot `handle` (a SlotHandle whose generation
  /// stays below 2^24: a slot would need 16 million reuses to reach the attempt's bits).
  static constexpr std::uint64_t tagAttempt(std::uint64_t handle, std::uint32_t attempt) {
    return (handle & kHandleMask) | (static_cast<std::uint64_t>(attempt & 0xffu) << kAttemptShift);
  }
  static constexpr std::uint32_t attemptOf(std::uint64_t correlation) {
    return static_cast<std::uint32_t>(correlation >> kAttemptShift);
  }
  static constexpr std::uint64_t handleOf(std::uint64_t correlation) { return correlation & kHandleMask; }
};

}  // namespace pillars
