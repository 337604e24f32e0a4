// LiveOverlay: the live run drawn over the canvas. Message dots match the recorder's flights
// and sit on their links, a crash greys exactly the crashed card, a cut shows its dashed line,
// and past the cap only a sample is drawn with a banner saying so.
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QTest>
#include <cmath>
#include <string>

#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_overlay.hpp"
#include "engine/model/overrides.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/live/message_colors.hpp"
#include "widgets/live/message_layer.hpp"
#include "widgets/live/shed_pulse.hpp"

namespace pillars {
namespace {

struct Fixture {
  TopologyDocument document;
  TopologyScene scene{document};
  LiveRun live;
  LiveOverlay* overlay = nullptr;

  explicit Fixture(const char* example = "three-tier.json") {
    QStringList errors;
    EXPECT_TRUE(document.load(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/") + QString::fromLatin1(example),
                              &errors))
        << errors.join(QStringLiteral("\n")).toStdString();
    EXPECT_TRUE(live.load(document.scenario()));
    overlay = new LiveOverlay(scene, live, &live);
  }

  /// Plays (recorder attached) at top speed to `t` and waits until it pauses there.
  void runTo(SimTime t) {
    live.setAsFastAsPossible(false);
    live.setSpeed(LiveRun::kMaxSpeed);
    live.runUntil(t);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !live.isPlaying(); }, 60'000));
    ASSERT_EQ(live.now(), t);
  }
};

double distanceToSegment(QPointF p, QLineF l) {
  const QPointF d = l.p2() - l.p1();
  const double len2 = d.x() * d.x() + d.y() * d.y();
  double t = len2 > 0 ? QPointF::dotProduct(p - l.p1(), d) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const QPointF q = l.p1() + d * t;
  return std::hypot(p.x() - q.x(), p.y() - q.y());
}

bool insideCard(const TopologyScene& scene, const std::string& id, QPointF p) {
  const NodeItem* n = scene.nodeFor(id);
  const QRectF card(n->pos().x() - NodeItem::kWidth / 2, n->pos().y() - NodeItem::kHeight / 2,
                    NodeItem::kWidth, NodeItem::kHeight);
  return card.adjusted(1, 1, -1, -1).contains(p);
}

TEST(LiveOverlay, DrawsEveryFlightOnItsLink) {
  Fixture f;
  f.runTo(2 * kSecond);
  const auto flights = f.live.recorder().flights();
  ASSERT_GT(flights.size(), 10u);
  EXPECT_EQ(f.overlay->flyingMessages(), static_cast<int>(flights.size()));
  EXPECT_EQ(f.overlay->drawnMessages(), static_cast<int>(flights.size()));
  EXPECT_EQ(f.overlay->sampleStep(), 1);
  EXPECT_FALSE(f.overlay->bannerVisible());
  const Scenario& s = f.live.scenario();
  for (const FlightRecorder::Flight& fl : flights) {
    const std::optional<QPointF> p = f.overlay->messagePosition(fl);
    ASSERT_TRUE(p.has_value());
    const LinkSpec& link = s.links[fl.link];
    const std::optional<QLineF> seg = f.overlay->linkSegment(link.id);
    ASSERT_TRUE(seg.has_value());
    EXPECT_LT(distanceToSegment(*p, *seg), 0.01) << link.id;
    // Between the cards, never inside either.
    EXPECT_FALSE(insideCard(f.scene, link.from, *p)) << link.id;
    EXPECT_FALSE(insideCard(f.scene, link.to, *p)) << link.id;
  }
}

TEST(LiveOverlay, DotMovesFromSenderTowardsReceiver) {
  Fixture f;
  f.runTo(2 * kSecond);
  const Scenario& s = f.live.scenario();
  const FlightRecorder::Flight* request = nullptr;
  for (const FlightRecorder::Flight& fl : f.live.recorder().flights()) {
    if (fl.kind == MessageKind::Request && s.links[fl.link].from == "users") request = &fl;
  }
  ASSERT_NE(request, nullptr);
  const QLineF seg = *f.overlay->linkSegment(s.links[request->link].id);
  const MessageLayer* layer = f.overlay->messageLayer();
  const QPointF atSend = *layer->positionOf(*request, request->sent);
  const QPointF atArrival = *layer->positionOf(*request, request->arrives);
  EXPECT_LT(std::hypot(atSend.x() - seg.p1().x(), atSend.y() - seg.p1().y()), 0.01);
  EXPECT_LT(std::hypot(atArrival.x() - seg.p2().x(), atArrival.y() - seg.p2().y()), 0.01);
  // The same message travelling back (a reply) runs the other way.
  FlightRecorder::Flight reply = *request;
  std::swap(reply.src, reply.dst);
  const QPointF back = *layer->positionOf(reply, reply.sent);
  EXPECT_LT(std::hypot(back.x() - seg.p2().x(), back.y() - seg.p2().y()), 0.01);
}

TEST(LiveOverlay, CrashGreysOnlyThatCard) {
  Fixture f;
  f.runTo(kSecond);
  for (const ComponentSpec& c : f.live.scenario().components) {
    EXPECT_TRUE(f.overlay->nodeState(c.id).shown) << c.id;
    EXPECT_FALSE(f.overlay->nodeState(c.id).down) << c.id;
  }
  f.live.crash("web2");
  for (const ComponentSpec& c : f.live.scenario().components) {
    EXPECT_EQ(f.overlay->nodeState(c.id).down, c.id == "web2") << c.id;
  }
  f.live.restart("web2");
  EXPECT_FALSE(f.overlay->nodeState("web2").down);
}

TEST(LiveOverlay, BusyServersShowUtilization) {
  Fixture f;
  f.runTo(2 * kSecond);
  f.runTo(3 * kSecond);  // a frame with time in it: utilization is over the last frame
  double total = 0;
  for (const char* id : {"web1", "web2", "web3"}) {
    const LiveOverlay::NodeState s = f.overlay->nodeState(id);
    EXPECT_GE(s.utilization, 0.0);
    EXPECT_LE(s.utilization, 1.0);
    total += s.utilization;
  }
  EXPECT_GT(total, 0.0);
  f.overlay->setBadge("db", QStringLiteral("leader"), QColor(Qt::magenta));
  EXPECT_EQ(f.overlay->nodeState("db").badge, QStringLiteral("leader"));
  f.overlay->setBadge("db", QString(), QColor());
  EXPECT_TRUE(f.overlay->nodeState("db").badge.isEmpty());
}

TEST(LiveOverlay, AnEjectedBackendShowsOnItsBalancerUntilItReturns) {
  // outlier-ejection.json: s4 fails every call and is ejected for 30 s from the first second.
  Fixture f("outlier-ejection.json");
  f.runTo(5 * kSecond);
  EXPECT_EQ(f.overlay->nodeState("lb").badge, QStringLiteral("1 ejected"));
  EXPECT_TRUE(f.overlay->nodeState("users").badge.isEmpty());
  // Its link from the balancer is greyed, the others are not.
  EXPECT_TRUE(f.overlay->avoidedShown("lb->s4"));
  for (const char* link : {"lb->s1", "lb->s2", "lb->s3", "users->lb"}) EXPECT_FALSE(f.overlay->avoidedShown(link)) << link;
  // An app's own badge (a pillar view) wins over the live Control state.
  f.overlay->setBadge("lb", QStringLiteral("mine"), QColor(Qt::magenta));
  EXPECT_EQ(f.overlay->nodeState("lb").badge, QStringLiteral("mine"));
  f.overlay->setBadge("lb", QString(), QColor());
  f.runTo(6 * kSecond);
  EXPECT_EQ(f.overlay->nodeState("lb").badge, QStringLiteral("1 ejected"));
}

TEST(ShedPulse, FullInAFrameThatTurnedRequestsAwayFadingAfter) {
  ShedPulse pulse;
  EXPECT_EQ(pulse.update(40, 0), 0.0) << "the first count is a baseline, not a pulse";
  EXPECT_EQ(pulse.update(40, 30), 0.0);
  EXPECT_EQ(pulse.update(41, 60), 1.0);
  EXPECT_DOUBLE_EQ(pulse.update(41, 60 + ShedPulse::kFadeMs / 2), 0.5);
  EXPECT_EQ(pulse.update(41, 60 + ShedPulse::kFadeMs), 0.0);
  EXPECT_EQ(pulse.update(0, 2000), 0.0) << "figures restarted (warm-up): a new baseline";
  EXPECT_EQ(pulse.update(3, 2030), 1.0);
}

TEST(LiveOverlay, ACardPulsesOrangeWhileItsComponentTurnsRequestsAway) {
  // retry-storm.json with deadline shedding: nothing is shed before the slowdown at 60 s,
  // then api drops the work that can no longer finish in time.
  Fixture f("retry-storm.json");
  ASSERT_EQ(f.document.setParameter("api", "shedding", QStringLiteral("deadline")), QString());
  ASSERT_TRUE(f.live.load(f.document.scenario()));
  f.runTo(30 * kSecond);
  f.runTo(31 * kSecond);
  EXPECT_EQ(f.overlay->nodeState("api").shedding, 0.0);
  f.runTo(62 * kSecond);
  f.runTo(63 * kSecond);
  EXPECT_GT(f.overlay->nodeState("api").shedding, 0.5);
  EXPECT_EQ(f.overlay->nodeState("users").shedding, 0.0) << "a client turns nothing away";
  // The pulse is painted (a ring around the card) without trouble.
  QImage image(800, 600, QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  f.scene.render(&painter);
  painter.end();
  // A crashed card shows its cross, not a pulse, whatever its crash lost.
  f.live.runner()->simulation().crash(f.live.componentId("api"));
  f.runTo(64 * kSecond);
  EXPECT_TRUE(f.overlay->nodeState("api").down);
  EXPECT_EQ(f.overlay->nodeState("api").shedding, 0.0);
}

TEST(LiveOverlay, CutLinkIsDashedUntilHealed) {
  Fixture f;
  f.runTo(kSecond);
  const std::string link = f.live.scenario().links[1].id;  // lb -> web1
  EXPECT_FALSE(f.overlay->cutShown(link));
  f.live.cut(link);
  EXPECT_TRUE(f.overlay->cutShown(link));
  EXPECT_FALSE(f.overlay->cutShown(f.live.scenario().links[2].id));
  f.live.heal(link);
  EXPECT_FALSE(f.overlay->cutShown(link));
}

TEST(LiveOverlay, AboveTheCapASampleAndABanner) {
  Fixture f;
  f.runTo(2 * kSecond);
  const int flying = f.overlay->flyingMessages();
  ASSERT_GT(flying, 20);
  f.overlay->setMessageCap(flying / 4);
  EXPECT_GE(f.overlay->sampleStep(), 4);
  EXPECT_LT(f.overlay->drawnMessages(), flying);
  EXPECT_TRUE(f.overlay->bannerVisible());
  EXPECT_EQ(f.overlay->bannerText(), QStringLiteral("Showing 1 in %1 of %2 messages in flight")
                                         .arg(f.overlay->sampleStep())
                                         .arg(flying));
  f.overlay->setMessageCap(LiveOverlay::kDefaultMessageCap);
  EXPECT_FALSE(f.overlay->bannerVisible());
  EXPECT_EQ(f.overlay->drawnMessages(), flying);
}

TEST(LiveOverlay, SampleIsStableAndNearTheCap) {
  MessageLayer layer;
  std::vector<MessageLayer::Segment> segs(1);
  segs[0] = {QLineF(0, 0, 1000, 0), 0, 1, true};
  layer.setSegments(segs, QRectF(0, -50, 1000, 100));
  std::vector<FlightRecorder::Flight> flights;
  for (int i = 0; i < 12'000; ++i) {
    flights.push_back({SimTime{i} * 1000, SimTime{i} * 1000 + kSecond, 0, 0, 1, MessageKind::Request});
  }
  layer.setFlights(flights, kSecond / 2, 3000);
  EXPECT_EQ(layer.sampleStep(), 4);
  EXPECT_NEAR(layer.drawnMessages(), 3000, 300);
  const int drawn = layer.drawnMessages();
  // Drop the oldest messages: the survivors sampled before are sampled again (no flicker).
  flights.erase(flights.begin(), flights.begin() + 4);
  layer.setFlights(flights, kSecond / 2, 3000);
  EXPECT_EQ(layer.sampleStep(), 4);
  EXPECT_NEAR(layer.drawnMessages(), drawn, 4);
}

TEST(LiveOverlay, AnimationOffAndClearDropTheDotsButNotTheNodes) {
  Fixture f;
  f.runTo(kSecond);
  ASSERT_GT(f.overlay->drawnMessages(), 0);
  f.overlay->setAnimationEnabled(false);
  EXPECT_EQ(f.overlay->drawnMessages(), 0);
  f.live.crash("web1");
  EXPECT_TRUE(f.overlay->nodeState("web1").down);
  f.overlay->setAnimationEnabled(true);
  EXPECT_GT(f.overlay->drawnMessages(), 0);
  f.overlay->clear();
  EXPECT_EQ(f.overlay->drawnMessages(), 0);
  f.live.reset();
  EXPECT_EQ(f.overlay->flyingMessages(), 0);
  EXPECT_FALSE(f.overlay->nodeState("web1").down);
}

// Found by the GUI monkey: with no run loaded (another file opened, or the design cannot run),
// an edit rebuilt the canvas, which deletes the overlay's items, and the overlay then cleared a
// message layer that no longer existed (a use after free; a crash in the app).
TEST(LiveOverlay, AnEditAfterTheRunWasUnloadedTouchesNoDeadItems) {
  Fixture f;
  f.runTo(kSecond);
  ASSERT_NE(f.overlay->messageLayer(), nullptr);
  f.live.unload();
  f.document.addComponent("service", QPointF(900, 900));  // rebuilds the scene
  EXPECT_EQ(f.overlay->drawnMessages(), 0);
  // And it draws again once a run is loaded.
  ASSERT_TRUE(f.live.load(f.document.scenario()));
  f.runTo(kSecond);
  EXPECT_GT(f.overlay->drawnMessages(), 0);
}

TEST(LiveOverlay, PaintsAndStaysOutOfTheWay) {
  Fixture f;
  f.runTo(kSecond);
  f.live.crash("web2");
  f.live.cut(f.live.scenario().links[1].id);
  QImage image(1400, 900, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter p(&image);
  f.scene.render(&p);
  p.end();
  // The overlay never is what a click on a card finds.
  const NodeItem* web2 = f.scene.nodeFor("web2");
  const QList<QGraphicsItem*> under = f.scene.items(web2->pos());
  ASSERT_FALSE(under.isEmpty());
  EXPECT_EQ(under.front(), web2);
  EXPECT_EQ(messageLegend().size(), 6u);
  QWidget* legend = LiveOverlay::createLegend(nullptr);
  EXPECT_NE(legend, nullptr);
  delete legend;
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

// A replica set is one stacked card ("web ×6"): its instances' messages fly to and from it,
// and its state sums theirs up as they come and go.
TEST(LiveOverlayReplicaSet, TheSetsCardSumsItsInstancesAndTheirMessagesFlyToIt) {
  Fixture f("chaos-monkey.json");
  // The monkey kills web#6 at 87.2 s; it is ready again at 107.2 s.
  f.runTo(90 * kSecond);
  const LiveOverlay::NodeState web = f.overlay->nodeState("web");
  EXPECT_TRUE(web.shown);
  EXPECT_FALSE(web.down);
  EXPECT_EQ(web.badge, QStringLiteral("5/6 ready"));
  EXPECT_GT(web.utilization, 0.0);
  // Every message in flight is drawn, those to and from web's instances on the lb–web line.
  const auto flights = f.live.recorder().flights();
  ASSERT_GT(flights.size(), 2u);  // 600 req/s over 1 ms links: a few at any instant
  EXPECT_EQ(f.overlay->drawnMessages(), static_cast<int>(flights.size()));
  const NodeItem* lb = f.scene.nodeFor("lb");
  const NodeItem* set = f.scene.nodeFor("web");
  const QLineF between(lb->pos(), set->pos());
  int onTheSet = 0;
  for (const FlightRecorder::Flight& fl : flights) {
    const std::string to = f.live.runner()->simulation().component(fl.dst).name();
    const std::string from = f.live.runner()->simulation().component(fl.src).name();
    if (to.rfind("web#", 0) != 0 && from.rfind("web#", 0) != 0) continue;
    const std::optional<QPointF> p = f.overlay->messagePosition(fl);
    ASSERT_TRUE(p.has_value()) << from << " -> " << to;
    EXPECT_LT(distanceToSegment(*p, between), 1.0) << from << " -> " << to;
    ++onTheSet;
  }
  EXPECT_GT(onTheSet, 0);
  f.runTo(110 * kSecond);
  EXPECT_TRUE(f.overlay->nodeState("web").badge.isEmpty()) << "all six ready again";
}

TEST(LiveOverlayReplicaSet, AnExpandedSetShowsEachInstanceAsTheRunChangesThem) {
  // chaos-monkey.json: web x6; the monkey kills web#6 at 87.2 s, ready again at 107.2 s.
  Fixture f("chaos-monkey.json");
  EXPECT_TRUE(f.overlay->instanceChips("web").empty()) << "one stacked card until expanded";
  f.overlay->setInstancesShown("web", true);
  f.runTo(80 * kSecond);
  EXPECT_TRUE(f.overlay->isReplicaSet("web"));
  EXPECT_FALSE(f.overlay->isReplicaSet("lb"));
  std::vector<InstanceChip> chips = f.overlay->instanceChips("web");
  ASSERT_EQ(chips.size(), 6u);
  for (std::size_t i = 0; i < chips.size(); ++i) {
    EXPECT_EQ(chips[i].name, QStringLiteral("web#%1").arg(i + 1));
    EXPECT_EQ(chips[i].state, InstanceChip::State::Ready);
    EXPECT_EQ(chips[i].version, 1);
  }
  f.runTo(90 * kSecond);
  chips = f.overlay->instanceChips("web");
  ASSERT_EQ(chips.size(), 6u);
  EXPECT_EQ(chips[5].state, InstanceChip::State::Down) << "web#6, killed by the monkey";
  EXPECT_EQ(chips[0].state, InstanceChip::State::Ready);
  // Drawn under the card, and back to one card when collapsed.
  QImage image(1200, 800, QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  f.scene.render(&painter);
  painter.end();
  f.overlay->setInstancesShown("web", false);
  EXPECT_TRUE(f.overlay->instanceChips("web").empty());
  // Remembered across a new run of the same design.
  f.overlay->setInstancesShown("web", true);
  ASSERT_TRUE(f.live.load(f.document.scenario()));
  f.runTo(5 * kSecond);
  EXPECT_EQ(f.overlay->instanceChips("web").size(), 6u);
}

TEST(LiveOverlayReplicaSet, ARollingUpdateShowsOnTheChipsAsTheSecondRelease) {
  Fixture f("rolling-update.json");
  f.overlay->setInstancesShown("web", true);
  f.runTo(29 * kSecond);
  std::vector<InstanceChip> chips = f.overlay->instanceChips("web");
  EXPECT_EQ(chips.size(), 10u);
  EXPECT_TRUE(std::all_of(chips.begin(), chips.end(), [](const InstanceChip& c) { return c.version == 1; }));
  f.runTo(f.live.scenario().duration);
  chips = f.overlay->instanceChips("web");
  EXPECT_EQ(chips.size(), 10u);
  EXPECT_TRUE(std::all_of(chips.begin(), chips.end(), [](const InstanceChip& c) { return c.version == 2; }));
  EXPECT_EQ(chips.front().name, QStringLiteral("web#11")) << "every instance replaced by a new one";
}

TEST(LiveOverlayReplicaSet, ASetAnAutoscalerGrowsSaysHowManyItHasNow) {
  // autoscale-spike.json: web starts with 2 instances and the HPA grows it during the spike.
  Fixture f("autoscale-spike.json");
  bool grown = false;
  for (SimTime t = 10 * kSecond; t <= f.live.scenario().duration && !grown; t += 10 * kSecond) {
    f.runTo(t);
    const std::size_t instances = [&] {
      std::size_t n = 0;
      const Simulation& sim = f.live.runner()->simulation();
      for (std::size_t i = 0; i < sim.componentCount(); ++i) {
        const Component& c = sim.component(static_cast<ComponentId>(i));
        n += !c.isRemoved() && c.name().rfind("web#", 0) == 0 ? 1 : 0;
      }
      return n;
    }();
    if (instances <= 2) continue;
    grown = true;
    const QString badge = f.overlay->nodeState("web").badge;
    // Starting instances are not ready yet; once all are, the count itself is the news.
    EXPECT_TRUE(badge.endsWith(QStringLiteral("/%1 ready").arg(instances)) ||
                badge == QStringLiteral("\u00d7%1 now").arg(instances))
        << badge.toStdString() << " with " << instances << " instances";
  }
  EXPECT_TRUE(grown);
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

// A store's card shows its role as it changes: leader-follower-failover.json crashes the
// leader s1 at 40 s and promotes a follower at that instant.
TEST(LiveOverlayStore, AStoreCardShowsItsRoleAndFollowsTheFailover) {
  Fixture f("leader-follower-failover.json");
  // How many writes each replica has applied, as its results report it.
  const auto applied = [&](const char* id) {
    const Simulation& sim = f.live.runner()->simulation();
    for (const auto& [name, value] : sim.component(f.live.componentId(id)).extraMetrics(sim.now())) {
      if (name == "writes_applied") return static_cast<qulonglong>(value);
    }
    return qulonglong{0};
  };
  f.runTo(20 * kSecond);
  ASSERT_GT(applied("s1"), 0u);
  EXPECT_EQ(f.overlay->nodeState("s1").badge, QStringLiteral("leader \u00b7 #%1").arg(applied("s1")));
  EXPECT_TRUE(f.overlay->nodeState("s2").badge.startsWith(QStringLiteral("follower"))) << f.overlay->nodeState("s2").badge.toStdString();
  EXPECT_TRUE(f.overlay->nodeState("s2").badge.endsWith(QStringLiteral("#%1").arg(applied("s2"))));
  EXPECT_LT(applied("s2"), applied("s1")) << "an async follower is behind its leader";
  // The follower's lag bar, log-scaled from its lag_entries; none on the leader.
  EXPECT_EQ(f.overlay->nodeState("s1").lag, -1.0);
  const double lagEntries = [&] {
    const Simulation& sim = f.live.runner()->simulation();
    for (const auto& [name, value] : sim.component(f.live.componentId("s2")).extraMetrics(sim.now())) {
      if (name == "lag_entries") return value;
    }
    return -1.0;
  }();
  ASSERT_GT(lagEntries, 0.0);
  EXPECT_DOUBLE_EQ(f.overlay->nodeState("s2").lag, std::min(1.0, std::log10(1.0 + lagEntries) / 4.0));
  f.runTo(45 * kSecond);
  EXPECT_TRUE(f.overlay->nodeState("s1").down);
  EXPECT_TRUE(f.overlay->nodeState("s1").badge.isEmpty()) << "a crashed store has no role";
  const QString s2 = f.overlay->nodeState("s2").badge, s3 = f.overlay->nodeState("s3").badge;
  EXPECT_TRUE(s2.startsWith(QStringLiteral("leader")) != s3.startsWith(QStringLiteral("leader")))
      << "one new leader: " << s2.toStdString() << ", " << s3.toStdString();
}

// A shard router's card shows its load across shards over the last 10-20 s: even-ish by
// consistent hashing under sharded-kv.json's Zipf keys (busiest 1.09 x the mean at 30 s), keys
// moving while k5 joins at 60 s, k5 taking its share at once after (1.16 x at 90 s, where the
// totals since the start would call the set hot at 1.30), and a hot shard when ranges put the
// hottest keys together.
TEST(LiveOverlayStore, AShardRouterCardShowsItsLoadAndItsMigration) {
  Fixture f("sharded-kv.json");
  f.runTo(30 * kSecond);
  EXPECT_EQ(f.overlay->nodeState("router").badge, QStringLiteral("4 shards \u00b7 busiest \u00d71.09"));
  f.runTo(60 * kSecond + 20 * kMillisecond);
  EXPECT_TRUE(f.overlay->nodeState("router").badge.startsWith(QStringLiteral("moving ")))
      << f.overlay->nodeState("router").badge.toStdString();
  f.runTo(90 * kSecond);
  EXPECT_EQ(f.overlay->nodeState("router").badge, QStringLiteral("5 shards \u00b7 busiest \u00d71.16"));

  Fixture ranged("sharded-kv.json");
  Scenario s = ranged.document.scenario();
  ASSERT_EQ(applyOverride(s, "router.strategy=range"), "");
  ASSERT_TRUE(ranged.live.load(s));
  ranged.runTo(30 * kSecond);
  EXPECT_EQ(ranged.overlay->nodeState("router").badge, QStringLiteral("hot: k1 \u00d73.2"));
}

TEST(LiveOverlayStore, ARaftNodeWearsNoStoreBadge) {
  // A Raft node reports a "role" figure too (follower, candidate, leader): the store's badge
  // must not read it as a store's role ("catching up" on a Raft leader).
  Fixture f("raft-5.json");
  f.runTo(kSecond);
  for (const char* id : {"n1", "n2", "n3", "n4", "n5"}) {
    EXPECT_TRUE(f.overlay->nodeState(id).badge.isEmpty()) << id << ": " << f.overlay->nodeState(id).badge.toStdString();
  }
}

}  // namespace
}  // namespace pillars
