// SimulateActions, Raft part: the context-menu controls for a raft_node (time out now,
// partition and heal, a client request), in the spirit of RaftScope's node menu.
#include <QMenu>

#include "engine/pillars/truth/raft_node.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/window/simulate_actions.hpp"

namespace pillars {

namespace {

RaftNode* raftNodeIn(LiveRun& run, const std::string& id) {
  const ComponentId c = run.componentId(id);
  if (c == kNoComponent || !run.runner()) return nullptr;
  return dynamic_cast<RaftNode*>(&run.runner()->simulation().component(c));
}

}  // namespace

bool SimulateActions::isRaftNode(const std::string& id) const {
  const ComponentSpec* c = m_document.scenario().findComponent(id);
  return c && c->kind == RaftNode::kKind;
}

std::vector<std::string> SimulateActions::raftPeerLinks(const std::string& raftNode) const {
  // From the document, which is what gets loaded; a raft_node's links to other raft_nodes are
  // exactly its group's links (the group is every raft_node linked to it).
  const Scenario& s = m_document.scenario();
  std::vector<std::string> out;
  if (!isRaftNode(raftNode)) return out;
  for (const LinkSpec& l : s.links) {
    if (l.from != raftNode && l.to != raftNode) continue;
    const std::string& other = l.from == raftNode ? l.to : l.from;
    if (isRaftNode(other)) out.push_back(l.id);
  }
  return out;
}

bool SimulateActions::isPartitioned(const std::string& raftNode) const {
  if (!m_run.isLoaded() || m_stale) return false;
  const std::vector<std::string> links = raftPeerLinks(raftNode);
  if (links.empty()) return false;
  for (const std::string& l : links) {
    if (!m_run.isCut(l)) return false;
  }
  return true;
}

bool SimulateActions::injectTimeoutNow(const std::string& raftNode) {
  if (!isRaftNode(raftNode) || !ensureLoaded()) return false;
  RaftNode* node = raftNodeIn(m_run, raftNode);
  if (!node || !node->timeoutNow()) return false;
  record({0, FaultAction::Timeout, raftNode});
  emit m_run.advanced();  // views redraw as after any fault by hand
  return true;
}

bool SimulateActions::injectPartition(const std::string& raftNode) {
  if (!ensureLoaded()) return false;
  bool any = false;
  for (const std::string& l : raftPeerLinks(raftNode)) {
    if (m_run.isCut(l)) continue;
    any = injectCut(l) || any;
  }
  return any;
}

bool SimulateActions::injectHealPartition(const std::string& raftNode) {
  if (!ensureLoaded()) return false;
  bool any = false;
  for (const std::string& l : raftPeerLinks(raftNode)) {
    if (!m_run.isCut(l)) continue;
    any = injectHeal(l) || any;
  }
  return any;
}

bool SimulateActions::injectClientRequest(const std::string& raftNode) {
  if (!isRaftNode(raftNode) || !ensureLoaded()) return false;
  RaftNode* node = raftNodeIn(m_run, raftNode);
  if (!node || !node->submitCommand()) return false;
  emit m_run.advanced();
  return true;
}

void SimulateActions::addRaftActionsTo(QMenu& menu, const std::string& raftNode) {
  const QString name = QString::fromStdString(raftNode);
  const auto atNow = [this] { return tr(" at t = %1 s").arg(simTimeToSeconds(m_run.now()), 0, 'f', 3); };
  menu.addSeparator();
  QAction* timeout = menu.addAction(tr("&Time Out %1 Now").arg(name), this, [=, this] {
    if (injectTimeoutNow(raftNode)) {
      emit message(tr("%1 timed out and started an election").arg(name) + atNow());
    } else {
      emit message(tr("%1 cannot time out now: it is the leader or it is down.").arg(name));
    }
  });
  timeout->setStatusTip(tr("Starts an election at once, as if the election timer had fired"));
  const bool partitioned = isPartitioned(raftNode);
  QAction* partition =
      menu.addAction(partitioned ? tr("&Heal Partition of %1").arg(name) : tr("&Partition %1").arg(name), this,
                     [=, this] {
                       if (!(partitioned ? injectHealPartition(raftNode) : injectPartition(raftNode))) return;
                       emit message((partitioned ? tr("Healed the links of %1") : tr("Cut %1 off its peers")).arg(name) +
                                    atNow());
                     });
  partition->setStatusTip(tr("Cuts (or heals) every link between this node and its peers; recorded in the fault "
                             "timeline"));
  QAction* request = menu.addAction(tr("Send &Client Request to %1").arg(name), this, [=, this] {
    if (injectClientRequest(raftNode)) {
      emit message(tr("Sent a client request to %1").arg(name) + atNow());
    } else {
      emit message(tr("%1 cannot take a request now: it is down or knows no leader.").arg(name));
    }
  });
  request->setStatusTip(tr("One request as if from a client: the leader appends it, a follower forwards it"));
}

}  // namespace pillars
