#include "widgets/report_pdf/figure_text.hpp"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

namespace pillars::reportpdf {

namespace {

/// The text's font at a fixed pixel size, scaled to its real size by the painter: QFont takes
/// whole pixels only, and a 5.3 px name rounded to 5 px would no longer fit its box.
constexpr int kReferencePixels = 100;

QFont fontFor(const review::SvgText& t) {
  // The SVG names a list ("Helvetica,sans-Serif"); its first family, with a sans-serif hint
  // for the fallback, is how the rest of the report picks its font.
  const QString family = QString::fromStdString(t.family).section(QLatin1Char(','), 0, 0).trimmed();
  QFont font(family.isEmpty() ? QStringLiteral("Helvetica") : family);
  font.setStyleHint(QFont::SansSerif);
  font.setPixelSize(kReferencePixels);
  font.setBold(t.bold);
  font.setItalic(t.italic);
  return font;
}

}  // namespace

void drawFigureTexts(QPainter& painter, const std::vector<review::SvgText>& texts, const QRectF& view,
                     const QRectF& target) {
  if (view.width() <= 0 || view.height() <= 0) return;
  // QSvgRenderer stretches the viewBox onto the target; the texts follow the same mapping.
  const double sx = target.width() / view.width(), sy = target.height() / view.height();
  painter.save();
  for (const review::SvgText& t : texts) {
    if (t.size <= 0 || t.text.empty()) continue;
    const QFont font = fontFor(t);
    const QString text = QString::fromStdString(t.text);
    const double advance = QFontMetricsF(font).horizontalAdvance(text);
    double x = 0;  // the text's start, at the reference size
    if (t.anchor == review::SvgText::Anchor::Middle) x = -advance / 2;
    if (t.anchor == review::SvgText::Anchor::End) x = -advance;
    painter.save();
    painter.translate(target.left() + (t.x - view.left()) * sx, target.top() + (t.y - view.top()) * sy);
    const double size = t.size * sy / kReferencePixels;
    painter.scale(size, size);
    painter.setFont(font);
    const QColor colour(QString::fromStdString(t.fill));
    painter.setPen(t.fill.empty() || t.fill == "none" || !colour.isValid() ? QColor(Qt::black) : colour);
    painter.drawText(QPointF(x, 0), text);
    painter.restore();
  }
  painter.restore();
}

}  // namespace pillars::reportpdf
