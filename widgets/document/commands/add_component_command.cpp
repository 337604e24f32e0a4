#include "widgets/document/commands/add_component_command.hpp"

#include "widgets/document/topology_document.hpp"

namespace pillars {

AddComponentCommand::AddComponentCommand(TopologyDocument& document, ComponentSpec component,
                                         QPointF at)
    : m_document(document),
      m_component(std::move(component)),
      m_at(at),
      m_index(document.scenario().components.size()) {
  setText(QObject::tr("Add %1").arg(QString::fromStdString(m_component.id)));
}

void AddComponentCommand::redo() { m_document.insertComponent(UndoCommandKey{}, m_index, m_component, m_at); }

void AddComponentCommand::undo() { m_document.takeComponent(UndoCommandKey{}, m_component.id, nullptr); }

}  // namespace pillars
