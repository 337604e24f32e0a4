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
    m_document.assignParameter(change.id, change.param, value);
  } else {
    m_document.assignLinkParameter(change.id, change.param, value);
  }
}

void SetParametersCommand::redo() {
  for (const Change& c : m_changes) assign(c, c.after);
}

void SetParametersCommand::undo() {
  for (const Change& c : m_changes) assign(c, c.before);
}

}  // namespace pillars
