// Room to work at 1600 x 1000: the review gets the canvas's area, three charts are readable side
// by side, and the docks keep their sizes.
#include <QDockWidget>
#include <QScrollArea>
#include <QToolBar>
#include <QWidgetAction>

#include "first_hour_fixture.hpp"
#include "widgets/live/chart_pane.hpp"
#include "widgets/live/live_charts_panel.hpp"
#include "widgets/review/checklist_panel.hpp"
#include "widgets/review/review_actions.hpp"

namespace pillars {
namespace {

TEST_F(FirstHour, TheReviewHasTheRoomOfTheCanvas) {
  launch(example("three-tier.json"));
  window->reviewActions().showChecklist();
  QTest::qWait(50);
  ASSERT_TRUE(window->isReviewShown());
  const QWidget& panel = window->reviewActions().checklist();
  EXPECT_TRUE(panel.isVisible());
  EXPECT_GE(panel.width(), 900) << "a corner of " << panel.width() << " px";
  EXPECT_GE(panel.height(), 550) << "a corner of " << panel.height() << " px";
  // Back to the design in one click (or Ctrl+1); the review keeps its place.
  action(QStringLiteral("Design"))->trigger();
  EXPECT_FALSE(window->isReviewShown());
}

TEST_F(FirstHour, ThreeChartsAreReadableSideBySide) {
  launch(example("three-tier.json"));
  QTest::qWait(50);
  LiveChartsPanel& charts = window->charts();
  auto* scroll = charts.findChild<QScrollArea*>(QStringLiteral("chartScroll"));
  ASSERT_NE(scroll, nullptr);
  const QRect shown = scroll->viewport()->rect();
  int readable = 0;
  for (std::size_t i = 0; i < LiveChartsPanel::kChartCount; ++i) {
    const ChartPane* pane = charts.pane(static_cast<LiveChartsPanel::Chart>(i));
    const QRect at(pane->mapTo(scroll->viewport(), QPoint(0, 0)), pane->size());
    const bool whole = shown.contains(at);
    if (whole && at.width() >= 260 && at.height() >= 160) ++readable;
  }
  EXPECT_GE(readable, 3) << "charts dock " << charts.width() << "x" << charts.height();
}

TEST_F(FirstHour, ToolbarButtonsShowIconsWithTheirNames) {
  for (const char* name : {"MainToolBar", "RunToolBar"}) {
    auto* bar = window->findChild<QToolBar*>(QString::fromLatin1(name));
    ASSERT_NE(bar, nullptr) << name;
    EXPECT_EQ(bar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon) << name;
    int buttons = 0;
    for (QAction* a : bar->actions()) {
      if (a->isSeparator() || qobject_cast<QWidgetAction*>(a)) continue;
      ++buttons;
      EXPECT_FALSE(a->icon().isNull()) << name << ": " << a->text().toStdString() << " has no icon";
      EXPECT_FALSE(a->text().isEmpty());
    }
    EXPECT_GE(buttons, 4) << name;
  }
}

}  // namespace
}  // namespace pillars
