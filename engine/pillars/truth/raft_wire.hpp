#pragma once
// How Raft's RPCs ride in the fixed Message words. These functions are the only code that
// knows the layout. requestId stays 0 (an RPC is not a client request), so event logs and
// traces never show a Raft field as a request number.
//
//   RequestVote         arg0 term, arg1 lastLogIndex, key lastLogTerm
//   RequestVoteReply    arg0 term, arg1 1 if granted
//   AppendEntries       arg0 term, arg1 prevLogIndex, key prevLogTerm << 32 | leaderCommit,
//                       correlation payload generation << 16 | entry count (RaftPayloadTable)
//   AppendEntriesReply  arg0 term, arg1 match index (-1: refused), key the follower's last log
//                       index (a hint for backing off), correlation echoed
//
// AppendEntries packs two numbers into `key`: a run would need 2^32 log entries or terms,
// billions of commits, before either outgrew its half.

#include <cassert>
#include <cstdint>

#include "engine/sim/message.hpp"

namespace pillars::raft_wire {

struct RequestVote {
  std::int64_t term = 0;
  std::int64_t lastLogIndex = 0;
  std::int64_t lastLogTerm = 0;
};

struct VoteReply {
  std::int64_t term = 0;
  bool granted = false;
};

struct AppendEntries {
  std::int64_t term = 0;
  std::int64_t prevLogIndex = 0;
  std::int64_t prevLogTerm = 0;
  std::int64_t leaderCommit = 0;
  std::uint64_t generation = 0;  // of the entries in the payload table
  std::int64_t count = 0;        // entries carried
};

struct AppendReply {
  std::int64_t term = 0;
  std::int64_t matchIndex = -1;  // -1: the consistency check failed
  std::int64_t lastLogIndex = 0;
};

inline constexpr int kCountBits = 16;
inline constexpr std::uint64_t kCountMask = (std::uint64_t{1} << kCountBits) - 1;
inline constexpr std::uint64_t kHalf = 0xffffffffull;

inline void encode(Message& m, const RequestVote& v) {
  m.arg0 = v.term;
  m.arg1 = v.lastLogIndex;
  m.key = static_cast<std::uint64_t>(v.lastLogTerm);
}
inline RequestVote decodeRequestVote(const Message& m) {
  return {m.arg0, m.arg1, static_cast<std::int64_t>(m.key)};
}

inline void encode(Message& m, const VoteReply& v) {
  m.arg0 = v.term;
  m.arg1 = v.granted ? 1 : 0;
}
inline VoteReply decodeVoteReply(const Message& m) { return {m.arg0, m.arg1 == 1}; }

inline void encode(Message& m, const AppendEntries& a) {
  assert(a.prevLogTerm >= 0 && static_cast<std::uint64_t>(a.prevLogTerm) <= kHalf);
  assert(a.leaderCommit >= 0 && static_cast<std::uint64_t>(a.leaderCommit) <= kHalf);
  assert(a.count >= 0 && static_cast<std::uint64_t>(a.count) <= kCountMask);
  m.arg0 = a.term;
  m.arg1 = a.prevLogIndex;
  m.key = static_cast<std::uint64_t>(a.prevLogTerm) << 32 | static_cast<std::uint64_t>(a.leaderCommit);
  m.correlation = a.generation << kCountBits | static_cast<std::uint64_t>(a.count);
  m.requestId = 0;
}
inline AppendEntries decodeAppendEntries(const Message& m) {
  AppendEntries a;
  a.term = m.arg0;
  a.prevLogIndex = m.arg1;
  a.prevLogTerm = static_cast<std::int64_t>(m.key >> 32);
  a.leaderCommit = static_cast<std::int64_t>(m.key & kHalf);
  a.generation = m.correlation >> kCountBits;
  a.count = static_cast<std::int64_t>(m.correlation & kCountMask);
  return a;
}

inline void encode(Message& m, const AppendReply& r) {
  m.arg0 = r.term;
  m.arg1 = r.matchIndex;
  m.key = static_cast<std::uint64_t>(r.lastLogIndex);
}
inline AppendReply decodeAppendReply(const Message& m) {
  return {m.arg0, m.arg1, static_cast<std::int64_t>(m.key)};
}

}  // namespace pillars::raft_wire
