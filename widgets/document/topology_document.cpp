#include "widgets/document/topology_document.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>

#include "engine/io/scenario_writer.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/model/scenario_edits.hpp"
#include "widgets/document/commands/add_component_command.hpp"
#include "widgets/document/commands/connect_command.hpp"
#include "widgets/document/commands/move_components_command.hpp"
#include "widgets/document/commands/restructure_command.hpp"
#include "widgets/document/starting_parameters.hpp"

namespace pillars {

TopologyDocument::TopologyDocument(QObject* parent) : QObject(parent) {
  connect(&m_undo, &QUndoStack::cleanChanged, this,
          [this](bool clean) { emit modifiedChanged(!clean); });
}

TopologyDocument::~TopologyDocument() {
  // The undo stack clears itself as it goes and says so (indexChanged): listeners may be
  // half-destroyed by then (the main window that owns this document), so it goes quietly.
  m_undo.blockSignals(true);
}

QPointF TopologyDocument::position(const std::string& componentId) const {
  const auto it = m_positions.find(componentId);
  return it == m_positions.end() ? QPointF() : it->second;
}

void TopologyDocument::placeUnpositioned() {
  // Layers by distance from the components nobody calls (usually the clients), so requests
  // flow left to right; a stand-in until the Graphviz layout arrives.
  const auto& comps = m_scenario.components;
  std::map<std::string, int> layer;
  std::deque<std::string> frontier;
  for (const ComponentSpec& c : comps) {
    const bool called = std::any_of(m_scenario.links.begin(), m_scenario.links.end(),
                                    [&](const LinkSpec& l) { return l.to == c.id; });
    if (!called) {
      layer[c.id] = 0;
      frontier.push_back(c.id);
    }
  }
  while (!frontier.empty()) {
    const std::string id = frontier.front();
    frontier.pop_front();
    for (const LinkSpec& l : m_scenario.links) {
      if (l.from == id && !layer.count(l.to)) {
        layer[l.to] = layer[id] + 1;
        frontier.push_back(l.to);
      }
    }
  }
  std::map<int, int> filled;
  for (const ComponentSpec& c : comps) {
    if (m_positions.count(c.id)) continue;
    const int x = layer.count(c.id) ? layer[c.id] : 0;
    const int y = filled[x]++;
    m_positions[c.id] = QPointF(x * 260.0, y * 120.0);
  }
}

// --- Edits ------------------------------------------------------------------------------------

std::string TopologyDocument::addComponent(const std::string& kind, QPointF at) {
  const ComponentKind* k = builtinRegistry().find(kind);
  if (!k) throw std::invalid_argument("unknown component kind " + kind);
  ComponentSpec c;
  c.id = freshId(m_scenario, kind);
  c.kind = kind;
  c.params = ParamSet(k->params);
  applyStartingParameters(c);
  const std::string id = c.id;
  m_undo.push(new AddComponentCommand(*this, std::move(c), at));
  return id;
}

void TopologyDocument::pushRestructure(const QString& label, Scenario after) {
  Scenario before = scenarioWithPositions();
  if (writeScenarioJson(before) == writeScenarioJson(after)) return;
  m_undo.push(new RestructureCommand(*this, label, std::move(before), std::move(after)));
}

void TopologyDocument::remove(const std::vector<std::string>& componentIds,
                              const std::vector<std::string>& linkIds,
                              const std::vector<std::string>& groupIds) {
  const std::size_t count = componentIds.size() + linkIds.size() + groupIds.size();
  if (count == 0) return;
  Scenario next = scenarioWithPositions();
  removeGroups(next, groupIds);
  removeLinks(next, linkIds);
  pillars::removeComponents(next, componentIds);
  QString label;
  if (count == 1) {
    const std::string& only = !componentIds.empty() ? componentIds.front()
                              : !linkIds.empty()    ? linkIds.front()
                                                    : groupIds.front();
    label = tr("Delete %1").arg(QString::fromStdString(only));
  } else {
    label = tr("Delete %n items", nullptr, static_cast<int>(count));
  }
  pushRestructure(label, std::move(next));
}

QString TopologyDocument::renameComponent(const std::string& id, const std::string& newId) {
  if (!m_scenario.findComponent(id)) return tr("No component %1.").arg(QString::fromStdString(id));
  if (newId == id) return {};
  if (!isValidId(newId)) {
    return tr("An id is 1 to 128 letters, digits and _ - . : > (no spaces).");
  }
  if (idInUse(m_scenario, newId)) {
    return tr("%1 is already taken; ids are unique across components, links and groups.")
        .arg(QString::fromStdString(newId));
  }
  Scenario next = scenarioWithPositions();
  pillars::renameComponent(next, id, newId);
  pushRestructure(tr("Rename %1 to %2").arg(QString::fromStdString(id), QString::fromStdString(newId)),
                  std::move(next));
  return {};
}

Scenario TopologyDocument::copyFragment(const std::vector<std::string>& componentIds) const {
  return extractFragment(scenarioWithPositions(), componentIds);
}

std::vector<std::string> TopologyDocument::pasteFragment(const Scenario& fragment, QPointF offset,
                                                         const QString& label) {
  if (fragment.components.empty()) return {};
  Scenario next = scenarioWithPositions();
  std::vector<std::string> added = mergeFragment(next, fragment, offset.x(), offset.y());
  // Components a hand-written fragment leaves unplaced appear where the paste lands.
  for (ComponentSpec& c : next.components) {
    if (!c.position) c.position = std::make_pair(offset.x(), offset.y());
  }
  pushRestructure(label, std::move(next));
  return added;
}

std::string TopologyDocument::createGroup(const std::string& kind, const std::vector<std::string>& componentIds,
                                          const std::vector<std::string>& groupIds) {
  if (componentIds.empty() && groupIds.empty()) return {};
  Scenario next = scenarioWithPositions();
  const std::string id = pillars::createGroup(next, kind, std::string(), componentIds, groupIds);
  pushRestructure(tr("Group into %1").arg(QString::fromStdString(id)), std::move(next));
  return id;
}

void TopologyDocument::setComponentsGroup(const std::vector<std::string>& componentIds,
                                          const std::string& groupId) {
  if (componentIds.empty()) return;
  Scenario next = scenarioWithPositions();
  assignToGroup(next, componentIds, groupId);
  const QString label = groupId.empty() ? tr("Remove from group")
                                        : tr("Move into %1").arg(QString::fromStdString(groupId));
  pushRestructure(label, std::move(next));
}

void TopologyDocument::moveComponents(const std::map<std::string, QPointF>& to, const QString& label) {
  std::map<std::string, QPointF> moved;
  for (const auto& [id, at] : to) {
    if (m_scenario.findComponent(id) && position(id) != at) moved[id] = at;
  }
  if (moved.empty()) return;
  auto* command = new MoveComponentsCommand(*this, std::move(moved));
  if (!label.isEmpty()) command->setText(label);
  m_undo.push(command);
}

QString TopologyDocument::connectComponents(const std::string& from, const std::string& to) {
  if (!m_scenario.findComponent(from) || !m_scenario.findComponent(to)) {
    return tr("Both ends of a link must be components.");
  }
  if (from == to) return tr("A component cannot be linked to itself.");
  for (const LinkSpec& l : m_scenario.links) {
    if ((l.from == from && l.to == to) || (l.from == to && l.to == from)) {
      return tr("%1 and %2 are already linked; links carry traffic both ways.")
          .arg(QString::fromStdString(from), QString::fromStdString(to));
    }
  }
  // Some kinds send only to certain kinds (a shard router to stores). The file format refuses
  // any other link, so drawing one would make a design that saves and does not open again.
  const ComponentKind& sender = kindTraits(m_scenario.findComponent(from)->kind);
  const std::string& receiver = m_scenario.findComponent(to)->kind;
  if (!sender.outgoingKinds.empty() &&
      std::find(sender.outgoingKinds.begin(), sender.outgoingKinds.end(), receiver) == sender.outgoingKinds.end()) {
    QStringList kinds;
    for (const std::string& k : sender.outgoingKinds) kinds << QString::fromStdString(k);
    return tr("A %1 sends only to %2 components; %3 is a %4.")
        .arg(QString::fromStdString(sender.name), kinds.join(tr(" or ")), QString::fromStdString(to),
             QString::fromStdString(receiver));
  }
  LinkSpec l;
  l.from = from;
  l.to = to;
  l.id = from + "->" + to;
  l.params = ParamSet(linkParamSpecs());
  m_undo.push(new ConnectCommand(*this, std::move(l)));
  return {};
}

QString TopologyDocument::setParameter(const std::string& componentId, const std::string& param,
                                       const QString& text) {
  return setManyParameters(false, {componentId}, param, text);
}

// --- Primitive mutators -----------------------------------------------------------------------

std::size_t TopologyDocument::componentIndex(const std::string& id) const {
  const auto& comps = m_scenario.components;
  return static_cast<std::size_t>(
      std::find_if(comps.begin(), comps.end(), [&](const ComponentSpec& c) { return c.id == id; }) -
      comps.begin());
}

void TopologyDocument::insertComponent(UndoCommandKey, std::size_t index, ComponentSpec component, QPointF at) {
  const std::string id = component.id;
  auto& comps = m_scenario.components;
  comps.insert(comps.begin() + static_cast<std::ptrdiff_t>(std::min(index, comps.size())),
               std::move(component));
  m_positions[id] = at;
  emit componentAdded(id);
}

ComponentSpec TopologyDocument::takeComponent(UndoCommandKey, const std::string& id, std::size_t* index) {
  auto& comps = m_scenario.components;
  const std::size_t i = componentIndex(id);
  ComponentSpec spec = std::move(comps[i]);
  comps.erase(comps.begin() + static_cast<std::ptrdiff_t>(i));
  m_positions.erase(id);
  if (index) *index = i;
  emit componentRemoved(id);
  return spec;
}

void TopologyDocument::insertLink(UndoCommandKey, std::size_t index, LinkSpec link) {
  const std::string id = link.id;
  auto& links = m_scenario.links;
  links.insert(links.begin() + static_cast<std::ptrdiff_t>(std::min(index, links.size())),
               std::move(link));
  emit linkAdded(id);
}

LinkSpec TopologyDocument::takeLink(UndoCommandKey, const std::string& id, std::size_t* index) {
  auto& links = m_scenario.links;
  const auto it = std::find_if(links.begin(), links.end(), [&](const LinkSpec& l) { return l.id == id; });
  if (index) *index = static_cast<std::size_t>(it - links.begin());
  LinkSpec spec = std::move(*it);
  links.erase(it);
  emit linkRemoved(id);
  return spec;
}

void TopologyDocument::restoreModel(UndoCommandKey, const Scenario& withPositions) {
  m_scenario = withPositions;
  m_positions.clear();
  for (const ComponentSpec& c : m_scenario.components) {
    if (c.position) m_positions[c.id] = QPointF(c.position->first, c.position->second);
  }
  placeUnpositioned();
  emit restructured();
}

void TopologyDocument::placeComponent(UndoCommandKey, const std::string& id, QPointF at) {
  m_positions[id] = at;
  emit componentMoved(id);
}

void TopologyDocument::assignParameter(UndoCommandKey, const std::string& componentId, std::size_t param,
                                       ParamValue value) {
  ComponentSpec& c = m_scenario.components[componentIndex(componentId)];
  c.params.set(param, std::move(value));
  emit componentChanged(componentId);
}

}  // namespace pillars
