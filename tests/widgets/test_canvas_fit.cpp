// Fit to Window while the viewport settles: found by the GUI monkey (tests/widgets/monkey).
// A fit decides whether a scroll bar is needed, and a scroll bar takes room from the viewport,
// which the fit follows. Near the edge the two chased each other for ever: the fit needed a
// horizontal bar, whose height made the next fit smaller, which needed none, which made the
// fit larger again... and the window froze, posting layout requests without end.
#include <gtest/gtest.h>

#include <QApplication>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QScrollBar>
#include <QStyle>
#include <QTest>

#include "widgets/canvas/topology_view.hpp"

namespace pillars {
namespace {

/// Counts resizes of a viewport, and past 100 stops the view following its size, which ends a
/// chase (the test then fails on the count instead of hanging in the event loop).
class ResizeCounter : public QObject {
 public:
  explicit ResizeCounter(TopologyView& view) : m_view(view) {}
  int count = 0;
  bool eventFilter(QObject*, QEvent* event) override {
    if (event->type() == QEvent::Resize && ++count > 100) m_view.stopFitting();
    return false;
  }

 private:
  TopologyView& m_view;
};

TEST(CanvasFit, AFitOnTheEdgeOfNeedingAScrollBarSettles) {
  QGraphicsScene scene;
  TopologyView view(&scene);
  const int bar = view.style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, &view);
  const QSize size(700, 420);
  view.resize(size);
  const QSize frame = view.size() - view.maximumViewportSize();  // nothing, or the frame
  // The fit is set by the height (TopologyView keeps 30 around the items; Qt 2 more). The
  // scene is as wide as it takes for the horizontal bar to be needed at the fit made without
  // it and not at the one made with it: the width of the viewport beside the vertical bar lies
  // halfway between the scene's widths at the two fits.
  const double content = 1600;  // the items' height plus 60
  const double roomWithout = size.height() - frame.height() - 4;
  const double roomWith = roomWithout - bar;
  const double besideBar = size.width() - frame.width() - bar;
  const double sceneWidth = besideBar * content / ((roomWith + roomWithout) / 2);
  auto* items = scene.addRect(0, 0, 800, content - 60);
  scene.setSceneRect(items->boundingRect().center().x() - sceneWidth / 2, -600, sceneWidth, content + 1200);
  ASSERT_GT(sceneWidth * roomWithout / content, besideBar) << "the bar is needed at the fit made without it";
  ASSERT_LT(sceneWidth * roomWith / content, besideBar) << "and not at the one made with it";

  ResizeCounter resizes(view);
  view.viewport()->installEventFilter(&resizes);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  view.fitToWindow();
  for (int i = 0; i < 5; ++i) QApplication::processEvents();
  EXPECT_LT(resizes.count, 10) << "the viewport keeps being resized: the fit and the scroll bar chase each other";
  // Still a fit: every item in view, never above 100 %.
  EXPECT_LE(view.zoom(), 1.0);
  EXPECT_TRUE(view.isFitting());
}

}  // namespace
}  // namespace pillars
