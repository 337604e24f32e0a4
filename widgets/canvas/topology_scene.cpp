#include "widgets/canvas/topology_scene.hpp"

#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QPen>
#include <algorithm>
#include <cmath>

#include "widgets/canvas/group_item.hpp"
#include "widgets/canvas/link_item.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

TopologyScene::TopologyScene(TopologyDocument& document, QObject* parent)
    : QGraphicsScene(parent), m_document(document) {
  connect(&m_document, &TopologyDocument::reset, this, &TopologyScene::rebuild);
  // Structural edits are rare and small next to the scene: rebuilding keeps the items a
  // faithful picture of the model without bookkeeping per edit kind.
  for (auto signal : {&TopologyDocument::componentAdded, &TopologyDocument::componentRemoved,
                      &TopologyDocument::componentChanged, &TopologyDocument::linkAdded,
                      &TopologyDocument::linkRemoved}) {
    connect(&m_document, signal, this, &TopologyScene::rebuildKeepingSelection);
  }
  connect(&m_document, &TopologyDocument::restructured, this, &TopologyScene::rebuildKeepingSelection);
  for (auto signal : {&TopologyDocument::linkChanged, &TopologyDocument::groupChanged}) {
    connect(&m_document, signal, this, &TopologyScene::rebuildKeepingSelection);  // labels
  }
  connect(&m_document, &TopologyDocument::componentMoved, this, &TopologyScene::placeNode);
  connect(&m_document.undoStack(), &QUndoStack::indexChanged, this, [this] {
    if (!m_groupsStale) return;
    rebuildGroups();
    placeLinkLabels();
    // Moved cards may have left the scrollable area (a fresh layout usually does).
    setSceneRect(sceneRect() | itemsBoundingRect().adjusted(-400, -300, 400, 300));
  });
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

namespace {

/// Ids of the selected items of one kind, in the order the scenario lists them.
template <typename Item, typename Spec>
std::vector<std::string> selectedInOrder(const QList<QGraphicsItem*>& selected, const std::vector<Spec>& specs,
                                         const std::string& (Item::*idOf)() const) {
  std::vector<std::string> picked;
  for (QGraphicsItem* item : selected) {
    if (item->type() == Item::Type) picked.push_back((static_cast<Item*>(item)->*idOf)());
  }
  std::vector<std::string> out;
  for (const Spec& spec : specs) {
    if (std::find(picked.begin(), picked.end(), spec.id) != picked.end()) out.push_back(spec.id);
  }
  return out;
}

}  // namespace

std::vector<std::string> TopologyScene::selectedLinks() const {
  return selectedInOrder(selectedItems(), m_document.scenario().links, &LinkItem::linkId);
}

std::vector<std::string> TopologyScene::selectedGroups() const {
  return selectedInOrder(selectedItems(), m_document.scenario().groups, &GroupItem::groupId);
}

void TopologyScene::selectComponents(const std::vector<std::string>& ids) {
  clearSelection();
  for (const auto& id : ids) {
    if (NodeItem* n = nodeFor(id)) n->setSelected(true);
  }
}

void TopologyScene::rebuildKeepingSelection() {
  const auto selected = selectedComponents();
  const auto links = selectedLinks();
  const auto groups = selectedGroups();
  const QRectF area = sceneRect();
  rebuild();
  // Edits only ever grow the canvas, so the view never jumps under the user's hands.
  setSceneRect(area | sceneRect());
  selectComponents(selected);
  // Selected links and groups stay selected too: the inspector keeps showing what is being
  // edited while each keystroke rebuilds the items.
  const auto picked = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  for (QGraphicsItem* item : items()) {
    if (item->type() == LinkItem::Type && picked(links, static_cast<LinkItem*>(item)->linkId())) {
      item->setSelected(true);
    } else if (item->type() == GroupItem::Type && picked(groups, static_cast<GroupItem*>(item)->groupId())) {
      item->setSelected(true);
    }
  }
}

TopologyScene::~TopologyScene() {
  // Nobody listens to a scene that is going away: its items die after this class's members,
  // and their selection changes would reach slots of a window that is being destroyed.
  blockSignals(true);
  m_nodes.clear();
  clear();
}

void TopologyScene::rebuild() {
  m_groupDrag.reset();
  m_connectFrom = nullptr;
  m_rubberLink = nullptr;
  // Forget the items before deleting them: clear() announces the selection change, and
  // listeners asking for the selection must not see dead items.
  m_nodes.clear();
  m_groups.clear();
  clear();
  const Scenario& s = m_document.scenario();
  for (const ComponentSpec& c : s.components) {
    auto* node = new NodeItem(c);
    node->setPos(m_document.position(c.id));
    if (const auto w = m_warnings.find(c.id); w != m_warnings.end()) node->setWarning(w->second.text, w->second.detail);
    addItem(node);
    m_nodes[c.id] = node;
  }
  for (const LinkSpec& l : s.links) {
    NodeItem* from = nodeFor(l.from);
    NodeItem* to = nodeFor(l.to);
    if (!from || !to) continue;
    auto* link = new LinkItem(l, from, to);
    from->attachLink(link);
    to->attachLink(link);
    addItem(link);
  }
  rebuildGroups();
  placeLinkLabels();
  setSceneRect(itemsBoundingRect().adjusted(-400, -300, 400, 300));
  emit rebuilt();
}

void TopologyScene::setWarnings(std::map<std::string, CardWarning> warnings) {
  m_warnings = std::move(warnings);
  for (const auto& [id, node] : m_nodes) {
    const auto w = m_warnings.find(id);
    node->setWarning(w == m_warnings.end() ? QString() : w->second.text,
                     w == m_warnings.end() ? QString() : w->second.detail);
  }
}

void TopologyScene::placeLinkLabels() {
  // Greedy, in id order: each label takes the first spot along its arrow, middle first, that
  // is clear of the cards (found through the scene's index) and of the labels placed before it
  // (kept in a coarse grid, so a thousand-card canvas stays quick to rebuild).
  static constexpr qreal kSpots[] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78};
  static constexpr qreal kCell = 200.0;
  std::map<std::pair<int, int>, std::vector<QRectF>> placed;
  const auto cells = [](const QRectF& r, auto&& visit) {
    for (int x = static_cast<int>(std::floor(r.left() / kCell)); x <= static_cast<int>(std::floor(r.right() / kCell)); ++x) {
      for (int y = static_cast<int>(std::floor(r.top() / kCell)); y <= static_cast<int>(std::floor(r.bottom() / kCell));
           ++y) {
        visit(std::make_pair(x, y));
      }
    }
  };
  const auto clear = [&](const QRectF& box) {
    for (const QGraphicsItem* item : items(box, Qt::IntersectsItemBoundingRect)) {
      if (item->type() == NodeItem::Type) return false;
    }
    bool free = true;
    cells(box, [&](const std::pair<int, int>& cell) {
      const auto it = placed.find(cell);
      if (it == placed.end()) return;
      for (const QRectF& r : it->second) free = free && !r.intersects(box);
    });
    return free;
  };
  std::vector<LinkItem*> links;
  for (QGraphicsItem* item : items()) {
    if (item->type() == LinkItem::Type) links.push_back(static_cast<LinkItem*>(item));
  }
  std::sort(links.begin(), links.end(), [](const LinkItem* a, const LinkItem* b) { return a->linkId() < b->linkId(); });
  for (LinkItem* link : links) {
    qreal where = -1;
    for (const qreal spot : kSpots) {
      const QRectF box = link->labelRect(spot);
      if (box.isEmpty()) break;
      if (clear(box)) {
        where = spot;
        cells(box, [&](const std::pair<int, int>& cell) { placed[cell].push_back(box); });
        break;
      }
    }
    link->setLabelAt(where);
  }
}

void TopologyScene::rebuildGroups() {
  m_groupsStale = false;
  for (QGraphicsItem* g : m_groups) {
    removeItem(g);
    delete g;
  }
  m_groups.clear();
  const Scenario& s = m_document.scenario();
  for (const GroupSpec& g : s.groups) {
    QRectF bounds;
    for (const std::string& member : s.groupMembers(g.id)) {
      if (const NodeItem* n = nodeFor(member)) bounds |= n->sceneBoundingRect();
    }
    if (bounds.isNull()) continue;  // an empty group has nothing to frame
    const QString label = QString::fromStdString(g.label.empty() ? g.id : g.label);
    auto* item = new GroupItem(g.id, label, g.isRegion(), bounds);
    addItem(item);
    m_groups.push_back(item);
  }
}

void TopologyScene::placeNode(const std::string& id) {
  if (NodeItem* n = nodeFor(id)) {
    const QPointF at = m_document.position(id);
    if (n->pos() != at) n->setPos(at);
  }
  // A layout or a group drag moves many cards in one step: frames are redrawn once, when
  // the step is complete (undo stack index change), not once per card.
  m_groupsStale = true;
}

NodeItem* TopologyScene::nodeAt(QPointF scenePos) const {
  for (QGraphicsItem* item : items(scenePos)) {
    if (item->type() == NodeItem::Type) return static_cast<NodeItem*>(item);
  }
  return nullptr;
}

bool TopologyScene::beginGroupDrag(QPointF scenePos) {
  if (nodeAt(scenePos)) return false;
  // The innermost frame under the pointer: zones sit above regions.
  GroupItem* frame = nullptr;
  for (QGraphicsItem* item : items(scenePos)) {
    if (item->type() == GroupItem::Type) {
      frame = static_cast<GroupItem*>(item);
      break;
    }
  }
  if (!frame) return false;
  const Scenario& s = m_document.scenario();
  GroupDrag drag{frame->groupId(), scenePos, {}, {}};
  const std::vector<std::string> members = s.groupMembers(drag.groupId);
  for (const std::string& id : members) {
    if (NodeItem* n = nodeFor(id)) drag.members[id] = n->pos();
  }
  for (QGraphicsItem* item : m_groups) {
    const auto inner = s.groupMembers(static_cast<GroupItem*>(item)->groupId());
    const bool carried = !inner.empty() && std::all_of(inner.begin(), inner.end(), [&](const std::string& m) {
      return drag.members.count(m) > 0;
    });
    if (carried) drag.frames.push_back(item);
  }
  m_groupDrag = std::move(drag);
  return true;
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
  if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)) {
    if (NodeItem* from = nodeAt(event->scenePos())) {
      m_connectFrom = from;
      m_rubberLink = addLine(QLineF(from->pos(), event->scenePos()), QPen(Qt::darkGray, 1.5, Qt::DashLine));
      m_rubberLink->setZValue(100);
      event->accept();
      return;
    }
  }
  QGraphicsScene::mousePressEvent(event);
  if (event->button() == Qt::LeftButton && !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier))) {
    beginGroupDrag(event->scenePos());
  }
}

void TopologyScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
  if (m_groupDrag && (event->buttons() & Qt::LeftButton)) {
    // Moved by whole grid steps, so the cards stay on the grid they were snapped to.
    const QPointF delta = NodeItem::snapToGrid(event->scenePos() - m_groupDrag->from);
    for (const auto& [id, start] : m_groupDrag->members) nodeFor(id)->setPos(start + delta);
    for (QGraphicsItem* frame : m_groupDrag->frames) frame->setPos(delta);
    event->accept();
    return;
  }
  if (m_rubberLink) {
    m_rubberLink->setLine(QLineF(m_connectFrom->pos(), event->scenePos()));
    event->accept();
    return;
  }
  QGraphicsScene::mouseMoveEvent(event);
}

void TopologyScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
  if (m_rubberLink) {
    const std::string from = m_connectFrom->componentId();
    NodeItem* target = nodeAt(event->scenePos());
    removeItem(m_rubberLink);
    delete m_rubberLink;
    m_rubberLink = nullptr;
    m_connectFrom = nullptr;
    event->accept();
    if (target && target->componentId() != from) {
      const QString problem = m_document.connectComponents(from, target->componentId());
      if (!problem.isEmpty()) emit message(problem);
    }
    return;
  }
  QGraphicsScene::mouseReleaseEvent(event);
  QString label;
  if (m_groupDrag) {
    label = tr("Move %1").arg(QString::fromStdString(m_groupDrag->groupId));
    m_groupDrag.reset();
  }
  // However many cards the drag carried, the document records one move.
  std::map<std::string, QPointF> moved;
  for (const auto& [id, node] : m_nodes) {
    if (node->pos() != m_document.position(id)) moved[id] = node->pos();
  }
  if (!moved.empty()) m_document.moveComponents(moved, label);
}

}  // namespace pillars
