#pragma once

#include <QGraphicsItem>
#include <QString>
#include <string>

namespace pillars {

class NodeItem;
struct LinkSpec;

/// A link on the canvas: an arrow from caller to callee, edge to edge, labelled with its
/// latency (and loss when there is some). Drawn above the cards with a casing in the canvas
/// colour, so a link passing a card is seen to cross it rather than to start there.
class LinkItem final : public QGraphicsItem {
 public:
  enum { Type = UserType + 2 };
  /// Above the cards (z 10) and their frames, below the live overlay.
  static constexpr qreal kZ = 20.0;

  LinkItem(const LinkSpec& link, const NodeItem* from, const NodeItem* to);

  int type() const override { return Type; }
  const std::string& linkId() const { return m_id; }
  /// An end moved: the arrow's geometry changes.
  void adjust() { prepareGeometryChange(); }
  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  /// Where along the arrow the label sits, 0 (caller) to 1 (callee), or hidden (< 0) when it
  /// fits nowhere without covering another: the scene places labels so none overlap
  /// (TopologyScene::placeLinkLabels). The tooltip always has it.
  void setLabelAt(qreal at);
  qreal labelAt() const { return m_labelAt; }
  /// The label's box in scene coordinates if it sat at `at` (empty when it has no room).
  QRectF labelRect(qreal at) const;
  /// The label's box where it is drawn now, or empty when hidden.
  QRectF labelRect() const { return m_labelAt < 0 ? QRectF() : labelRect(m_labelAt); }

 private:
  QLineF edgeToEdge() const;

  std::string m_id;
  const NodeItem* m_from;
  const NodeItem* m_to;
  QString m_label;
  qreal m_labelAt = 0.5;
};

}  // namespace pillars
