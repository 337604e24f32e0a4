#include "widgets/window/inspector_heading.hpp"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace pillars {

namespace {

constexpr int kIconSize = 30;

QPixmap blank() {
  QPixmap pixmap(kIconSize * 2, kIconSize * 2);  // drawn at 2x, crisp on high-DPI screens
  pixmap.fill(Qt::transparent);
  pixmap.setDevicePixelRatio(2.0);
  return pixmap;
}

}  // namespace

InspectorHeading::InspectorHeading(QWidget* parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_title(new QLabel(this)), m_subtitle(new QLabel(this)) {
  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setHorizontalSpacing(8);
  layout->setVerticalSpacing(0);
  m_icon->setFixedSize(kIconSize, kIconSize);
  layout->addWidget(m_icon, 0, 0, 2, 1, Qt::AlignTop);
  layout->addWidget(m_title, 0, 1);
  layout->addWidget(m_subtitle, 1, 1);
  layout->setColumnStretch(1, 1);
  m_title->setObjectName(QStringLiteral("inspectorHeading"));
  m_title->setTextFormat(Qt::PlainText);
  m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QFont big = m_title->font();
  big.setPointSizeF(big.pointSizeF() * 1.2);
  big.setBold(true);
  m_title->setFont(big);
  m_subtitle->setTextFormat(Qt::PlainText);
  m_subtitle->setWordWrap(true);
  QPalette grey = m_subtitle->palette();
  grey.setColor(QPalette::WindowText, grey.color(QPalette::PlaceholderText));
  m_subtitle->setPalette(grey);
}

void InspectorHeading::setContent(const QIcon& icon, const QString& title, const QString& subtitle) {
  m_icon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(kIconSize, kIconSize));
  m_icon->setVisible(!icon.isNull());
  m_title->setText(title);
  m_subtitle->setText(subtitle);
  m_subtitle->setVisible(!subtitle.isEmpty());
  setVisible(!title.isEmpty());
}

QString InspectorHeading::title() const { return m_title->text(); }

QIcon InspectorHeading::linkIcon() {
  QPixmap pixmap = blank();
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  const QColor ink(0x54, 0x6e, 0x7a);
  p.setPen(QPen(ink, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  p.setBrush(Qt::white);
  p.drawEllipse(QRectF(3, 11, 8, 8));
  p.drawLine(QPointF(11, 15), QPointF(26, 15));
  QPainterPath head;
  head.moveTo(27, 15);
  head.lineTo(20, 10);
  head.lineTo(20, 20);
  head.closeSubpath();
  p.setBrush(ink);
  p.drawPath(head);
  return QIcon(pixmap);
}

QIcon InspectorHeading::groupIcon(bool region) {
  QPixmap pixmap = blank();
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  const QColor ink = region ? QColor(0x5e, 0x35, 0xb1) : QColor(0x37, 0x47, 0x4f);
  p.setPen(QPen(ink, region ? 2.0 : 1.6, Qt::DashLine));
  p.setBrush(QColor(ink.red(), ink.green(), ink.blue(), 24));
  p.drawRoundedRect(QRectF(3, 5, 24, 20), 4, 4);
  p.setPen(Qt::NoPen);
  p.setBrush(ink);
  p.drawRoundedRect(QRectF(8, 11, 6, 6), 1.5, 1.5);
  p.drawRoundedRect(QRectF(16, 11, 6, 6), 1.5, 1.5);
  return QIcon(pixmap);
}

}  // namespace pillars
