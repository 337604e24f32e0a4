#include "widgets/document/commands/set_group_label_command.hpp"

#include "widgets/document/topology_document.hpp"

namespace pillars {

SetGroupLabelCommand::SetGroupLabelCommand(TopologyDocument& document, std::string groupId,
                                           std::string label)
    : m_document(document),
      m_groupId(std::move(groupId)),
      m_before(document.scenario().findGroup(m_groupId)->label),
      m_after(std::move(label)) {
  setText(QObject::tr("Rename %1").arg(QString::fromStdString(m_groupId)));
}

void SetGroupLabelCommand::redo() { m_document.assignGroupLabel(UndoCommandKey{}, m_groupId, m_after); }

void SetGroupLabelCommand::undo() { m_document.assignGroupLabel(UndoCommandKey{}, m_groupId, m_before); }

}  // namespace pillars
