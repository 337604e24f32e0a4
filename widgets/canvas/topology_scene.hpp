#pragma once

#include <QGraphicsScene>
#include <map>
#include <string>

namespace pillars {

class TopologyDocument;
class NodeItem;

/// The canvas contents: one item per component, link and group, rebuilt from the document
/// whenever it is replaced. Items only show the model; the document owns it.
class TopologyScene final : public QGraphicsScene {
  Q_OBJECT

 public:
  explicit TopologyScene(TopologyDocument& document, QObject* parent = nullptr);

  NodeItem* nodeFor(const std::string& componentId) const;
  /// Ids of the selected components, in scenario order.
  std::vector<std::string> selectedComponents() const;

 private:
  void rebuild();

  TopologyDocument& m_document;
  std::map<std::string, NodeItem*> m_nodes;
};

}  // namespace pillars
