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
  /// Fits the whole diagram in the window (never above 100%), and keeps it fitted as the
  /// viewport settles (a window being shown, docks finding their sizes) until the user zooms,
  /// pans or works on the canvas.
  void fitToWindow();
  /// Whether the view still follows its size with a fit (see fitToWindow).
  bool isFitting() const { return m_autoFit; }
  /// Stops following the viewport's size with a fit.
  void stopFitting() { m_autoFit = false; }
  /// Scrolls so `scenePos` shows at `viewportPos`, growing the canvas when it is too small to
  /// scroll that far: what a drop needs, so the card lands under the pointer.
  void keepAt(QPointF scenePos, QPoint viewportPos);
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
  void resizeEvent(QResizeEvent* event) override;
  void showEvent(QShowEvent* event) override;
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
  /// The fit itself, leaving m_autoFit alone.
  void applyFit();
  bool m_panning = false;
  Qt::MouseButton m_panButton = Qt::NoButton;
  QPoint m_panFrom;
  bool m_spaceHeld = false;
  bool m_pannedWhileSpaceHeld = false;
  bool m_grid = true;
  bool m_autoFit = false;
  RenameHandler m_rename;
};

}  // namespace pillars
