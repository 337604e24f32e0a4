#pragma once

#include <QColor>

class QPalette;

QT_BEGIN_NAMESPACE
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace pillars {

/// Whether `palette` is a dark one: its window colour is nearer black than white.
bool isDarkPalette(const QPalette& palette);

/// The Qt Charts light or dark theme (following `palette`) plus the compact look a narrow dock
/// needs: small fonts, thin margins, no legend (ChartPane writes its key into the title), the
/// window's own background. Setting a
/// theme resets series colours, so callers colour their series after this.
void styleChart(QChart& chart, const QPalette& palette);

/// Small labels and faint grid lines for an axis of a chart styled by styleChart().
void styleAxis(QValueAxis& axis, const QPalette& palette);

/// Line colours that read on light and on dark backgrounds alike.
namespace chart_colors {
QColor blue();
QColor orange();
QColor green();
QColor red();
QColor purple();
QColor grey();
}  // namespace chart_colors

}  // namespace pillars
