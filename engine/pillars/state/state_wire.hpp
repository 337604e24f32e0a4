#pragma once
// How the State pillar's messages ride in the fixed Message words. These functions are the
// only code that knows the layout; requestId stays the client's (or 0 for store-to-store
// traffic), so logs never show a field as a request number.
//
//   Client Request            arg1 1 for a read of `key`, else a write of it
//   Response (versioned)      arg1 the version read or written, flags kVersioned
//   Replicate                 arg0 log index, arg1 version, key, correlation epoch,
//                             originTime when the leader applied it (for the lag)
//   ReplicateAck              arg0 applied index, correlation epoch
//   Heartbeat                 arg0 leader's last index, correlation epoch
//   HeartbeatAck              arg0 applied index, correlation epoch
//   ReplicaWrite              key, arg1 version, arg0 purpose, correlation coordinator's handle,
//                             originTime when the coordinator accepted the write
//   ReplicaWriteAck           arg0 1 applied (0: a newer version was there), arg1 version
//   ReplicaRead               key, correlation handle
//   ReplicaReadReply          arg0 1 serving (0: recovering, not an answer), arg1 version
//   SnapshotRequest           (nothing)
//   Snapshot                  correlation payload generation, arg0 leader's index at the copy,
//                             arg1 entries, key epoch
//   MigrateRead / MigrateData key, correlation handle; the answer's arg1 the version held
//   MigrateWrite / MigrateAck key, arg1 version, correlation handle

#include <cstdint>

#include "engine/sim/message.hpp"

namespace pillars::state_wire {

/// Why a ReplicaWrite is sent.
enum class WritePurpose : std::int64_t { Write = 0, Handoff = 1, Repair = 2 };

inline bool isRead(const Message& request) { return request.arg1 == 1; }

/// The success answer to a client request, carrying the version read or written.
inline Message versionedAnswer(const Message& request, std::uint64_t version, std::uint32_t size) {
  Message r = request.replyWith(MessageKind::Response, size);
  r.arg1 = static_cast<std::int64_t>(version);
  r.flags |= kVersioned;
  return r;
}
inline std::uint64_t versionOf(const Message& answer) { return static_cast<std::uint64_t>(answer.arg1); }

struct Replicate {
  std::int64_t index = 0;
  std::uint64_t key = 0;
  std::uint64_t version = 0;
  std::uint64_t epoch = 0;
  SimTime appliedAt = 0;
};
inline void encode(Message& m, const Replicate& r) {
  m.arg0 = r.index;
  m.arg1 = static_cast<std::int64_t>(r.version);
  m.key = r.key;
  m.correlation = r.epoch;
  m.originTime = r.appliedAt;
}
inline Replicate decodeReplicate(const Message& m) {
  return {m.arg0, m.key, static_cast<std::uint64_t>(m.arg1), m.correlation, m.originTime};
}

/// ReplicateAck, Heartbeat and HeartbeatAck: an index and the sender's epoch.
struct IndexAtEpoch {
  std::int64_t index = 0;
  std::uint64_t epoch = 0;
};
inline void encode(Message& m, const IndexAtEpoch& x) {
  m.arg0 = x.index;
  m.correlation = x.epoch;
}
inline IndexAtEpoch decodeIndexAtEpoch(const Message& m) { return {m.arg0, m.correlation}; }

struct ReplicaWrite {
  std::uint64_t key = 0;
  std::uint64_t version = 0;
  WritePurpose purpose = WritePurpose::Write;
  std::uint64_t handle = 0;
  SimTime acceptedAt = 0;
};
inline void encode(Message& m, const ReplicaWrite& w) {
  m.key = w.key;
  m.arg1 = static_cast<std::int64_t>(w.version);
  m.arg0 = static_cast<std::int64_t>(w.purpose);
  m.correlation = w.handle;
  m.originTime = w.acceptedAt;
}
inline ReplicaWrite decodeReplicaWrite(const Message& m) {
  return {m.key, static_cast<std::uint64_t>(m.arg1), static_cast<WritePurpose>(m.arg0), m.correlation,
          m.originTime};
}

/// ReplicaWriteAck and ReplicaReadReply: whether the replica acted (applied the write, or is
/// serving reads) and the version concerned.
struct ReplicaAnswer {
  bool ok = false;
  std::uint64_t version = 0;
};
inline void encode(Message& m, const ReplicaAnswer& a) {
  m.arg0 = a.ok ? 1 : 0;
  m.arg1 = static_cast<std::int64_t>(a.version);
}
inline ReplicaAnswer decodeReplicaAnswer(const Message& m) {
  return {m.arg0 == 1, static_cast<std::uint64_t>(m.arg1)};
}

struct Snapshot {
  std::uint64_t generation = 0;
  std::int64_t index = 0;
  std::int64_t entries = 0;
  std::uint64_t epoch = 0;
};
inline void encode(Message& m, const Snapshot& s) {
  m.correlation = s.generation;
  m.arg0 = s.index;
  m.arg1 = s.entries;
  m.key = s.epoch;
}
inline Snapshot decodeSnapshot(const Message& m) { return {m.correlation, m.arg0, m.arg1, m.key}; }

}  // namespace pillars::state_wire
