#include "widgets/live/chart_pane.hpp"

#include <QChart>
#include <QEvent>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QPainter>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <utility>

#include "engine/metrics/time_series.hpp"
#include "engine/sim/time.hpp"
#include "widgets/live/chart_axes.hpp"
#include "widgets/live/chart_style.hpp"

namespace pillars {

namespace {

double seconds(SimTime t) {
  return simTimeToSeconds(t);
}

bool xBefore(const QPointF& p, double x) {
  return p.x() < x;
}

/// First row whose time is at or after `t` (rows are in time order).
std::size_t firstRowAtOrAfter(const TimeSeries& series, double t) {
  std::size_t lo = 0;
  std::size_t hi = series.rowCount();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (seconds(series.time(mid)) < t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

void setupAxis(QValueAxis& axis, const QString& format) {
  // Dynamic ticks anchored at 0 fall on round values however far the window has scrolled.
  axis.setRange(0.0, 1.0);
  axis.setTickInterval(0.25);
  axis.setTickType(QValueAxis::TicksDynamic);
  axis.setTickAnchor(0.0);
  axis.setLabelFormat(format);
}

// Stacking among the chart's own items: its plot background is at 0, shades at 1, grid at 2,
// series above (Qt Charts' ChartPresenter::ZValues).
constexpr qreal kShadeZ = 0.5;
constexpr qreal kTextZ = 100;

/// Moves an axis to `span`. Qt Charts makes an item per tick at every change, so the order
/// matters: a wide range with a still-fine tick (or a fine tick on a still-wide range) would
/// briefly make thousands of them. Whichever of the two is coarser goes first.
void setAxis(QValueAxis& axis, const AxisSpan& span) {
  if (span.tick >= axis.tickInterval()) {
    axis.setTickInterval(span.tick);
    axis.setRange(span.min, span.max);
  } else {
    axis.setRange(span.min, span.max);
    axis.setTickInterval(span.tick);
  }
}

}  // namespace

ChartPane::ChartPane(const QString& title, QWidget* parent)
    : QChartView(new QChart, parent),
      m_chart(chart()),
      m_x(new QValueAxis),
      m_y(new QValueAxis),
      m_placeholder(new QGraphicsSimpleTextItem(m_chart)),
      m_shade(new QGraphicsRectItem(m_chart)),
      m_shadeLabel(new QGraphicsSimpleTextItem(m_chart)),
      m_markers(std::make_unique<ChartMarkers>(*m_chart)) {
  setRenderHint(QPainter::Antialiasing);
  setFrameShape(QFrame::NoFrame);
  setMinimumHeight(120);
  m_title = title;
  setupAxis(*m_x, QStringLiteral("%.0fs"));
  setupAxis(*m_y, QStringLiteral("%g"));
  m_chart->addAxis(m_x, Qt::AlignBottom);
  m_chart->addAxis(m_y, Qt::AlignLeft);
  m_placeholder->setVisible(false);
  m_placeholder->setZValue(kTextZ);
  // Over the plot's background, under its grid and lines.
  m_shade->setZValue(kShadeZ);
  m_shade->setPen(Qt::NoPen);
  m_shade->setVisible(false);
  m_shadeLabel->setZValue(kShadeZ);
  m_shadeLabel->setVisible(false);
  connect(m_chart, &QChart::plotAreaChanged, this, [this] {
    placePlaceholder();
    placeSpans();
  });
  applyPalette(palette());
  updateAxes(0.0);
}

ChartPane::~ChartPane() = default;

void ChartPane::setTitle(const QString& title) {
  m_title = title;
  updateTitle();
}

void ChartPane::updateTitle() {
  // Qt Charts draws the title as HTML: the name in bold, then a coloured stroke and a label
  // per line in smaller type. Non-breaking spaces keep each stroke with its label.
  QString html = QStringLiteral("<b>%1</b>").arg(m_title.toHtmlEscaped());
  if (!m_specs.empty()) html += QStringLiteral("<span style=\"font-size:7pt\">");
  for (const ChartTrace& spec : m_specs) {
    const QString stroke =
        spec.style == Qt::SolidLine ? QStringLiteral("\u2501") : QStringLiteral("\u2505");
    QString label = spec.label.toHtmlEscaped();
    label.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    html += QStringLiteral(
                "&nbsp;&nbsp; <span style=\"color:%1; font-size:9pt; "
                "font-weight:bold\">%2</span>&nbsp;%3")
                .arg(drawn(spec.color).name(), stroke, label);
  }
  if (!m_specs.empty()) html += QStringLiteral("</span>");
  m_chart->setTitle(html);
}

void ChartPane::setTraces(std::vector<ChartTrace> traces) {
  for (Line& line : m_lines) {
    for (QLineSeries* series : line.series) {
      m_chart->removeSeries(series);
      delete series;
    }
  }
  m_lines.clear();
  m_specs = std::move(traces);
  m_resolvedFor = nullptr;
  m_lines.resize(m_specs.size());
  for (std::size_t i = 0; i < m_specs.size(); ++i) addSeries(i);
  // The right-hand axis only when a line is drawn against it: a cost per hour read off a
  // "100%" scale would be a misreading waiting to happen.
  if (m_y2) {
    m_y2->setVisible(std::any_of(m_specs.begin(), m_specs.end(), [](const ChartTrace& t) { return t.secondary; }));
  }
  penLines();
  updateTitle();
}

QLineSeries* ChartPane::addSeries(std::size_t trace) {
  const ChartTrace& spec = m_specs[trace];
  auto* series = new QLineSeries(m_chart);
  series->setName(spec.label);
  m_chart->addSeries(series);
  series->attachAxis(m_x);
  series->attachAxis(spec.secondary && m_y2 ? m_y2 : m_y);
  m_lines[trace].series.push_back(series);
  return series;
}

void ChartPane::showRuns(std::size_t trace) {
  Line& line = m_lines[trace];
  std::vector<QList<QPointF>> runs(1);
  for (const QPointF& p : line.points) {
    if (std::isnan(p.y())) {
      if (!runs.back().isEmpty()) runs.emplace_back();
      continue;
    }
    runs.back().append(p);
  }
  bool added = false;
  while (line.series.size() < runs.size()) {
    addSeries(trace);
    added = true;
  }
  if (added) penLines();
  // One replace per series and update: appending point by point makes Qt Charts lay the series
  // out again for every point. Series beyond the runs are kept, empty, for the next gap.
  for (std::size_t i = 0; i < line.series.size(); ++i) {
    if (i < runs.size()) {
      line.series[i]->replace(runs[i]);
    } else if (line.series[i]->count() > 0) {
      line.series[i]->clear();
    }
  }
}

void ChartPane::setSecondaryAxis(double max, const QString& labelFormat) {
  if (m_y2) {
    m_chart->removeAxis(m_y2);
    delete m_y2;
    m_y2 = nullptr;
  }
  if (labelFormat.isEmpty()) return;
  m_y2 = new QValueAxis;
  setupAxis(*m_y2, labelFormat);
  setAxis(*m_y2, {0.0, max, max / 4.0});
  m_chart->addAxis(m_y2, Qt::AlignRight);
  styleAxis(*m_y2, palette());
  // The left axis's grid already rules the plot; a second grid would not line up with it.
  m_y2->setGridLineVisible(false);
}

void ChartPane::setWindow(double seconds) {
  m_window = std::max(seconds, 0.0);
}

void ChartPane::setPlaceholder(const QString& text) {
  m_placeholder->setText(text);
  m_placeholder->setVisible(!text.isEmpty());
  placePlaceholder();
}

QString ChartPane::placeholder() const {
  return m_placeholder->isVisible() ? m_placeholder->text() : QString();
}

void ChartPane::setShadedSpan(double from, double to, const QString& label) {
  m_shadeFrom = from;
  m_shadeTo = to;
  m_shadeLabel->setText(label);
  placeSpans();
}

void ChartPane::setMarkers(std::vector<ChartMarker> markers) {
  m_markers->set(std::move(markers));
  m_markers->place(m_x->min(), m_x->max());
}

void ChartPane::placeSpans() {
  m_markers->place(m_x->min(), m_x->max());
  const QRectF plot = m_chart->plotArea();
  const double span = m_x->max() - m_x->min();
  const auto toX = [&](double t) {
    return std::clamp(plot.left() + (t - m_x->min()) / span * plot.width(), plot.left(),
                      plot.right());
  };
  const bool shown = m_shadeTo > m_shadeFrom && span > 0 && !plot.isEmpty();
  const double left = shown ? toX(m_shadeFrom) : 0;
  const double right = shown ? toX(m_shadeTo) : 0;
  m_shade->setVisible(shown && right > left);
  if (!m_shade->isVisible()) {
    m_shadeLabel->setVisible(false);
    return;
  }
  m_shade->setRect(QRectF(left, plot.top(), right - left, plot.height()));
  const QRectF text = m_shadeLabel->boundingRect();
  m_shadeLabel->setVisible(!m_shadeLabel->text().isEmpty() && text.width() + 6 <= right - left);
  m_shadeLabel->setPos(left + 3, plot.top() + 1);
}

void ChartPane::clear() {
  for (Line& line : m_lines) {
    line.points.clear();
    for (QLineSeries* series : line.series) series->clear();
  }
  updateAxes(0.0);
}

void ChartPane::rebuild(const TimeSeries* series) {
  for (Line& line : m_lines) line.points.clear();
  m_resolvedFor = nullptr;
  if (!series || series->rowCount() == 0) {
    clear();
    return;
  }
  // Start one row before the window so the lines run in from its left edge.
  const double latest = seconds(series->time(series->rowCount() - 1));
  const std::size_t first = firstRowAtOrAfter(*series, timeAxisFor(latest, m_window).min);
  appendRows(*series, first > 0 ? first - 1 : 0);
}

void ChartPane::appendRows(const TimeSeries& series, std::size_t from) {
  const std::size_t rows = series.rowCount();
  if (from >= rows) return;
  if (m_resolvedFor != &series) resolveColumns(series);
  const double latest = seconds(series.time(rows - 1));
  const double windowStart = timeAxisFor(latest, m_window).min;
  for (std::size_t i = 0; i < m_lines.size(); ++i) {
    Line& line = m_lines[i];
    if (!line.column) continue;
    const double scale = m_specs[i].scale;
    for (std::size_t r = from; r < rows; ++r) {
      const double v = series.value(r, *line.column) * scale;
      const bool closed = line.gate && series.value(r, *line.gate) == 0.0;
      // A gap is a NaN point: showRuns() breaks the line there.
      line.points.append(QPointF(seconds(series.time(r)), std::isfinite(v) && !closed ? v : qQNaN()));
    }
    // Forget what scrolled out, keeping the last point before the edge so the line still
    // enters the plot from its left side.
    const auto edge =
        std::lower_bound(line.points.cbegin(), line.points.cend(), windowStart, xBefore);
    const qsizetype keepFrom = std::max<qsizetype>(edge - line.points.cbegin() - 1, 0);
    if (keepFrom > 0) line.points.remove(0, keepFrom);
    showRuns(i);
  }
  updateAxes(latest);
}

void ChartPane::resolveColumns(const TimeSeries& series) {
  for (std::size_t i = 0; i < m_lines.size(); ++i) {
    m_lines[i].column = series.columnIndex(m_specs[i].column);
    m_lines[i].gate = m_specs[i].gate.empty() ? std::nullopt : series.columnIndex(m_specs[i].gate);
  }
  m_resolvedFor = &series;
}

void ChartPane::updateAxes(double latestSeconds) {
  const AxisSpan time = timeAxisFor(latestSeconds, m_window);
  setAxis(*m_x, time);
  placeSpans();
  double top = 0.0;
  for (std::size_t i = 0; i < m_lines.size(); ++i) {
    if (m_specs[i].secondary && m_y2) continue;
    const QList<QPointF>& points = m_lines[i].points;
    const auto visible = std::lower_bound(points.cbegin(), points.cend(), time.min, xBefore);
    for (auto p = visible; p != points.cend(); ++p) {
      if (!std::isnan(p->y())) top = std::max(top, p->y());
    }
  }
  setAxis(*m_y, valueAxisFor(top));
}

void ChartPane::placePlaceholder() {
  if (!m_placeholder->isVisible()) return;
  const QRectF area = m_chart->plotArea();
  const QRectF text = m_placeholder->boundingRect();
  m_placeholder->setPos(area.center() - text.center());
}

QColor ChartPane::drawn(const QColor& color) const {
  return m_dark ? color.lighter(125) : color;
}

void ChartPane::applyPalette(const QPalette& pal) {
  m_dark = isDarkPalette(pal);
  styleChart(*m_chart, pal);
  styleAxis(*m_x, pal);
  styleAxis(*m_y, pal);
  if (m_y2) {
    styleAxis(*m_y2, pal);
    m_y2->setGridLineVisible(false);
  }
  QFont font;
  font.setPointSizeF(8.0);
  font.setItalic(true);
  m_placeholder->setFont(font);
  m_placeholder->setBrush(pal.color(QPalette::PlaceholderText));
  QColor shade = pal.color(QPalette::WindowText);
  shade.setAlpha(isDarkPalette(pal) ? 22 : 14);
  m_shade->setBrush(shade);
  QFont small;
  small.setPointSizeF(7.0);
  m_shadeLabel->setFont(small);
  m_shadeLabel->setBrush(pal.color(QPalette::PlaceholderText));
  m_markers->applyPalette(pal);
  penLines();
  updateTitle();
  placePlaceholder();
}

void ChartPane::penLines() {
  for (std::size_t i = 0; i < m_lines.size(); ++i) {
    QPen pen(drawn(m_specs[i].color), 1.6, m_specs[i].style);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    for (QLineSeries* series : m_lines[i].series) series->setPen(pen);
  }
}

std::vector<std::string> ChartPane::columns() const {
  std::vector<std::string> out;
  out.reserve(m_specs.size());
  for (const ChartTrace& spec : m_specs) out.push_back(spec.column);
  return out;
}

QLineSeries* ChartPane::lineSeries(std::size_t trace) const {
  return trace < m_lines.size() ? m_lines[trace].series.front() : nullptr;
}

std::size_t ChartPane::plottedPoints(std::size_t trace) const {
  std::size_t n = 0;
  if (trace < m_lines.size()) {
    for (const QLineSeries* series : m_lines[trace].series) n += static_cast<std::size_t>(series->count());
  }
  return n;
}

QSize ChartPane::sizeHint() const {
  return {320, 170};
}

void ChartPane::changeEvent(QEvent* event) {
  QChartView::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) applyPalette(palette());
}

}  // namespace pillars
