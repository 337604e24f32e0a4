#include "widgets/canvas/topology_view.hpp"

#include "widgets/canvas/inline_rename_editor.hpp"
#include "widgets/canvas/mime_types.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QDropEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace pillars {

namespace {
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 8.0;
constexpr qreal kStep = 1.25;
// Grid lines every two snap steps, a stronger line every ten; thinner than that is noise.
constexpr qreal kGridMinor = 2 * NodeItem::kGrid;
constexpr int kGridMajorEvery = 5;
constexpr qreal kMinGridPixels = 7.0;
}  // namespace

TopologyView::TopologyView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent) {
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setDragMode(RubberBandDrag);
  setTransformationAnchor(AnchorUnderMouse);
  setViewportUpdateMode(SmartViewportUpdate);
  setBackgroundRole(QPalette::Base);
  setAcceptDrops(true);
  // Rubber bands pick what they enclose: a band drawn inside a zone selects cards, not the zone.
  setRubberBandSelectionMode(Qt::ContainsItemShape);
}

void TopologyView::setGridVisible(bool visible) {
  m_grid = visible;
  resetCachedContent();
  viewport()->update();
}

void TopologyView::drawBackground(QPainter* painter, const QRectF& rect) {
  painter->fillRect(rect, palette().color(QPalette::Base));
  if (!m_grid) return;
  // Grid ink follows the theme: a faint mix of text on base, light or dark alike.
  const QColor base = palette().color(QPalette::Base);
  const QColor text = palette().color(QPalette::Text);
  const auto mix = [&](qreal t) {
    return QColor::fromRgbF(static_cast<float>(base.redF() + (text.redF() - base.redF()) * t),
                            static_cast<float>(base.greenF() + (text.greenF() - base.greenF()) * t),
                            static_cast<float>(base.blueF() + (text.blueF() - base.blueF()) * t));
  };
  qreal step = kGridMinor;
  int majorEvery = kGridMajorEvery;
  if (step * zoom() < kMinGridPixels) {  // zoomed far out: only the major lines
    step *= kGridMajorEvery;
    majorEvery = 1;
  }
  if (step * zoom() < kMinGridPixels) return;
  const auto firstLine = [step](qreal from) { return std::floor(from / step); };
  QVector<QLineF> minor;
  QVector<QLineF> major;
  for (qreal i = firstLine(rect.left()); i * step <= rect.right(); ++i) {
    const QLineF line(i * step, rect.top(), i * step, rect.bottom());
    (static_cast<long long>(i) % majorEvery == 0 ? major : minor).append(line);
  }
  for (qreal i = firstLine(rect.top()); i * step <= rect.bottom(); ++i) {
    const QLineF line(rect.left(), i * step, rect.right(), i * step);
    (static_cast<long long>(i) % majorEvery == 0 ? major : minor).append(line);
  }
  painter->setRenderHint(QPainter::Antialiasing, false);
  painter->setPen(QPen(mix(0.06), 0));
  painter->drawLines(minor);
  painter->setPen(QPen(mix(0.12), 0));
  painter->drawLines(major);
}

void TopologyView::startRename(const std::string& componentId) {
  auto* canvas = qobject_cast<TopologyScene*>(scene());
  NodeItem* node = canvas ? canvas->nodeFor(componentId) : nullptr;
  if (!node || !m_rename) return;
  ensureVisible(node);
  // Over the title line of the card, at the current zoom.
  const QRectF titleArea = node->mapRectToScene(QRectF(-NodeItem::kWidth / 2 + 56, -NodeItem::kHeight / 2 + 8,
                                                       NodeItem::kWidth - 64, 24));
  const QRect where = mapFromScene(titleArea).boundingRect();
  auto* editor = new InlineRenameEditor(
      QString::fromStdString(componentId),
      [this, componentId](const QString& text) { return m_rename(componentId, text); }, viewport());
  editor->setGeometry(where.adjusted(0, 0, 0, 4));
  connect(editor, &InlineRenameEditor::finished, this, [this] { setFocus(); });
  // The editor stands for one card. When the cards are made again (another file opened, the
  // component deleted or renamed by other means), it goes without renaming anything: left
  // open, it would offer to rename a component that may no longer exist.
  connect(canvas, &TopologyScene::rebuilt, editor, &InlineRenameEditor::cancel);
  editor->show();
  editor->setFocus();
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent* event) {
  for (QGraphicsItem* item : items(event->position().toPoint())) {
    if (item->type() == NodeItem::Type) {
      startRename(static_cast<NodeItem*>(item)->componentId());
      event->accept();
      return;
    }
  }
  QGraphicsView::mouseDoubleClickEvent(event);
}

void TopologyView::contextMenuEvent(QContextMenuEvent* event) {
  // Right-clicking an unselected item acts on it alone, as in every desktop editor.
  QGraphicsItem* hit = nullptr;
  for (QGraphicsItem* item : items(event->pos())) {
    if (item->flags() & QGraphicsItem::ItemIsSelectable) {
      hit = item;
      break;
    }
  }
  if (scene() && hit && !hit->isSelected()) {
    scene()->clearSelection();
    hit->setSelected(true);
  } else if (scene() && !hit) {
    scene()->clearSelection();
  }
  emit contextMenuRequested(event->globalPos(), mapToScene(event->pos()));
  event->accept();
}

void TopologyView::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && !m_panning) {
    m_spaceHeld = true;
    m_pannedWhileSpaceHeld = false;
    setDragMode(NoDrag);
    viewport()->setCursor(Qt::OpenHandCursor);
    event->accept();
    return;
  }
  if (event->key() == Qt::Key_Space) {
    event->accept();  // auto-repeat while held
    return;
  }
  QGraphicsView::keyPressEvent(event);
}

void TopologyView::keyReleaseEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && m_spaceHeld) {
    m_spaceHeld = false;
    setDragMode(RubberBandDrag);
    if (!m_panning) viewport()->unsetCursor();
    if (!m_pannedWhileSpaceHeld) emit spaceTapped();
    event->accept();
    return;
  }
  QGraphicsView::keyReleaseEvent(event);
}

void TopologyView::beginPan(QPoint at) {
  m_panning = true;
  m_panFrom = at;
  viewport()->setCursor(Qt::ClosedHandCursor);
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
  m_autoFit = false;
  if (event->mimeData()->hasFormat(QLatin1String(kKindMimeType))) {
    const QString kind = QString::fromUtf8(event->mimeData()->data(QLatin1String(kKindMimeType)));
    emit kindDropped(kind, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
    return;
  }
  QGraphicsView::dropEvent(event);
}

void TopologyView::zoomBy(qreal factor) {
  m_autoFit = false;  // the user chose a zoom: a resize must not take it away
  const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
  const qreal applied = target / zoom();
  scale(applied, applied);
}

void TopologyView::zoomIn() { zoomBy(kStep); }
void TopologyView::zoomOut() { zoomBy(1.0 / kStep); }
void TopologyView::zoomToActualSize() {
  m_autoFit = false;
  setTransform(QTransform());
}

void TopologyView::fitToWindow() {
  m_autoFit = true;
  applyFit();
}

void TopologyView::applyFit() {
  if (!scene()) return;
  const QRectF content = scene()->itemsBoundingRect().adjusted(-30, -30, 30, 30);
  if (content.isEmpty()) return;
  // Fitted into the room the view has without scroll bars (less the 2-pixel margin Qt's
  // fitInView keeps), not into the viewport: the viewport shrinks when a scroll bar appears,
  // and whether one appears depends on the fit. Near the edge the two chased each other for
  // ever (a fit that needs a bar, a smaller fit beside it that needs none, the larger fit
  // again...) and the window froze. This way a bar coming or going changes nothing.
  const QSize room = maximumViewportSize() - QSize(4, 4);
  if (room.width() <= 0 || room.height() <= 0) return;
  // Never blow a small diagram up past 100%: it would look like a different document.
  const qreal scale = std::min({room.width() / content.width(), room.height() / content.height(), 1.0});
  setTransform(QTransform::fromScale(scale, scale));
  centerOn(content.center());
}

void TopologyView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  // A file opened before the window is shown was fitted into a viewport of a few pixels: the
  // fit follows the viewport until it has settled at its real size.
  if (m_autoFit) applyFit();
}

void TopologyView::showEvent(QShowEvent* event) {
  QGraphicsView::showEvent(event);
  if (m_autoFit) applyFit();
}

void TopologyView::keepAt(QPointF scenePos, QPoint viewportPos) {
  if (!scene()) return;
  // The visible area moved so that scenePos sits under viewportPos; the canvas grows to hold
  // it, since a view cannot scroll past its scene's edges (and centres a small scene).
  const QPointF shift = scenePos - mapToScene(viewportPos);
  const QRectF wanted = mapToScene(viewport()->rect()).boundingRect().translated(shift);
  scene()->setSceneRect(scene()->sceneRect() | wanted);
  centerOn(wanted.center());
}

void TopologyView::wheelEvent(QWheelEvent* event) {
  m_autoFit = false;  // zooming or scrolling: the user has taken over the view
  if (event->modifiers() & Qt::ControlModifier) {
    zoomBy(event->angleDelta().y() > 0 ? kStep : 1.0 / kStep);
    event->accept();
    return;
  }
  QGraphicsView::wheelEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent* event) {
  m_autoFit = false;  // working on the canvas: a dock resizing must not rescale it under the hand
  const bool spacePan = m_spaceHeld && event->button() == Qt::LeftButton;
  if (event->button() == Qt::MiddleButton || spacePan) {
    m_panButton = event->button();
    m_pannedWhileSpaceHeld = m_pannedWhileSpaceHeld || spacePan;
    beginPan(event->position().toPoint());
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
  if (m_panning && event->button() == m_panButton) {
    m_panning = false;
    m_panButton = Qt::NoButton;
    if (m_spaceHeld) {
      viewport()->setCursor(Qt::OpenHandCursor);
    } else {
      viewport()->unsetCursor();
    }
    event->accept();
    return;
  }
  QGraphicsView::mouseReleaseEvent(event);
}

}  // namespace pillars
