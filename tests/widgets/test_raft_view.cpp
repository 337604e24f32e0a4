// The Raft view of the app: each raft_node card shows what the engine's node holds (role, term,
// vote, timer, log tail and commit index), and the context menu's Raft controls (time out now,
// partition and heal, client request) act on the running simulation.
#include <gtest/gtest.h>

#include <QAction>
#include <QMenu>
#include <QTest>
#include <algorithm>

#include "engine/pillars/truth/raft_node.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_overlay.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/live/message_layer.hpp"
#include "widgets/pillars/truth/raft_menu_entries.hpp"
#include "widgets/pillars/truth/raft_node_badge.hpp"
#include "widgets/window/main_window.hpp"
#include "widgets/window/simulate_actions.hpp"
#include "tests/widgets/simulating_fixture.hpp"

namespace pillars {
namespace {

const std::vector<std::string> kNodes = {"n1", "n2", "n3", "n4", "n5"};

class RaftView5 : public Simulating {
 protected:
  void SetUp() override {
    Simulating::SetUp();
    ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/raft-5.json"), true));
  }
  const RaftNode& node(const std::string& id) {
    const auto* n = dynamic_cast<const RaftNode*>(&live().runner()->simulation().component(live().componentId(id)));
    EXPECT_NE(n, nullptr) << id;
    return *n;
  }
  /// The Raft badge the overlay keeps on `id`'s card, or null.
  const RaftNodeBadge* badge(const std::string& id) {
    return dynamic_cast<const RaftNodeBadge*>(window.liveOverlay().adornment(id));
  }
  RaftView view(const std::string& id) {
    window.liveOverlay().refresh();
    const RaftNodeBadge* b = badge(id);
    EXPECT_NE(b, nullptr) << id;
    return b ? b->view() : RaftView{};
  }
  std::vector<std::string> shownLeaders() {
    std::vector<std::string> out;
    for (const std::string& id : kNodes) {
      if (view(id).role == RaftView::Role::Leader) out.push_back(id);
    }
    return out;
  }
  /// Triggers the context-menu action for component `id` whose text (without '&') is `text`.
  bool triggerMenu(const std::string& id, const QString& text) {
    QMenu menu;
    window.simulateActions().addFaultsTo(menu, {id}, {});
    for (QAction* a : menu.findChildren<QAction*>()) {
      if (a->text().remove(QLatin1Char('&')) == text) {
        a->trigger();
        return true;
      }
    }
    ADD_FAILURE() << "no menu action " << text.toStdString();
    return false;
  }
};

TEST_F(RaftView5, OnlyRaftNodesHaveARaftView) {
  runUntil(1 * kSecond);
  window.liveOverlay().refresh();
  // The Truth pillar's UI gives raft_nodes their badge through the kind registry; a client has
  // no adornment at all.
  EXPECT_EQ(window.liveOverlay().adornment("users"), nullptr);
  for (const std::string& id : kNodes) EXPECT_NE(badge(id), nullptr) << id;
}

TEST_F(RaftView5, ExactlyOneNodeShowsLeaderWithTheEnginesTerm) {
  runUntil(5 * kSecond);
  const auto leaders = shownLeaders();
  ASSERT_EQ(leaders.size(), 1u);
  // n1 has the shortest election timeout in raft-5, so it wins the first election (term 1).
  EXPECT_EQ(leaders.front(), "n1");
  for (const std::string& id : kNodes) {
    SCOPED_TRACE(id);
    const RaftView v = view(id);
    EXPECT_EQ(v.term, node(id).currentTerm());
    EXPECT_EQ(v.term, 1);
    EXPECT_EQ(v.leader, QStringLiteral("n1"));
    if (id != "n1") {
      EXPECT_EQ(v.role, RaftView::Role::Follower);
      // Heartbeats every 50 ms keep a follower's timer from ever running low.
      EXPECT_GT(v.timerLeft, 0.0);
      EXPECT_LE(v.timerLeft, 1.0);
    }
  }
}

TEST_F(RaftView5, TheLogStripShowsTheEnginesCommitIndexAndTerms) {
  runUntil(3 * kSecond);
  for (const std::string& id : kNodes) {
    SCOPED_TRACE(id);
    const RaftNode& n = node(id);
    const RaftView v = view(id);
    EXPECT_EQ(v.commitIndex, n.commitIndex());
    EXPECT_EQ(v.lastIndex, n.lastLogIndex());
    // 300 req/s for 3 s: hundreds of entries, of which the strip holds the newest eight.
    EXPECT_GT(v.lastIndex, 500);
    EXPECT_EQ(v.shownEntries(), RaftView::kLogTail);
    EXPECT_EQ(v.firstShown, n.lastLogIndex() - RaftView::kLogTail + 1);
    for (int i = 0; i < v.shownEntries(); ++i) EXPECT_EQ(v.tailTerms[static_cast<std::size_t>(i)], n.termOf(v.firstShown + i));
  }
}

TEST_F(RaftView5, TheLeaderCrashShowsDownThenANewLeaderOfTheNextTerm) {
  runUntil(20 * kSecond + 1 * kMillisecond);
  EXPECT_EQ(view("n1").role, RaftView::Role::Down);
  EXPECT_TRUE(shownLeaders().empty());
  runUntil(21 * kSecond);
  const auto leaders = shownLeaders();
  ASSERT_EQ(leaders.size(), 1u);
  EXPECT_NE(leaders.front(), "n1");
  EXPECT_GE(view(leaders.front()).term, 2);
  EXPECT_EQ(view(leaders.front()).term, node(leaders.front()).currentTerm());
}

TEST_F(RaftView5, MidElectionTheCandidateShowsAndItsVotesAreDrawnLarge) {
  // raft-5 with seed 7: n1 crashes at 20 s, n5 times out at 20.168 s and sends RequestVote to
  // its four peers (0.5-2 ms away); it leads by 20.171 s.
  runUntil(20169 * kMillisecond);
  EXPECT_EQ(view("n5").role, RaftView::Role::Candidate);
  EXPECT_EQ(view("n5").term, 2);
  EXPECT_EQ(view("n5").votedFor, QStringLiteral("n5"));
  EXPECT_TRUE(shownLeaders().empty());
  const MessageLayer* layer = window.liveOverlay().messageLayer();
  ASSERT_NE(layer, nullptr);
  EXPECT_GE(layer->drawnVotes(), 3);
  EXPECT_LE(layer->drawnVotes(), 8);  // four requests, four replies at most
  runUntil(20171 * kMillisecond);
  EXPECT_EQ(shownLeaders(), std::vector<std::string>{"n5"});
}

TEST_F(RaftView5, TimeOutNowMakesAFollowerACandidateOfTheNextTermAndAnElectionFollows) {
  runUntil(5 * kSecond);
  ASSERT_EQ(view("n3").role, RaftView::Role::Follower);
  const std::int64_t term = view("n3").term;
  ASSERT_TRUE(triggerMenu("n3", QStringLiteral("Time Out n3 Now")));
  const RaftView after = view("n3");
  EXPECT_EQ(after.role, RaftView::Role::Candidate);
  EXPECT_EQ(after.term, term + 1);
  EXPECT_EQ(after.votedFor, QStringLiteral("n3"));
  EXPECT_DOUBLE_EQ(after.timerLeft, 1.0);  // a fresh timeout, drawn just now
  // Recorded at the live clock, so saving and rerunning the project replays it.
  const auto& faults = window.document().scenario().faults;
  const auto recorded = std::count_if(faults.begin(), faults.end(), [&](const FaultSpec& f) {
    return f.action == FaultAction::Timeout && f.target == "n3" && f.at == live().now();
  });
  EXPECT_EQ(recorded, 1);
  runUntil(6 * kSecond);
  const auto leaders = shownLeaders();
  ASSERT_EQ(leaders.size(), 1u);
  EXPECT_GE(view(leaders.front()).term, term + 1);
  for (const std::string& id : kNodes) EXPECT_EQ(view(id).term, view(leaders.front()).term) << id;
  // The leader has no election timer to time out: nothing happens, nothing is recorded.
  const std::size_t before = faults.size();
  EXPECT_TRUE(triggerMenu(leaders.front(), QStringLiteral("Time Out %1 Now").arg(QString::fromStdString(leaders.front()))));
  EXPECT_EQ(view(leaders.front()).role, RaftView::Role::Leader);
  EXPECT_EQ(faults.size(), before);
}

TEST_F(RaftView5, PartitionCutsExactlyThePeerLinksAndHealReversesIt) {
  runUntil(2 * kSecond);
  const std::size_t faultsBefore = window.document().scenario().faults.size();
  ASSERT_TRUE(triggerMenu("n3", QStringLiteral("Partition n3")));
  int cut = 0;
  for (const LinkSpec& l : window.document().scenario().links) {
    const bool peer = (l.from == "n3" || l.to == "n3") && l.from != "users";
    EXPECT_EQ(live().isCut(l.id), peer) << l.id;
    cut += live().isCut(l.id) ? 1 : 0;
  }
  EXPECT_EQ(cut, 4);
  // Recorded as four cuts at the live clock, so the project replays it.
  const auto& faults = window.document().scenario().faults;
  ASSERT_EQ(faults.size(), faultsBefore + 4);
  int recordedCuts = 0;
  for (const FaultSpec& f : faults) {
    if (f.action == FaultAction::Cut && f.at == live().now()) ++recordedCuts;
  }
  EXPECT_EQ(recordedCuts, 4);
  EXPECT_TRUE(raftmenu::isPartitioned(window.simulateActions(), "n3"));

  // Cut off, n3 times out over and over (its term climbs) and never leads.
  runUntil(4 * kSecond);
  EXPECT_NE(view("n3").role, RaftView::Role::Leader);
  EXPECT_GT(view("n3").term, view("n1").term);

  ASSERT_TRUE(triggerMenu("n3", QStringLiteral("Heal Partition of n3")));
  for (const LinkSpec& l : window.document().scenario().links) EXPECT_FALSE(live().isCut(l.id)) << l.id;
  EXPECT_EQ(window.document().scenario().faults.size(), faultsBefore + 8);
  runUntil(6 * kSecond);
  EXPECT_EQ(shownLeaders().size(), 1u);
}

TEST_F(RaftView5, SendClientRequestPutsOneHandCommandInTheLeadersLog) {
  runUntil(2 * kSecond);
  ASSERT_TRUE(triggerMenu("n4", QStringLiteral("Send Client Request to n4")));
  EXPECT_EQ(node("n4").handCommands(), 1u);
  runUntil(3 * kSecond);
  const RaftNode& leader = node("n1");
  int found = 0;
  for (std::int64_t i = 1; i <= leader.lastLogIndex(); ++i) {
    if (leader.log()[static_cast<std::size_t>(i - 1)].command == (RaftNode::kHandCommandBit | 1u)) {
      ++found;
      EXPECT_LE(i, leader.commitIndex());
    }
  }
  EXPECT_EQ(found, 1);
}

}  // namespace
}  // namespace pillars
