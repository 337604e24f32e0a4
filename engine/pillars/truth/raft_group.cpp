#include "engine/pillars/truth/raft_group.hpp"

#include "engine/pillars/truth/raft_node.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

std::vector<std::string> namesOf(const std::vector<RaftNode*>& members) {
  std::vector<std::string> names;
  for (const RaftNode* m : members) names.push_back(m->name());
  return names;
}

}  // namespace

RaftGroup::RaftGroup(Simulation& sim, std::vector<RaftNode*> members)
    : ComponentGroup("raft:" + members.front()->name(), "raft_group"),
      m_sim(sim),
      m_members(std::move(members)),
      m_payloads(m_members.size()),
      m_checker(sim, namesOf(m_members)),
      m_stats(sim.now()) {}

std::vector<ComponentId> RaftGroup::members() const {
  std::vector<ComponentId> ids;
  for (const RaftNode* m : m_members) ids.push_back(m->id());
  return ids;
}

std::size_t RaftGroup::indexOf(ComponentId id) const {
  for (std::size_t i = 0; i < m_members.size(); ++i) {
    if (m_members[i]->id() == id) return i;
  }
  return m_members.size();
}

void RaftGroup::leaderElected(std::size_t member) {
  const std::size_t previous = m_stats.servingLeader();
  if (previous != RaftGroupStats::kNobody && previous != member) {
    m_stats.leaderLost(previous, m_members[previous]->lastQuorumContact());
  }
  m_stats.leaderElected(member, m_sim.now());
}

}  // namespace pillars
