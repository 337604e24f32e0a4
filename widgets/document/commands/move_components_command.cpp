#include "widgets/document/commands/move_components_command.hpp"

#include "widgets/document/topology_document.hpp"

namespace pillars {

MoveComponentsCommand::MoveComponentsCommand(TopologyDocument& document,
                                             std::map<std::string, QPointF> to)
    : m_document(document), m_to(std::move(to)) {
  for (const auto& [id, at] : m_to) m_from[id] = document.position(id);
  setText(m_to.size() == 1 ? QObject::tr("Move %1").arg(QString::fromStdString(m_to.begin()->first))
                           : QObject::tr("Move %n components", nullptr, static_cast<int>(m_to.size())));
}

void MoveComponentsCommand::redo() {
  for (const auto& [id, at] : m_to) m_document.placeComponent(UndoCommandKey{}, id, at);
}

void MoveComponentsCommand::undo() {
  for (const auto& [id, at] : m_from) m_document.placeComponent(UndoCommandKey{}, id, at);
}

}  // namespace pillars
