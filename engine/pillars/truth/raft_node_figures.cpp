// RaftNode, part three: the figures it reports; and its group's, reported once by the group.
#include <algorithm>

#include "engine/pillars/truth/raft_group.hpp"
#include "engine/pillars/truth/raft_node.hpp"

namespace pillars {

namespace {

double nsToMs(double ns) { return ns * 1e-6; }

}  // namespace

// --- Figures ---------------------------------------------------------------------------------

void RaftNode::resetMetrics(SimTime t) {
  Component::resetMetrics(t);
  m_electionsStarted = 0;
  m_forwarded = 0;
}

std::vector<Component::ExtraMetric> RaftNode::extraMetrics(SimTime /*now*/) const {
  std::vector<ExtraMetric> out = {
      {"role", static_cast<double>(m_role)},
      {"term", static_cast<double>(m_term)},
      {"commit_index", static_cast<double>(m_commitIndex)},
      {"last_applied", static_cast<double>(m_lastApplied)},
      {"log_length", static_cast<double>(m_log.size())},
      {"elections_started", static_cast<double>(m_electionsStarted)},
      {"forwarded", static_cast<double>(m_forwarded)},
      {"forwards_waiting", static_cast<double>(m_forwards.liveCount())},
  };
  return out;
}

std::vector<Figure> RaftGroup::figures(SimTime t) const {
  const RaftGroupStats& g = m_stats;
  std::vector<SimTime> elections = g.elections();
  std::sort(elections.begin(), elections.end());
  const auto rank = [&](double q) -> double {
    if (elections.empty()) return 0.0;
    // Nearest rank: the smallest value with at least q of the windows at or below it.
    auto i = static_cast<std::size_t>(q * static_cast<double>(elections.size()) + 0.999999);
    i = std::clamp<std::size_t>(i, 1, elections.size());
    return nsToMs(static_cast<double>(elections[i - 1]));
  };
  double mean = 0.0;
  for (const SimTime e : elections) mean += static_cast<double>(e);
  if (!elections.empty()) mean /= static_cast<double>(elections.size());
  const LatencyHistogram& c = g.commitLatency();
  return {
      {"leader_changes", static_cast<double>(g.leaderChanges())},
      {"election_ms.mean", nsToMs(mean)},
      {"election_ms.p50", rank(0.50)},
      {"election_ms.p99", rank(0.99)},
      {"election_ms.max", elections.empty() ? 0.0 : nsToMs(static_cast<double>(elections.back()))},
      {"unavailable_s", simTimeToSeconds(g.unavailable(t))},
      {"unavailability_windows", static_cast<double>(g.unavailabilityWindows())},
      {"commit_latency_ms.mean", c.empty() ? 0.0 : nsToMs(c.mean())},
      {"commit_latency_ms.p50", nsToMs(static_cast<double>(c.quantile(0.50)))},
      {"commit_latency_ms.p99", nsToMs(static_cast<double>(c.quantile(0.99)))},
      {"messages_per_commit", g.committedEntries() == 0 ? 0.0
                                                        : static_cast<double>(g.messages()) /
                                                              static_cast<double>(g.committedEntries())},
      {"safety_violations", static_cast<double>(m_checker.violationCount())},
  };
}

}  // namespace pillars
