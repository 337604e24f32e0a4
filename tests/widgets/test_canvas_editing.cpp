// Canvas editing beyond create/connect/move: clipboard, duplicate, rename in place, delete of
// links and groups, grouping, group drags, Space+drag panning and the grid.
#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "engine/io/scenario_writer.hpp"
#include "widgets/canvas/group_item.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/edit_actions.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {
namespace {

class CanvasEditing : public ::testing::Test {
 protected:
  void SetUp() override {
    window.useDefaultLayout();
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json"), true));
    QApplication::clipboard()->clear();
  }
  TopologyDocument& doc() { return window.document(); }
  EditActions& edit() { return window.editActions(); }
  bool hasLink(const std::string& from, const std::string& to) {
    for (const LinkSpec& l : doc().scenario().links) {
      if (l.from == from && l.to == to) return true;
    }
    return false;
  }
  /// The whole model as text, to compare states before and after undo.
  std::string snapshot() { return writeScenarioJson(doc().scenarioWithPositions()); }

  MainWindow window;
};

TEST_F(CanvasEditing, CopyPasteMakesRenamedCopiesWithTheirInternalLinksInOneUndoStep) {
  const std::string before = snapshot();
  const int steps = doc().undoStack().count();
  window.scene().selectComponents({"lb", "web1", "web2"});
  edit().copy();
  edit().paste();
  ASSERT_NE(doc().scenario().findComponent("lb1"), nullptr);
  ASSERT_NE(doc().scenario().findComponent("web4"), nullptr);
  ASSERT_NE(doc().scenario().findComponent("web5"), nullptr);
  EXPECT_TRUE(hasLink("lb1", "web4"));
  EXPECT_TRUE(hasLink("lb1", "web5"));
  EXPECT_FALSE(hasLink("users", "lb1"));  // links leaving the selection stay behind
  EXPECT_EQ(doc().position("lb1"), doc().position("lb") + QPointF(40, 40));
  EXPECT_EQ(window.scene().selectedComponents(), (std::vector<std::string>{"lb1", "web4", "web5"}));
  EXPECT_EQ(doc().undoStack().count(), steps + 1);
  // A second paste steps further instead of landing on the first copies.
  edit().paste();
  EXPECT_EQ(doc().position("lb2"), doc().position("lb") + QPointF(80, 80));
  doc().undoStack().undo();
  doc().undoStack().undo();
  EXPECT_EQ(snapshot(), before);
}

TEST_F(CanvasEditing, ScenarioTextOnTheClipboardPastesAndGarbageIsRefusedWithAReason) {
  QApplication::clipboard()->setText(QStringLiteral(
      R"({"format": "pillars-scenario", "version": 1, "duration": "10s",
          "components": [{"id": "web1", "kind": "service"}, {"id": "extra", "kind": "cache"}],
          "links": [{"from": "web1", "to": "extra"}]})"));
  QSignalSpy messages(&edit(), &EditActions::message);
  const QPointF at(1000, 1000);
  edit().paste(&at);
  EXPECT_NE(doc().scenario().findComponent("web4"), nullptr);  // web1 was taken
  EXPECT_NE(doc().scenario().findComponent("extra"), nullptr);
  EXPECT_TRUE(hasLink("web4", "extra"));
  EXPECT_EQ(doc().position("extra"), QPointF(1000, 1000));  // unplaced components land at the pointer

  const std::string before = snapshot();
  QApplication::clipboard()->setText(QStringLiteral("{ not json"));
  edit().paste();
  EXPECT_EQ(snapshot(), before);
  ASSERT_FALSE(messages.isEmpty());
  EXPECT_TRUE(messages.last().at(0).toString().contains(QStringLiteral("not a Pillars scenario")));
}

TEST_F(CanvasEditing, CutRemovesAndTheFirstPastePutsThingsBackWhereTheyWere) {
  const QPointF where = doc().position("cache");
  window.scene().selectComponents({"cache", "db"});
  edit().cut();
  EXPECT_EQ(doc().scenario().findComponent("cache"), nullptr);
  EXPECT_FALSE(hasLink("web1", "cache"));
  edit().paste();
  EXPECT_NE(doc().scenario().findComponent("cache"), nullptr);  // the id was free again
  EXPECT_EQ(doc().position("cache"), where);
  EXPECT_TRUE(hasLink("cache", "db"));
}

TEST_F(CanvasEditing, DuplicateByShortcutCopiesBesideTheOriginalWithoutTouchingTheClipboard) {
  QApplication::clipboard()->setText(QStringLiteral("keep me"));
  window.scene().selectComponents({"web3"});
  window.view().setFocus();
  QTest::keyClick(&window.view(), Qt::Key_D, Qt::ControlModifier);
  ASSERT_NE(doc().scenario().findComponent("web4"), nullptr);
  EXPECT_EQ(doc().position("web4"), doc().position("web3") + QPointF(40, 40));
  EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("keep me"));
  // The copy has the original's parameters.
  EXPECT_EQ(doc().scenario().findComponent("web4")->params.text("workers"),
            doc().scenario().findComponent("web3")->params.text("workers"));
}

TEST_F(CanvasEditing, DoubleClickRenamesInPlaceAndEveryReferenceFollows) {
  TopologyView& view = window.view();
  const QPoint card = view.mapFromScene(window.scene().nodeFor("web2")->pos());
  QTest::mouseDClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, card);
  auto* editor = view.viewport()->findChild<QLineEdit*>(QStringLiteral("InlineRenameEditor"));
  ASSERT_NE(editor, nullptr);
  EXPECT_EQ(editor->text(), QStringLiteral("web2"));

  // A taken id is refused in place and the model is untouched.
  editor->setText(QStringLiteral("web1"));
  QTest::keyClick(editor, Qt::Key_Return);
  EXPECT_TRUE(editor->isVisible());
  EXPECT_TRUE(editor->toolTip().contains(QStringLiteral("taken")));
  EXPECT_NE(doc().scenario().findComponent("web2"), nullptr);
  editor->setText(QStringLiteral("has space"));
  QTest::keyClick(editor, Qt::Key_Return);
  EXPECT_NE(doc().scenario().findComponent("web2"), nullptr);

  editor->setText(QStringLiteral("web-b"));
  QTest::keyClick(editor, Qt::Key_Return);
  EXPECT_EQ(doc().scenario().findComponent("web2"), nullptr);
  ASSERT_NE(doc().scenario().findComponent("web-b"), nullptr);
  EXPECT_TRUE(hasLink("lb", "web-b"));
  EXPECT_NE(doc().scenario().findLink("lb->web-b"), nullptr);
  const auto& zone = doc().scenario().findGroup("zone-a")->members;
  EXPECT_NE(std::find(zone.begin(), zone.end(), "web-b"), zone.end());
  EXPECT_EQ(doc().scenario().faults.front().target, "web-b");  // the crash follows the rename
  EXPECT_EQ(window.scene().selectedComponents(), std::vector<std::string>{"web-b"});
  doc().undoStack().undo();
  EXPECT_NE(doc().scenario().findComponent("web2"), nullptr);
  EXPECT_EQ(doc().scenario().faults.front().target, "web2");
}

// Found by the GUI monkey: a rename editor left open while the document was replaced stayed
// over the new canvas and answered Enter with "No component web2.".
TEST_F(CanvasEditing, ARenameInProgressGoesWhenTheCardsAreMadeAgain) {
  const auto openEditors = [this] {
    int n = 0;
    for (auto* e : window.view().viewport()->findChildren<QLineEdit*>(QStringLiteral("InlineRenameEditor"))) {
      n += e->isVisible() ? 1 : 0;
    }
    return n;
  };
  window.view().startRename("web2");
  ASSERT_EQ(openEditors(), 1);
  ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/raft-5.json"), true));
  EXPECT_EQ(openEditors(), 0);
  // The same when the component goes by other means than the editor.
  window.view().startRename("n1");
  ASSERT_EQ(openEditors(), 1);
  doc().remove({"n1"});
  EXPECT_EQ(openEditors(), 0);
  EXPECT_EQ(doc().scenario().findComponent("n1"), nullptr);
}

TEST_F(CanvasEditing, EscapeCancelsARename) {
  window.scene().selectComponents({"db"});
  edit().renameSelected();
  auto* editor = window.view().viewport()->findChild<QLineEdit*>(QStringLiteral("InlineRenameEditor"));
  ASSERT_NE(editor, nullptr);
  editor->setText(QStringLiteral("database"));
  QTest::keyClick(editor, Qt::Key_Escape);
  EXPECT_NE(doc().scenario().findComponent("db"), nullptr);
  EXPECT_EQ(doc().scenario().findComponent("database"), nullptr);
}

TEST_F(CanvasEditing, DeletingAComponentDropsItsFaultsSoTheSavedFileStillOpens) {
  QTemporaryDir dir;
  window.scene().selectComponents({"web2"});
  edit().deleteSelection();
  EXPECT_TRUE(doc().scenario().faults.empty());  // web2's crash and restart went with it
  const QString path = dir.filePath(QStringLiteral("after-delete.pillars"));
  QString error;
  ASSERT_TRUE(doc().saveAs(path, &error)) << error.toStdString();
  MainWindow other;
  QStringList problems;
  EXPECT_TRUE(other.openFile(path, true, &problems)) << problems.join(QLatin1Char('\n')).toStdString();
  doc().undoStack().undo();
  EXPECT_EQ(doc().scenario().faults.size(), 2u);
}

TEST_F(CanvasEditing, SelectedLinksAndGroupsDeleteToo) {
  window.scene().clearSelection();
  for (QGraphicsItem* item : window.scene().items()) {
    if (item->type() == GroupItem::Type && static_cast<GroupItem*>(item)->groupId() == "zone-b") {
      item->setSelected(true);
    }
  }
  ASSERT_EQ(window.scene().selectedGroups(), std::vector<std::string>{"zone-b"});
  edit().deleteSelection();
  EXPECT_EQ(doc().scenario().findGroup("zone-b"), nullptr);
  ASSERT_NE(doc().scenario().findComponent("web3"), nullptr);  // members stay
  const auto& region = doc().scenario().findGroup("region")->members;
  EXPECT_NE(std::find(region.begin(), region.end(), "web3"), region.end());  // and move up
  doc().undoStack().undo();
  EXPECT_NE(doc().scenario().findGroup("zone-b"), nullptr);
}

TEST_F(CanvasEditing, GroupingIntoZonesAndRegionsNestsAndUndoes) {
  window.scene().selectComponents({"users"});
  QTest::keyClick(&window.view(), Qt::Key_G, Qt::ControlModifier);
  const GroupSpec* zone = doc().scenario().findGroup("zone1");
  ASSERT_NE(zone, nullptr);
  EXPECT_EQ(zone->kind, "zone");
  EXPECT_EQ(zone->members, std::vector<std::string>{"users"});
  EXPECT_TRUE(zone->parent.empty());  // users was in no group

  // Move web3 from zone-b into the new zone, then take it out of every group.
  window.scene().selectComponents({"web3"});
  edit().moveSelectionToGroup("zone1");
  EXPECT_EQ(doc().scenario().findGroup("zone1")->members, (std::vector<std::string>{"users", "web3"}));
  EXPECT_TRUE(doc().scenario().findGroup("zone-b")->members.empty());
  edit().moveSelectionToGroup({});
  EXPECT_EQ(doc().scenario().findGroup("zone1")->members, std::vector<std::string>{"users"});

  // A region around the new zone makes it a child.
  window.scene().clearSelection();
  for (QGraphicsItem* item : window.scene().items()) {
    if (item->type() == GroupItem::Type && static_cast<GroupItem*>(item)->groupId() == "zone1") item->setSelected(true);
  }
  edit().groupSelection("region");
  EXPECT_EQ(doc().scenario().findGroup("zone1")->parent, "region1");
  for (int i = 0; i < 4; ++i) doc().undoStack().undo();
  EXPECT_EQ(doc().scenario().findGroup("zone1"), nullptr);
  EXPECT_EQ(doc().scenario().findGroup("zone-b")->members, std::vector<std::string>{"web3"});
}

TEST_F(CanvasEditing, DraggingAZoneFrameMovesItsMembersAsOneStep) {
  TopologyView& view = window.view();
  window.view().zoomToActualSize();
  const QPointF web3 = doc().position("web3");
  // A point inside zone-b's frame but off web3's card: just below the card.
  const QPointF grip = web3 + QPointF(0, NodeItem::kHeight / 2 + 12);
  view.centerOn(grip);
  const QPoint start = view.mapFromScene(grip);
  const int steps = doc().undoStack().count();
  QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::NoModifier, start);
  for (int i = 1; i <= 4; ++i) QTest::mouseMove(view.viewport(), start + QPoint(25 * i, 10 * i));
  QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::NoModifier, start + QPoint(100, 40));
  EXPECT_EQ(doc().position("web3"), web3 + QPointF(100, 40));
  EXPECT_EQ(doc().undoStack().count(), steps + 1);
  EXPECT_EQ(doc().undoStack().text(doc().undoStack().count() - 1), QStringLiteral("Move zone-b"));
  doc().undoStack().undo();
  EXPECT_EQ(doc().position("web3"), web3);
}

TEST_F(CanvasEditing, SpaceDragPansWithoutMovingAnythingAndATapIsReported) {
  TopologyView& view = window.view();
  view.zoomToActualSize();
  view.setFocus();
  QSignalSpy taps(&view, &TopologyView::spaceTapped);
  const std::string before = snapshot();
  const int h = view.horizontalScrollBar()->value();
  const QPoint from = view.mapFromScene(window.scene().nodeFor("lb")->pos());  // even over a card
  QTest::keyPress(&view, Qt::Key_Space);
  QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::NoModifier, from);
  QTest::mouseMove(view.viewport(), from + QPoint(-60, 0));
  QTest::mouseMove(view.viewport(), from + QPoint(-120, 0));
  QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::NoModifier, from + QPoint(-120, 0));
  QTest::keyRelease(&view, Qt::Key_Space);
  EXPECT_EQ(view.horizontalScrollBar()->value(), h + 120);
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(taps.count(), 0);
  QTest::keyClick(&view, Qt::Key_Space);
  EXPECT_EQ(taps.count(), 1);
}

TEST_F(CanvasEditing, TheGridIsDrawnAndCanBeHidden) {
  TopologyView& view = window.view();
  // An empty corner of the canvas, far from every card.
  view.zoomToActualSize();
  view.centerOn(QPointF(-5000, -5000));
  window.scene().setSceneRect(QRectF(-6000, -6000, 12000, 12000));
  view.centerOn(QPointF(-5000, -5000));
  const auto distinctColours = [&] {
    const QImage shot = view.viewport()->grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < shot.height(); y += 3) {
      for (int x = 0; x < shot.width(); x += 3) colours.insert(shot.pixel(x, y));
    }
    return colours.size();
  };
  EXPECT_GE(distinctColours(), 2);  // base plus grid lines
  view.setGridVisible(false);
  EXPECT_EQ(distinctColours(), 1);
}

TEST_F(CanvasEditing, ContextMenuOffersWhatTheSelectionAllows) {
  window.scene().selectComponents({"web1"});
  QMenu menu;
  edit().addToContextMenu(menu, QPointF());
  QStringList texts;
  for (QAction* a : menu.actions()) texts << a->text().remove(QLatin1Char('&'));
  EXPECT_TRUE(texts.contains(QStringLiteral("Rename\u2026")));
  EXPECT_TRUE(texts.contains(QStringLiteral("Duplicate")));
  EXPECT_TRUE(texts.contains(QStringLiteral("Delete")));
  EXPECT_FALSE(texts.contains(QStringLiteral("Ungroup")));
  window.scene().clearSelection();
  QMenu empty;
  edit().addToContextMenu(empty, QPointF());
  QStringList emptyTexts;
  for (QAction* a : empty.actions()) emptyTexts << a->text().remove(QLatin1Char('&'));
  EXPECT_EQ(emptyTexts, QStringList{QStringLiteral("Paste Here")});
}

}  // namespace
}  // namespace pillars
