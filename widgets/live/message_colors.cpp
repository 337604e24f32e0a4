#include "widgets/live/message_colors.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

namespace pillars {

QColor messageColour(MessageCategory category) {
  switch (category) {
    case MessageCategory::Request:
      return QColor(0x1f, 0x77, 0xd4);  // blue
    case MessageCategory::Response:
      return QColor(0x1e, 0x9e, 0x4a);  // green
    case MessageCategory::Error:
      return QColor(0xe0, 0x30, 0x3a);  // red
    case MessageCategory::Control:
      return QColor(0x8a, 0x93, 0x9e);  // grey
    case MessageCategory::Consensus:
      return QColor(0x9b, 0x59, 0xd0);  // purple
    case MessageCategory::Replication:
      return QColor(0xf0, 0x8a, 0x24);  // orange
  }
  return QColor(0x8a, 0x93, 0x9e);
}

QColor droppedMessageColour() {
  return QColor(0xff, 0x2d, 0x2d);
}

const std::vector<MessageCategoryStyle>& messageLegend() {
  static const std::vector<MessageCategoryStyle> legend = {
      {MessageCategory::Request, messageColour(MessageCategory::Request),
       QStringLiteral("request")},
      {MessageCategory::Response, messageColour(MessageCategory::Response),
       QStringLiteral("response")},
      {MessageCategory::Error, messageColour(MessageCategory::Error),
       QStringLiteral("error / timeout")},
      {MessageCategory::Control, messageColour(MessageCategory::Control),
       QStringLiteral("control")},
      {MessageCategory::Consensus, messageColour(MessageCategory::Consensus),
       QStringLiteral("consensus (append, 2PC)")},
      {MessageCategory::Replication, messageColour(MessageCategory::Replication),
       QStringLiteral("replication")},
  };
  return legend;
}

namespace {

QPixmap dot(const QColor& colour, bool ring, qreal diameter = 8) {
  QPixmap pm(14, 14);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  if (ring) {
    p.setPen(QPen(colour, 2));
    p.setBrush(Qt::NoBrush);
  } else {
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
  }
  p.drawEllipse(QRectF(7 - diameter / 2, 7 - diameter / 2, diameter, diameter));
  return pm;
}

void addEntry(QHBoxLayout* row, QWidget* parent, const QColor& colour, const QString& label,
              bool ring, qreal diameter = 8) {
  auto* icon = new QLabel(parent);
  icon->setPixmap(dot(colour, ring, diameter));
  row->addWidget(icon);
  row->addWidget(new QLabel(label, parent));
  row->addSpacing(8);
}

}  // namespace

QWidget* createMessageLegend(QWidget* parent) {
  auto* w = new QWidget(parent);
  auto* row = new QHBoxLayout(w);
  row->setContentsMargins(4, 0, 4, 0);
  row->setSpacing(3);
  for (const MessageCategoryStyle& s : messageLegend()) addEntry(row, w, s.colour, s.label, false);
  // Raft votes: the consensus colour, drawn larger (MessageLayer::kVoteDiameter).
  addEntry(row, w, messageColour(MessageCategory::Consensus), QStringLiteral("vote"), false, 12);
  addEntry(row, w, droppedMessageColour(), QStringLiteral("dropped"), true);
  return w;
}

}  // namespace pillars
