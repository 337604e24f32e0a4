#include "widgets/document/commands/connect_command.hpp"

#include "widgets/document/topology_document.hpp"

namespace pillars {

ConnectCommand::ConnectCommand(TopologyDocument& document, LinkSpec link)
    : m_document(document), m_link(std::move(link)), m_index(document.scenario().links.size()) {
  setText(QObject::tr("Connect %1").arg(QString::fromStdString(m_link.id)));
}

void ConnectCommand::redo() { m_document.insertLink(UndoCommandKey{}, m_index, m_link); }

void ConnectCommand::undo() { m_document.takeLink(UndoCommandKey{}, m_link.id, nullptr); }

}  // namespace pillars
