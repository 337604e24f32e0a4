#pragma once

#include <QGraphicsItem>
#include <QString>
#include <string>

namespace pillars {

/// A zone or region on the canvas: a dashed frame around its members (and nested groups),
/// labelled in its top-left corner. Regions frame wider than zones so nesting stays visible.
class GroupItem final : public QGraphicsItem {
 public:
  enum { Type = UserType + 3 };

  GroupItem(std::string id, QString label, bool region, const QRectF& membersBounds);

  int type() const override { return Type; }
  const std::string& groupId() const { return m_id; }
  QRectF boundingRect() const override { return m_frame.adjusted(-2, -2, 2, 2); }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  std::string m_id;
  QString m_label;
  bool m_region;
  QRectF m_frame;
};

}  // namespace pillars
