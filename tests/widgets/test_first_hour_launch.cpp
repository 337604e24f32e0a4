// The first minutes: `pillars FILE` shows the whole design, `pillars` alone a start page, and
// the status bar says what to do next.
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QStatusBar>

#include "first_hour_fixture.hpp"
#include "widgets/canvas/mime_types.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/recent_files.hpp"
#include "widgets/window/start_page.hpp"

namespace pillars {
namespace {

/// Every card of the design lies inside what the canvas shows.
void expectEveryCardVisible(MainWindow& window) {
  TopologyView& view = window.view();
  const QRect shown = view.viewport()->rect();
  int cards = 0;
  for (QGraphicsItem* item : window.scene().items()) {
    if (item->type() != NodeItem::Type) continue;
    ++cards;
    const QRect card = view.mapFromScene(item->sceneBoundingRect()).boundingRect();
    EXPECT_TRUE(shown.contains(card)) << static_cast<NodeItem*>(item)->componentId() << " at "
                                      << card.x() << "," << card.y() << " " << card.width() << "x" << card.height()
                                      << " outside " << shown.width() << "x" << shown.height();
  }
  EXPECT_GT(cards, 0);
}

TEST_F(FirstHour, PillarsFileShowsTheWholeDesignNotASpeck) {
  launch(example("three-tier.json"));
  const qreal zoom = window->view().zoom();
  // Fitted to the real viewport: three-tier is about 1,000 px wide, so it shows at well over
  // a third of its size (a fit into the unshown view's few pixels gave a speck) and never above 100%.
  EXPECT_GT(zoom, 0.5) << "a speck: the fit was made before the window had its size";
  EXPECT_LE(zoom, 1.0);
  expectEveryCardVisible(*window);
}

TEST_F(FirstHour, ARecoveredOrTemplateDocumentIsFittedToo) {
  showAtRealSize();
  ASSERT_TRUE(window->openTemplate(example("raft-5.json")));
  QTest::qWait(20);
  EXPECT_GT(window->view().zoom(), 0.4);
  EXPECT_LE(window->view().zoom(), 1.0);
  expectEveryCardVisible(*window);
}

TEST_F(FirstHour, TheFitFollowsTheViewportUntilTheUserZooms) {
  launch(example("three-tier.json"));
  const qreal fitted = window->view().zoom();
  window->resize(1200, 800);
  QTest::qWait(30);
  EXPECT_LT(window->view().zoom(), fitted) << "a smaller window fits again";
  expectEveryCardVisible(*window);
  window->view().zoomIn();
  const qreal chosen = window->view().zoom();
  window->resize(1600, 1000);
  QTest::qWait(30);
  EXPECT_DOUBLE_EQ(window->view().zoom(), chosen) << "the user's zoom stays";
}

TEST_F(FirstHour, ADroppedCardLandsUnderThePointer) {
  showAtRealSize();
  window->newDocument();
  QTest::qWait(20);
  TopologyView& view = window->view();
  for (const QPoint at : {QPoint(160, 120), QPoint(640, 420)}) {
    auto* payload = new QMimeData;
    payload->setData(QLatin1String(kKindMimeType), QByteArrayLiteral("service"));
    // As a drag from the palette arrives: entering makes the canvas the drop's target.
    QDragEnterEvent enter(at, Qt::CopyAction, payload, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view.viewport(), &enter);
    ASSERT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, payload, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view.viewport(), &drop);
    delete payload;
    QCoreApplication::processEvents();
    ASSERT_FALSE(window->document().scenario().components.empty()) << "the drop did not arrive";
    const auto selected = window->scene().selectedComponents();
    ASSERT_EQ(selected.size(), 1u);
    const QPoint card = view.mapFromScene(window->scene().nodeFor(selected.front())->pos());
    // Within the snap to the 10 px grid, at any zoom.
    EXPECT_LE((card - at).manhattanLength(), 20) << "dropped at " << at.x() << "," << at.y() << ", landed at "
                                                 << card.x() << "," << card.y();
  }
}

TEST_F(FirstHour, WithoutAFileAStartPageShowsTheExamplesByPillar) {
  launch(QString());
  ASSERT_TRUE(window->isStartPageShown());
  for (QDockWidget* dock : window->findChildren<QDockWidget*>()) {
    EXPECT_FALSE(dock->isVisible()) << dock->objectName().toStdString() << ": empty docks say nothing yet";
  }
  StartPage& page = window->startPage();
  const auto names = [&](Pillar pillar) {
    QStringList out;
    for (const QString& path : page.examplesOf(pillar)) out << QFileInfo(path).fileName();
    return out;
  };
  EXPECT_TRUE(names(Pillar::Work).contains(QStringLiteral("mmc.json")));
  EXPECT_TRUE(names(Pillar::Work).contains(QStringLiteral("three-tier.json")));
  EXPECT_TRUE(names(Pillar::State).contains(QStringLiteral("three-tier.json"))) << "it has a cache";
  EXPECT_TRUE(names(Pillar::Truth).contains(QStringLiteral("raft-5.json")));
  EXPECT_TRUE(names(Pillar::Truth).contains(QStringLiteral("saga-payment.json")));
  EXPECT_FALSE(names(Pillar::Truth).contains(QStringLiteral("mmc.json")));
  EXPECT_EQ(page.examplesList(Pillar::Control), nullptr) << "no examples yet: the page says so instead";
  // Each card has its picture and a one-line description.
  QListWidget* truth = page.examplesList(Pillar::Truth);
  ASSERT_NE(truth, nullptr);
  ASSERT_GT(truth->count(), 0);
  EXPECT_FALSE(truth->item(0)->data(Qt::DecorationRole).value<QImage>().isNull());
  EXPECT_FALSE(truth->item(0)->data(Qt::UserRole + 1).toString().isEmpty());
  EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("example")));

  // A click on an example opens it as a new, untitled design; the docks come back.
  int raft = -1;
  for (int i = 0; i < truth->count(); ++i) {
    if (truth->item(i)->data(Qt::UserRole + 2).toString().endsWith(QStringLiteral("raft-5.json"))) raft = i;
  }
  ASSERT_GE(raft, 0);
  truth->scrollToItem(truth->item(raft));
  QTest::mouseClick(truth->viewport(), Qt::LeftButton, Qt::NoModifier, truth->visualItemRect(truth->item(raft)).center());
  QTest::qWait(20);
  EXPECT_FALSE(window->isStartPageShown());
  EXPECT_EQ(window->document().scenario().components.size(), 6u);
  EXPECT_TRUE(window->document().filePath().isEmpty()) << "the example itself is never overwritten";
  for (QDockWidget* dock : window->findChildren<QDockWidget*>()) {
    EXPECT_TRUE(dock->isVisible()) << dock->objectName().toStdString();
  }
  expectEveryCardVisible(*window);
}

TEST_F(FirstHour, TheStartPageNeverStandsInTheWayOfAFile) {
  launch(QString());
  window->recentFiles().add(example("mmc.json"));
  QListWidget* recent = window->startPage().recentList();
  ASSERT_EQ(recent->count(), 1);
  EXPECT_EQ(recent->item(0)->text(), QStringLiteral("mmc.json"));
  ASSERT_TRUE(window->openFile(example("three-tier.json"), true));
  EXPECT_FALSE(window->isStartPageShown());
  // View › Start Page brings it back; a recent file opens from it.
  action(QStringLiteral("Start Page"))->trigger();
  ASSERT_TRUE(window->isStartPageShown());
  QListWidget* again = window->startPage().recentList();
  ASSERT_GE(again->count(), 2);
  EXPECT_EQ(again->item(0)->text(), QStringLiteral("three-tier.json"));
  QTest::mouseClick(again->viewport(), Qt::LeftButton, Qt::NoModifier, again->visualItemRect(again->item(1)).center());
  QTest::qWait(20);
  EXPECT_FALSE(window->isStartPageShown());
  EXPECT_TRUE(window->document().filePath().endsWith(QStringLiteral("mmc.json")));
}

TEST_F(FirstHour, TheStatusBarSaysWhatToDoNextAndCountsInWords) {
  launch(QString());
  action(QStringLiteral("New"))->trigger();
  ASSERT_FALSE(window->isStartPageShown());
  EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("Drag a component")))
      << window->statusBar()->currentMessage().toStdString();
  auto* summary = window->findChild<QLabel*>(QStringLiteral("StatusSummary"));
  ASSERT_NE(summary, nullptr);
  EXPECT_FALSE(summary->text().contains(QStringLiteral("Open a scenario"))) << "the document is open and editable";
  EXPECT_TRUE(summary->text().contains(QStringLiteral("empty design"))) << summary->text().toStdString();
  window->addComponentAt(QStringLiteral("client"), QPointF(0, 0));
  EXPECT_TRUE(summary->text().contains(QStringLiteral("1 component, 0 links, 0 groups"))) << summary->text().toStdString();
  EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("Shift+drag")))
      << window->statusBar()->currentMessage().toStdString();
}

}  // namespace
}  // namespace pillars
