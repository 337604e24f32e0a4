#include "widgets/review/svg_picture.hpp"

#include <QPainter>

namespace pillars {

SvgPicture::SvgPicture(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setMinimumSize(320, 320);
}

bool SvgPicture::setSvg(const QByteArray& svg) {
  const bool ok = m_renderer.load(svg);
  updateGeometry();
  QWidget::update();
  return ok;
}

QSize SvgPicture::sizeHint() const {
  return m_renderer.isValid() ? m_renderer.defaultSize().expandedTo(QSize(320, 320)) : QSize(480, 480);
}

void SvgPicture::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), Qt::white);  // Graphviz draws dark text for a white page
  if (!m_renderer.isValid()) return;
  QSizeF size = m_renderer.defaultSize();
  size.scale(QSizeF(rect().size()) * 0.98, Qt::KeepAspectRatio);
  // Never blown up beyond 1.6x: a tiny tree in a big window would be all huge letters.
  const QSizeF natural = m_renderer.defaultSize();
  if (size.width() > natural.width() * 1.6) size = natural * 1.6;
  const QRectF target(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size);
  m_renderer.render(&painter, target);
}

}  // namespace pillars
