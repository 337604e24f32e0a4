#pragma once

#include <QGraphicsScene>
#include <map>
#include <optional>
#include <string>
#include <vector>

class QGraphicsLineItem;

namespace pillars {

class TopologyDocument;
class NodeItem;

/// The canvas contents: one item per component, link and group, kept in step with the
/// document's signals. Items only show the model; gestures on them become document edits:
/// a drag of cards is one move, a Shift+drag from one card to another is a connection.
class TopologyScene final : public QGraphicsScene {
  Q_OBJECT

 public:
  explicit TopologyScene(TopologyDocument& document, QObject* parent = nullptr);
  ~TopologyScene() override;

  NodeItem* nodeFor(const std::string& componentId) const;
  /// Ids of the selected components, in scenario order.
  std::vector<std::string> selectedComponents() const;
  void selectComponents(const std::vector<std::string>& ids);
  /// Ids of the selected links, in scenario order.
  std::vector<std::string> selectedLinks() const;
  /// Ids of the selected groups (zones, regions), in scenario order.
  std::vector<std::string> selectedGroups() const;
  /// Places every link's label where it covers no other label and no card (a full mesh of
  /// Raft nodes crosses many links near its middle); one that fits nowhere is hidden and left to
  /// its tooltip. Done after every rebuild and every move.
  void placeLinkLabels();
  /// Warnings to show on cards, by component id: a short text and its explanation. They stay
  /// on the cards through rebuilds until replaced.
  struct CardWarning {
    QString text;
    QString detail;
  };
  void setWarnings(std::map<std::string, CardWarning> warnings);

 signals:
  /// Something the user should read in the status bar (a refused connection, say).
  void message(const QString& text);
  /// Every item was made again from the document (items others added, such as the live
  /// overlay's, went with the old ones).
  void rebuilt();

 protected:
  void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

 private:
  void rebuild();
  void rebuildKeepingSelection();
  void placeNode(const std::string& id);
  void rebuildGroups();
  NodeItem* nodeAt(QPointF scenePos) const;
  /// Starts carrying a group's cards (and nested frames) when a press lands on its frame.
  bool beginGroupDrag(QPointF scenePos);

  TopologyDocument& m_document;
  std::map<std::string, NodeItem*> m_nodes;
  std::vector<QGraphicsItem*> m_groups;
  // Shift+drag connection in progress.
  NodeItem* m_connectFrom = nullptr;
  QGraphicsLineItem* m_rubberLink = nullptr;
  // Drag of a zone or region in progress: where it started and what it carries.
  struct GroupDrag {
    std::string groupId;
    QPointF from;
    std::map<std::string, QPointF> members;  // where each card started
    std::vector<QGraphicsItem*> frames;      // the group's frame and nested ones
  };
  std::optional<GroupDrag> m_groupDrag;
  std::map<std::string, CardWarning> m_warnings;
  bool m_groupsStale = false;  // cards moved since the frames were drawn
};

}  // namespace pillars
