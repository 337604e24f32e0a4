#include "widgets/canvas/topology_scene.hpp"

#include "widgets/canvas/group_item.hpp"
#include "widgets/canvas/link_item.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

TopologyScene::TopologyScene(TopologyDocument& document, QObject* parent)
    : QGraphicsScene(parent), m_document(document) {
  connect(&m_document, &TopologyDocument::reset, this, &TopologyScene::rebuild);
  rebuild();
}

NodeItem* TopologyScene::nodeFor(const std::string& componentId) const {
  const auto it = m_nodes.find(componentId);
  return it == m_nodes.end() ? nullptr : it->second;
}

std::vector<std::string> TopologyScene::selectedComponents() const {
  std::vector<std::string> out;
  for (const ComponentSpec& c : m_document.scenario().components) {
    if (const NodeItem* n = nodeFor(c.id); n && n->isSelected()) out.push_back(c.id);
  }
  return out;
}

void TopologyScene::rebuild() {
  clear();
  m_nodes.clear();
  const Scenario& s = m_document.scenario();
  for (const ComponentSpec& c : s.components) {
    auto* node = new NodeItem(c);
    node->setPos(m_document.position(c.id));
    addItem(node);
    m_nodes[c.id] = node;
  }
  for (const LinkSpec& l : s.links) {
    NodeItem* from = nodeFor(l.from);
    NodeItem* to = nodeFor(l.to);
    if (from && to) addItem(new LinkItem(l, from, to));
  }
  for (const GroupSpec& g : s.groups) {
    QRectF bounds;
    for (const std::string& member : s.groupMembers(g.id)) {
      if (const NodeItem* n = nodeFor(member)) bounds |= n->sceneBoundingRect();
    }
    if (bounds.isNull()) continue;  // an empty group has nothing to frame
    const QString label = QString::fromStdString(g.label.empty() ? g.id : g.label);
    addItem(new GroupItem(g.id, label, g.kind == "region", bounds));
  }
  setSceneRect(itemsBoundingRect().adjusted(-60, -60, 60, 60));
}

}  // namespace pillars
