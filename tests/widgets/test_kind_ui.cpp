// The per-pillar registry of what the app shows of each kind (widgets/pillars/kind_ui.hpp):
// every kind Pillars ships has its entry, no entry names a kind that does not exist, and the
// pieces a pillar registers (Raft's badge, words and menu; the store's words; the starting
// values of new cards) are what generic views get when they look a kind up.
#include <gtest/gtest.h>

#include <QGraphicsRectItem>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "widgets/document/starting_parameters.hpp"
#include "widgets/pillars/card_adornment.hpp"
#include "widgets/pillars/kind_ui.hpp"
#include "widgets/pillars/truth/raft_node_badge.hpp"

namespace pillars {
namespace {

ComponentSpec fresh(const std::string& kind) {
  ComponentSpec c;
  c.id = "x";
  c.kind = kind;
  c.params = ParamSet(kindTraits(kind).params);
  return c;
}

TEST(KindUi, EveryBuiltInKindHasAnEntryWithGlyphAndSummary) {
  for (const auto& kind : builtinRegistry().kinds()) {
    const KindUi* ui = kindUi(kind->name);
    ASSERT_NE(ui, nullptr) << kind->name << " has no KindUi: register it in its pillar's *_ui.cpp";
    EXPECT_NE(ui->drawGlyph, nullptr) << kind->name;
    EXPECT_NE(ui->summary, nullptr) << kind->name;
  }
}

TEST(KindUi, EveryEntryNamesARegisteredKind) {
  for (const KindUi& ui : builtinKindUis().all())
    EXPECT_NE(builtinRegistry().find(ui.kind), nullptr) << ui.kind;
  EXPECT_EQ(kindUi("no_such_kind"), nullptr);
}

TEST(KindUi, RaftIsTheTruthPillarsTenantWithBadgeWordsAndMenu) {
  const KindUi* raft = kindUi("raft_node");
  ASSERT_NE(raft, nullptr);
  ASSERT_NE(raft->makeAdornment, nullptr);
  EXPECT_NE(raft->addMenuEntries, nullptr);
  ASSERT_NE(raft->figureWords, nullptr);
  // RaftNode::Role numbers its roles Follower, Candidate, Leader.
  const auto leader = raft->figureWords("role", 2);
  ASSERT_TRUE(leader);
  EXPECT_EQ(leader->first, QStringLiteral("Role"));
  EXPECT_EQ(leader->second, QStringLiteral("Leader"));
  EXPECT_FALSE(raft->figureWords("role", 7)) << "an unknown role is left to the generic words";
  EXPECT_FALSE(raft->figureWords("term", 2)) << "only the role has words of its own";
  // The adornment the overlay makes is Raft's badge, owned by the parent it is given.
  QGraphicsRectItem parent;
  CardAdornment* badge = raft->makeAdornment(&parent);
  EXPECT_NE(dynamic_cast<RaftNodeBadge*>(badge), nullptr);
  EXPECT_EQ(badge->parentItem(), &parent);
  // Kinds without a drawing of their own get none.
  EXPECT_EQ(kindUi("service")->makeAdornment, nullptr);
}

TEST(KindUi, AStoresRoleReadsInWords) {
  const KindUi* store = kindUi("store");
  ASSERT_NE(store, nullptr);
  ASSERT_NE(store->figureWords, nullptr);
  // Store::Role: Follower, Leader, Recovering, Replica.
  EXPECT_EQ(store->figureWords("role", 1)->second, QStringLiteral("Leader"));
  EXPECT_EQ(store->figureWords("role", 2)->second, QStringLiteral("Catching up"));
}

TEST(KindUi, NewCardsStartWithTheirPillarsStartingValues) {
  ComponentSpec client = fresh("client");
  applyStartingParameters(client);
  EXPECT_DOUBLE_EQ(client.params.real("rate"), 50.0);
  ComponentSpec service = fresh("service");
  applyStartingParameters(service);
  EXPECT_EQ(service.params.integer("workers"), 4);
  // A kind without starting values keeps the engine's defaults.
  ComponentSpec store = fresh("store");
  const ParamSet before = store.params;
  applyStartingParameters(store);
  EXPECT_EQ(store.params.text("workers"), before.text("workers"));
}

TEST(KindUi, ARegistryTakesOneEntryPerKind) {
  KindUiRegistry r;
  r.add({.kind = "a"});
  r.add({.kind = "a", .summary = [](const ComponentSpec&) { return QStringLiteral("second"); }});
  ASSERT_EQ(r.all().size(), 1u);
  EXPECT_EQ(r.find("a")->summary(fresh("client")), QStringLiteral("second"));
}

}  // namespace
}  // namespace pillars
