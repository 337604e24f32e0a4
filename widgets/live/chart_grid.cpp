#include "widgets/live/chart_grid.hpp"

#include <QGridLayout>
#include <QResizeEvent>
#include <algorithm>

namespace pillars {

ChartGrid::ChartGrid(QWidget* parent) : QWidget(parent), m_grid(new QGridLayout(this)) {
  m_grid->setContentsMargins(0, 0, 0, 0);
  m_grid->setSpacing(6);
}

void ChartGrid::addChart(QWidget* chart) {
  chart->setParent(this);
  chart->setMinimumHeight(kMinChartHeight);
  m_charts.push_back(chart);
  m_columns = 0;  // place it at the next reflow
  reflow(width());
}

void ChartGrid::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  reflow(event->size().width());
}

void ChartGrid::reflow(int width) {
  const int count = static_cast<int>(m_charts.size());
  if (count == 0) return;
  const int columns = std::clamp(width / kMinChartWidth, 1, std::min(count, 4));
  if (columns == m_columns) return;
  m_columns = columns;
  for (QWidget* chart : m_charts) m_grid->removeWidget(chart);
  for (int i = 0; i < count; ++i) m_grid->addWidget(m_charts[static_cast<std::size_t>(i)], i / columns, i % columns);
  for (int c = 0; c < 4; ++c) m_grid->setColumnStretch(c, c < columns ? 1 : 0);
  const int rows = (count + columns - 1) / columns;
  for (int r = 0; r < 4; ++r) m_grid->setRowStretch(r, r < rows ? 1 : 0);
}

}  // namespace pillars
