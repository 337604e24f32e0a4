#pragma once

#include <QGraphicsView>

namespace pillars {

/// The canvas viewport: antialiased, zoom with Ctrl+wheel or the View menu, pan with the
/// scroll bars or a middle-button drag, fit to the window.
class TopologyView final : public QGraphicsView {
  Q_OBJECT

 public:
  explicit TopologyView(QGraphicsScene* scene, QWidget* parent = nullptr);

  void zoomIn();
  void zoomOut();
  void zoomToActualSize();
  void fitToWindow();
  qreal zoom() const { return transform().m11(); }

 signals:
  /// A palette entry was dropped on the canvas.
  void kindDropped(const QString& kind, QPointF scenePos);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void zoomBy(qreal factor);
  bool m_panning = false;
  QPoint m_panFrom;
};

}  // namespace pillars
