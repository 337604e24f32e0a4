#include "widgets/pillars/truth/raft_node_badge.hpp"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>
#include <algorithm>

#include "engine/pillars/truth/raft_node.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/canvas/node_item.hpp"

namespace pillars {

namespace {

QRectF cardRect() {
  return QRectF(-NodeItem::kWidth / 2, -NodeItem::kHeight / 2, NodeItem::kWidth, NodeItem::kHeight);
}

QString nameOf(const Simulation& sim, ComponentId id) {
  if (id == kNoComponent || id >= sim.componentCount()) return {};
  return QString::fromStdString(sim.component(id).name());
}

// Log boxes: side and gap, in scene units (the strip is drawn at the card's scale).
constexpr qreal kBox = 12.0;
constexpr qreal kGap = 2.0;

}  // namespace

RaftView readRaftView(const RaftNode& node, const Simulation& sim, SimTime now, bool up) {
  RaftView v;
  switch (node.role()) {
    case RaftNode::Role::Follower: v.role = RaftView::Role::Follower; break;
    case RaftNode::Role::Candidate: v.role = RaftView::Role::Candidate; break;
    case RaftNode::Role::Leader: v.role = RaftView::Role::Leader; break;
  }
  if (!up) v.role = RaftView::Role::Down;
  v.term = node.currentTerm();
  v.votedFor = nameOf(sim, node.votedFor());
  v.leader = nameOf(sim, node.knownLeader());
  if (v.role == RaftView::Role::Follower || v.role == RaftView::Role::Candidate) {
    const SimTime timeout = std::max<SimTime>(1, node.electionTimeout());
    v.timerLeft = std::clamp(static_cast<double>(node.electionDeadline() - now) / static_cast<double>(timeout),
                             0.0, 1.0);
  }
  v.lastIndex = node.lastLogIndex();
  v.commitIndex = node.commitIndex();
  v.firstShown = std::max<std::int64_t>(1, v.lastIndex - RaftView::kLogTail + 1);
  for (std::int64_t i = v.firstShown; i <= v.lastIndex; ++i) {
    v.tailTerms[static_cast<std::size_t>(i - v.firstShown)] = node.termOf(i);
  }
  return v;
}

QString raftRoleName(RaftView::Role role) {
  switch (role) {
    case RaftView::Role::Follower: return QStringLiteral("Follower");
    case RaftView::Role::Candidate: return QStringLiteral("Candidate");
    case RaftView::Role::Leader: return QStringLiteral("Leader");
    case RaftView::Role::Down: return QStringLiteral("Down");
  }
  return {};
}

QColor raftRoleColour(RaftView::Role role) {
  switch (role) {
    case RaftView::Role::Follower: return QColor(0x5b, 0x7c, 0x99);   // slate blue
    case RaftView::Role::Candidate: return QColor(0xe6, 0x7e, 0x22);  // orange
    case RaftView::Role::Leader: return QColor(0xd4, 0xa0, 0x17);     // gold
    case RaftView::Role::Down: return QColor(0x80, 0x80, 0x80);
  }
  return {};
}

QColor raftTermColour(std::int64_t term) {
  // Eight hues far apart on the wheel; term 0 (no entry) is never drawn.
  static const QColor kColours[] = {
      QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
      QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
      QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22)};
  const auto i = static_cast<std::size_t>(((term % 8) + 8) % 8);
  return kColours[i];
}

RaftNodeBadge::RaftNodeBadge(QGraphicsItem* parent) : CardAdornment(parent) {
  setAcceptedMouseButtons(Qt::NoButton);
  setAcceptHoverEvents(false);
  setFlag(ItemIsSelectable, false);
  setFlag(ItemIsFocusable, false);
}

void RaftNodeBadge::follow(const Component& component, const Simulation& sim, SimTime now) {
  // Made for raft_nodes only (truth_ui.cpp); the cast only guards a mismatch.
  if (const auto* node = dynamic_cast<const RaftNode*>(&component)) setView(readRaftView(*node, sim, now, component.isUp()));
}

void RaftNodeBadge::setView(const RaftView& view) {
  if (view == m_view) return;
  m_view = view;
  update();
}

QRectF RaftNodeBadge::stripRect() {
  const QRectF card = cardRect();
  return QRectF(card.left(), card.bottom() + 5, card.width(), 40);
}

QRectF RaftNodeBadge::boundingRect() const {
  // The ring and crown stick out above and around the card; the strip hangs below it.
  return cardRect().adjusted(-8, -22, 8, 0) | stripRect().adjusted(-1, -1, 1, 1);
}

void RaftNodeBadge::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing, true);
  paintRing(p);
  const QRectF strip = stripRect();
  p->setPen(QPen(raftRoleColour(m_view.role), 1.2));
  p->setBrush(QColor(255, 255, 255, 235));
  p->drawRoundedRect(strip, 5, 5);
  const QRectF inner = strip.adjusted(4, 3, -4, -3);
  paintHeader(p, QRectF(inner.left(), inner.top(), inner.width(), 15));
  paintLog(p, QRectF(inner.left(), inner.bottom() - kBox - 1, inner.width(), kBox));
}

void RaftNodeBadge::paintRing(QPainter* p) const {
  if (m_view.role == RaftView::Role::Follower || m_view.role == RaftView::Role::Down) return;
  const QRectF ring = cardRect().adjusted(-4, -4, 4, 4);
  const QColor c = raftRoleColour(m_view.role);
  QPen pen(c, m_view.role == RaftView::Role::Leader ? 4.0 : 3.0,
           m_view.role == RaftView::Role::Leader ? Qt::SolidLine : Qt::DashLine);
  p->setPen(pen);
  p->setBrush(Qt::NoBrush);
  p->drawRoundedRect(ring, 9, 9);
  if (m_view.role != RaftView::Role::Leader) return;
  // A crown over the card's top-left corner: three points on a band.
  const QPointF at = ring.topLeft() + QPointF(14, -2);
  const QPolygonF crown({at + QPointF(0, 0), at + QPointF(0, -14), at + QPointF(6, -7), at + QPointF(11, -16),
                         at + QPointF(16, -7), at + QPointF(22, -14), at + QPointF(22, 0)});
  p->setPen(QPen(c.darker(150), 1.2));
  p->setBrush(c);
  p->drawPolygon(crown);
}

void RaftNodeBadge::paintHeader(QPainter* p, const QRectF& row) const {
  const QColor roleColour = raftRoleColour(m_view.role);
  // Election timer: a ring that drains clockwise from 12 o'clock as the deadline nears. The
  // leader has no timer: a solid dot; a crashed node: an empty ring.
  const qreal d = row.height() - 1;
  const QRectF dial(row.left(), row.top() + 0.5, d, d);
  p->setPen(QPen(QColor(0, 0, 0, 40), 2.5));
  p->setBrush(Qt::NoBrush);
  p->drawEllipse(dial.adjusted(1.5, 1.5, -1.5, -1.5));
  if (m_view.role == RaftView::Role::Leader) {
    p->setPen(Qt::NoPen);
    p->setBrush(roleColour);
    p->drawEllipse(dial.adjusted(2, 2, -2, -2));
  } else if (m_view.role != RaftView::Role::Down) {
    QPen arc(roleColour, 2.5);
    arc.setCapStyle(Qt::FlatCap);
    p->setPen(arc);
    p->drawArc(dial.adjusted(1.5, 1.5, -1.5, -1.5), 90 * 16, -static_cast<int>(m_view.timerLeft * 360 * 16));
  }

  QFont f = p->font();
  f.setPointSizeF(8.0);
  f.setBold(true);
  p->setFont(f);
  const QFontMetricsF fm(f);
  const QString role = raftRoleName(m_view.role);
  const qreal pillW = fm.horizontalAdvance(role) + 10;
  const QRectF pill(dial.right() + 4, row.top(), pillW, row.height());
  p->setPen(Qt::NoPen);
  p->setBrush(roleColour);
  p->drawRoundedRect(pill, row.height() / 2, row.height() / 2);
  p->setPen(Qt::white);
  p->drawText(pill, Qt::AlignCenter, role);

  f.setBold(false);
  p->setFont(f);
  p->setPen(QColor(0x22, 0x22, 0x22));
  QString facts = QStringLiteral("term %1").arg(m_view.term);
  facts += QStringLiteral("  vote %1").arg(m_view.votedFor.isEmpty() ? QStringLiteral("\u2013") : m_view.votedFor);
  p->drawText(QRectF(pill.right() + 6, row.top(), row.right() - pill.right() - 6, row.height()),
              Qt::AlignVCenter | Qt::AlignLeft, facts);
}

void RaftNodeBadge::paintLog(QPainter* p, const QRectF& row) const {
  QFont f = p->font();
  f.setPointSizeF(7.5);
  f.setBold(false);
  p->setFont(f);
  const QString commit = QStringLiteral("commit %1/%2").arg(m_view.commitIndex).arg(m_view.lastIndex);
  const qreal textW = QFontMetricsF(f).horizontalAdvance(commit);
  p->setPen(QColor(0x22, 0x22, 0x22));
  p->drawText(QRectF(row.right() - textW, row.top() - 2, textW, row.height() + 4), Qt::AlignVCenter | Qt::AlignRight,
              commit);
  // The newest entries, oldest left, as many as fit beside the text (long logs have long
  // numbers); "…" before them when older entries exist.
  const qreal x = row.left() + 10;
  const int fit = static_cast<int>((row.right() - textW - 6 - x + kGap) / (kBox + kGap));
  const int shown = std::clamp(m_view.shownEntries(), 0, std::max(0, fit));
  const int skip = m_view.shownEntries() - shown;
  if (m_view.firstShown + skip > 1) {
    p->drawText(QRectF(row.left(), row.top() - 2, 9, row.height() + 4), Qt::AlignCenter, QStringLiteral("\u2026"));
  }
  for (int i = 0; i < shown; ++i) {
    const std::int64_t index = m_view.firstShown + skip + i;
    const QColor c = raftTermColour(m_view.tailTerms[static_cast<std::size_t>(skip + i)]);
    const QRectF box(x + i * (kBox + kGap), row.top(), kBox, kBox);
    if (index <= m_view.commitIndex) {
      p->setPen(QPen(c.darker(130), 1.0));
      p->setBrush(c);
    } else {
      p->setPen(QPen(c, 1.6));
      p->setBrush(Qt::white);
    }
    p->drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
  }
}

}  // namespace pillars
