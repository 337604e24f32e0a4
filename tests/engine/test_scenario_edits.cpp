// Tests of the structural scenario edits the editor uses (rename, delete, copy/paste, grouping).
// Every edit must keep each reference in the scenario valid: after any edit the scenario is
// written with writeScenarioJson and read back with the strict reader, which must accept it.
// On top of the reader, `expectConsistent` checks the invariants it does not (one shared id
// namespace for components, links and groups; a component in at most one group).

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/io/diagnostic.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/model/scenario_edits.hpp"
#include "engine/sim/time.hpp"

namespace pillars {
namespace {

using Ids = std::vector<std::string>;

std::string threeTierPath() {
  return std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json";
}

/// resources/examples/three-tier.json: users -> lb -> web1..3 -> cache -> db; zone-a holds
/// lb, web1, web2, cache, db and zone-b holds web3, both inside region "region"; web2 crashes
/// at 60 s and restarts at 120 s.
Scenario threeTier() {
  const ScenarioLoad load = loadScenarioFile(threeTierPath(), builtinRegistry());
  if (!load.ok()) {
    ADD_FAILURE() << "three-tier.json does not load: " << formatDiagnostics(load.errors);
    return {};
  }
  return *load.scenario;
}

/// Writes the scenario, reads it back strictly and checks that the text round-trips.
::testing::AssertionResult readsBackValid(const Scenario& scenario) {
  Scenario sorted = scenario;
  // The reader sorts the fault timeline by time; compare against that order.
  std::stable_sort(sorted.faults.begin(), sorted.faults.end(),
                   [](const FaultSpec& a, const FaultSpec& b) { return a.at < b.at; });
  const std::string text = writeScenarioJson(sorted);
  const ScenarioLoad load = readScenario(text, "t.json", builtinRegistry());
  if (!load.ok() || !load.errors.empty()) {
    return ::testing::AssertionFailure()
           << "the edited scenario does not read back:\n"
           << formatDiagnostics(load.errors) << "\n--- text ---\n"
           << text;
  }
  const std::string again = writeScenarioJson(*load.scenario);
  if (again != text) {
    return ::testing::AssertionFailure() << "the edited scenario does not round-trip:\n"
                                         << text << "\n--- read back as ---\n"
                                         << again;
  }
  return ::testing::AssertionSuccess();
}

/// Invariants beyond what the reader enforces.
void expectConsistent(const Scenario& s) {
  std::multiset<std::string> ids;
  for (const ComponentSpec& c : s.components) ids.insert(c.id);
  for (const LinkSpec& l : s.links) ids.insert(l.id);
  for (const GroupSpec& g : s.groups) ids.insert(g.id);
  for (const std::string& id : std::set<std::string>(ids.begin(), ids.end())) {
    EXPECT_EQ(ids.count(id), 1u) << "id \"" << id << "\" is used more than once";
  }
  // Ids written in the file must be valid; a link's default id is derived, never written.
  const auto expectValid = [](const std::string& id) {
    EXPECT_TRUE(isValidId(id)) << "invalid id \"" << id << "\" (" << id.size() << " characters)";
  };
  for (const ComponentSpec& c : s.components) expectValid(c.id);
  for (const GroupSpec& g : s.groups) expectValid(g.id);
  for (const LinkSpec& l : s.links) {
    if (l.id != defaultLinkId(l.from, l.to)) expectValid(l.id);
  }
  for (const LinkSpec& l : s.links) {
    EXPECT_NE(s.findComponent(l.from), nullptr) << l.id << " from " << l.from;
    EXPECT_NE(s.findComponent(l.to), nullptr) << l.id << " to " << l.to;
  }
  std::multiset<std::string> grouped;
  for (const GroupSpec& g : s.groups) {
    for (const std::string& m : g.members) {
      EXPECT_NE(s.findComponent(m), nullptr) << "group " << g.id << " member " << m;
      grouped.insert(m);
    }
    if (!g.parent.empty()) {
      EXPECT_NE(s.findGroup(g.parent), nullptr) << g.id << " parent " << g.parent;
    }
  }
  for (const std::string& m : grouped) {
    EXPECT_EQ(grouped.count(m), 1u) << "component " << m << " is in more than one group";
  }
  for (const FaultSpec& f : s.faults) {
    if (faultTargetsLink(f.action)) {
      EXPECT_NE(s.findLink(f.target), nullptr) << "link fault on " << f.target;
    } else {
      EXPECT_TRUE(s.findComponent(f.target) || s.findGroup(f.target)) << "node fault on " << f.target;
    }
  }
}

Ids componentIds(const Scenario& s) {
  Ids out;
  for (const ComponentSpec& c : s.components) out.push_back(c.id);
  return out;
}

Ids linkIds(const Scenario& s) {
  Ids out;
  for (const LinkSpec& l : s.links) out.push_back(l.id);
  return out;
}

Ids groupIds(const Scenario& s) {
  Ids out;
  for (const GroupSpec& g : s.groups) out.push_back(g.id);
  return out;
}

Ids sorted(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

/// "crash web2 @60s" style descriptions, in timeline order, for readable comparisons.
Ids faultList(const Scenario& s) {
  Ids out;
  for (const FaultSpec& f : s.faults) {
    out.push_back(std::string(faultActionName(f.action)) + " " + f.target + " @" +
                  std::to_string(f.at / kSecond) + "s");
  }
  return out;
}

const LinkSpec& linkBetween(const Scenario& s, std::string_view from, std::string_view to) {
  for (const LinkSpec& l : s.links) {
    if (l.from == from && l.to == to) return l;
  }
  ADD_FAILURE() << "no link " << from << " -> " << to;
  static const LinkSpec none;
  return none;
}

using Position = std::optional<std::pair<double, double>>;

/// Where component `id` is drawn; a failure (not a crash) when there is no such component.
Position positionOf(const Scenario& s, std::string_view id) {
  if (const ComponentSpec* c = s.findComponent(id)) return c->position;
  ADD_FAILURE() << "no component " << id;
  return std::nullopt;
}

Position at(double x, double y) { return std::make_pair(x, y); }

/// The integer parameter `name` of component `id`, or -1 (and a failure) without the component.
std::int64_t integerParam(const Scenario& s, std::string_view id, std::string_view name) {
  if (const ComponentSpec* c = s.findComponent(id)) return c->params.integer(name);
  ADD_FAILURE() << "no component " << id;
  return -1;
}

const GroupSpec& group(const Scenario& s, std::string_view id) {
  if (const GroupSpec* g = s.findGroup(id)) return *g;
  ADD_FAILURE() << "no group " << id;
  static const GroupSpec none;
  return none;
}

/// Every place an id can be mentioned.
bool mentions(const Scenario& s, std::string_view id) {
  for (const ComponentSpec& c : s.components) {
    if (c.id == id) return true;
  }
  for (const LinkSpec& l : s.links) {
    if (l.id == id || l.from == id || l.to == id) return true;
  }
  for (const GroupSpec& g : s.groups) {
    if (g.id == id || g.parent == id) return true;
    if (std::find(g.members.begin(), g.members.end(), id) != g.members.end()) return true;
  }
  for (const FaultSpec& f : s.faults) {
    if (f.target == id) return true;
  }
  return false;
}

void addFault(Scenario& s, SimTime when, FaultAction action, const std::string& target) {
  FaultSpec f;
  f.at = when;
  f.action = action;
  f.target = target;
  // The degradations carry a value the reader checks; give each a valid one.
  if (action == FaultAction::Slow) f.value = 3.0;
  if (action == FaultAction::Loss) f.value = 0.25;
  if (action == FaultAction::Delay) f.latency = 5 * kMillisecond;
  s.faults.push_back(std::move(f));
}

// =============================================================================================
// Ids

TEST(ScenarioEditsIds, IsValidIdAcceptsLettersDigitsAndTheFivePunctuationMarks) {
  for (const std::string& id :
       {std::string("a"), std::string("Z"), std::string("7"), std::string("web1"),
        std::string("Web_1-eu.west:a"), std::string("a->b"), std::string("_"), std::string("-"),
        std::string("."), std::string(":"), std::string(">"), std::string(128, 'a'),
        std::string(127, 'x') + "9"}) {
    EXPECT_TRUE(isValidId(id)) << "\"" << id << "\"";
  }
}

TEST(ScenarioEditsIds, IsValidIdRejectsEmptyTooLongAndOtherCharacters) {
  EXPECT_FALSE(isValidId(""));
  EXPECT_FALSE(isValidId(std::string(129, 'a')));
  EXPECT_FALSE(isValidId(std::string(128, 'a') + "1"));
  EXPECT_FALSE(isValidId("web server"));
  EXPECT_FALSE(isValidId("caf\xC3\xA9"));
  EXPECT_FALSE(isValidId("a\tb"));
  EXPECT_FALSE(isValidId(std::string_view("a\0b", 3)));
  for (const char c : std::string("!\"#$%&'()*+,/;<=?@[\\]^`{|}~")) {
    const std::string id = std::string("a") + c + "b";
    EXPECT_FALSE(isValidId(id)) << "'" << c << "' must not be accepted";
  }
}

TEST(ScenarioEditsIds, IdInUseCoversComponentsLinksAndGroups) {
  const Scenario s = threeTier();
  EXPECT_TRUE(idInUse(s, "web2"));
  EXPECT_TRUE(idInUse(s, "lb->web2"));
  EXPECT_TRUE(idInUse(s, "zone-b"));
  EXPECT_TRUE(idInUse(s, "region"));
  EXPECT_FALSE(idInUse(s, "web4"));
  EXPECT_FALSE(idInUse(s, "web2->lb"));
  EXPECT_FALSE(idInUse(s, "zone-c"));
  EXPECT_FALSE(idInUse(s, "Web2"));
}

TEST(ScenarioEditsIds, FreshIdTakesTheSmallestUnusedNumber) {
  Scenario s = ScenarioBuilder("ids").component("service2", "service").component("service4", "service").build();
  EXPECT_EQ(freshId(s, "service"), "service1");
  s.components.front().id = "service1";  // now service1 and service4 are taken
  EXPECT_EQ(freshId(s, "service"), "service2");
  EXPECT_EQ(freshId(s, "cache"), "cache1");
  EXPECT_EQ(freshId(Scenario{}, "zone"), "zone1");
}

TEST(ScenarioEditsIds, FreshIdSkipsIdsUsedByComponentsLinksAndGroups) {
  Scenario s = ScenarioBuilder("ids")
                   .component("service1", "service")
                   .component("other", "service")
                   .link("service1", "other")
                   .group("service3", "zone", {"other"})
                   .build();
  s.links[0].id = "service2";  // a link with a custom id
  EXPECT_EQ(freshId(s, "service"), "service4");
  s.groups[0].id = "service5";
  EXPECT_EQ(freshId(s, "service"), "service3");
}

TEST(ScenarioEditsIds, DefaultLinkIdIsFromArrowTo) {
  EXPECT_EQ(defaultLinkId("a", "b"), "a->b");
  EXPECT_EQ(defaultLinkId("lb", "web2"), "lb->web2");
  EXPECT_EQ(defaultLinkId("web2", "lb"), "web2->lb");
  const Scenario s = threeTier();
  for (const LinkSpec& l : s.links) EXPECT_EQ(defaultLinkId(l.from, l.to), l.id);
}

// =============================================================================================
// Rename

TEST(ScenarioEditsRename, RenamingWeb2InThreeTierUpdatesEveryReference) {
  Scenario s = threeTier();
  ASSERT_EQ(faultList(s), (Ids{"crash web2 @60s", "restart web2 @120s"}));
  // A custom id on one of web2's links, link faults on web2's default-id link and on the
  // custom-id link, and faults that must not move.
  for (LinkSpec& l : s.links) {
    if (l.id == "web2->cache") l.id = "web2-uplink";
  }
  addFault(s, 30 * kSecond, FaultAction::Cut, "lb->web2");
  addFault(s, 40 * kSecond, FaultAction::Heal, "lb->web2");
  addFault(s, 45 * kSecond, FaultAction::Cut, "web2-uplink");
  addFault(s, 50 * kSecond, FaultAction::Cut, "lb->web1");
  addFault(s, 70 * kSecond, FaultAction::Crash, "zone-a");
  const Ids componentsBefore = componentIds(s);

  renameComponent(s, "web2", "web-b");

  EXPECT_FALSE(mentions(s, "web2"));
  Ids expectedComponents = componentsBefore;
  std::replace(expectedComponents.begin(), expectedComponents.end(), std::string("web2"),
               std::string("web-b"));
  EXPECT_EQ(componentIds(s), expectedComponents) << "order and other components are kept";
  ASSERT_NE(s.findComponent("web-b"), nullptr);
  EXPECT_EQ(s.findComponent("web-b")->kind, "service");

  EXPECT_EQ(linkIds(s), (Ids{"users->lb", "lb->web1", "lb->web-b", "lb->web3", "web1->cache",
                             "web2-uplink", "web3->cache", "cache->db"}));
  const LinkSpec& in = linkBetween(s, "lb", "web-b");
  EXPECT_EQ(in.id, "lb->web-b");
  const LinkSpec* uplink = s.findLink("web2-uplink");
  ASSERT_NE(uplink, nullptr) << "a custom link id stays";
  EXPECT_EQ(uplink->from, "web-b");
  EXPECT_EQ(uplink->to, "cache");

  EXPECT_EQ(group(s, "zone-a").members, (Ids{"lb", "web1", "web-b", "cache", "db"}));
  EXPECT_EQ(group(s, "zone-b").members, (Ids{"web3"}));

  EXPECT_EQ(faultList(s), (Ids{"crash web-b @60s", "restart web-b @120s", "cut lb->web-b @30s",
                               "heal lb->web-b @40s", "cut web2-uplink @45s", "cut lb->web1 @50s",
                               "crash zone-a @70s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsRename, RenamedScenarioReadsBackAndKeepsTheWeb2Crash) {
  Scenario s = threeTier();
  renameComponent(s, "web2", "web9");
  const ScenarioLoad load = readScenario(writeScenarioJson(s), "t.json", builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  EXPECT_TRUE(load.errors.empty());
  const Scenario& back = *load.scenario;
  ASSERT_EQ(back.faults.size(), 2u) << "faults were lost";
  EXPECT_EQ(back.faults[0].target, "web9");
  EXPECT_EQ(back.faults[0].at, 60 * kSecond);
  EXPECT_EQ(back.faults[0].action, FaultAction::Crash);
  EXPECT_EQ(back.faults[1].target, "web9");
  EXPECT_EQ(back.faults[1].at, 120 * kSecond);
  EXPECT_NE(back.findLink("lb->web9"), nullptr);
  EXPECT_NE(back.findLink("web9->cache"), nullptr);
  EXPECT_EQ(back.findLink("lb->web2"), nullptr);
  EXPECT_EQ(directGroupOf(back, "web9"), "zone-a");
}

TEST(ScenarioEditsRename, RenamingBothEndsOfADefaultLinkOneAfterTheOther) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Cut, "cache->db");
  renameComponent(s, "cache", "kv");
  EXPECT_EQ(linkBetween(s, "kv", "db").id, "kv->db");
  EXPECT_EQ(linkBetween(s, "web1", "kv").id, "web1->kv");
  EXPECT_EQ(linkBetween(s, "web3", "kv").id, "web3->kv");
  renameComponent(s, "db", "store");
  EXPECT_EQ(linkBetween(s, "kv", "store").id, "kv->store");
  ASSERT_EQ(s.faults.size(), 3u);
  EXPECT_EQ(s.faults.back().target, "kv->store");
  EXPECT_FALSE(mentions(s, "cache"));
  EXPECT_FALSE(mentions(s, "db"));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsRename, OnlyTheExactIdIsRenamed) {
  Scenario s = ScenarioBuilder("similar")
                   .component("web1", "service")
                   .component("web10", "service")
                   .component("db", "service")
                   .link("web1", "db")
                   .link("web10", "db")
                   .group("z", "zone", {"web1", "web10"})
                   .fault(5 * kSecond, FaultAction::Crash, "web10")
                   .fault(6 * kSecond, FaultAction::Cut, "web10->db")
                   .build();
  renameComponent(s, "web1", "front");
  EXPECT_EQ(componentIds(s), (Ids{"front", "web10", "db"}));
  EXPECT_EQ(linkIds(s), (Ids{"front->db", "web10->db"}));
  EXPECT_EQ(group(s, "z").members, (Ids{"front", "web10"}));
  EXPECT_EQ(faultList(s), (Ids{"crash web10 @5s", "cut web10->db @6s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsRename, CustomLinkIdsAndTheirFaultsStay) {
  Scenario s = ScenarioBuilder("custom")
                   .component("a", "service")
                   .component("b", "service")
                   .component("c", "service")
                   .link("a", "b")
                   .link("c", "a")
                   .fault(1 * kSecond, FaultAction::Cut, "backbone")
                   .fault(2 * kSecond, FaultAction::Heal, "c->a")
                   .fault(3 * kSecond, FaultAction::Crash, "a")
                   .build();
  s.links[0].id = "backbone";
  renameComponent(s, "a", "x");
  ASSERT_EQ(linkIds(s), (Ids{"backbone", "c->x"}));
  EXPECT_EQ(s.links[0].from, "x");
  EXPECT_EQ(s.links[0].to, "b");
  EXPECT_EQ(s.links[1].from, "c");
  EXPECT_EQ(s.links[1].to, "x");
  EXPECT_EQ(faultList(s), (Ids{"cut backbone @1s", "heal c->x @2s", "crash x @3s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

// Degradation faults (slow on a component; delay and loss on a link) are references too.
TEST(ScenarioEditsRename, SlowFaultOnARenamedComponentFollowsIt) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Slow, "web2");
  addFault(s, 35 * kSecond, FaultAction::Slow, "web1");
  renameComponent(s, "web2", "web-b");
  EXPECT_EQ(faultList(s), (Ids{"crash web-b @60s", "restart web-b @120s", "slow web-b @30s",
                               "slow web1 @35s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

// BUG (scenario_edits.cpp): isFaultOnLink() only knows cut and heal, so delay and loss faults
// (link faults, see faultTargetsLink) on a renamed default-id link keep the old link id.
TEST(ScenarioEditsRename, DelayAndLossFaultsOnARenamedDefaultLinkFollowIt) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Delay, "lb->web2");
  addFault(s, 40 * kSecond, FaultAction::Loss, "web2->cache");
  addFault(s, 50 * kSecond, FaultAction::Loss, "lb->web1");
  renameComponent(s, "web2", "web-b");
  EXPECT_EQ(faultList(s), (Ids{"crash web-b @60s", "restart web-b @120s", "delay lb->web-b @30s",
                               "loss web-b->cache @40s", "loss lb->web1 @50s"}));
  EXPECT_FALSE(mentions(s, "web2"));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

// BUG (scenario_edits.cpp, edge case): `to` is valid and unused (no component, link or group
// is called "x"), but the default id the renamed link takes, "x->b", is already a custom link
// id; renameComponent does not check it, leaving two links called "x->b".
TEST(ScenarioEditsRename, EdgeRenameNeverCreatesADuplicateLinkId) {
  Scenario s = ScenarioBuilder("clash")
                   .component("a", "service")
                   .component("b", "service")
                   .component("c", "service")
                   .link("a", "b")
                   .link("c", "b")
                   .build();
  s.links[1].id = "x->b";  // custom id that happens to look like a default one
  ASSERT_TRUE(readsBackValid(s));
  ASSERT_FALSE(idInUse(s, "x"));
  renameComponent(s, "a", "x");
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

// =============================================================================================
// Remove

TEST(ScenarioEditsRemove, RemovingComponentsTakesTheirLinksMembershipsAndFaults) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Cut, "lb->web2");
  addFault(s, 35 * kSecond, FaultAction::Cut, "users->lb");
  addFault(s, 40 * kSecond, FaultAction::Heal, "users->lb");
  addFault(s, 45 * kSecond, FaultAction::Cut, "cache->db");
  addFault(s, 50 * kSecond, FaultAction::Crash, "cache");
  addFault(s, 55 * kSecond, FaultAction::Crash, "zone-a");
  addFault(s, 56 * kSecond, FaultAction::Crash, "web1");

  removeComponents(s, {"web2", "cache"});

  EXPECT_EQ(componentIds(s), (Ids{"users", "lb", "web1", "web3", "db"}));
  EXPECT_EQ(linkIds(s), (Ids{"users->lb", "lb->web1", "lb->web3"}));
  EXPECT_EQ(group(s, "zone-a").members, (Ids{"lb", "web1", "db"}));
  EXPECT_EQ(group(s, "zone-b").members, (Ids{"web3"}));
  EXPECT_EQ(groupIds(s), (Ids{"zone-a", "zone-b", "region"}));
  EXPECT_EQ(faultList(s), (Ids{"cut users->lb @35s", "heal users->lb @40s", "crash zone-a @55s",
                               "crash web1 @56s"}));
  EXPECT_FALSE(mentions(s, "web2"));
  EXPECT_FALSE(mentions(s, "cache"));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

// BUG (scenario_edits.cpp): isFaultOnLink() only knows cut and heal, so delay and loss faults
// on the links of a removed component are kept, aimed at links that no longer exist.
TEST(ScenarioEditsRemove, RemovingComponentsTakesTheirDegradationFaults) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Slow, "web2");
  addFault(s, 31 * kSecond, FaultAction::Slow, "web1");
  addFault(s, 32 * kSecond, FaultAction::Delay, "lb->web2");
  addFault(s, 33 * kSecond, FaultAction::Loss, "web2->cache");
  addFault(s, 34 * kSecond, FaultAction::Delay, "lb->web1");
  removeComponents(s, {"web2"});
  EXPECT_EQ(faultList(s), (Ids{"slow web1 @31s", "delay lb->web1 @34s"}));
  EXPECT_FALSE(mentions(s, "web2"));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsRemove, FaultsOnACustomIdLinkGoWithItsEnd) {
  Scenario s = ScenarioBuilder("custom")
                   .component("a", "service")
                   .component("b", "service")
                   .component("c", "service")
                   .link("a", "b")
                   .link("b", "c")
                   .fault(1 * kSecond, FaultAction::Cut, "backbone")
                   .fault(2 * kSecond, FaultAction::Cut, "a->b")
                   .build();
  s.links[1].id = "backbone";
  removeComponents(s, {"c"});
  EXPECT_EQ(linkIds(s), (Ids{"a->b"}));
  EXPECT_EQ(faultList(s), (Ids{"cut a->b @2s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsRemove, RemovingUnknownOrNoComponentsChangesNothing) {
  Scenario s = threeTier();
  const std::string before = writeScenarioJson(s);
  removeComponents(s, {});
  removeComponents(s, {"ghost"});
  removeLinks(s, {"ghost->lb"});
  removeGroups(s, {"zone-z"});
  EXPECT_EQ(writeScenarioJson(s), before);
}

TEST(ScenarioEditsRemove, RemovingEveryComponentLeavesNoDanglingReference) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Cut, "lb->web1");
  removeComponents(s, componentIds(s));
  EXPECT_TRUE(s.components.empty());
  EXPECT_TRUE(s.links.empty());
  EXPECT_TRUE(s.faults.empty());
  for (const GroupSpec& g : s.groups) EXPECT_TRUE(g.members.empty()) << g.id;
  expectConsistent(s);
}

TEST(ScenarioEditsRemove, RemovingLinksDropsOnlyTheirCutAndHealFaults) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Cut, "lb->web2");
  addFault(s, 40 * kSecond, FaultAction::Heal, "lb->web2");
  addFault(s, 45 * kSecond, FaultAction::Cut, "web2->cache");
  addFault(s, 50 * kSecond, FaultAction::Cut, "lb->web1");

  removeLinks(s, {"lb->web2"});

  EXPECT_EQ(linkIds(s), (Ids{"users->lb", "lb->web1", "lb->web3", "web1->cache", "web2->cache",
                             "web3->cache", "cache->db"}));
  EXPECT_EQ(componentIds(s).size(), 7u) << "components stay";
  EXPECT_EQ(faultList(s), (Ids{"crash web2 @60s", "restart web2 @120s", "cut web2->cache @45s",
                               "cut lb->web1 @50s"}));
  EXPECT_EQ(group(s, "zone-a").members, (Ids{"lb", "web1", "web2", "cache", "db"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));

  removeLinks(s, {"web2->cache", "lb->web1"});
  EXPECT_EQ(linkIds(s), (Ids{"users->lb", "lb->web3", "web1->cache", "web3->cache", "cache->db"}));
  EXPECT_EQ(faultList(s), (Ids{"crash web2 @60s", "restart web2 @120s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

// BUG (scenario_edits.cpp): isFaultOnLink() only knows cut and heal, so removeLinks keeps
// delay and loss faults aimed at the removed link.
TEST(ScenarioEditsRemove, RemovingLinksDropsTheirDelayAndLossFaults) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Delay, "lb->web2");
  addFault(s, 40 * kSecond, FaultAction::Loss, "lb->web2");
  addFault(s, 45 * kSecond, FaultAction::Slow, "web2");
  addFault(s, 50 * kSecond, FaultAction::Loss, "lb->web1");
  removeLinks(s, {"lb->web2"});
  EXPECT_EQ(faultList(s), (Ids{"crash web2 @60s", "restart web2 @120s", "slow web2 @45s",
                               "loss lb->web1 @50s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsRemoveGroups, SlowFaultsOnARemovedGroupGoWithIt) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Slow, "zone-b");
  addFault(s, 40 * kSecond, FaultAction::Slow, "zone-a");
  removeGroups(s, {"zone-b"});
  EXPECT_EQ(faultList(s), (Ids{"crash web2 @60s", "restart web2 @120s", "slow zone-a @40s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

// =============================================================================================
// Remove groups

TEST(ScenarioEditsRemoveGroups, NestedZoneMembersMoveToItsRegion) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Crash, "zone-b");
  addFault(s, 40 * kSecond, FaultAction::Restart, "zone-b");
  addFault(s, 50 * kSecond, FaultAction::Crash, "zone-a");
  addFault(s, 55 * kSecond, FaultAction::Crash, "region");
  removeGroups(s, {"zone-b"});
  EXPECT_EQ(groupIds(s), (Ids{"zone-a", "region"}));
  EXPECT_EQ(group(s, "region").members, (Ids{"web3"}));
  EXPECT_EQ(group(s, "zone-a").members, (Ids{"lb", "web1", "web2", "cache", "db"}));
  EXPECT_EQ(group(s, "zone-a").parent, "region");
  EXPECT_EQ(directGroupOf(s, "web3"), "region");
  EXPECT_EQ(sorted(s.groupMembers("region")), sorted(Ids{"lb", "web1", "web2", "cache", "db", "web3"}));
  EXPECT_EQ(faultList(s), (Ids{"crash web2 @60s", "restart web2 @120s", "crash zone-a @50s",
                               "crash region @55s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsRemoveGroups, RemovingARegionMakesItsZonesTopLevel) {
  Scenario s = threeTier();
  addFault(s, 30 * kSecond, FaultAction::Crash, "region");
  removeGroups(s, {"region"});
  EXPECT_EQ(groupIds(s), (Ids{"zone-a", "zone-b"}));
  EXPECT_EQ(group(s, "zone-a").parent, "");
  EXPECT_EQ(group(s, "zone-b").parent, "");
  EXPECT_EQ(group(s, "zone-a").members, (Ids{"lb", "web1", "web2", "cache", "db"}));
  EXPECT_EQ(group(s, "zone-b").members, (Ids{"web3"}));
  EXPECT_EQ(faultList(s), (Ids{"crash web2 @60s", "restart web2 @120s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsRemoveGroups, TopLevelGroupMembersBecomeUngrouped) {
  Scenario s = ScenarioBuilder("flat")
                   .component("a", "service")
                   .component("b", "service")
                   .component("c", "service")
                   .group("z", "zone", {"a", "b"})
                   .group("y", "zone", {"c"})
                   .fault(1 * kSecond, FaultAction::Crash, "z")
                   .fault(2 * kSecond, FaultAction::Crash, "y")
                   .fault(3 * kSecond, FaultAction::Crash, "a")
                   .build();
  removeGroups(s, {"z"});
  EXPECT_EQ(groupIds(s), (Ids{"y"}));
  EXPECT_EQ(directGroupOf(s, "a"), "");
  EXPECT_EQ(directGroupOf(s, "b"), "");
  EXPECT_EQ(directGroupOf(s, "c"), "y");
  EXPECT_EQ(componentIds(s), (Ids{"a", "b", "c"})) << "components are not removed with the group";
  EXPECT_EQ(faultList(s), (Ids{"crash y @2s", "crash a @3s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

/// outer (region, member r) > middle (region, member m) > inner (zone, member i), plus a
/// sibling zone "side" (member s) inside middle.
Scenario threeLevels() {
  return ScenarioBuilder("levels")
      .component("r", "service")
      .component("m", "service")
      .component("i", "service")
      .component("s", "service")
      .group("inner", "zone", {"i"}, "middle")
      .group("side", "zone", {"s"}, "middle")
      .group("middle", "region", {"m"}, "outer")
      .group("outer", "region", {"r"})
      .fault(1 * kSecond, FaultAction::Crash, "middle")
      .fault(2 * kSecond, FaultAction::Crash, "inner")
      .fault(3 * kSecond, FaultAction::Crash, "outer")
      .build();
}

TEST(ScenarioEditsRemoveGroups, MiddleGroupContentsMoveToTheGrandparent) {
  Scenario s = threeLevels();
  ASSERT_TRUE(readsBackValid(s));
  removeGroups(s, {"middle"});
  EXPECT_EQ(groupIds(s), (Ids{"inner", "side", "outer"}));
  EXPECT_EQ(group(s, "inner").parent, "outer");
  EXPECT_EQ(group(s, "side").parent, "outer");
  EXPECT_EQ(group(s, "outer").members, (Ids{"r", "m"}));
  EXPECT_EQ(group(s, "inner").members, (Ids{"i"}));
  EXPECT_EQ(directGroupOf(s, "m"), "outer");
  EXPECT_EQ(sorted(s.groupMembers("outer")), sorted(Ids{"r", "m", "i", "s"}));
  EXPECT_EQ(faultList(s), (Ids{"crash inner @2s", "crash outer @3s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsRemoveGroups, RemovingAGroupWithItsParentInEitherOrder) {
  for (const Ids& order : {Ids{"middle", "outer"}, Ids{"outer", "middle"}}) {
    SCOPED_TRACE(order[0] + ", " + order[1]);
    Scenario s = threeLevels();
    removeGroups(s, order);
    EXPECT_EQ(groupIds(s), (Ids{"inner", "side"}));
    EXPECT_EQ(group(s, "inner").parent, "");
    EXPECT_EQ(group(s, "side").parent, "");
    EXPECT_EQ(directGroupOf(s, "r"), "");
    EXPECT_EQ(directGroupOf(s, "m"), "");
    EXPECT_EQ(directGroupOf(s, "i"), "inner");
    EXPECT_EQ(faultList(s), (Ids{"crash inner @2s"}));
    expectConsistent(s);
    EXPECT_TRUE(readsBackValid(s));
  }
}

// =============================================================================================
// Copy: extractFragment

TEST(ScenarioEditsExtract, OnlySelectedComponentsAndLinksBetweenThem) {
  const Scenario s = threeTier();
  const Scenario f = extractFragment(s, {"web2", "lb", "web1"});
  ASSERT_EQ(componentIds(f), (Ids{"lb", "web1", "web2"})) << "in the scenario's order";
  ASSERT_EQ(linkIds(f), (Ids{"lb->web1", "lb->web2"}));
  EXPECT_TRUE(f.groups.empty()) << "zone-a has members that were not selected";
  EXPECT_TRUE(f.faults.empty()) << "web2's crash is not copied";
  // Components and links are copied whole.
  EXPECT_EQ(f.components[2].kind, "service");
  EXPECT_EQ(positionOf(f, "web2"), at(580, 200));
  EXPECT_EQ(integerParam(f, "web2", "workers"), 8);
  EXPECT_EQ(f.components[0].params.text("policy"), "least_connections");
  EXPECT_EQ(f.links[1].from, "lb");
  EXPECT_EQ(f.links[1].to, "web2");
}

TEST(ScenarioEditsExtract, NothingSelectedGivesAnEmptyFragment) {
  const Scenario f = extractFragment(threeTier(), {});
  EXPECT_TRUE(f.components.empty());
  EXPECT_TRUE(f.links.empty());
  EXPECT_TRUE(f.groups.empty());
  EXPECT_TRUE(f.faults.empty());
}

TEST(ScenarioEditsExtract, AWholeNestedZoneComesWithoutItsParent) {
  const Scenario s = threeTier();
  const Scenario f = extractFragment(s, {"lb", "web3"});
  EXPECT_EQ(linkIds(f), (Ids{"lb->web3"}));
  EXPECT_EQ(groupIds(f), (Ids{"zone-b"}));
  EXPECT_EQ(group(f, "zone-b").members, (Ids{"web3"}));
  EXPECT_EQ(group(f, "zone-b").label, "Zone B");
  EXPECT_EQ(group(f, "zone-b").parent, "") << "region was not copied";
  EXPECT_EQ(group(s, "zone-b").parent, "region") << "the source is untouched";
}

TEST(ScenarioEditsExtract, ARegionComesOnlyWhenAllItsNestedMembersDo) {
  const Scenario s = threeTier();
  const Ids everythingButUsers{"lb", "web1", "web2", "web3", "cache", "db"};
  const Scenario all = extractFragment(s, everythingButUsers);
  EXPECT_EQ(groupIds(all), (Ids{"zone-a", "zone-b", "region"}));
  EXPECT_EQ(group(all, "zone-a").parent, "region");
  EXPECT_EQ(group(all, "zone-b").parent, "region");
  EXPECT_EQ(linkIds(all).size(), 7u) << "every link but users->lb";
  EXPECT_EQ(all.findLink("users->lb"), nullptr);

  const Scenario partial = extractFragment(s, {"web3", "lb", "web1", "web2", "cache"});  // no db
  EXPECT_EQ(groupIds(partial), (Ids{"zone-b"}));
  EXPECT_EQ(group(partial, "zone-b").parent, "");
}

TEST(ScenarioEditsExtract, ARegionWithOnlyEmptyContentsIsNotCopied) {
  const Scenario s = ScenarioBuilder("empty")
                         .component("a", "service")
                         .group("r", "region", {})
                         .group("z", "zone", {}, "r")
                         .group("y", "zone", {"a"})
                         .build();
  const Scenario f = extractFragment(s, {"a"});
  EXPECT_EQ(groupIds(f), (Ids{"y"}));
}

TEST(ScenarioEditsExtract, CustomLinkIdsAreKept) {
  Scenario s = threeTier();
  for (LinkSpec& l : s.links) {
    if (l.id == "cache->db") l.id = "storage";
  }
  const Scenario f = extractFragment(s, {"cache", "db"});
  EXPECT_EQ(linkIds(f), (Ids{"storage"}));
}

// =============================================================================================
// Paste: mergeFragment

/// web1, web2, db and an unrelated "other"; web1->db has the default id, web2->db is
/// "primary"; zone "za" (web1, db) inside region "eu" (web2). Everything has a position.
Scenario pasteSource() {
  Scenario s = ScenarioBuilder("paste")
                   .component("web1", "service", {{"workers", "3"}})
                   .component("web2", "service")
                   .component("db", "service", {{"workers", "16"}})
                   .component("other", "cache")
                   .link("web1", "db", {{"latency", "2ms"}})
                   .link("web2", "db")
                   .link("other", "db")
                   .group("za", "zone", {"web1", "db"}, "eu")
                   .group("eu", "region", {"web2"})
                   .fault(5 * kSecond, FaultAction::Crash, "web1")
                   .fault(6 * kSecond, FaultAction::Cut, "primary")
                   .build();
  s.links[1].id = "primary";
  s.groups[0].label = "Zone A";
  double x = 0;
  for (ComponentSpec& c : s.components) {
    c.position = std::make_pair(x, 10.0);
    x += 100;
  }
  return s;
}

TEST(ScenarioEditsMerge, PastingIntoTheSourceRenamesEverything) {
  Scenario s = pasteSource();
  ASSERT_TRUE(readsBackValid(s));
  const Scenario fragment = extractFragment(s, {"web1", "web2", "db"});
  ASSERT_EQ(groupIds(fragment), (Ids{"za", "eu"}));
  const std::string sourceBefore = writeScenarioJson(s);

  const Ids added = mergeFragment(s, fragment, 40, -20);

  EXPECT_EQ(added, (Ids{"web3", "web4", "db1"}));
  EXPECT_EQ(componentIds(s), (Ids{"web1", "web2", "db", "other", "web3", "web4", "db1"}));
  // Copies keep kind and parameters, and move by (dx, dy).
  EXPECT_EQ(integerParam(s, "web3", "workers"), 3);
  EXPECT_EQ(integerParam(s, "db1", "workers"), 16);
  EXPECT_EQ(positionOf(s, "web3"), at(40, -10));
  EXPECT_EQ(positionOf(s, "web4"), at(140, -10));
  EXPECT_EQ(positionOf(s, "db1"), at(240, -10));
  EXPECT_EQ(positionOf(s, "web1"), at(0, 10)) << "originals stay";

  // Links rewired to the copies: default ids recomputed, custom ids made unique.
  EXPECT_EQ(linkIds(s), (Ids{"web1->db", "primary", "other->db", "web3->db1", "primary1"}));
  const LinkSpec* copy = s.findLink("web3->db1");
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->from, "web3");
  EXPECT_EQ(copy->to, "db1");
  EXPECT_EQ(copy->params.text("latency"), "2ms");
  const LinkSpec* primary = s.findLink("primary1");
  ASSERT_NE(primary, nullptr);
  EXPECT_EQ(primary->from, "web4");
  EXPECT_EQ(primary->to, "db1");
  const LinkSpec* original = s.findLink("primary");
  ASSERT_NE(original, nullptr);
  EXPECT_EQ(original->from, "web2");

  // Groups copied with renamed ids, members and parents.
  EXPECT_EQ(groupIds(s), (Ids{"za", "eu", "za1", "eu1"}));
  EXPECT_EQ(group(s, "za1").members, (Ids{"web3", "db1"}));
  EXPECT_EQ(group(s, "za1").parent, "eu1");
  EXPECT_EQ(group(s, "za1").kind, "zone");
  EXPECT_EQ(group(s, "za1").label, "Zone A");
  EXPECT_EQ(group(s, "eu1").members, (Ids{"web4"}));
  EXPECT_EQ(group(s, "eu1").kind, "region");
  EXPECT_EQ(group(s, "eu1").parent, "");
  EXPECT_EQ(group(s, "za").members, (Ids{"web1", "db"}));
  EXPECT_EQ(group(s, "za").parent, "eu");

  // Faults are not pasted; the source's own stay.
  EXPECT_EQ(faultList(s), (Ids{"crash web1 @5s", "cut primary @6s"}));

  // Removing the copies gives back the source exactly.
  Scenario undone = s;
  removeComponents(undone, added);
  removeGroups(undone, {"za1", "eu1"});
  EXPECT_EQ(writeScenarioJson(undone), sourceBefore);

  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsMerge, MergingIntoAnEmptyScenarioKeepsEveryId) {
  const Scenario source = pasteSource();
  const Scenario fragment = extractFragment(source, {"web1", "web2", "db"});
  Scenario s;
  s.name = "empty";
  const Ids added = mergeFragment(s, fragment, 0, 0);
  EXPECT_EQ(added, (Ids{"web1", "web2", "db"}));
  EXPECT_EQ(componentIds(s), (Ids{"web1", "web2", "db"}));
  EXPECT_EQ(linkIds(s), (Ids{"web1->db", "primary"}));
  EXPECT_EQ(groupIds(s), (Ids{"za", "eu"}));
  EXPECT_EQ(group(s, "za").parent, "eu");
  EXPECT_EQ(group(s, "za").members, (Ids{"web1", "db"}));
  EXPECT_EQ(positionOf(s, "db"), at(200, 10));
  EXPECT_TRUE(s.faults.empty());
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsMerge, PastingTwiceNeverCollides) {
  Scenario s = pasteSource();
  const Scenario fragment = extractFragment(s, {"web1", "web2", "db"});
  const Ids first = mergeFragment(s, fragment, 10, 10);
  const Ids second = mergeFragment(s, fragment, 20, 20);
  EXPECT_EQ(first, (Ids{"web3", "web4", "db1"}));
  EXPECT_EQ(second, (Ids{"web5", "web6", "db2"}));
  EXPECT_EQ(linkIds(s), (Ids{"web1->db", "primary", "other->db", "web3->db1", "primary1",
                             "web5->db2", "primary2"}));
  EXPECT_EQ(groupIds(s), (Ids{"za", "eu", "za1", "eu1", "za2", "eu2"}));
  EXPECT_EQ(group(s, "za2").parent, "eu2");
  EXPECT_EQ(group(s, "za2").members, (Ids{"web5", "db2"}));
  EXPECT_EQ(positionOf(s, "web5"), at(20, 30));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsMerge, PastingTheWholeThreeTierIntoItself) {
  Scenario s = threeTier();
  const Scenario fragment = extractFragment(s, componentIds(s));
  EXPECT_EQ(groupIds(fragment), (Ids{"zone-a", "zone-b", "region"}));
  EXPECT_EQ(fragment.links.size(), 8u);
  const Ids added = mergeFragment(s, fragment, 0, 600);
  EXPECT_EQ(added, (Ids{"users1", "lb1", "web4", "web5", "web6", "cache1", "db1"}));
  EXPECT_EQ(s.components.size(), 14u);
  EXPECT_EQ(s.links.size(), 16u);
  EXPECT_NE(s.findLink("users1->lb1"), nullptr);
  EXPECT_NE(s.findLink("lb1->web5"), nullptr);
  EXPECT_NE(s.findLink("web6->cache1"), nullptr);
  EXPECT_EQ(group(s, "zone-b1").members, (Ids{"web6"}));
  EXPECT_EQ(group(s, "zone-b1").parent, "region1");
  EXPECT_EQ(group(s, "zone-a1").members, (Ids{"lb1", "web4", "web5", "cache1", "db1"}));
  EXPECT_EQ(faultList(s), (Ids{"crash web2 @60s", "restart web2 @120s"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsMerge, PastedIdsNeverClashWithEachOther) {
  // "a" is taken, so the pasted "a" becomes "a1" — which the fragment's own "a1" then may not
  // take; a fragment group named like a numbered component must not clash either.
  Scenario s = ScenarioBuilder("target").component("a", "service").build();
  const Scenario fragment = ScenarioBuilder("fragment")
                                .component("a", "service")
                                .component("a1", "service")
                                .component("b", "service")
                                .link("a", "a1")
                                .link("a1", "b")
                                .group("b1", "zone", {"a", "a1"})
                                .build();
  const Ids added = mergeFragment(s, fragment, 0, 0);
  ASSERT_EQ(added.size(), 3u);
  EXPECT_EQ(added[0], "a1");
  EXPECT_EQ(added[1], "a2");
  EXPECT_EQ(added[2], "b");
  EXPECT_NE(s.findLink("a1->a2"), nullptr);
  EXPECT_NE(s.findLink("a2->b"), nullptr);
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_EQ(s.groups[0].members, (Ids{"a1", "a2"}));
  EXPECT_NE(s.groups[0].id, "b");
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsMerge, NumberOnlyIdsAndUnpositionedComponents) {
  Scenario s = ScenarioBuilder("numbers").component("42", "service").component("x", "service").build();
  const Scenario fragment = extractFragment(s, {"42", "x"});
  const Ids added = mergeFragment(s, fragment, 5, 5);
  ASSERT_EQ(added.size(), 2u);
  EXPECT_EQ(added[1], "x1");
  EXPECT_NE(added[0], "42");
  EXPECT_TRUE(isValidId(added[0]));
  EXPECT_EQ(positionOf(s, added[1]), std::nullopt) << "no position is invented";
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

// BUG (scenario_edits.cpp, edge case): a pasted copy of a component whose id is the longest
// allowed (128 characters) gets base + "1" = 129 characters from freshId, an invalid id, so
// the editor would save a file it cannot open again.
TEST(ScenarioEditsMerge, EdgePastedCopyOfALongestIdIsStillValid) {
  const std::string longest(128, 'w');
  Scenario s = ScenarioBuilder("long").component(longest, "service").component("db", "service").link(longest, "db").build();
  ASSERT_TRUE(readsBackValid(s));
  const Scenario fragment = extractFragment(s, {longest, "db"});
  const Ids added = mergeFragment(s, fragment, 0, 0);
  ASSERT_EQ(added.size(), 2u);
  EXPECT_TRUE(isValidId(added[0])) << added[0].size() << " characters";
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

// BUG (scenario_edits.cpp, edge case): the pasted link's ends keep their ids (they are free in
// the target), and mergeFragment never checks a recomputed default link id against the ids in
// use — but a custom link id "p->q" already exists.
TEST(ScenarioEditsMerge, EdgePastedDefaultLinkIdNeverDuplicatesACustomOne) {
  Scenario s = ScenarioBuilder("target")
                   .component("m", "service")
                   .component("n", "service")
                   .link("m", "n")
                   .build();
  s.links[0].id = "p->q";
  ASSERT_TRUE(readsBackValid(s));
  const Scenario fragment = ScenarioBuilder("fragment")
                                .component("p", "service")
                                .component("q", "service")
                                .link("p", "q")
                                .build();
  mergeFragment(s, fragment, 0, 0);
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

// =============================================================================================
// Grouping: directGroupOf, assignToGroup, createGroup

TEST(ScenarioEditsGrouping, DirectGroupOf) {
  const Scenario s = threeTier();
  EXPECT_EQ(directGroupOf(s, "web1"), "zone-a");
  EXPECT_EQ(directGroupOf(s, "db"), "zone-a");
  EXPECT_EQ(directGroupOf(s, "web3"), "zone-b");
  EXPECT_EQ(directGroupOf(s, "users"), "");
  EXPECT_EQ(directGroupOf(s, "ghost"), "");
  const Scenario levels = threeLevels();
  EXPECT_EQ(directGroupOf(levels, "m"), "middle") << "the innermost group, not an ancestor";
  EXPECT_EQ(directGroupOf(levels, "i"), "inner");
  EXPECT_EQ(directGroupOf(levels, "r"), "outer");
}

TEST(ScenarioEditsGrouping, AssignMovesComponentsBetweenGroups) {
  Scenario s = threeTier();
  assignToGroup(s, {"web2"}, "zone-b");
  EXPECT_EQ(group(s, "zone-a").members, (Ids{"lb", "web1", "cache", "db"}));
  EXPECT_EQ(group(s, "zone-b").members, (Ids{"web3", "web2"}));
  EXPECT_EQ(directGroupOf(s, "web2"), "zone-b");
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));

  assignToGroup(s, {"users", "web1"}, "region");
  EXPECT_EQ(group(s, "region").members, (Ids{"users", "web1"}));
  EXPECT_EQ(directGroupOf(s, "users"), "region");
  EXPECT_EQ(directGroupOf(s, "web1"), "region");
  EXPECT_EQ(group(s, "zone-a").members, (Ids{"lb", "cache", "db"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));

  // Assigning to the group it is already in keeps it there, once.
  assignToGroup(s, {"web3"}, "zone-b");
  EXPECT_EQ(sorted(group(s, "zone-b").members), (Ids{"web2", "web3"}));
  expectConsistent(s);
}

TEST(ScenarioEditsGrouping, AssignToNoGroupUngroups) {
  Scenario s = threeTier();
  assignToGroup(s, {"web3", "db"}, "");
  EXPECT_EQ(directGroupOf(s, "web3"), "");
  EXPECT_EQ(directGroupOf(s, "db"), "");
  EXPECT_TRUE(group(s, "zone-b").members.empty());
  EXPECT_EQ(group(s, "zone-a").members, (Ids{"lb", "web1", "web2", "cache"}));
  EXPECT_EQ(groupIds(s), (Ids{"zone-a", "zone-b", "region"})) << "groups stay, even empty";
  const Ids inRegion = s.groupMembers("region");
  EXPECT_EQ(std::count(inRegion.begin(), inRegion.end(), "db"), 0);
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsGrouping, ZoneAroundUngroupedComponentsIsTopLevel) {
  Scenario s = ScenarioBuilder("flat")
                   .component("a", "service")
                   .component("b", "service")
                   .component("c", "service")
                   .component("zone1", "service")  // the first fresh name is taken
                   .build();
  const std::string id = createGroup(s, "zone", "Zone one", {"a", "b"}, {});
  EXPECT_EQ(id, "zone2");
  EXPECT_TRUE(isValidId(id));
  const GroupSpec& g = group(s, id);
  EXPECT_EQ(g.kind, "zone");
  EXPECT_EQ(g.label, "Zone one");
  EXPECT_EQ(g.members, (Ids{"a", "b"}));
  EXPECT_EQ(g.parent, "");
  EXPECT_EQ(directGroupOf(s, "c"), "");
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));

  const std::string next = createGroup(s, "region", "", {"c"}, {});
  EXPECT_EQ(next, "region1");
  EXPECT_EQ(group(s, next).kind, "region");
  EXPECT_EQ(group(s, next).parent, "");
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsGrouping, ZoneAroundComponentsOfARegionSitsInThatRegion) {
  Scenario s = ScenarioBuilder("region")
                   .component("a", "service")
                   .component("b", "service")
                   .component("c", "service")
                   .group("eu", "region", {"a", "b", "c"})
                   .build();
  const std::string id = createGroup(s, "zone", "AZ", {"a", "b"}, {});
  EXPECT_EQ(id, "zone1");
  EXPECT_EQ(group(s, id).parent, "eu");
  EXPECT_EQ(group(s, id).members, (Ids{"a", "b"}));
  EXPECT_EQ(group(s, "eu").members, (Ids{"c"}));
  EXPECT_EQ(directGroupOf(s, "a"), id);
  EXPECT_EQ(sorted(s.groupMembers("eu")), (Ids{"a", "b", "c"})) << "still inside the region";
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsGrouping, ZoneAroundPartOfAZoneNestsInsideIt) {
  Scenario s = threeTier();
  const std::string id = createGroup(s, "zone", "", {"web1", "web2"}, {});
  EXPECT_EQ(id, "zone1");
  EXPECT_EQ(group(s, id).parent, "zone-a");
  EXPECT_EQ(group(s, "zone-a").members, (Ids{"lb", "cache", "db"}));
  EXPECT_EQ(sorted(s.groupMembers("zone-a")), sorted(Ids{"lb", "web1", "web2", "cache", "db"}));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsGrouping, RegionAroundTwoZonesKeepsTheirCommonParent) {
  Scenario s = threeTier();
  const std::string id = createGroup(s, "region", "core", {}, {"zone-a", "zone-b"});
  EXPECT_EQ(id, "region1") << "\"region\" is a group already";
  EXPECT_EQ(group(s, id).kind, "region");
  EXPECT_EQ(group(s, id).label, "core");
  EXPECT_TRUE(group(s, id).members.empty());
  EXPECT_EQ(group(s, id).parent, "region");
  EXPECT_EQ(group(s, "zone-a").parent, id);
  EXPECT_EQ(group(s, "zone-b").parent, id);
  EXPECT_EQ(group(s, "zone-a").members, (Ids{"lb", "web1", "web2", "cache", "db"}));
  EXPECT_EQ(sorted(s.groupMembers(id)), sorted(Ids{"lb", "web1", "web2", "cache", "db", "web3"}));
  EXPECT_EQ(sorted(s.groupMembers("region")), sorted(s.groupMembers(id)));
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsGrouping, RegionAroundTopLevelZonesIsTopLevel) {
  Scenario s = threeTier();
  removeGroups(s, {"region"});
  const std::string id = createGroup(s, "region", "", {"users"}, {"zone-a", "zone-b"});
  EXPECT_EQ(id, "region1");
  EXPECT_EQ(group(s, id).parent, "");
  EXPECT_EQ(group(s, id).members, (Ids{"users"}));
  EXPECT_EQ(s.groupMembers(id).size(), 7u);
  expectConsistent(s);
  EXPECT_TRUE(readsBackValid(s));
}

TEST(ScenarioEditsGrouping, MixedParentsGiveNoParent) {
  {
    Scenario s = threeTier();
    const std::string id = createGroup(s, "zone", "", {"web1", "web3"}, {});
    EXPECT_EQ(group(s, id).parent, "") << "zone-a and zone-b differ";
    EXPECT_EQ(group(s, id).members, (Ids{"web1", "web3"}));
    EXPECT_EQ(directGroupOf(s, "web1"), id);
    EXPECT_EQ(directGroupOf(s, "web3"), id);
    EXPECT_TRUE(group(s, "zone-b").members.empty());
    expectConsistent(s);
    EXPECT_TRUE(readsBackValid(s));
  }
  {
    Scenario s = threeTier();
    const std::string id = createGroup(s, "zone", "", {"users", "web1"}, {});
    EXPECT_EQ(group(s, id).parent, "") << "users is in no group, web1 in zone-a";
    expectConsistent(s);
    EXPECT_TRUE(readsBackValid(s));
  }
  {
    Scenario s = threeTier();
    // web3's group is zone-b, zone-a's parent is region.
    const std::string id = createGroup(s, "region", "", {"web3"}, {"zone-a"});
    EXPECT_EQ(group(s, id).parent, "");
    EXPECT_EQ(group(s, "zone-a").parent, id);
    expectConsistent(s);
    EXPECT_TRUE(readsBackValid(s));
  }
}

TEST(ScenarioEditsGrouping, NoGroupingEverMakesACycle) {
  struct Case {
    Ids components;
    Ids groups;
  };
  const Case cases[] = {
      {{"web1"}, {"region"}},             // a component deep inside the chosen child group
      {{"web3"}, {"zone-b"}},             // a component of the chosen child group
      {{}, {"region", "zone-a"}},         // a group and its own child
      {{"web1", "web2"}, {"zone-b"}},     // sibling zone and components of another zone
      {{"lb"}, {"zone-a", "zone-b"}},     // a member of one chosen zone
      {{"users"}, {"region"}},            // everything
  };
  for (const Case& c : cases) {
    for (const char* kind : {"zone", "region"}) {
      Scenario s = threeTier();
      SCOPED_TRACE(std::string(kind) + " around " + std::to_string(c.components.size()) +
                   " components and " + (c.groups.empty() ? "" : c.groups.front()));
      const std::string id = createGroup(s, kind, "", c.components, c.groups);
      for (const std::string& g : c.groups) EXPECT_EQ(group(s, g).parent, id);
      for (const std::string& m : c.components) EXPECT_EQ(directGroupOf(s, m), id);
      expectConsistent(s);
      EXPECT_TRUE(readsBackValid(s));
    }
  }
}

TEST(ScenarioEditsGrouping, CreateThenRemoveGivesBackTheLayout) {
  Scenario s = threeTier();
  const std::string before = writeScenarioJson(s);
  const std::string id = createGroup(s, "region", "core", {}, {"zone-a", "zone-b"});
  removeGroups(s, {id});
  EXPECT_EQ(writeScenarioJson(s), before);
}

}  // namespace
}  // namespace pillars
