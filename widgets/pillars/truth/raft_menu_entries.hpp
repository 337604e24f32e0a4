#pragma once

#include <string>
#include <vector>

class QMenu;

namespace pillars {

class KindActionHost;
struct Scenario;

/// A raft_node's context-menu controls while simulating, in the spirit of RaftScope's node
/// menu: time out now, partition and heal, a client request. A timeout is recorded in the
/// fault timeline as a "timeout" fault, a partition or its heal as one cut or heal per peer
/// link; a client request is load, not a fault, and is not recorded.
namespace raftmenu {

/// Links between `node` and the other raft_nodes of its group, in declaration order (its
/// group is every raft_node linked to it).
std::vector<std::string> peerLinks(const Scenario& design, const std::string& node);
/// Whether every peer link of the node is cut in the run loaded now (and current).
bool isPartitioned(KindActionHost& host, const std::string& node);
/// RaftNode::timeoutNow, recorded: false when not a raft_node, down, or the leader.
bool timeOutNow(KindActionHost& host, const std::string& node);
/// Cuts (heals) every peer link not cut (cut) yet; false if there was none.
bool partition(KindActionHost& host, const std::string& node);
bool healPartition(KindActionHost& host, const std::string& node);
/// RaftNode::submitCommand: false when down, or no leader is known to it.
bool sendClientRequest(KindActionHost& host, const std::string& node);

/// Time Out Now, Partition (or Heal Partition) and Send Client Request for `node`.
void addEntries(QMenu& menu, const std::string& node, KindActionHost& host);

}  // namespace raftmenu
}  // namespace pillars
