// The main window shows a scenario as the document describes it.
#include <gtest/gtest.h>

#include <QAbstractItemView>
#include <QGraphicsItem>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "engine/io/scenario_writer.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/util/atomic_file.hpp"

#include "widgets/canvas/group_item.hpp"
#include "widgets/canvas/link_item.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {
namespace {

const QString kExamples = QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/");

template <typename Item>
int countItems(const QGraphicsScene& scene) {
  int n = 0;
  for (const QGraphicsItem* item : scene.items()) n += item->type() == Item::Type ? 1 : 0;
  return n;
}

TEST(MainWindow, OpensTheThreeTierExampleWithEveryComponentLinkAndGroup) {
  MainWindow window;
  window.useDefaultLayout();
  ASSERT_TRUE(window.openFile(kExamples + QStringLiteral("three-tier.json"), true));
  EXPECT_EQ(countItems<NodeItem>(window.scene()), 7);
  EXPECT_EQ(countItems<LinkItem>(window.scene()), 8);
  EXPECT_EQ(countItems<GroupItem>(window.scene()), 3);
  EXPECT_TRUE(window.windowTitle().startsWith(QStringLiteral("three-tier.json")));
  // Nodes sit where the file puts them.
  const NodeItem* web3 = window.scene().nodeFor("web3");
  ASSERT_NE(web3, nullptr);
  EXPECT_EQ(web3->pos(), QPointF(580, 420));
}

TEST(MainWindow, RegionsFrameTheirZones) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(kExamples + QStringLiteral("three-tier.json"), true));
  QRectF region, zoneA, zoneB;
  for (const QGraphicsItem* item : window.scene().items()) {
    if (item->type() != GroupItem::Type) continue;
    const auto* g = static_cast<const GroupItem*>(item);
    if (g->groupId() == "region") region = g->sceneBoundingRect();
    if (g->groupId() == "zone-a") zoneA = g->sceneBoundingRect();
    if (g->groupId() == "zone-b") zoneB = g->sceneBoundingRect();
  }
  EXPECT_TRUE(region.contains(zoneA));
  EXPECT_TRUE(region.contains(zoneB));
  EXPECT_FALSE(zoneA.intersects(zoneB));
}

TEST(MainWindow, SelectingANodeShowsItsParametersInTheInspector) {
  MainWindow window;
  window.useDefaultLayout();
  window.show();
  ASSERT_TRUE(window.openFile(kExamples + QStringLiteral("three-tier.json"), true));
  NodeItem* db = window.scene().nodeFor("db");
  ASSERT_NE(db, nullptr);
  // A real click on the card, through the view.
  TopologyView& view = window.view();
  const QPoint at = view.mapFromScene(db->scenePos());
  QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, at);
  EXPECT_TRUE(db->isSelected());
  QCoreApplication::processEvents();  // the inspector refills once control returns
  auto* table = window.findChild<QTableWidget*>();
  ASSERT_NE(table, nullptr);
  // One row per parameter the service kind declares, no more and no fewer.
  const ComponentKind* service = builtinRegistry().find("service");
  ASSERT_NE(service, nullptr);
  ASSERT_EQ(table->rowCount(), static_cast<int>(service->params.size()));
  bool sawWorkers = false;
  for (int row = 0; row < table->rowCount(); ++row) {
    if (table->item(row, 0)->text() == QStringLiteral("workers")) {
      sawWorkers = true;
      EXPECT_EQ(table->item(row, 1)->text(), QStringLiteral("32"));
      EXPECT_TRUE(table->item(row, 1)->font().bold());  // differs from the default of 1
    }
  }
  EXPECT_TRUE(sawWorkers);
  // Clicking empty canvas clears the selection and the inspector.
  QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(5, 5));
  QCoreApplication::processEvents();
  EXPECT_EQ(table->rowCount(), 0);
}

TEST(MainWindow, ZoomStaysWithinItsLimits) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(kExamples + QStringLiteral("mmc.json"), true));
  TopologyView& view = window.view();
  view.zoomToActualSize();
  view.zoomIn();
  EXPECT_NEAR(view.zoom(), 1.25, 1e-9);
  for (int i = 0; i < 40; ++i) view.zoomIn();
  EXPECT_NEAR(view.zoom(), 8.0, 1e-9);
  for (int i = 0; i < 80; ++i) view.zoomOut();
  EXPECT_NEAR(view.zoom(), 0.1, 1e-9);
}

TEST(MainWindow, ABadFileIsRefusedWithEveryProblemAndTheOldDocumentKept) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(kExamples + QStringLiteral("mmc.json"), true));
  QStringList errors;
  EXPECT_FALSE(window.openFile(QStringLiteral("/nonexistent/nothing.json"), true, &errors));
  ASSERT_EQ(errors.size(), 1);
  EXPECT_TRUE(errors.front().contains(QStringLiteral("/nonexistent/nothing.json")));
  EXPECT_EQ(window.document().scenario().components.size(), 2u);  // still mmc
}

TEST(TopologyDocument, ComponentsWithoutPositionsAreLaidOutInLayersLeftToRight) {
  // A file without positions: callers to the left of callees, siblings stacked.
  ScenarioBuilder b("unplaced");
  b.component("client", "client").component("lb", "load_balancer");
  b.component("a", "service").component("b", "service");
  b.link("client", "lb").link("lb", "a").link("lb", "b");
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("unplaced.json"));
  std::string error;
  ASSERT_TRUE(writeFileAtomically(path.toStdString(), writeScenarioJson(b.build()), &error)) << error;
  TopologyDocument doc;
  QStringList errors;
  ASSERT_TRUE(doc.load(path, &errors)) << errors.join(QLatin1Char('\n')).toStdString();
  EXPECT_LT(doc.position("client").x(), doc.position("lb").x());
  EXPECT_LT(doc.position("lb").x(), doc.position("a").x());
  EXPECT_EQ(doc.position("a").x(), doc.position("b").x());
  EXPECT_NE(doc.position("a").y(), doc.position("b").y());
}

}  // namespace
}  // namespace pillars
