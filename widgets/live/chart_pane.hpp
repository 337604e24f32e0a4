#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

#include "widgets/live/chart_markers.hpp"

namespace pillars {

class TimeSeries;

/// One line of a chart: a column of the run's time series.
struct ChartTrace {
  QString label;
  std::string column;
  QColor color;
  Qt::PenStyle style = Qt::SolidLine;
  /// Drawn against the right-hand axis (see ChartPane::setSecondaryAxis) instead of the
  /// left-hand one, which scales itself to the lines it carries.
  bool secondary = false;
  /// Multiplies every value (utilization 0..1 drawn as a percentage).
  double scale = 1.0;
  /// When set, rows where this column is 0 draw nothing and break the line: a latency while no
  /// request completed is no latency, and a 0 ms there would read as the fastest of the run.
  std::string gate = {};
};

/// One small live chart: lines following columns of a TimeSeries over a scrolling window of
/// simulated time. It is fed incrementally (appendRows with only the rows it has not seen)
/// and keeps only the points inside the window, so an update costs the window's size, never
/// the run's length. Values that are not finite, and rows a trace's gate closes, are gaps: the
/// line stops there and starts again after (one line series per unbroken run of points).
class ChartPane : public QChartView {
  Q_OBJECT

 public:
  explicit ChartPane(const QString& title, QWidget* parent = nullptr);
  ~ChartPane() override;

  void setTitle(const QString& title);
  QString title() const { return m_title; }
  /// Replaces the lines; they start empty (rebuild() fills them).
  void setTraces(std::vector<ChartTrace> traces);
  /// A right-hand axis from 0 to `max`, labels in printf `labelFormat` (e.g. "%.0f%%");
  /// an empty format removes it.
  void setSecondaryAxis(double max, const QString& labelFormat);
  /// Seconds of simulated time shown; 0 shows the whole run. Takes effect at the next
  /// rebuild() or appendRows().
  void setWindow(double seconds);
  double window() const { return m_window; }
  /// Text shown over the plot in place of lines (e.g. "Select a component"); empty hides it.
  void setPlaceholder(const QString& text);
  QString placeholder() const;
  /// Shades the seconds [from, to) of the time axis, labelled `label` where it fits (the
  /// warm-up, whose measurements the run discards); to <= from removes the shading.
  void setShadedSpan(double from, double to, const QString& label);
  /// Marks spans of the time axis (alerts while they fired) over the plot; see ChartMarkers.
  void setMarkers(std::vector<ChartMarker> markers);
  const ChartMarkers& markers() const { return *m_markers; }

  /// Empties every line and returns the time axis to its start.
  void clear();
  /// Refills the lines from `series` (null: empties them), reading only the rows the window
  /// shows. Resolves the traces' columns again (a new run may have other columns).
  void rebuild(const TimeSeries* series);
  /// Adds rows [from, series.rowCount()) and scrolls the window to the newest row.
  void appendRows(const TimeSeries& series, std::size_t from);

  /// Light or dark theme and matching colours for `palette`.
  void applyPalette(const QPalette& palette);

  const std::vector<ChartTrace>& traces() const { return m_specs; }
  /// The traces' column names, in order.
  std::vector<std::string> columns() const;
  /// The first line series of a trace (a trace with gaps has one per unbroken run).
  QLineSeries* lineSeries(std::size_t trace) const;
  /// Every point a trace draws, over all its runs.
  std::size_t plottedPoints(std::size_t trace) const;
  QValueAxis* timeAxis() const { return m_x; }
  QValueAxis* valueAxis() const { return m_y; }
  QValueAxis* secondaryAxis() const { return m_y2; }

  QSize sizeHint() const override;

 protected:
  /// Follows palette changes (a switch to or from a dark theme).
  void changeEvent(QEvent* event) override;

 private:
  struct Line {
    std::vector<QLineSeries*> series;   // one per unbroken run of points; at least one
    std::optional<std::size_t> column;  // in the TimeSeries last resolved against
    std::optional<std::size_t> gate;    // the trace's gate column, likewise
    QList<QPointF> points;              // what the series show, gaps as NaN, kept to edit in place
  };

  void resolveColumns(const TimeSeries& series);
  /// Sets both axes for a window ending at `latestSeconds`.
  void updateAxes(double latestSeconds);
  void placePlaceholder();
  /// Lays out what spans the time axis: the shaded warm-up and the markers.
  void placeSpans();
  /// The title line: the chart's name followed by a key of its lines (a Qt Charts legend would
  /// take a whole extra row of a ~160 px chart).
  void updateTitle();
  /// A trace's colour as drawn: a touch lighter on dark backgrounds, where mid tones sink.
  QColor drawn(const QColor& color) const;
  void penLines();
  /// Gives each unbroken run of a line's points a series of its own (adding series as needed).
  void showRuns(std::size_t trace);
  QLineSeries* addSeries(std::size_t trace);

  QChart* m_chart;
  QValueAxis* m_x;
  QValueAxis* m_y;
  QValueAxis* m_y2 = nullptr;
  QGraphicsSimpleTextItem* m_placeholder;
  QGraphicsRectItem* m_shade;
  QGraphicsSimpleTextItem* m_shadeLabel;
  std::unique_ptr<ChartMarkers> m_markers;
  double m_shadeFrom = 0;
  double m_shadeTo = 0;
  QString m_title;
  std::vector<ChartTrace> m_specs;
  std::vector<Line> m_lines;
  const TimeSeries* m_resolvedFor = nullptr;
  double m_window = 60.0;
  bool m_dark = false;
};

}  // namespace pillars
