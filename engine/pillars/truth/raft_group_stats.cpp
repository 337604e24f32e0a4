#include "engine/pillars/truth/raft_group_stats.hpp"

#include <algorithm>

namespace pillars {

void RaftGroupStats::leaderElected(std::size_t member, SimTime now) {
  ++m_leaderChanges;
  if (m_serving == kNobody) {
    // A window that opened before warm-up ended counts only from the start of measurement.
    const SimTime window = now - std::max(m_leaderlessSince, m_measureStart);
    m_elections.push_back(window);
    m_unavailable += window;
  }
  m_serving = member;
}

void RaftGroupStats::leaderLost(std::size_t member, SimTime since) {
  if (member != m_serving) return;  // already replaced by a later term's leader
  m_serving = kNobody;
  m_leaderlessSince = since;
}

void RaftGroupStats::reset(SimTime now) {
  m_measureStart = now;
  m_leaderChanges = 0;
  m_elections.clear();
  m_unavailable = 0;
  m_commitLatency.reset();
  m_messages = 0;
  m_committed = 0;
}

SimTime RaftGroupStats::unavailable(SimTime now) const {
  if (m_serving != kNobody) return m_unavailable;
  return m_unavailable + (now - std::max(m_leaderlessSince, m_measureStart));
}

std::uint64_t RaftGroupStats::unavailabilityWindows() const {
  return m_elections.size() + (m_serving == kNobody ? 1 : 0);
}

}  // namespace pillars
