#include "widgets/document/commands/set_parameters_command.hpp"

#include "widgets/document/topology_document.hpp"

namespace pillars {

SetParametersCommand::SetParametersCommand(TopologyDocument& document, Target target,
                                           std::string param, std::vector<Change> changes)
    : m_document(document), m_target(target), m_param(std::move(param)), m_changes(std::move(changes)) {
  const int n = static_cast<int>(m_changes.size());
  const QString name = QString::fromStdString(m_param);
  if (n == 1) {
    const QString one = QString::fromStdString(m_changes.front().id);
    setText(target == Target::Components ? QObject::tr("Set %1.%2").arg(one, name)
                                         : QObject::tr("Set %1.%2").arg(one, name));
  } else {
    setText(target == Target::Components ? QObject::tr("Set %1 on %n components", nullptr, n).arg(name)
                                         : QObject::tr("Set %1 on %n links", nullptr, n).arg(name));
  }
}

void SetParametersCommand::assign(const Change& change, const ParamValue& value) {
  if (m_target == Target::Components) {
    m_document.assignParameter(UndoCommandKey{}, change.id, change.param, value);
  } else {
    m_document.assignLinkParameter(UndoCommandKey{}, change.id, change.param, value);
  }
}

bool SetParametersCommand::mergeWith(const QUndoCommand* other) {
  // Same id, so the same class (CommandId).
  const auto* next = static_cast<const SetParametersCommand*>(other);
  if (next->m_target != m_target || next->m_param != m_param || next->m_changes.size() != m_changes.size()) {
    return false;
  }
  for (std::size_t i = 0; i < m_changes.size(); ++i) {
    if (next->m_changes[i].id != m_changes[i].id) return false;
  }
  bool changes = false;
  for (std::size_t i = 0; i < m_changes.size(); ++i) {
    m_changes[i].after = next->m_changes[i].after;
    changes = changes || m_changes[i].after != m_changes[i].before;
  }
  setObsolete(!changes);
  return true;
}

void SetParametersCommand::redo() {
  for (const Change& c : m_changes) assign(c, c.after);
}

void SetParametersCommand::undo() {
  for (const Change& c : m_changes) assign(c, c.before);
}

}  // namespace pillars
