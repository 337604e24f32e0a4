#pragma once

#include <QGraphicsObject>
#include <QString>
#include <string>
#include <vector>

namespace pillars {

struct ComponentSpec;
class LinkItem;

/// A component on the canvas: a card in its pillar's colour with the kind's glyph, the id and
/// a summary of its key parameters. It shows the model; it never changes it.
class NodeItem final : public QGraphicsObject {
  Q_OBJECT

 public:
  enum { Type = UserType + 1 };
  static constexpr qreal kWidth = 200.0;
  static constexpr qreal kHeight = 64.0;
  /// Cards snap to this grid when dragged.
  static constexpr qreal kGrid = 10.0;
  static QPointF snapToGrid(QPointF p);

  NodeItem(const ComponentSpec& component, QGraphicsItem* parent = nullptr);

  int type() const override { return Type; }
  const std::string& componentId() const { return m_id; }
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
  /// Links ending here, redrawn when the card moves.
  void attachLink(LinkItem* link) { m_links.push_back(link); }
  /// A warning about the component ("overloaded 200 > 100 req/s"): an amber mark on the card's
  /// top-left corner with the text beside it; `detail` is its tooltip. Empty clears it.
  void setWarning(const QString& text, const QString& detail);
  const QString& warning() const { return m_warning; }

 protected:
  QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

 private:
  void paintWarning(QPainter* painter) const;

  std::vector<LinkItem*> m_links;
  std::string m_id;
  std::string m_kind;
  QString m_title;
  QString m_summary;
  QString m_warning;
  QString m_baseToolTip;
};

}  // namespace pillars
