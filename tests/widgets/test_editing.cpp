// Editing on the canvas: every gesture becomes one undoable document edit.
#include <gtest/gtest.h>

#include <QDropEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QTableWidget>
#include <QTest>

#include "widgets/canvas/link_item.hpp"
#include "widgets/canvas/mime_types.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/inspector_panel.hpp"
#include "widgets/window/auto_layout.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {
namespace {

/// Drops a palette entry on the canvas at a viewport point, as a drag from the palette would.
void dropKind(TopologyView& view, const char* kind, QPoint at) {
  QMimeData data;
  data.setData(QLatin1String(kKindMimeType), QByteArray(kind));
  QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(view.viewport(), &enter);
  ASSERT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(view.viewport(), &drop);
  ASSERT_TRUE(drop.isAccepted());
}

int countLinks(const QGraphicsScene& scene) {
  int n = 0;
  for (const QGraphicsItem* item : scene.items()) n += item->type() == LinkItem::Type ? 1 : 0;
  return n;
}

/// Sets a parameter by typing into the inspector's value field (replacing what it shows) and
/// pressing Enter.
void editInInspector(MainWindow& window, const QString& param, const QString& text) {
  QCoreApplication::processEvents();
  auto* editor = window.inspector().findChild<QWidget*>(QStringLiteral("param:") + param);
  ASSERT_NE(editor, nullptr) << "no parameter " << param.toStdString();
  auto* field = editor->findChild<QLineEdit*>(QStringLiteral("text"));
  ASSERT_NE(field, nullptr);
  field->selectAll();
  QTest::keyClicks(field, text);
  QTest::keyClick(field, Qt::Key_Return);
  QCoreApplication::processEvents();
}

class Editing : public ::testing::Test {
 protected:
  void SetUp() override {
    window.useDefaultLayout();
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  }
  MainWindow window;
};

TEST_F(Editing, DragConnectEditThenUndoEverythingAndRedoItAll) {
  TopologyView& view = window.view();
  TopologyDocument& doc = window.document();
  QUndoStack& undo = doc.undoStack();

  // Two components dragged from the palette.
  const QPointF clientDrop = view.mapToScene(QPoint(150, 200));
  dropKind(view, "client", QPoint(150, 200));
  dropKind(view, "service", QPoint(550, 200));
  ASSERT_EQ(doc.scenario().components.size(), 2u);
  EXPECT_EQ(doc.scenario().components[0].id, "client1");
  EXPECT_EQ(doc.scenario().components[1].id, "service1");
  NodeItem* client = window.scene().nodeFor("client1");
  NodeItem* service = window.scene().nodeFor("service1");
  ASSERT_TRUE(client && service);
  // Dropped where the pointer was (snapped to the grid).
  EXPECT_LT((client->pos() - clientDrop).manhattanLength(), 2 * NodeItem::kGrid);

  // Shift+drag from the client to the service connects them.
  const QPoint from = view.mapFromScene(client->pos());
  const QPoint to = view.mapFromScene(service->pos());
  QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
  QTest::mouseMove(view.viewport(), (from + to) / 2);
  QTest::mouseMove(view.viewport(), to);
  QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, to);
  ASSERT_EQ(doc.scenario().links.size(), 1u);
  EXPECT_EQ(doc.scenario().links[0].id, "client1->service1");
  EXPECT_EQ(countLinks(window.scene()), 1);

  // Edit a parameter through the inspector.
  window.scene().selectComponents({"service1"});
  editInInspector(window, QStringLiteral("workers"), QStringLiteral("16"));
  EXPECT_EQ(doc.scenario().findComponent("service1")->params.integer("workers"), 16);
  EXPECT_TRUE(window.isWindowModified());

  // A refused value never reaches the model.
  editInInspector(window, QStringLiteral("workers"), QStringLiteral("0"));
  EXPECT_EQ(doc.scenario().findComponent("service1")->params.integer("workers"), 16);

  EXPECT_EQ(undo.count(), 4);  // add, add, connect, set
  while (undo.canUndo()) undo.undo();
  EXPECT_TRUE(doc.scenario().components.empty());
  EXPECT_TRUE(doc.scenario().links.empty());
  EXPECT_TRUE(window.scene().items().isEmpty());
  EXPECT_FALSE(window.isWindowModified());

  while (undo.canRedo()) undo.redo();
  ASSERT_EQ(doc.scenario().components.size(), 2u);
  EXPECT_EQ(doc.scenario().links.size(), 1u);
  EXPECT_EQ(doc.scenario().findComponent("service1")->params.integer("workers"), 16);
  EXPECT_EQ(countLinks(window.scene()), 1);
}

TEST_F(Editing, EditsOfOneParameterInARowAreOneUndoStep) {
  TopologyDocument& doc = window.document();
  dropKind(window.view(), "service", QPoint(300, 300));
  window.scene().selectComponents({"service1"});
  const int added = doc.undoStack().count();
  // Each value is typed and committed with Enter; the keys typed on the way are not steps, and
  // the commits of one parameter in a row merge (as Tiled's property edits).
  for (const char* text : {"16", "160"}) editInInspector(window, QStringLiteral("workers"), QString::fromLatin1(text));
  EXPECT_EQ(doc.scenario().findComponent("service1")->params.integer("workers"), 160);
  EXPECT_EQ(doc.undoStack().count(), added + 1);
  // Another parameter is a step of its own.
  editInInspector(window, QStringLiteral("queue_capacity"), QStringLiteral("50"));
  EXPECT_EQ(doc.undoStack().count(), added + 2);
  doc.undoStack().undo();
  doc.undoStack().undo();
  EXPECT_EQ(doc.scenario().findComponent("service1")->params.integer("workers"), 4);  // as dropped
}

TEST_F(Editing, AnEditBackToTheSavedValueLeavesNoStepAndNoModifiedMark) {
  TopologyDocument& doc = window.document();
  dropKind(window.view(), "service", QPoint(300, 300));
  window.scene().selectComponents({"service1"});
  const QString path = QString::fromStdString(::testing::TempDir()) + QStringLiteral("/edit-back.json");
  QString error;
  ASSERT_TRUE(doc.saveAs(path, &error)) << error.toStdString();
  const int saved = doc.undoStack().count();
  ASSERT_FALSE(window.isWindowModified());
  editInInspector(window, QStringLiteral("workers"), QStringLiteral("8"));
  EXPECT_TRUE(window.isWindowModified());
  editInInspector(window, QStringLiteral("workers"), QStringLiteral("12"));
  // Back where it was saved: the merged step changes nothing, so it is gone (Tiled's obsolete
  // command) and the document is clean again.
  editInInspector(window, QStringLiteral("workers"), QStringLiteral("4"));
  EXPECT_EQ(doc.undoStack().count(), saved);
  EXPECT_FALSE(doc.isModified());
  EXPECT_FALSE(window.isWindowModified());
  EXPECT_FALSE(doc.undoStack().canRedo());
}

TEST_F(Editing, DraggingCardsIsOneMoveAndUndoPutsThemBack) {
  TopologyDocument& doc = window.document();
  TopologyView& view = window.view();
  dropKind(view, "client", QPoint(200, 200));
  NodeItem* client = window.scene().nodeFor("client1");
  const QPointF before = doc.position("client1");
  const QPoint grab = view.mapFromScene(client->pos());
  QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::NoModifier, grab);
  for (int step = 1; step <= 5; ++step) QTest::mouseMove(view.viewport(), grab + QPoint(20 * step, 10 * step));
  QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::NoModifier, grab + QPoint(100, 50));
  const QPointF after = doc.position("client1");
  EXPECT_NE(after, before);
  EXPECT_EQ(client->pos(), after);  // the item shows what the document says
  EXPECT_EQ(doc.undoStack().count(), 2);  // add + one move, not one per mouse step
  doc.undoStack().undo();
  EXPECT_EQ(doc.position("client1"), before);
  EXPECT_EQ(window.scene().nodeFor("client1")->pos(), before);
}

TEST_F(Editing, DeletingAComponentTakesItsLinksAndUndoRestoresThemInPlace) {
  ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json"), true));
  TopologyDocument& doc = window.document();
  const std::string before = [&] {
    std::string ids;
    for (const auto& l : doc.scenario().links) ids += l.id + ";";
    return ids;
  }();
  window.scene().selectComponents({"web2"});
  QTest::keyClick(&window.view(), Qt::Key_Delete);
  EXPECT_EQ(doc.scenario().findComponent("web2"), nullptr);
  EXPECT_EQ(doc.scenario().links.size(), 6u);  // lb->web2 and web2->cache went with it
  EXPECT_EQ(doc.scenario().findGroup("zone-a")->members.size(), 4u);
  doc.undoStack().undo();
  std::string after;
  for (const auto& l : doc.scenario().links) after += l.id + ";";
  EXPECT_EQ(after, before);
  EXPECT_EQ(doc.scenario().components[3].id, "web2");
  EXPECT_EQ(doc.scenario().findGroup("zone-a")->members.size(), 5u);
}

TEST_F(Editing, ConnectingTwiceIsRefusedWithAReason) {
  TopologyDocument& doc = window.document();
  dropKind(window.view(), "client", QPoint(150, 150));
  dropKind(window.view(), "service", QPoint(500, 150));
  EXPECT_TRUE(doc.connectComponents("client1", "service1").isEmpty());
  EXPECT_TRUE(doc.connectComponents("service1", "client1").contains(QStringLiteral("already linked")));
  EXPECT_FALSE(doc.connectComponents("client1", "client1").isEmpty());
  EXPECT_EQ(doc.scenario().links.size(), 1u);
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

TEST(AutoLayoutInWindow, OneUndoableStepThatPutsEveryCardApart) {
  MainWindow window;
  window.useDefaultLayout();
  ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json"), true));
  TopologyDocument& doc = window.document();
  const QPointF before = doc.position("db");
  ASSERT_TRUE(window.autoLayout().start(LayoutEngine::Dot));
  window.autoLayout().waitForFinished();
  EXPECT_EQ(doc.undoStack().count(), 1);
  EXPECT_EQ(doc.undoStack().text(0), QStringLiteral("Auto-layout (dot)"));
  // Requests flow left to right, and no two cards overlap.
  EXPECT_LT(doc.position("users").x(), doc.position("db").x());
  const auto& comps = doc.scenario().components;
  for (std::size_t i = 0; i < comps.size(); ++i) {
    for (std::size_t j = i + 1; j < comps.size(); ++j) {
      const QPointF d = doc.position(comps[i].id) - doc.position(comps[j].id);
      EXPECT_TRUE(std::abs(d.x()) >= NodeItem::kWidth || std::abs(d.y()) >= NodeItem::kHeight)
          << comps[i].id << " overlaps " << comps[j].id;
    }
  }
  // Items follow the document.
  EXPECT_EQ(window.scene().nodeFor("db")->pos(), doc.position("db"));
  doc.undoStack().undo();
  EXPECT_EQ(doc.position("db"), before);
}

}  // namespace
}  // namespace pillars
