#include "widgets/live/chart_markers.hpp"

#include <QChart>
#include <QFont>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QPalette>
#include <QPen>

#include <algorithm>

#include "widgets/live/chart_style.hpp"

namespace pillars {

namespace {

// Over the plot's background and the warm-up shading, under the lines (z 1 and up in Qt
// Charts); the strip and its label over the lines, where nothing else is drawn.
constexpr qreal kBandZ = 0.6;
constexpr qreal kStripZ = 50;
constexpr qreal kStripHeight = 4;

}  // namespace

ChartMarkers::ChartMarkers(QChart& chart) : m_chart(chart) {}

void ChartMarkers::set(std::vector<ChartMarker> markers) {
  m_markers = std::move(markers);
  while (m_items.size() < m_markers.size()) {
    Items items{new QGraphicsRectItem(&m_chart), new QGraphicsRectItem(&m_chart), new QGraphicsLineItem(&m_chart),
                new QGraphicsSimpleTextItem(&m_chart)};
    items.band->setZValue(kBandZ);
    items.band->setPen(Qt::NoPen);
    items.strip->setZValue(kStripZ);
    items.strip->setPen(Qt::NoPen);
    items.start->setZValue(kBandZ);
    items.label->setZValue(kStripZ);
    QFont small;
    small.setPointSizeF(7.0);
    items.label->setFont(small);
    m_items.push_back(items);
  }
  for (std::size_t i = 0; i < m_items.size(); ++i) {
    if (i < m_markers.size()) style(m_items[i], m_markers[i]);
  }
}

void ChartMarkers::style(Items& items, const ChartMarker& marker) const {
  QColor band = marker.color;
  band.setAlpha(m_dark ? 40 : 28);
  items.band->setBrush(band);
  items.strip->setBrush(m_dark ? marker.color.lighter(125) : marker.color);
  QPen line(m_dark ? marker.color.lighter(125) : marker.color);
  line.setWidthF(1.0);
  line.setStyle(Qt::DashLine);
  items.start->setPen(line);
  items.label->setText(marker.label);
  items.label->setBrush(m_dark ? marker.color.lighter(140) : marker.color.darker(115));
  for (QGraphicsItem* item : {static_cast<QGraphicsItem*>(items.band), static_cast<QGraphicsItem*>(items.strip),
                              static_cast<QGraphicsItem*>(items.start), static_cast<QGraphicsItem*>(items.label)}) {
    item->setToolTip(marker.toolTip);
  }
}

void ChartMarkers::place(double minSeconds, double maxSeconds) {
  const QRectF plot = m_chart.plotArea();
  const double span = maxSeconds - minSeconds;
  const auto toX = [&](double t) { return std::clamp(plot.left() + (t - minSeconds) / span * plot.width(), plot.left(), plot.right()); };
  // Labels are placed left to right and skipped where an earlier one would be overwritten.
  double labelsEnd = plot.left() - 1;
  for (std::size_t i = 0; i < m_items.size(); ++i) {
    Items& items = m_items[i];
    bool shown = i < m_markers.size() && span > 0 && !plot.isEmpty();
    double left = 0, right = 0;
    if (shown) {
      const ChartMarker& m = m_markers[i];
      const double end = m.to < 0 ? maxSeconds : m.to;
      shown = end >= minSeconds && m.from <= maxSeconds;
      left = toX(m.from);
      right = std::max(toX(end), left + 1);  // an alert that fired and resolved at once is a line
    }
    items.band->setVisible(shown);
    items.strip->setVisible(shown);
    items.start->setVisible(shown && m_markers[i].from >= minSeconds);
    items.label->setVisible(false);
    if (!shown) continue;
    items.band->setRect(QRectF(left, plot.top(), right - left, plot.height()));
    items.strip->setRect(QRectF(left, plot.top(), right - left, kStripHeight));
    items.start->setLine(left, plot.top(), left, plot.bottom());
    const double width = items.label->boundingRect().width();
    if (left + 2 > labelsEnd && left + 2 + width <= plot.right()) {
      items.label->setPos(left + 2, plot.top() + kStripHeight);
      items.label->setVisible(true);
      labelsEnd = left + 2 + width + 4;
    }
  }
}

int ChartMarkers::visibleCount() const {
  return static_cast<int>(std::count_if(m_items.begin(), m_items.end(), [](const Items& i) { return i.band->isVisible(); }));
}

void ChartMarkers::applyPalette(const QPalette& palette) {
  m_dark = isDarkPalette(palette);
  for (std::size_t i = 0; i < m_items.size() && i < m_markers.size(); ++i) style(m_items[i], m_markers[i]);
}

}  // namespace pillars
