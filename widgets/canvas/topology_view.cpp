#include "widgets/canvas/topology_view.hpp"

#include "widgets/canvas/mime_types.hpp"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace pillars {

namespace {
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 8.0;
constexpr qreal kStep = 1.25;
}  // namespace

TopologyView::TopologyView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent) {
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setDragMode(RubberBandDrag);
  setTransformationAnchor(AnchorUnderMouse);
  setViewportUpdateMode(SmartViewportUpdate);
  setBackgroundRole(QPalette::Base);
  setAcceptDrops(true);
}

void TopologyView::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasFormat(QLatin1String(kKindMimeType))) {
    event->acceptProposedAction();
    return;
  }
  QGraphicsView::dragEnterEvent(event);
}

void TopologyView::dragMoveEvent(QDragMoveEvent* event) {
  if (event->mimeData()->hasFormat(QLatin1String(kKindMimeType))) {
    event->acceptProposedAction();
    return;
  }
  QGraphicsView::dragMoveEvent(event);
}

void TopologyView::dropEvent(QDropEvent* event) {
  if (event->mimeData()->hasFormat(QLatin1String(kKindMimeType))) {
    const QString kind = QString::fromUtf8(event->mimeData()->data(QLatin1String(kKindMimeType)));
    emit kindDropped(kind, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
    return;
  }
  QGraphicsView::dropEvent(event);
}

void TopologyView::zoomBy(qreal factor) {
  const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
  const qreal applied = target / zoom();
  scale(applied, applied);
}

void TopologyView::zoomIn() { zoomBy(kStep); }
void TopologyView::zoomOut() { zoomBy(1.0 / kStep); }
void TopologyView::zoomToActualSize() { setTransform(QTransform()); }

void TopologyView::fitToWindow() {
  if (!scene()) return;
  fitInView(scene()->itemsBoundingRect().adjusted(-30, -30, 30, 30), Qt::KeepAspectRatio);
  // Never blow a small diagram up past 100%: it would look like a different document.
  if (zoom() > 1.0) zoomToActualSize();
}

void TopologyView::wheelEvent(QWheelEvent* event) {
  if (event->modifiers() & Qt::ControlModifier) {
    zoomBy(event->angleDelta().y() > 0 ? kStep : 1.0 / kStep);
    event->accept();
    return;
  }
  QGraphicsView::wheelEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::MiddleButton) {
    m_panning = true;
    m_panFrom = event->position().toPoint();
    setCursor(Qt::ClosedHandCursor);
    event->accept();
    return;
  }
  QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseMoveEvent(QMouseEvent* event) {
  if (m_panning) {
    const QPoint delta = event->position().toPoint() - m_panFrom;
    m_panFrom = event->position().toPoint();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
    event->accept();
    return;
  }
  QGraphicsView::mouseMoveEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent* event) {
  if (m_panning && event->button() == Qt::MiddleButton) {
    m_panning = false;
    unsetCursor();
    event->accept();
    return;
  }
  QGraphicsView::mouseReleaseEvent(event);
}

}  // namespace pillars
