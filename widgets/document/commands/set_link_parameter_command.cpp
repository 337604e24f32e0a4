#include "widgets/document/commands/set_link_parameter_command.hpp"

#include "widgets/document/topology_document.hpp"

namespace pillars {

SetLinkParameterCommand::SetLinkParameterCommand(TopologyDocument& document, std::string linkId,
                                                 std::size_t param, ParamValue value)
    : m_document(document),
      m_linkId(std::move(linkId)),
      m_param(param),
      m_before(document.scenario().findLink(m_linkId)->params.value(param)),
      m_after(std::move(value)) {
  const LinkSpec* l = document.scenario().findLink(m_linkId);
  setText(QObject::tr("Set %1 %2")
              .arg(QString::fromStdString(m_linkId),
                   QString::fromStdString(l->params.specs()[param].name)));
}

void SetLinkParameterCommand::redo() { m_document.assignLinkParameter(m_linkId, m_param, m_after); }

void SetLinkParameterCommand::undo() { m_document.assignLinkParameter(m_linkId, m_param, m_before); }

bool SetLinkParameterCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = static_cast<const SetLinkParameterCommand*>(other);
  if (next->m_linkId != m_linkId || next->m_param != m_param) return false;
  m_after = next->m_after;
  return true;
}

}  // namespace pillars
