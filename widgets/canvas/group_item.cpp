#include "widgets/canvas/group_item.hpp"

#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace pillars {

GroupItem::GroupItem(std::string id, QString label, bool region, const QRectF& membersBounds)
    : m_id(std::move(id)), m_label(std::move(label)), m_region(region) {
  const qreal margin = region ? 44.0 : 20.0;
  // Extra room on top for the label.
  m_frame = membersBounds.adjusted(-margin, -margin - 14, margin, margin);
  setZValue(region ? 0 : 1);
  setFlag(ItemIsSelectable);
}

void GroupItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  const bool selected = option->state & QStyle::State_Selected;
  QColor ink = m_region ? QColor(0x7e, 0x57, 0xc2) : QColor(0x43, 0xa0, 0x47);
  if (selected) ink = option->palette.color(QPalette::Highlight);
  QColor wash = ink;
  wash.setAlpha(m_region ? 14 : 22);
  p->setPen(QPen(ink, selected ? 2.2 : 1.3, Qt::DashLine));
  p->setBrush(wash);
  p->drawRoundedRect(m_frame, 14, 14);
  QFont font = p->font();
  font.setPointSizeF(8.5);
  font.setBold(true);
  p->setFont(font);
  p->setPen(ink.darker(120));
  p->drawText(m_frame.adjusted(12, 6, -12, 0), Qt::AlignLeft | Qt::AlignTop, m_label);
}

}  // namespace pillars
