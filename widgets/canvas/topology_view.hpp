#pragma once

#include <QGraphicsView>
#include <functional>
#include <string>

namespace pillars {

/// The canvas viewport: antialiased, a grid behind the cards, zoom with Ctrl+wheel or the
/// View menu, pan with the scroll bars, a middle-button drag or Space+drag, fit to the window.
/// Double-clicking a card (or F2) renames it in place.
class TopologyView final : public QGraphicsView {
  Q_OBJECT

 public:
  explicit TopologyView(QGraphicsScene* scene, QWidget* parent = nullptr);

  void zoomIn();
  void zoomOut();
  void zoomToActualSize();
  void fitToWindow();
  qreal zoom() const { return transform().m11(); }
  void setGridVisible(bool visible);
  bool isGridVisible() const { return m_grid; }

  /// Answers a proposed new id for a component with what is wrong, or empty when accepted.
  using RenameHandler = std::function<QString(const std::string& componentId, const QString& newId)>;
  void setRenameHandler(RenameHandler handler) { m_rename = std::move(handler); }
  /// Opens the in-place editor over a card's title.
  void startRename(const std::string& componentId);

 signals:
  /// A palette entry was dropped on the canvas.
  void kindDropped(const QString& kind, QPointF scenePos);
  /// The user asked for a context menu at `globalPos`; the item under it is selected first.
  void contextMenuRequested(QPoint globalPos, QPointF scenePos);
  /// Space was pressed and released without dragging (the live simulation's run/pause).
  void spaceTapped();

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void drawBackground(QPainter* painter, const QRectF& rect) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void zoomBy(qreal factor);
  void beginPan(QPoint at);
  bool m_panning = false;
  Qt::MouseButton m_panButton = Qt::NoButton;
  QPoint m_panFrom;
  bool m_spaceHeld = false;
  bool m_pannedWhileSpaceHeld = false;
  bool m_grid = true;
  RenameHandler m_rename;
};

}  // namespace pillars
