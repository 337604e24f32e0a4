#include "widgets/pillars/truth/raft_menu_entries.hpp"

#include <QCoreApplication>
#include <QMenu>

#include "engine/pillars/truth/raft_node.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/pillars/kind_action_host.hpp"

namespace pillars::raftmenu {

namespace {

QString tr(const char* text) {
  return QCoreApplication::translate("pillars::RaftMenu", text);
}

bool isRaftNode(const Scenario& design, const std::string& id) {
  const ComponentSpec* c = design.findComponent(id);
  return c && c->kind == RaftNode::kKind;
}

RaftNode* raftNodeIn(LiveRun& run, const std::string& id) {
  const ComponentId c = run.componentId(id);
  if (c == kNoComponent || !run.runner()) return nullptr;
  return dynamic_cast<RaftNode*>(&run.runner()->simulation().component(c));
}

}  // namespace

std::vector<std::string> peerLinks(const Scenario& design, const std::string& node) {
  // From the design, which is what gets loaded.
  std::vector<std::string> out;
  if (!isRaftNode(design, node)) return out;
  for (const LinkSpec& l : design.links) {
    if (l.from != node && l.to != node) continue;
    if (isRaftNode(design, l.from == node ? l.to : l.from)) out.push_back(l.id);
  }
  return out;
}

bool isPartitioned(KindActionHost& host, const std::string& node) {
  if (!host.runIsCurrent()) return false;
  const std::vector<std::string> links = peerLinks(host.design(), node);
  if (links.empty()) return false;
  for (const std::string& l : links) {
    if (!host.run().isCut(l)) return false;
  }
  return true;
}

bool timeOutNow(KindActionHost& host, const std::string& node) {
  if (!isRaftNode(host.design(), node) || !host.ensureLoaded()) return false;
  RaftNode* raft = raftNodeIn(host.run(), node);
  if (!raft || !raft->timeoutNow()) return false;
  host.recordFault({0, FaultAction::Timeout, node});
  host.run().changedByHand();
  return true;
}

bool partition(KindActionHost& host, const std::string& node) {
  if (!host.ensureLoaded()) return false;
  bool any = false;
  for (const std::string& l : peerLinks(host.design(), node)) {
    if (!host.run().isCut(l)) any = host.injectCut(l) || any;
  }
  return any;
}

bool healPartition(KindActionHost& host, const std::string& node) {
  if (!host.ensureLoaded()) return false;
  bool any = false;
  for (const std::string& l : peerLinks(host.design(), node)) {
    if (host.run().isCut(l)) any = host.injectHeal(l) || any;
  }
  return any;
}

bool sendClientRequest(KindActionHost& host, const std::string& node) {
  if (!isRaftNode(host.design(), node) || !host.ensureLoaded()) return false;
  RaftNode* raft = raftNodeIn(host.run(), node);
  if (!raft || !raft->submitCommand()) return false;
  host.run().changedByHand();
  return true;
}

void addEntries(QMenu& menu, const std::string& node, KindActionHost& host) {
  const QString name = QString::fromStdString(node);
  KindActionHost* h = &host;  // outlives the menu: it owns the entries' connections
  const auto atNow = [h] {
    return tr(" at t = %1 s").arg(simTimeToSeconds(h->run().now()), 0, 'f', 3);
  };
  QAction* timeout = menu.addAction(tr("&Time Out %1 Now").arg(name), host.entryOwner(), [=] {
    if (timeOutNow(*h, node)) {
      h->say(tr("%1 timed out and started an election").arg(name) + atNow());
    } else {
      h->say(tr("%1 cannot time out now: it is the leader or it is down.").arg(name));
    }
  });
  timeout->setStatusTip(tr("Starts an election at once, as if the election timer had fired"));
  const bool partitioned = isPartitioned(host, node);
  QAction* cut = menu.addAction(
      partitioned ? tr("&Heal Partition of %1").arg(name) : tr("&Partition %1").arg(name),
      host.entryOwner(), [=] {
        if (!(partitioned ? healPartition(*h, node) : partition(*h, node))) return;
        h->say((partitioned ? tr("Healed the links of %1") : tr("Cut %1 off its peers")).arg(name) +
               atNow());
      });
  cut->setStatusTip(
      tr("Cuts (or heals) every link between this node and its peers; recorded in the fault "
         "timeline"));
  QAction* request =
      menu.addAction(tr("Send &Client Request to %1").arg(name), host.entryOwner(), [=] {
        if (sendClientRequest(*h, node)) {
          h->say(tr("Sent a client request to %1").arg(name) + atNow());
        } else {
          h->say(tr("%1 cannot take a request now: it is down or knows no leader.").arg(name));
        }
      });
  request->setStatusTip(
      tr("One request as if from a client: the leader appends it, a follower forwards it"));
}

}  // namespace pillars::raftmenu
