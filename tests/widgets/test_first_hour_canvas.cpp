// The canvas reads right: a link passing a card is seen to cross it, the labels of a Raft mesh
// do not pile up, and cards say "1 worker".
#include <gtest/gtest.h>

#include <QGraphicsItem>

#include "engine/model/scenario.hpp"
#include "widgets/canvas/kind_style.hpp"
#include "widgets/canvas/link_item.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {
namespace {

LinkItem* linkItem(TopologyScene& scene, const std::string& id) {
  for (QGraphicsItem* item : scene.items()) {
    if (item->type() == LinkItem::Type && static_cast<LinkItem*>(item)->linkId() == id) {
      return static_cast<LinkItem*>(item);
    }
  }
  return nullptr;
}

TEST(Canvas, ALinkPassingACardIsDrawnAcrossItAndTheCardKeepsItsClicks) {
  TopologyDocument doc;
  TopologyScene scene(doc);
  // service1 -> cache1 runs straight through load_balancer1, which sits between them.
  const std::string service = doc.addComponent("service", QPointF(0, 0));
  const std::string balancer = doc.addComponent("load_balancer", QPointF(300, 0));
  const std::string cache = doc.addComponent("cache", QPointF(600, 0));
  ASSERT_TRUE(doc.connectComponents(service, cache).isEmpty());
  LinkItem* link = linkItem(scene, service + "->" + cache);
  ASSERT_NE(link, nullptr);
  NodeItem* middle = scene.nodeFor(balancer);
  ASSERT_NE(middle, nullptr);
  // Drawn above the card it crosses (under it, it looked like load_balancer1 -> cache1)...
  EXPECT_GT(link->zValue(), middle->zValue());
  // ...yet a click on that card is the card's.
  EXPECT_FALSE(link->shape().contains(middle->pos()));
  QGraphicsItem* top = nullptr;
  for (QGraphicsItem* item : scene.items(middle->pos())) {
    if (item->flags() & QGraphicsItem::ItemIsSelectable) {
      top = item;
      break;
    }
  }
  EXPECT_EQ(top, middle);
  // Off the card, the link is still there to click.
  EXPECT_TRUE(link->shape().contains(QPointF(450, 0)));
}

TEST(Canvas, TheLinkLabelsOfARaftMeshDoNotOverlap) {
  TopologyDocument doc;
  ASSERT_TRUE(doc.load(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/raft-5.json"), nullptr));
  TopologyScene scene(doc);
  std::vector<QRectF> labels;
  std::vector<QRectF> cards;
  int links = 0;
  for (QGraphicsItem* item : scene.items()) {
    if (item->type() == NodeItem::Type) cards.push_back(item->sceneBoundingRect());
    if (item->type() != LinkItem::Type) continue;
    ++links;
    const QRectF box = static_cast<LinkItem*>(item)->labelRect();
    if (!box.isEmpty()) labels.push_back(box);
  }
  ASSERT_EQ(links, 15);
  EXPECT_GE(labels.size(), 10u) << "most labels find a place";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    for (std::size_t j = i + 1; j < labels.size(); ++j) EXPECT_FALSE(labels[i].intersects(labels[j])) << i << " and " << j;
    for (const QRectF& card : cards) EXPECT_FALSE(labels[i].intersects(card)) << i;
  }
}

TEST(KindStyle, SummariesCountInTheRightNumber) {
  TopologyDocument doc;
  const std::string id = doc.addComponent("service", QPointF());
  ASSERT_TRUE(doc.setParameter(id, "workers", QStringLiteral("1")).isEmpty());
  EXPECT_TRUE(kindstyle::summary(*doc.scenario().findComponent(id)).startsWith(QStringLiteral("1 worker \u00b7")))
      << kindstyle::summary(*doc.scenario().findComponent(id)).toStdString();
  ASSERT_TRUE(doc.setParameter(id, "workers", QStringLiteral("8")).isEmpty());
  EXPECT_TRUE(kindstyle::summary(*doc.scenario().findComponent(id)).startsWith(QStringLiteral("8 workers")));
}

}  // namespace
}  // namespace pillars
