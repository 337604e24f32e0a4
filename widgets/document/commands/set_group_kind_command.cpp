#include "widgets/document/commands/set_group_kind_command.hpp"

#include "widgets/document/topology_document.hpp"

namespace pillars {

SetGroupKindCommand::SetGroupKindCommand(TopologyDocument& document, std::string groupId,
                                         std::string kind)
    : m_document(document),
      m_groupId(std::move(groupId)),
      m_before(document.scenario().findGroup(m_groupId)->kind),
      m_after(std::move(kind)) {
  setText(QObject::tr("Make %1 a %2")
              .arg(QString::fromStdString(m_groupId), QString::fromStdString(m_after)));
}

void SetGroupKindCommand::redo() { m_document.assignGroupKind(UndoCommandKey{}, m_groupId, m_after); }

void SetGroupKindCommand::undo() { m_document.assignGroupKind(UndoCommandKey{}, m_groupId, m_before); }

}  // namespace pillars
