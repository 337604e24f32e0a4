#include "widgets/canvas/node_item.hpp"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <algorithm>
#include <cmath>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include "engine/model/scenario.hpp"
#include "widgets/canvas/kind_style.hpp"
#include "widgets/canvas/link_item.hpp"

namespace pillars {

namespace {
/// Below these scales a card's text (the title is 6 px high at 0.45) and glyph (8 px across at
/// 0.2) are too small to read and are left out.
constexpr qreal kTextDetail = 0.45;
constexpr qreal kGlyphDetail = 0.2;
}  // namespace

NodeItem::NodeItem(const ComponentSpec& component, QGraphicsItem* parent)
    : QGraphicsObject(parent),
      m_id(component.id),
      m_kind(component.kind),
      m_title(QString::fromStdString(component.id)),
      m_summary(kindstyle::summary(component)) {
  setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
  setAcceptHoverEvents(true);
  setZValue(10);  // above groups; links are above the cards (LinkItem::kZ)
  m_baseToolTip = kindstyle::title(m_kind) + QStringLiteral(" \u2014 ") + m_title;
  setToolTip(m_baseToolTip);
}

void NodeItem::setWarning(const QString& text, const QString& detail) {
  if (text == m_warning) return;
  prepareGeometryChange();  // the mark reaches past the card
  m_warning = text;
  setToolTip(text.isEmpty() ? m_baseToolTip : m_baseToolTip + QStringLiteral("\n\u26a0 ") + detail);
  update();
}

QPointF NodeItem::snapToGrid(QPointF p) {
  return QPointF(std::round(p.x() / kGrid) * kGrid, std::round(p.y() / kGrid) * kGrid);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
  // Snap while the user drags; positions set by the document (files, undo) are shown as they are.
  if (change == ItemPositionChange && scene() && scene()->mouseGrabberItem()) {
    return snapToGrid(value.toPointF());
  }
  if (change == ItemPositionHasChanged) {
    for (LinkItem* link : m_links) link->adjust();
  }
  return QGraphicsObject::itemChange(change, value);
}

QRectF NodeItem::boundingRect() const {
  // Half the selection outline's width beyond the card on every side; a warning's pill sits
  // across the top edge.
  const qreal above = m_warning.isEmpty() ? 3 : 12;
  return QRectF(-kWidth / 2 - 3, -kHeight / 2 - above, kWidth + 6, kHeight + 3 + above);
}

void NodeItem::paintWarning(QPainter* p) const {
  // An amber pill across the top edge, left-aligned, in a fixed dark ink: seen at a glance
  // whatever the zoom down to where the card's text goes.
  QFont font = p->font();
  font.setBold(true);
  font.setPointSizeF(7.5);
  p->setFont(font);
  const QFontMetricsF fm(font);
  const QString text = QStringLiteral("\u26a0 ") + m_warning;
  const qreal w = std::min(fm.horizontalAdvance(text) + 12, kWidth - 8);
  const QRectF pill(-kWidth / 2 + 6, -kHeight / 2 - 9, w, fm.height() + 3);
  p->setPen(QPen(QColor(0xb2, 0x6a, 0x00), 1.0));
  p->setBrush(QColor(0xff, 0xc1, 0x07));
  p->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
  p->setPen(QColor(0x3e, 0x27, 0x00));
  p->drawText(pill.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideRight, w - 10));
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
  const QRectF card(-kWidth / 2, -kHeight / 2, kWidth, kHeight);
  const bool selected = option->state & QStyle::State_Selected;
  const QColor edge = selected ? option->palette.color(QPalette::Highlight) : kindstyle::border(m_kind);
  // How many screen pixels one card pixel covers. A thousand-card diagram fitted to the window
  // shows cards a few pixels wide: their text would cost most of a frame to lay out and not be
  // readable, so detail is dropped as it becomes too small to see.
  const qreal detail = QStyleOptionGraphicsItem::levelOfDetailFromTransform(p->worldTransform());
  if (detail < kGlyphDetail) {
    // A coloured block with an outline one screen pixel wide (two when selected), so every card
    // and the selection stay visible however far out the view is zoomed.
    QPen outline(edge, selected ? 2.0 : 1.0);
    outline.setCosmetic(true);
    p->setRenderHint(QPainter::Antialiasing, false);
    p->setPen(outline);
    p->setBrush(kindstyle::fill(m_kind));
    p->drawRect(card);
    return;
  }
  p->setRenderHint(QPainter::Antialiasing);
  p->setPen(QPen(edge, selected ? 3.0 : 1.4));
  p->setBrush(kindstyle::fill(m_kind));
  p->drawRoundedRect(card, 10, 10);

  const QRectF glyph(card.left() + 10, card.top() + 12, 40, 40);
  kindstyle::drawGlyph(*p, glyph, m_kind);
  if (!m_warning.isEmpty()) paintWarning(p);
  if (detail < kTextDetail) return;

  // Text is dark on the light pillar colours whatever the system theme.
  const QRectF textBox(glyph.right() + 8, card.top() + 8, card.right() - glyph.right() - 14,
                       card.height() - 16);
  QFont titleFont = p->font();
  titleFont.setBold(true);
  titleFont.setPointSizeF(10.5);
  p->setFont(titleFont);
  p->setPen(QColor(0x21, 0x21, 0x21));
  const QFontMetricsF titleMetrics(titleFont);
  p->drawText(QRectF(textBox.left(), textBox.top(), textBox.width(), textBox.height() / 2),
              Qt::AlignLeft | Qt::AlignVCenter,
              titleMetrics.elidedText(m_title, Qt::ElideRight, textBox.width()));

  QFont small = p->font();
  small.setBold(false);
  small.setPointSizeF(8.0);
  p->setFont(small);
  p->setPen(QColor(0x42, 0x42, 0x42));
  const QFontMetricsF smallMetrics(small);
  const QString second = kindstyle::title(m_kind);
  p->drawText(QRectF(textBox.left(), textBox.center().y() - 2, textBox.width(), textBox.height() / 4 + 2),
              Qt::AlignLeft | Qt::AlignVCenter, second);
  p->drawText(QRectF(textBox.left(), textBox.center().y() + textBox.height() / 4 - 1, textBox.width(),
                     textBox.height() / 4 + 2),
              Qt::AlignLeft | Qt::AlignVCenter,
              smallMetrics.elidedText(m_summary, Qt::ElideRight, textBox.width()));
}

}  // namespace pillars
