#include "engine/pillars/state/replica_set.hpp"

#include <algorithm>
#include <bit>

#include "engine/pillars/state/key_versions.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

double nsToMs(std::int64_t ns) { return static_cast<double>(ns) * 1e-6; }

}  // namespace

ReplicaSet::ReplicaSet(Simulation& sim, std::vector<Store*> members, std::size_t logCapacity)
    : ComponentGroup("replicas:" + members.front()->name(), "replica_set"),
      m_sim(sim),
      m_members(std::move(members)),
      m_logCapacity(std::max<std::size_t>(logCapacity, 1)),
      m_snapshots(m_members.size()),
      m_up(m_members.size(), true),
      m_downAt(m_members.size(), -1),
      m_upAt(m_members.size(), -1) {
  if (m_members.front()->mode() == Store::Mode::Leaderless) {
    std::size_t q = 1;
    for (const Store* m : m_members) q = std::max<std::size_t>({q, m->writeQuorum(), m->readQuorum()});
    m_quorum = std::min(q, m_members.size());
  }
  for (std::size_t i = 0; i < m_members.size(); ++i) m_up[i] = m_members[i]->isUp();
  m_available.start(sim.now(), 0.0);
  updateAvailability();
}

std::vector<ComponentId> ReplicaSet::members() const {
  std::vector<ComponentId> ids;
  for (const Store* m : m_members) ids.push_back(m->id());
  return ids;
}

std::size_t ReplicaSet::indexOf(ComponentId id) const {
  for (std::size_t i = 0; i < m_members.size(); ++i) {
    if (m_members[i]->id() == id) return i;
  }
  return m_members.size();
}

// --- Leader/follower ---------------------------------------------------------------------------

std::int64_t ReplicaSet::append(const Entry& e, std::uint64_t epoch) {
  if (epoch != m_epoch) {
    discard(e, &m_lostOutsideFailovers);
    return 0;
  }
  if (m_log.size() == m_logCapacity) m_log.popFront();
  m_log.pushBack(e);
  return ++m_last;
}

std::int64_t ReplicaSet::lineageStart(std::uint64_t epoch) const {
  return epoch < m_lineageStarts.size() ? m_lineageStarts[epoch] : m_last;
}

void ReplicaSet::discard(const Entry& e, std::uint64_t* lost) {
  m_sim.extension<KeyVersions>().watchLoss(e.key, e.version, lost);
}

std::uint64_t ReplicaSet::lostDiscarded() const {
  std::uint64_t lost = m_lostOutsideFailovers;
  for (const Failover& f : m_failoverLog) lost += f.lostWrites;
  return lost;
}

SimTime ReplicaSet::leaderFailedAt() const {
  const SimTime now = m_sim.now();
  // Down now, or back this very moment without its data (the restart that calls for a failover).
  if (m_downAt[m_leader] >= 0 && (!m_up[m_leader] || m_upAt[m_leader] == now)) return m_downAt[m_leader];
  if (m_firstSuspicionAt < 0) return now;
  return std::max<SimTime>(0, m_firstSuspicionAt - m_members[m_leader]->failoverAfter());
}

void ReplicaSet::leaderLostData() {
  if (failover(true)) return;
  while (!m_log.empty()) {
    discard(m_log.back(), &m_lostOutsideFailovers);
    m_log.popBack();
  }
  m_last = 0;
  ++m_epoch;
  m_lineageStarts.push_back(0);
  m_suspicions = 0;
  m_firstSuspicionAt = -1;
  m_members[m_leader]->lead(m_epoch);
}

void ReplicaSet::suspectLeader(std::size_t member) {
  if (member == m_leader || m_members.size() < 2) return;
  if (m_suspicions == 0) m_firstSuspicionAt = m_sim.now();
  m_suspicions |= 1u << member;
  // A majority of the followers must agree, as a sentinel quorum does: one follower cut off
  // from a healthy leader does not depose it.
  const std::size_t followers = m_members.size() - 1;
  if (static_cast<std::size_t>(std::popcount(m_suspicions)) >= followers / 2 + 1) failover(true);
}

bool ReplicaSet::failover(bool automatic) {
  std::size_t best = m_members.size();
  for (std::size_t i = 0; i < m_members.size(); ++i) {
    const Store& m = *m_members[i];
    if (i == m_leader || !m.isUp() || m.role() == Store::Role::Recovering) continue;
    if (best == m_members.size() || m.appliedIndex() > m_members[best]->appliedIndex()) best = i;
  }
  if (best == m_members.size()) return false;
  Failover& record = m_failoverLog.emplace_back();
  record.oldLeader = m_leader;
  record.newLeader = best;
  record.automatic = automatic;
  record.failedAt = automatic ? leaderFailedAt() : m_sim.now();
  record.promotedAt = m_sim.now();
  // The new lineage ends where the new leader's log does: what lies beyond it existed only on
  // the old leader (followers apply in order, and the newest follower was chosen).
  const std::int64_t keep = m_members[best]->appliedIndex();
  while (m_last > keep && !m_log.empty()) {
    discard(m_log.back(), &record.lostWrites);
    m_log.popBack();
    --m_last;
  }
  m_last = keep;
  ++m_epoch;
  m_lineageStarts.push_back(keep);
  ++m_failovers;
  m_leader = best;
  m_suspicions = 0;
  m_firstSuspicionAt = -1;
  // The orchestrator reaches the member it promotes; the others, the old leader included,
  // learn of the new epoch from its heartbeats, when they can hear them.
  m_members[best]->lead(m_epoch);
  updateAvailability();
  return true;
}

void ReplicaSet::memberDown(std::size_t member) {
  m_up[member] = false;
  m_downAt[member] = m_sim.now();
  updateAvailability();
}

void ReplicaSet::memberUp(std::size_t member) {
  m_up[member] = true;
  m_upAt[member] = m_sim.now();
  updateAvailability();
}

void ReplicaSet::updateAvailability() {
  bool available = false;
  if (m_members.front()->mode() == Store::Mode::LeaderFollower) {
    available = m_up[m_leader];
  } else {
    available = static_cast<std::size_t>(std::count(m_up.begin(), m_up.end(), true)) >= m_quorum;
  }
  m_available.set(m_sim.now(), available ? 1.0 : 0.0);
}

// --- Accounting --------------------------------------------------------------------------------

std::uint64_t ReplicaSet::lostWrites() const {
  const KeyVersions* versions = m_sim.findExtension<KeyVersions>();
  if (!versions) return 0;
  std::uint64_t lost = 0;
  if (m_members.front()->mode() == Store::Mode::LeaderFollower) return lostDiscarded() - m_lostAtReset;
  // Leaderless: a write acknowledged by W replicas stays on them (or in a hint) unless one of
  // them loses its data; only then can it be gone everywhere, and the tables are compared.
  if (m_dataLosses == 0) return 0;
  // A key's acknowledged versions newer than anything any replica (or a hint) still holds are
  // gone.
  KeyTable<std::uint64_t> held;
  for (const Store* m : m_members) {
    m->forEachKey([&](std::uint64_t key, std::uint64_t version) {
      std::uint64_t& h = held[key];
      h = std::max(h, version);
    });
    m->forEachHint([&](std::uint64_t key, std::uint64_t version) {
      std::uint64_t& h = held[key];
      h = std::max(h, version);
    });
  }
  held.forEach([&](std::uint64_t key, std::uint64_t maxHeld) {
    const std::uint64_t newest = versions->newestAcknowledged(key);
    for (std::uint64_t v = maxHeld + 1; v <= newest; ++v) {
      if (versions->wasAcknowledged(key, v)) ++lost;
    }
  });
  return lost;
}

bool ReplicaSet::converged() const {
  const Store* first = nullptr;
  for (const Store* m : m_members) {
    if (!m->isUp() || m->role() == Store::Role::Recovering) continue;
    if (!first) {
      first = m;
      continue;
    }
    if (m->keysHeld() != first->keysHeld()) return false;
    bool same = true;
    first->forEachKey([&](std::uint64_t key, std::uint64_t version) {
      if (same && m->versionOf(key) != version) same = false;
    });
    if (!same) return false;
  }
  return true;
}

std::vector<Figure> ReplicaSet::figures(SimTime now) const {
  const bool leaderFollower = m_members.front()->mode() == Store::Mode::LeaderFollower;
  std::vector<Figure> out = {
      {"replicas", static_cast<double>(m_members.size())},
      {"quorum_available", m_available.mean(now)},
      {"lost_writes", static_cast<double>(lostWrites())},
      {"replication_lag_ms.mean", m_lag.mean() * 1e-6},
      {"replication_lag_ms.p50", nsToMs(m_lag.quantile(0.50))},
      {"replication_lag_ms.p99", nsToMs(m_lag.quantile(0.99))},
      {"replication_lag_ms.max", nsToMs(m_lag.max())},
      {"conflicts", static_cast<double>(m_conflicts)},
      {"unavailable", static_cast<double>(m_unavailable)},
      {"converged", converged() ? 1.0 : 0.0},
  };
  if (leaderFollower) {
    out.push_back({"failovers", static_cast<double>(m_failovers)});
    out.push_back({"epoch", static_cast<double>(m_epoch)});
  } else {
    out.push_back({"read_repairs", static_cast<double>(m_readRepairs)});
    out.push_back({"hints_stored", static_cast<double>(m_hintsStored)});
    out.push_back({"hints_dropped", static_cast<double>(m_hintsDropped)});
    out.push_back({"handoffs", static_cast<double>(m_handoffs)});
  }
  return out;
}

std::vector<SeriesColumn> ReplicaSet::seriesColumns() const {
  return {{"replication_lag_ms", false}, {"lost_writes", false}, {"unavailable", true}};
}

void ReplicaSet::seriesValues(SimTime /*now*/, double* out) const {
  out[0] = nsToMs(m_intervalLag.quantile(0.99));
  m_intervalLag.reset();
  out[1] = static_cast<double>(lostWrites());
  out[2] = static_cast<double>(m_unavailable);
}

void ReplicaSet::resetMetrics(SimTime now) {
  m_lag.reset();
  m_intervalLag.reset();
  m_failovers = m_conflicts = m_unavailable = m_readRepairs = 0;
  m_hintsStored = m_hintsDropped = m_handoffs = 0;
  m_lostAtReset = lostDiscarded();
  m_available.reset(now);
}

}  // namespace pillars
