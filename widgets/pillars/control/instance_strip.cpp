#include "widgets/pillars/control/instance_strip.hpp"

#include <QPainter>
#include <QStringList>
#include <algorithm>
#include <cmath>

#include "engine/sim/component.hpp"
#include "widgets/canvas/node_item.hpp"

namespace pillars {

namespace {

// The same green, amber and grey the cards' utilization bars and crashed cards use.
const QColor kReady(0x1e, 0x9e, 0x4a);
const QColor kNotReady(0xf0, 0x8a, 0x24);
const QColor kDown(0x80, 0x80, 0x80);
const QColor kSecondRelease(0x8e, 0x44, 0xad);

QString stateText(InstanceChip::State s) {
  switch (s) {
    case InstanceChip::State::Ready: return QObject::tr("ready");
    case InstanceChip::State::NotReady: return QObject::tr("not ready");
    case InstanceChip::State::Down: return QObject::tr("down");
  }
  return {};
}

}  // namespace

InstanceChip chipOf(const Component& instance, SimTime now) {
  InstanceChip chip;
  chip.name = QString::fromStdString(instance.name());
  chip.state = !instance.isUp()       ? InstanceChip::State::Down
               : instance.healthy()   ? InstanceChip::State::Ready
                                      : InstanceChip::State::NotReady;
  for (const auto& [name, value] : instance.extraMetrics(now)) {
    if (name == "version") chip.version = static_cast<int>(value);
  }
  const ComponentMetrics& m = instance.metrics();
  chip.utilization = instance.isUp() && m.capacity > 0 ? std::clamp(m.busy.level() / m.capacity, 0.0, 1.0) : 0.0;
  return chip;
}

InstanceStrip::InstanceStrip(QGraphicsItem* parent) : QGraphicsItem(parent) {
  // Under the card, never in the way of clicks on the diagram; the tooltip still shows.
  setAcceptedMouseButtons(Qt::NoButton);
  setFlag(ItemIsSelectable, false);
  setFlag(ItemIsFocusable, false);
}

QRectF InstanceStrip::chipRect(std::size_t index) const {
  const auto row = static_cast<qreal>(index / kPerRow);
  const auto column = static_cast<qreal>(index % kPerRow);
  const std::size_t inRow = std::min<std::size_t>(kPerRow, m_chips.size() - (index / kPerRow) * kPerRow);
  const qreal rowWidth = static_cast<qreal>(inRow) * (kChipWidth + kGap) - kGap;
  const qreal top = NodeItem::kHeight / 2 + 10 + row * (kChipHeight + kGap);
  return {-rowWidth / 2 + column * (kChipWidth + kGap), top, kChipWidth, kChipHeight};
}

void InstanceStrip::setChips(std::vector<InstanceChip> chips) {
  // Utilization moves every frame; a repaint for a change of a percent or more is plenty.
  const auto close = [](const InstanceChip& a, const InstanceChip& b) {
    return a.name == b.name && a.state == b.state && a.version == b.version &&
           std::abs(a.utilization - b.utilization) < 0.01;
  };
  if (chips.size() == m_chips.size() && std::equal(chips.begin(), chips.end(), m_chips.begin(), close)) return;
  prepareGeometryChange();
  m_chips = std::move(chips);
  QRectF bounds;
  for (std::size_t i = 0; i < m_chips.size(); ++i) bounds |= chipRect(i);
  m_bounds = bounds.adjusted(-2, -2, 2, 2);
  updateToolTip();
  update();
}

void InstanceStrip::updateToolTip() {
  QStringList lines;
  for (const InstanceChip& c : m_chips) {
    lines << QObject::tr("%1 · %2 · v%3 · %4% busy")
                 .arg(c.name, stateText(c.state))
                 .arg(c.version)
                 .arg(std::lround(c.utilization * 100));
  }
  setToolTip(lines.join(QLatin1Char('\n')));
}

void InstanceStrip::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing, true);
  QFont f = p->font();
  f.setPointSizeF(6.5);
  f.setBold(true);
  p->setFont(f);
  for (std::size_t i = 0; i < m_chips.size(); ++i) {
    const InstanceChip& c = m_chips[i];
    const QRectF r = chipRect(i);
    const QColor fill = c.state == InstanceChip::State::Ready      ? kReady
                        : c.state == InstanceChip::State::NotReady ? kNotReady
                                                                   : kDown;
    p->setPen(c.version == 2 ? QPen(kSecondRelease, 2.0) : QPen(fill.darker(130), 1.0));
    p->setBrush(fill);
    p->drawRoundedRect(r, 4, 4);
    // "#3": the instance's number, what the event log and results call it after the set's id.
    const qsizetype hash = c.name.lastIndexOf(QLatin1Char('#'));
    p->setPen(Qt::white);
    p->drawText(r.adjusted(0, -3, 0, -3), Qt::AlignCenter, hash >= 0 ? c.name.mid(hash) : c.name);
    if (c.state == InstanceChip::State::Down) {
      p->setPen(QPen(QColor(0xe0, 0x20, 0x20), 2.0));
      p->drawLine(r.topLeft() + QPointF(4, 4), r.bottomRight() - QPointF(4, 4));
      p->drawLine(r.topRight() + QPointF(-4, 4), r.bottomLeft() + QPointF(4, -4));
      continue;
    }
    const QRectF bar(r.left() + 3, r.bottom() - 4, (r.width() - 6) * c.utilization, 2);
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(255, 255, 255, 220));
    p->drawRect(bar);
  }
}

}  // namespace pillars
