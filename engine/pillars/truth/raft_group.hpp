#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/pillars/truth/raft_group_stats.hpp"
#include "engine/pillars/truth/raft_payload_table.hpp"
#include "engine/pillars/truth/raft_safety_checker.hpp"
#include "engine/sim/component_group.hpp"
#include "engine/sim/ids.hpp"

namespace pillars {

class RaftNode;
class Simulation;

/// What the members of one consensus group share inside a simulation: who they are, the side
/// table their AppendEntries payloads travel in, the safety checker they report to and the
/// group's availability figures. The first member to start creates it (the simulation owns
/// it) and hands it to the others; it is simulation bookkeeping, not node state, so crashes
/// do not touch it. Its figures are reported once, as `groups.raft:<first member>`.
class RaftGroup final : public ComponentGroup {
 public:
  /// `members` sorted by component id; a member's index in it is its place in every table.
  RaftGroup(Simulation& sim, std::vector<RaftNode*> members);

  std::vector<ComponentId> members() const override;
  std::vector<Figure> figures(SimTime now) const override;
  std::vector<Violation> violations() const override { return m_checker.violations(); }
  void resetMetrics(SimTime now) override { m_stats.reset(now); }

  const std::vector<RaftNode*>& nodes() const { return m_members; }
  std::size_t size() const { return m_members.size(); }
  std::size_t majority() const { return m_members.size() / 2 + 1; }
  /// The member index of a component, or size() when it is not a member.
  std::size_t indexOf(ComponentId id) const;

  RaftPayloadTable& payloads() { return m_payloads; }
  RaftSafetyChecker& checker() { return m_checker; }
  const RaftSafetyChecker& checker() const { return m_checker; }
  RaftGroupStats& stats() { return m_stats; }
  const RaftGroupStats& stats() const { return m_stats; }

  /// `member` won an election: a leader it replaces stopped working when it last heard from
  /// a majority.
  void leaderElected(std::size_t member);

 private:
  Simulation& m_sim;
  std::vector<RaftNode*> m_members;
  RaftPayloadTable m_payloads;
  RaftSafetyChecker m_checker;
  RaftGroupStats m_stats;
};

}  // namespace pillars
