#include "widgets/document/topology_document.hpp"

#include <QFileInfo>
#include <algorithm>
#include <deque>
#include <stdexcept>

#include "engine/io/project_file.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/util/atomic_file.hpp"
#include "engine/model/component_kind.hpp"
#include "widgets/document/commands/add_component_command.hpp"
#include "widgets/document/commands/connect_command.hpp"
#include "widgets/document/commands/move_components_command.hpp"
#include "widgets/document/commands/remove_components_command.hpp"
#include "widgets/document/commands/set_parameter_command.hpp"

namespace pillars {

TopologyDocument::TopologyDocument(QObject* parent) : QObject(parent) {
  connect(&m_undo, &QUndoStack::cleanChanged, this,
          [this](bool clean) { emit modifiedChanged(!clean); });
}

QString TopologyDocument::displayName() const {
  return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool TopologyDocument::load(const QString& path, QStringList* errors) {
  ScenarioLoad load = loadScenarioOrProject(path.toStdString(), builtinRegistry());
  if (!load.ok()) {
    if (errors) {
      for (const Diagnostic& d : load.errors) errors->append(QString::fromStdString(d.format()));
    }
    return false;
  }
  m_scenario = std::move(*load.scenario);
  m_path = path;
  m_undo.clear();
  m_positions.clear();
  for (const ComponentSpec& c : m_scenario.components) {
    if (c.position) m_positions[c.id] = QPointF(c.position->first, c.position->second);
  }
  placeUnpositioned();
  emit reset();
  return true;
}

Scenario TopologyDocument::scenarioWithPositions() const {
  Scenario s = m_scenario;
  for (ComponentSpec& c : s.components) {
    const QPointF at = position(c.id);
    c.position = std::make_pair(at.x(), at.y());
  }
  return s;
}

bool TopologyDocument::saveAs(const QString& path, QString* error) {
  const std::string target = path.toStdString();
  std::string why;
  if (isProjectPath(target)) {
    why = saveProjectFile(target, scenarioWithPositions());
  } else if (!writeFileAtomically(target, writeScenarioJson(scenarioWithPositions()), &why) && why.empty()) {
    why = "cannot write " + target;
  }
  if (!why.empty()) {
    if (error) *error = QString::fromStdString(why);
    return false;
  }
  m_path = path;
  m_undo.setClean();
  emit saved();
  return true;
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

std::string TopologyDocument::freshId(const std::string& kind) const {
  // "service1", "service2", ... skipping ids taken by components or groups.
  for (int n = 1;; ++n) {
    std::string id = kind;
    id += std::to_string(n);
    if (!m_scenario.findComponent(id) && !m_scenario.findGroup(id) && !m_scenario.findLink(id)) {
      return id;
    }
  }
}

std::string TopologyDocument::addComponent(const std::string& kind, QPointF at) {
  const ComponentKind* k = builtinRegistry().find(kind);
  if (!k) throw std::invalid_argument("unknown component kind " + kind);
  ComponentSpec c;
  c.id = freshId(kind);
  c.kind = kind;
  c.params = ParamSet(k->params);
  const std::string id = c.id;
  m_undo.push(new AddComponentCommand(*this, std::move(c), at));
  return id;
}

void TopologyDocument::removeComponents(const std::vector<std::string>& ids) {
  std::vector<std::string> present;
  for (const auto& id : ids) {
    if (m_scenario.findComponent(id)) present.push_back(id);
  }
  if (!present.empty()) m_undo.push(new RemoveComponentsCommand(*this, std::move(present)));
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
  const ComponentSpec* c = m_scenario.findComponent(componentId);
  if (!c) return tr("No component %1.").arg(QString::fromStdString(componentId));
  const auto index = c->params.indexOf(param);
  if (!index) return tr("%1 has no parameter %2.").arg(QString::fromStdString(componentId), QString::fromStdString(param));
  std::string why;
  auto value = parseParamText(c->params.specs()[*index], text.trimmed().toStdString(), &why);
  if (!value) return QString::fromStdString(why);
  if (*value == c->params.value(*index)) return {};
  m_undo.push(new SetParameterCommand(*this, componentId, *index, std::move(*value)));
  return {};
}

// --- Primitive mutators -----------------------------------------------------------------------

std::size_t TopologyDocument::componentIndex(const std::string& id) const {
  const auto& comps = m_scenario.components;
  return static_cast<std::size_t>(
      std::find_if(comps.begin(), comps.end(), [&](const ComponentSpec& c) { return c.id == id; }) -
      comps.begin());
}

void TopologyDocument::insertComponent(std::size_t index, ComponentSpec component, QPointF at) {
  const std::string id = component.id;
  auto& comps = m_scenario.components;
  comps.insert(comps.begin() + static_cast<std::ptrdiff_t>(std::min(index, comps.size())),
               std::move(component));
  m_positions[id] = at;
  emit componentAdded(id);
}

ComponentSpec TopologyDocument::takeComponent(const std::string& id, std::size_t* index) {
  auto& comps = m_scenario.components;
  const std::size_t i = componentIndex(id);
  ComponentSpec spec = std::move(comps[i]);
  comps.erase(comps.begin() + static_cast<std::ptrdiff_t>(i));
  m_positions.erase(id);
  if (index) *index = i;
  emit componentRemoved(id);
  return spec;
}

void TopologyDocument::insertLink(std::size_t index, LinkSpec link) {
  const std::string id = link.id;
  auto& links = m_scenario.links;
  links.insert(links.begin() + static_cast<std::ptrdiff_t>(std::min(index, links.size())),
               std::move(link));
  emit linkAdded(id);
}

LinkSpec TopologyDocument::takeLink(const std::string& id, std::size_t* index) {
  auto& links = m_scenario.links;
  const auto it = std::find_if(links.begin(), links.end(), [&](const LinkSpec& l) { return l.id == id; });
  if (index) *index = static_cast<std::size_t>(it - links.begin());
  LinkSpec spec = std::move(*it);
  links.erase(it);
  emit linkRemoved(id);
  return spec;
}

std::vector<TopologyDocument::GroupSlot> TopologyDocument::detachFromGroups(const std::string& id) {
  std::vector<GroupSlot> places;
  for (std::size_t g = 0; g < m_scenario.groups.size(); ++g) {
    auto& members = m_scenario.groups[g].members;
    const auto it = std::find(members.begin(), members.end(), id);
    if (it == members.end()) continue;
    places.push_back({g, static_cast<std::size_t>(it - members.begin())});
    members.erase(it);
  }
  return places;
}

void TopologyDocument::attachToGroups(const std::string& id, const std::vector<GroupSlot>& places) {
  for (const GroupSlot& slot : places) {
    auto& members = m_scenario.groups[slot.group].members;
    members.insert(members.begin() + static_cast<std::ptrdiff_t>(std::min(slot.position, members.size())), id);
  }
}

void TopologyDocument::placeComponent(const std::string& id, QPointF at) {
  m_positions[id] = at;
  emit componentMoved(id);
}

void TopologyDocument::assignParameter(const std::string& componentId, std::size_t param,
                                       ParamValue value) {
  ComponentSpec& c = m_scenario.components[componentIndex(componentId)];
  c.params.set(param, std::move(value));
  emit componentChanged(componentId);
}

}  // namespace pillars
