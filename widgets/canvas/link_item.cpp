#include "widgets/canvas/link_item.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

#include "engine/model/scenario.hpp"
#include "widgets/canvas/node_item.hpp"

namespace pillars {

namespace {

constexpr qreal kArrow = 9.0;
/// Below these scales the label (7.5 pt: 5 px high at 0.5) and the arrow head (2 px at 0.2)
/// are too small to read and are left out.
constexpr qreal kLabelDetail = 0.5;
constexpr qreal kArrowDetail = 0.2;

/// Where the segment from the card's centre towards `towards` leaves the card.
QPointF leaveCard(QPointF centre, QPointF towards) {
  const QPointF d = towards - centre;
  const qreal hw = NodeItem::kWidth / 2 + 2;
  const qreal hh = NodeItem::kHeight / 2 + 2;
  if (d.isNull()) return centre;
  const qreal sx = d.x() != 0 ? hw / std::abs(d.x()) : 1e9;
  const qreal sy = d.y() != 0 ? hh / std::abs(d.y()) : 1e9;
  return centre + d * std::min(sx, sy);
}

}  // namespace

LinkItem::LinkItem(const LinkSpec& link, const NodeItem* from, const NodeItem* to)
    : m_id(link.id), m_from(from), m_to(to) {
  setFlag(ItemIsSelectable);
  setZValue(5);
  m_label = QString::fromStdString(link.params.text("latency"));
  const double loss = link.params.real("loss");
  if (loss > 0) m_label += QStringLiteral(", %1% loss").arg(loss * 100.0, 0, 'g', 3);
  setToolTip(QString::fromStdString(link.id) + QStringLiteral("\nlatency ") + m_label);
}

QLineF LinkItem::edgeToEdge() const {
  const QPointF a = m_from->pos();
  const QPointF b = m_to->pos();
  return QLineF(leaveCard(a, b), leaveCard(b, a));
}

QRectF LinkItem::boundingRect() const {
  const QLineF l = edgeToEdge();
  // Room for the arrow head and the label around the segment.
  return QRectF(l.p1(), l.p2()).normalized().adjusted(-90, -24, 90, 24);
}

QPainterPath LinkItem::shape() const {
  QPainterPath path;
  const QLineF l = edgeToEdge();
  path.moveTo(l.p1());
  path.lineTo(l.p2());
  QPainterPathStroker stroker;
  stroker.setWidth(10);
  return stroker.createStroke(path);
}

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
  const QLineF l = edgeToEdge();
  if (l.length() < 1) return;
  const bool selected = option->state & QStyle::State_Selected;
  const QColor ink = selected ? option->palette.color(QPalette::Highlight)
                              : option->palette.color(QPalette::WindowText);
  // Screen pixels per scene pixel: zoomed far out, the label and the arrow head are too small
  // to see (and the label's layout is the dearest part of a link to draw), so they are left
  // out and the line is kept one screen pixel wide.
  const qreal detail = QStyleOptionGraphicsItem::levelOfDetailFromTransform(p->worldTransform());
  if (detail < kArrowDetail) {
    QPen line(ink, selected ? 2.0 : 1.0);
    line.setCosmetic(true);
    p->setRenderHint(QPainter::Antialiasing, false);
    p->setPen(line);
    p->drawLine(l);
    return;
  }
  p->setRenderHint(QPainter::Antialiasing);
  p->setPen(QPen(ink, selected ? 2.4 : 1.4));
  p->drawLine(l);

  const qreal angle = std::atan2(-l.dy(), l.dx());
  const QPointF tip = l.p2();
  const QPointF left = tip - QPointF(std::sin(angle + M_PI / 3) * kArrow, std::cos(angle + M_PI / 3) * kArrow);
  const QPointF right =
      tip - QPointF(std::sin(angle + M_PI - M_PI / 3) * kArrow, std::cos(angle + M_PI - M_PI / 3) * kArrow);
  p->setBrush(ink);
  p->drawPolygon(QPolygonF({tip, left, right}));
  if (detail < kLabelDetail) return;

  // The label sits above the middle of the arrow, shortened to the arrow's length so it never
  // runs into the cards; the tooltip always has it whole.
  QFont small = p->font();
  small.setPointSizeF(7.5);
  p->setFont(small);
  const qreal room = l.length() - 16;
  const QString label = QFontMetricsF(small).elidedText(m_label, Qt::ElideRight, room);
  if (room < 24 || label == QStringLiteral("\u2026")) return;
  const QPointF mid = l.center();
  const QRectF box(mid.x() - room / 2, mid.y() - 15, room, 13);
  p->setPen(option->palette.color(QPalette::PlaceholderText));
  p->drawText(box, Qt::AlignCenter, label);
}

}  // namespace pillars
