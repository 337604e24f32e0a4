#include "widgets/document/topology_document.hpp"

#include <QFileInfo>
#include <algorithm>
#include <deque>

#include "engine/io/scenario_reader.hpp"

namespace pillars {

TopologyDocument::TopologyDocument(QObject* parent) : QObject(parent) {}

QString TopologyDocument::displayName() const {
  return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool TopologyDocument::load(const QString& path, QStringList* errors) {
  ScenarioLoad load = loadScenarioFile(path.toStdString(), builtinRegistry());
  if (!load.ok()) {
    if (errors) {
      for (const Diagnostic& d : load.errors) errors->append(QString::fromStdString(d.format()));
    }
    return false;
  }
  m_scenario = std::move(*load.scenario);
  m_path = path;
  m_modified = false;
  m_positions.clear();
  for (const ComponentSpec& c : m_scenario.components) {
    if (c.position) m_positions[c.id] = QPointF(c.position->first, c.position->second);
  }
  placeUnpositioned();
  emit reset();
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
    m_positions[c.id] = QPointF(x * 220.0, y * 120.0);
  }
}

}  // namespace pillars
