#include "widgets/common/tool_icons.hpp"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace pillars {

namespace {

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
      QPainterPath play;
      play.moveTo(7, 4);
      play.lineTo(19, 12);
      play.lineTo(7, 20);
      play.closeSubpath();
      p.setBrush(accent);
      p.setPen(QPen(accent, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
      p.drawPath(play);
      break;
    }
    case ToolIcon::Pause: {
      p.setPen(Qt::NoPen);
      p.setBrush(accent);
      p.drawRoundedRect(QRectF(6, 5, 4, 14), 1, 1);
      p.drawRoundedRect(QRectF(14, 5, 4, 14), 1, 1);
      break;
    }
    case ToolIcon::Step: {
      // Play one, then a bar: one event and stop.
      QPainterPath play;
      play.moveTo(5, 5);
      play.lineTo(15, 12);
      play.lineTo(5, 19);
      play.closeSubpath();
      p.drawPath(play);
      p.drawLine(QPointF(19, 5), QPointF(19, 19));
      break;
    }
    case ToolIcon::Reset: {
      // Back to the start: a bar and a triangle pointing at it.
      p.drawLine(QPointF(5, 5), QPointF(5, 19));
      QPainterPath back;
      back.moveTo(19, 5);
      back.lineTo(9, 12);
      back.lineTo(19, 19);
      back.closeSubpath();
      p.drawPath(back);
      break;
    }
    case ToolIcon::Fast: {
      for (const qreal x : {3.0, 12.0}) {
        QPainterPath play;
        play.moveTo(x, 5);
        play.lineTo(x + 9, 12);
        play.lineTo(x, 19);
        play.closeSubpath();
        p.drawPath(play);
      }
      break;
    }
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

QIcon toolIcon(ToolIcon which) {
  const QPalette palette = QApplication::palette();
  const QColor ink = palette.color(QPalette::ButtonText);
  const QColor accent(0x2e, 0x7d, 0x32);  // run is green, as on every player
  QIcon icon;
  for (const int size : {16, 20, 24, 32, 48}) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 24.0, size / 24.0);
    draw(painter, which, ink, accent);
    painter.end();
    icon.addPixmap(pixmap);
    // Disabled (Undo with nothing to undo) in the palette's disabled ink.
    QPixmap faded(size, size);
    faded.fill(Qt::transparent);
    QPainter dim(&faded);
    dim.setRenderHint(QPainter::Antialiasing);
    dim.scale(size / 24.0, size / 24.0);
    draw(dim, which, palette.color(QPalette::Disabled, QPalette::ButtonText),
         palette.color(QPalette::Disabled, QPalette::ButtonText));
    dim.end();
    icon.addPixmap(faded, QIcon::Disabled);
  }
  return icon;
}

}  // namespace pillars
