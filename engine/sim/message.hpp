#pragma once

#include <cstdint>
#include <string_view>

#include "engine/sim/ids.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

/// What a message is. One enum for every pillar keeps traces, fingerprints and the GUI legend
/// uniform; each pillar appends its own kinds in its own block of values.
enum class MessageKind : std::uint8_t {
  // Work pillar: request/response traffic.
  Request = 1,
  Response = 2,
  Error = 3,
  // Control pillar: health checking.
  HealthCheck = 20,
  HealthReply = 21,
  // Truth pillar (consensus) reserves 40..79, State pillar (replication) 80..119.
  // Raft takes 40..49; 50..69 belong to two-phase commit and sagas.
  RequestVote = 40,
  RequestVoteReply = 41,
  AppendEntries = 42,
  AppendEntriesReply = 43,
  // Truth pillar, transactions (50..69). Two-phase commit: the coordinator's Prepare asks a
  // participant to vote; Vote carries the answer in arg0 (1 yes, 0 no); Commit or Abort carries
  // the decision; Ack confirms it was applied. The coordinator's transaction handle travels in
  // `correlation` so every reply finds its transaction.
  Prepare = 50,
  Vote = 51,
  Commit = 52,
  Abort = 53,
  Ack = 54,
  // Orchestrated saga: SagaStep asks a step to do its work, SagaStepDone answers (arg0 1 done,
  // 0 failed); Compensate asks it to undo that work and CompensateDone confirms. arg1 is the
  // step's index in the saga.
  SagaStep = 60,
  SagaStepDone = 61,
  Compensate = 62,
  CompensateDone = 63,
  // State pillar (80..119): replication between stores, quorum reads and writes, recovery,
  // and shard migration. Fields are laid out by engine/pillars/state/state_wire.hpp.
  Replicate = 80,
  ReplicateAck = 81,
  Heartbeat = 82,
  HeartbeatAck = 83,
  ReplicaWrite = 84,
  ReplicaWriteAck = 85,
  ReplicaRead = 86,
  ReplicaReadReply = 87,
  SnapshotRequest = 88,
  Snapshot = 89,
  MigrateRead = 90,
  MigrateData = 91,
  MigrateWrite = 92,
  MigrateAck = 93,
};

/// The broad family of a message, used to colour animations and group statistics.
enum class MessageCategory : std::uint8_t { Request, Response, Error, Control, Consensus, Replication };

MessageCategory categoryOf(MessageKind kind);
/// Whether a message of this kind answers another (a response, an error, an ack, a vote...),
/// echoing the asker's correlation, rather than asking something itself.
bool isReply(MessageKind kind);
std::string_view messageKindName(MessageKind kind);

/// Why a request failed, carried by Error messages.
enum class ErrorReason : std::uint8_t {
  None = 0,
  Rejected = 1,       // a bounded queue was full
  NoBackend = 2,      // a router had nowhere healthy to send it
  Timeout = 3,        // a downstream call timed out
  Downstream = 4,     // a downstream call failed
  Unavailable = 5,    // the component cannot serve (e.g. not the leader, no quorum)
  CircuitOpen = 6,    // the caller's circuit breaker is open: failed fast, never sent
  Shed = 7,           // the server dropped it unserved (CoDel, expired or hopeless deadline)
  RateLimited = 8,    // a rate limiter had no token for it
  Internal = 9,       // the server itself failed it (a bug, a bad release)
};
std::string_view errorReasonName(ErrorReason reason);

/// Message::flags bits.
enum MessageFlag : std::uint16_t {
  /// A reply whose arg1 is the version of its key that was read or written (State pillar).
  /// Whoever relays the answer keeps arg1 and this flag (carryAnswer), so the client sees the
  /// version the store returned and can tell a stale read.
  kVersioned = 1u << 0,
};

/// A message on the wire. Fixed size and trivially copyable so the network can pool it without
/// allocating; protocol-specific fields go into the two argument words (term, index, ...).
struct Message {
  MessageKind kind = MessageKind::Request;
  ErrorReason reason = ErrorReason::None;
  std::uint16_t flags = 0;  // MessageFlag bits
  std::uint32_t sizeBytes = 0;
  ComponentId src = kNoComponent;
  ComponentId dst = kNoComponent;
  /// Opaque handle chosen by the sender of a request and echoed in its reply.
  std::uint64_t correlation = 0;
  /// End-to-end request id assigned by the client; follows the request through every hop.
  std::uint64_t requestId = 0;
  /// Data key the request is about (drives consistent hashing, caches, shards).
  std::uint64_t key = 0;
  /// When the end-to-end request was first issued.
  SimTime originTime = 0;
  /// Protocol words. For a Request, arg0 is the caller's deadline (an absolute SimTime, 0 for
  /// none; see RequestWire) and arg1 says what it does to its key (1 read, 0 write).
  std::int64_t arg0 = 0;
  std::int64_t arg1 = 0;

  /// A reply to this message: same request identity, addressed back to the sender.
  Message replyWith(MessageKind replyKind, std::uint32_t replySize) const {
    Message r = *this;
    r.kind = replyKind;
    r.sizeBytes = replySize;
    r.src = dst;
    r.dst = src;
    return r;
  }

  /// An error reply to this message, saying why it failed.
  Message errorReply(ErrorReason why, std::uint32_t replySize) const {
    Message r = replyWith(MessageKind::Error, replySize);
    r.reason = why;
    return r;
  }

  /// The answer to this request: a response, or an error for `why` when it failed.
  Message outcomeReply(bool success, ErrorReason why, std::uint32_t replySize) const {
    return success ? replyWith(MessageKind::Response, replySize) : errorReply(why, replySize);
  }

  /// What an answer says beyond success (a version read or written), kept by a component
  /// that relays it upstream later in a reply of its own.
  struct Answer {
    std::int64_t arg1 = 0;
    std::uint16_t flags = 0;
  };
  Answer answer() const { return {arg1, flags}; }
  void carryAnswer(const Answer& a) {
    arg1 = a.arg1;
    flags = a.flags;
  }
  void carryAnswer(const Message& from) { carryAnswer(from.answer()); }
};

static_assert(sizeof(Message) == 64, "a Message fills one cache line");

}  // namespace pillars
