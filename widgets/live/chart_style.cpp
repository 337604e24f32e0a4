#include "widgets/live/chart_style.hpp"

#include <QChart>
#include <QFont>
#include <QGraphicsLayout>
#include <QPalette>
#include <QPen>
#include <QValueAxis>

namespace pillars {

namespace {

QFont smallFont(qreal pointSize, bool bold = false) {
  QFont font;
  font.setPointSizeF(pointSize);
  font.setBold(bold);
  return font;
}

QColor textColor(const QPalette& palette, int alpha = 255) {
  QColor c = palette.color(QPalette::WindowText);
  c.setAlpha(alpha);
  return c;
}

}  // namespace

bool isDarkPalette(const QPalette& palette) {
  return palette.color(QPalette::Window).lightness() < 128;
}

void styleChart(QChart& chart, const QPalette& palette) {
  const bool dark = isDarkPalette(palette);
  chart.setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
  // The theme's own backgrounds (gradients, rounded cards) fight the dock around them: the
  // window colour makes the charts part of the panel.
  chart.setBackgroundBrush(palette.color(QPalette::Window));
  chart.setBackgroundPen(Qt::NoPen);
  chart.setBackgroundRoundness(0);
  chart.setPlotAreaBackgroundVisible(true);
  chart.setPlotAreaBackgroundBrush(palette.color(QPalette::Base));
  chart.setPlotAreaBackgroundPen(QPen(textColor(palette, 60), 0));
  chart.setTitleFont(smallFont(8.0));
  chart.setTitleBrush(textColor(palette));
  chart.setMargins(QMargins(2, 0, 2, 0));
  chart.layout()->setContentsMargins(0, 0, 0, 0);
  chart.setAnimationOptions(QChart::NoAnimation);

  // Qt Charts' legend takes a row of its own (~38 px of a ~160 px chart); the key goes into
  // the title line instead (ChartPane).
  chart.legend()->hide();
}

void styleAxis(QValueAxis& axis, const QPalette& palette) {
  axis.setLabelsFont(smallFont(7.0));
  axis.setLabelsBrush(textColor(palette, 200));
  axis.setLinePen(QPen(textColor(palette, 90), 0));
  axis.setGridLinePen(QPen(textColor(palette, 28), 0));
  axis.setMinorGridLineVisible(false);
  axis.setTitleVisible(false);
  axis.setTruncateLabels(false);
}

namespace chart_colors {
// Mid-lightness hues (Tableau 10), distinct from each other on white and on near-black.
QColor blue() {
  return QColor(0x4e, 0x79, 0xa7);
}
QColor orange() {
  return QColor(0xf2, 0x8e, 0x2b);
}
QColor green() {
  return QColor(0x59, 0xa1, 0x4f);
}
QColor red() {
  return QColor(0xe1, 0x57, 0x59);
}
QColor purple() {
  return QColor(0xb0, 0x7a, 0xa1);
}
QColor grey() {
  return QColor(0x9c, 0x9c, 0x9c);
}
}  // namespace chart_colors

}  // namespace pillars
