#include "engine/pillars/truth/raft_kinds.hpp"

#include "engine/model/kind_builder.hpp"
#include "engine/pillars/truth/raft_node.hpp"

namespace pillars {

void registerRaftKinds(ComponentRegistry& registry) {
  ComponentKind raft = kindFor<RaftNode>(Pillar::Truth, "Raft node",
                                         "Member of a Raft consensus group: elects a leader and replicates a log");
  // A consensus group is the raft_nodes linked to each other: 3 to 9 of them, every pair linked
  // once. Fewer than 3 tolerate no failure; more than 9 only slow every commit down.
  raft.peerGroupMin = 3;
  raft.peerGroupMax = 9;
  raft.routing = Routing::Peers;
  raft.actions = {std::string(RaftNode::kTimeoutAction)};
  raft.pattern = KindPattern{"consensus_raft", "a Raft node", "Raft nodes", {}};
  // Raft is linearizable (the paper's section 8): a leader answers a write once a majority
  // holds it, and it serves the reads.
  raft.dataGuarantee = [](const ParamSet&, std::size_t) {
    return DataGuarantee{true, "Raft: a write is answered once a majority holds it, and its leader serves",
                         "'s group (its Raft leader, one per term)"};
  };
  registry.add(std::move(raft));
}

}  // namespace pillars
