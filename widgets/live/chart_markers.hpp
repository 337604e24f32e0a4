#pragma once

#include <QColor>
#include <QString>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QPalette;
QT_END_NAMESPACE

namespace pillars {

/// A span of the time axis worth marking on a chart: an alert from the moment it fired to the
/// moment it resolved (still open: to the newest time shown).
struct ChartMarker {
  double from = 0;   // seconds of simulated time
  double to = -1;    // < 0: still open
  QString label;     // drawn at its start where it fits: "page_14.4x"
  QString toolTip;   // the whole story, on hover
  QColor color;
};

/// The marks a chart draws over its plot, as monitoring dashboards annotate their graphs: for
/// each marker a line where it began, a faint band across the plot while it lasted and a
/// solid strip along the plot's top edge, so overlapping marks stay readable. The items
/// belong to the chart; place() puts them where the time axis says.
class ChartMarkers {
 public:
  explicit ChartMarkers(QChart& chart);
  ChartMarkers(const ChartMarkers&) = delete;
  ChartMarkers& operator=(const ChartMarkers&) = delete;

  void set(std::vector<ChartMarker> markers);
  const std::vector<ChartMarker>& markers() const { return m_markers; }
  /// Lays the marks out for a time axis from `minSeconds` to `maxSeconds`; marks outside it
  /// are hidden.
  void place(double minSeconds, double maxSeconds);
  /// Marks drawn now (inside the axis).
  int visibleCount() const;
  void applyPalette(const QPalette& palette);

 private:
  struct Items {
    QGraphicsRectItem* band;
    QGraphicsRectItem* strip;
    QGraphicsLineItem* start;
    QGraphicsSimpleTextItem* label;
  };
  void style(Items& items, const ChartMarker& marker) const;

  QChart& m_chart;
  std::vector<ChartMarker> m_markers;
  std::vector<Items> m_items;  // one per marker, reused as the set changes
  bool m_dark = false;
};

}  // namespace pillars
