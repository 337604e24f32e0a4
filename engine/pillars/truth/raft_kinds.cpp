#include "engine/pillars/truth/raft_kinds.hpp"

#include "engine/model/component_kind.hpp"
#include "engine/pillars/truth/raft_node.hpp"

namespace pillars {

void registerRaftKinds(ComponentRegistry& registry) {
  ComponentKind raft;
  raft.name = "raft_node";
  raft.title = "Raft node";
  raft.pillar = Pillar::Truth;
  raft.description = "Member of a Raft consensus group: elects a leader and replicates a log";
  raft.params = RaftNode::paramSpecs();
  // A consensus group is the raft_nodes linked to each other: 3 to 9 of them, every pair linked
  // once. Fewer than 3 tolerate no failure; more than 9 only slow every commit down.
  raft.peerGroupMin = 3;
  raft.peerGroupMax = 9;
  raft.create = [](const std::string& id, const ParamSet& params) -> std::unique_ptr<Component> {
    return std::make_unique<RaftNode>(id, params);
  };
  registry.add(std::move(raft));
}

}  // namespace pillars
