// Store, part four: catching up from a copy. A replica that restarts without its data, or a
// follower whose log left the set's lineage (or fell behind the log's window), asks for a copy
// of a peer's data and serves again once it has merged it.
#include <algorithm>

#include "engine/pillars/state/replica_set.hpp"
#include "engine/pillars/state/state_wire.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

constexpr std::uint32_t kControlSize = 64;
/// Bytes of one key and its version in a copy (a snapshot's size on the wire follows it).
constexpr std::uint32_t kEntryBytes = 32;

}  // namespace

void Store::beginRecovery() {
  m_role = Role::Recovering;
  m_applyQueue.clear();
  m_applying = false;
  for (Pending& p : m_window) p = Pending{};
  m_snapshotsAwaited = 0;
  Message ask = makeMessage(MessageKind::SnapshotRequest, kControlSize);
  if (m_mode == Mode::LeaderFollower) {
    // From the leader, whom the orchestrator names (service discovery, not a vote).
    const std::size_t leader = m_set->leader();
    if (leader != m_member) {
      m_leader = m_set->member(leader).id();
      if (const LinkId link = peerLink(leader); link != kNoLink) {
        send(link, ask);
        m_snapshotsAwaited = 1;
      }
    }
  } else {
    // From every peer: a write is on W replicas, not on any one.
    for (std::size_t m = 0; m < m_set->size(); ++m) {
      if (const LinkId link = peerLink(m); m != m_member && link != kNoLink) {
        send(link, ask);
        ++m_snapshotsAwaited;
      }
    }
  }
  if (m_snapshotsAwaited == 0) {
    finishRecovery();
    return;
  }
  // Peers that never answer (down, cut off) are given up on; a follower asks its leader again.
  setTimer(m_mode == Mode::LeaderFollower ? m_failoverAfter : 10 * m_replicaTimeout, RecoveryTimeout);
}

void Store::onSnapshotRequest(const Message& msg, LinkId via) {
  if (m_role == Role::Recovering) return;  // nothing trustworthy to give
  const std::size_t to = m_set->indexOf(msg.src);
  if (to >= m_set->size()) return;
  sendSnapshotTo(to);
  (void)via;
}

void Store::sendSnapshotTo(std::size_t member) {
  const LinkId link = peerLink(member);
  if (link == kNoLink) return;
  const std::uint64_t generation = m_set->snapshots().store(m_member, member, m_data);
  const auto entries = static_cast<std::int64_t>(m_data.size());
  Message s = makeMessage(MessageKind::Snapshot,
                          kControlSize + static_cast<std::uint32_t>(entries) * kEntryBytes);
  state_wire::encode(s, state_wire::Snapshot{generation, m_applied, entries, m_epoch});
  send(link, s);
}

void Store::onSnapshot(const Message& msg) {
  const state_wire::Snapshot snap = state_wire::decodeSnapshot(msg);
  const std::size_t from = m_set->indexOf(msg.src);
  if (from >= m_set->size()) return;
  const auto* entries = m_set->snapshots().read(from, m_member, snap.generation);
  if (!entries) return;  // a newer copy replaced this one: as if lost
  if (m_mode == Mode::LeaderFollower) {
    if (snap.epoch < m_epoch) return;  // from a deposed leader
    // A follower's copy replaces what it had: its log position becomes the leader's.
    m_data.clear();
    for (const auto& [key, version] : *entries) m_data[key].version = version;
    m_applied = m_received = snap.index;
    m_epoch = snap.epoch;
    m_leader = msg.src;
    m_lastHeardFromLeader = now();
    finishRecovery();
    return;
  }
  // Leaderless: merge, newest version per key.
  for (const auto& [key, version] : *entries) applyVersion(key, version);
  if (m_snapshotsAwaited > 0 && --m_snapshotsAwaited == 0) finishRecovery();
}

void Store::finishRecovery() {
  if (m_role != Role::Recovering) return;
  m_snapshotsAwaited = 0;
  if (m_mode == Mode::Leaderless) {
    m_role = Role::Replica;
  } else if (m_set->leader() == m_member && m_epoch == m_set->epoch()) {
    m_role = Role::Leader;
  } else if (m_applied == 0 && m_set->lastIndex() > 0 && m_set->leader() != m_member) {
    beginRecovery();  // no copy came: ask the leader again
  } else {
    m_role = Role::Follower;
  }
}

}  // namespace pillars
