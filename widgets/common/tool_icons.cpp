#include "widgets/common/tool_icons.hpp"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace pillars {

namespace {

QPainterPath triangle(QPointF a, QPointF b, QPointF c) {
  QPainterPath path;
  path.moveTo(a);
  path.lineTo(b);
  path.lineTo(c);
  path.closeSubpath();
  return path;
}

/// Draws `which` in a 24 x 24 box (the painter is scaled for other sizes).
void draw(QPainter& p, ToolIcon which, const QColor& ink, const QColor& accent) {
  QPen pen(ink, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
  p.setPen(pen);
  p.setBrush(Qt::NoBrush);
  const auto arrowHead = [&](QPointF tip, QPointF a, QPointF b) {
    p.drawLine(tip, a);
    p.drawLine(tip, b);
  };
  switch (which) {
    case ToolIcon::Open: {
      // A folder, opening.
      QPainterPath folder;
      folder.moveTo(3, 19);
      folder.lineTo(3, 6);
      folder.lineTo(9, 6);
      folder.lineTo(11, 8);
      folder.lineTo(19, 8);
      folder.lineTo(19, 11);
      p.drawPath(folder);
      QPainterPath front;
      front.moveTo(3, 19);
      front.lineTo(7, 11);
      front.lineTo(22, 11);
      front.lineTo(18, 19);
      front.closeSubpath();
      p.drawPath(front);
      break;
    }
    case ToolIcon::Save: {
      // A floppy disk.
      p.drawRoundedRect(QRectF(4, 4, 16, 16), 2, 2);
      p.drawRect(QRectF(8, 4, 8, 5));
      p.drawRect(QRectF(7, 13, 10, 7));
      break;
    }
    case ToolIcon::Undo:
    case ToolIcon::Redo: {
      const bool undo = which == ToolIcon::Undo;
      const qreal s = undo ? 1 : -1;
      const qreal x0 = undo ? 0 : 24;
      QPainterPath curve;
      curve.moveTo(x0 + s * 6, 10);
      curve.lineTo(x0 + s * 15, 10);
      curve.cubicTo(x0 + s * 21, 10, x0 + s * 21, 19, x0 + s * 15, 19);
      curve.lineTo(x0 + s * 9, 19);
      p.drawPath(curve);
      arrowHead(QPointF(x0 + s * 5, 10), QPointF(x0 + s * 9, 6), QPointF(x0 + s * 9, 14));
      break;
    }
    case ToolIcon::ZoomIn:
    case ToolIcon::ZoomOut: {
      p.drawEllipse(QRectF(3, 3, 13, 13));
      p.drawLine(QPointF(14, 14), QPointF(21, 21));
      p.drawLine(QPointF(6.5, 9.5), QPointF(12.5, 9.5));
      if (which == ToolIcon::ZoomIn) p.drawLine(QPointF(9.5, 6.5), QPointF(9.5, 12.5));
      break;
    }
    case ToolIcon::Fit: {
      // Four corners pointing out: the whole drawing in the window.
      for (const QPointF c : {QPointF(4, 4), QPointF(20, 4), QPointF(4, 20), QPointF(20, 20)}) {
        const qreal dx = c.x() < 12 ? 1 : -1;
        const qreal dy = c.y() < 12 ? 1 : -1;
        p.drawLine(c, c + QPointF(dx * 5, 0));
        p.drawLine(c, c + QPointF(0, dy * 5));
      }
      p.drawRect(QRectF(9, 9, 6, 6));
      break;
    }
    case ToolIcon::Run: {
      p.setBrush(accent);
      p.setPen(QPen(accent, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
      p.drawPath(triangle({7, 4}, {19, 12}, {7, 20}));
      break;
    }
    case ToolIcon::Pause: {
      p.setPen(Qt::NoPen);
      p.setBrush(accent);
      p.drawRoundedRect(QRectF(6, 5, 4, 14), 1, 1);
      p.drawRoundedRect(QRectF(14, 5, 4, 14), 1, 1);
      break;
    }
    case ToolIcon::Step:
      // Play one, then a bar: one event and stop.
      p.drawPath(triangle({5, 5}, {15, 12}, {5, 19}));
      p.drawLine(QPointF(19, 5), QPointF(19, 19));
      break;
    case ToolIcon::Reset:
      // Back to the start: a bar and a triangle pointing at it.
      p.drawLine(QPointF(5, 5), QPointF(5, 19));
      p.drawPath(triangle({19, 5}, {9, 12}, {19, 19}));
      break;
    case ToolIcon::Fast:
      for (const qreal x : {3.0, 12.0}) p.drawPath(triangle({x, 5}, {x + 9, 12}, {x, 19}));
      break;
    case ToolIcon::Review: {
      // A checklist: two ticked lines.
      p.drawRoundedRect(QRectF(4, 3, 16, 18), 2, 2);
      p.drawLine(QPointF(7, 9), QPointF(9, 11));
      p.drawLine(QPointF(9, 11), QPointF(12, 7));
      p.drawLine(QPointF(14, 9), QPointF(17, 9));
      p.drawLine(QPointF(7, 16), QPointF(9, 18));
      p.drawLine(QPointF(9, 18), QPointF(12, 14));
      p.drawLine(QPointF(14, 16), QPointF(17, 16));
      break;
    }
  }
}

}  // namespace

QIcon drawnIcon(const IconDrawing& draw, const IconDrawing& disabled) {
  QIcon icon;
  for (const int size : {16, 20, 24, 32, 48}) {
    for (const bool enabled : {true, false}) {
      if (!enabled && !disabled) continue;
      QPixmap pixmap(size, size);
      pixmap.fill(Qt::transparent);
      QPainter painter(&pixmap);
      painter.setRenderHint(QPainter::Antialiasing);
      (enabled ? draw : disabled)(painter, QRectF(0, 0, size, size));
      painter.end();
      icon.addPixmap(pixmap, enabled ? QIcon::Normal : QIcon::Disabled);
    }
  }
  return icon;
}

QIcon toolIcon(ToolIcon which) {
  const QPalette palette = QApplication::palette();
  const QColor accent(0x2e, 0x7d, 0x32);  // run is green, as on every player
  const QColor faded = palette.color(QPalette::Disabled, QPalette::ButtonText);
  // Drawn on a 24 px grid and scaled to each size.
  const auto drawn = [which](QColor ink, QColor fill) {
    return [which, ink, fill](QPainter& p, const QRectF& box) {
      p.scale(box.width() / 24.0, box.height() / 24.0);
      draw(p, which, ink, fill);
    };
  };
  return drawnIcon(drawn(palette.color(QPalette::ButtonText), accent), drawn(faded, faded));
}

}  // namespace pillars
