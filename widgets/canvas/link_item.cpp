#include "widgets/canvas/link_item.hpp"

#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsScene>
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

QFont labelFont() {
  QFont small;
  small.setPointSizeF(7.5);
  return small;
}

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
  // Above the cards: a link drawn under a card it passes looked as if it started there
  // (service1 -> cache1 read as load_balancer1 -> cache1). A casing in the canvas colour
  // keeps it apart from what it crosses.
  setZValue(kZ);
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
  QPainterPath stroke = stroker.createStroke(path);
  // Where it crosses another card the click belongs to the card: links are drawn above them.
  if (scene()) {
    // By bounding rectangles: asking for shapes would ask this link for its own again.
    for (const QGraphicsItem* item : scene()->items(stroke.boundingRect(), Qt::IntersectsItemBoundingRect)) {
      if (item->type() != NodeItem::Type || item == m_from || item == m_to) continue;
      QPainterPath card;
      card.addRect(item->sceneBoundingRect());
      stroke = stroke.subtracted(card);
    }
  }
  return stroke;
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
  // The casing: a band of the canvas colour under the line, the gap that shows it crossing.
  p->setPen(QPen(option->palette.color(QPalette::Base), selected ? 6.0 : 5.0, Qt::SolidLine, Qt::FlatCap));
  p->drawLine(l);
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

  // The label sits above the arrow where the scene placed it, on a patch of the canvas colour
  // so lines passing behind it do not cross its letters; the tooltip always has it whole.
  const QRectF box = labelRect();
  if (box.isEmpty()) return;
  const QFont small = labelFont();
  p->setFont(small);
  QColor patch = option->palette.color(QPalette::Base);
  patch.setAlphaF(0.85f);
  p->setPen(Qt::NoPen);
  p->setBrush(patch);
  p->drawRoundedRect(box, 2, 2);
  p->setPen(option->palette.color(QPalette::PlaceholderText));
  p->drawText(box, Qt::AlignCenter, QFontMetricsF(small).elidedText(m_label, Qt::ElideRight, box.width()));
}

void LinkItem::setLabelAt(qreal at) {
  if (at == m_labelAt) return;
  m_labelAt = at;
  update();
}

QRectF LinkItem::labelRect(qreal at) const {
  // Shortened to the arrow's length so it never runs into the cards at its ends.
  const QLineF l = edgeToEdge();
  const QFontMetricsF metrics(labelFont());
  const qreal room = l.length() - 16;
  const QString label = metrics.elidedText(m_label, Qt::ElideRight, room);
  if (room < 24 || label == QStringLiteral("\u2026")) return {};
  const qreal width = std::min(room, metrics.horizontalAdvance(label) + 6);
  const QPointF point = l.pointAt(at);
  return QRectF(point.x() - width / 2, point.y() - 15, width, 13);
}

}  // namespace pillars
