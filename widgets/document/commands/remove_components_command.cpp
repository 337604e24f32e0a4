#include "widgets/document/commands/remove_components_command.hpp"

#include <algorithm>

#include "widgets/document/topology_document.hpp"

namespace pillars {

RemoveComponentsCommand::RemoveComponentsCommand(TopologyDocument& document,
                                                 std::vector<std::string> ids)
    : m_document(document), m_ids(std::move(ids)) {
  setText(m_ids.size() == 1 ? QObject::tr("Delete %1").arg(QString::fromStdString(m_ids.front()))
                            : QObject::tr("Delete %n components", nullptr, static_cast<int>(m_ids.size())));
}

void RemoveComponentsCommand::redo() {
  m_components.clear();
  m_links.clear();
  const auto doomed = [this](const std::string& id) {
    return std::find(m_ids.begin(), m_ids.end(), id) != m_ids.end();
  };
  // Links first, from the back, so the recorded indices restore the original order.
  const auto& links = m_document.scenario().links;
  for (std::size_t i = links.size(); i-- > 0;) {
    if (doomed(links[i].from) || doomed(links[i].to)) {
      const std::string id = links[i].id;
      std::size_t index = 0;
      LinkSpec spec = m_document.takeLink(id, &index);
      m_links.push_back({index, std::move(spec)});
    }
  }
  const auto& comps = m_document.scenario().components;
  for (std::size_t i = comps.size(); i-- > 0;) {
    if (doomed(comps[i].id)) {
      const std::string id = comps[i].id;
      const QPointF at = m_document.position(id);
      auto groups = m_document.detachFromGroups(id);
      std::size_t index = 0;
      ComponentSpec spec = m_document.takeComponent(id, &index);
      m_components.push_back({index, std::move(spec), at, std::move(groups)});
    }
  }
}

void RemoveComponentsCommand::undo() {
  for (auto it = m_components.rbegin(); it != m_components.rend(); ++it) {
    m_document.attachToGroups(it->spec.id, it->groups);
    m_document.insertComponent(it->index, it->spec, it->at);
  }
  for (auto it = m_links.rbegin(); it != m_links.rend(); ++it) {
    m_document.insertLink(it->index, it->spec);
  }
}

}  // namespace pillars
