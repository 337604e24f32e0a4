#pragma once

#include <QGraphicsItem>
#include <QString>
#include <string>

namespace pillars {

class NodeItem;
struct LinkSpec;

/// A link on the canvas: an arrow from caller to callee, edge to edge, labelled with its
/// latency (and loss when there is some).
class LinkItem final : public QGraphicsItem {
 public:
  enum { Type = UserType + 2 };

  LinkItem(const LinkSpec& link, const NodeItem* from, const NodeItem* to);

  int type() const override { return Type; }
  const std::string& linkId() const { return m_id; }
  /// An end moved: the arrow's geometry changes.
  void adjust() { prepareGeometryChange(); }
  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  QLineF edgeToEdge() const;

  std::string m_id;
  const NodeItem* m_from;
  const NodeItem* m_to;
  QString m_label;
};

}  // namespace pillars
