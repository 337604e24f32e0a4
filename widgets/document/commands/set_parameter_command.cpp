#include "widgets/document/commands/set_parameter_command.hpp"

#include "widgets/document/topology_document.hpp"

namespace pillars {

SetParameterCommand::SetParameterCommand(TopologyDocument& document, std::string componentId,
                                         std::size_t param, ParamValue value)
    : m_document(document),
      m_componentId(std::move(componentId)),
      m_param(param),
      m_before(document.scenario().findComponent(m_componentId)->params.value(param)),
      m_after(std::move(value)) {
  const ComponentSpec* c = document.scenario().findComponent(m_componentId);
  setText(QObject::tr("Set %1.%2")
              .arg(QString::fromStdString(m_componentId),
                   QString::fromStdString(c->params.specs()[param].name)));
}

void SetParameterCommand::redo() { m_document.assignParameter(m_componentId, m_param, m_after); }

void SetParameterCommand::undo() { m_document.assignParameter(m_componentId, m_param, m_before); }

bool SetParameterCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = static_cast<const SetParameterCommand*>(other);
  if (next->m_componentId != m_componentId || next->m_param != m_param) return false;
  m_after = next->m_after;
  return true;
}

}  // namespace pillars
