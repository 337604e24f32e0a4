#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/metrics/latency_histogram.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

/// Availability and cost figures of one consensus group, seen from outside the nodes.
///
/// The group "has a leader" from the moment one is elected until that leader crashes, steps
/// down, or is replaced by the winner of a later term. When it is replaced while still
/// believing it leads (a partitioned leader), the group lost it at the last moment it heard
/// from a majority, not when the new one won: that is when it stopped being able to commit.
class RaftGroupStats {
 public:
  static constexpr std::size_t kNobody = ~std::size_t{0};

  explicit RaftGroupStats(SimTime start) : m_leaderlessSince(start) {}

  std::size_t servingLeader() const { return m_serving; }
  /// `member` won an election at `now`.
  void leaderElected(std::size_t member, SimTime now);
  /// `member` stopped leading; the group has been without a working leader since `since`.
  void leaderLost(std::size_t member, SimTime since);

  void recordCommitLatency(SimTime latency) { m_commitLatency.record(latency); }
  void countCommitted(std::int64_t entries) { m_committed += static_cast<std::uint64_t>(entries); }
  void countMessage() { ++m_messages; }

  /// Forgets what was measured (warm-up ended), keeping who leads now.
  void reset(SimTime now);

  std::uint64_t leaderChanges() const { return m_leaderChanges; }
  /// Durations of the finished leaderless windows, in order.
  const std::vector<SimTime>& elections() const { return m_elections; }
  /// Total leaderless time up to `now`, including a window still open.
  SimTime unavailable(SimTime now) const;
  std::uint64_t unavailabilityWindows() const;
  const LatencyHistogram& commitLatency() const { return m_commitLatency; }
  std::uint64_t messages() const { return m_messages; }
  std::uint64_t committedEntries() const { return m_committed; }

 private:
  std::size_t m_serving = kNobody;
  SimTime m_leaderlessSince;  // meaningful while m_serving == kNobody
  SimTime m_measureStart = 0;
  std::uint64_t m_leaderChanges = 0;
  std::vector<SimTime> m_elections;  // grows once per election, not per event
  SimTime m_unavailable = 0;
  LatencyHistogram m_commitLatency;
  std::uint64_t m_messages = 0;
  std::uint64_t m_committed = 0;
};

}  // namespace pillars
