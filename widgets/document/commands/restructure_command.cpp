#include "widgets/document/commands/restructure_command.hpp"

#include "widgets/document/topology_document.hpp"

namespace pillars {

RestructureCommand::RestructureCommand(TopologyDocument& document, const QString& label, Scenario before,
                                       Scenario after)
    : m_document(document), m_before(std::move(before)), m_after(std::move(after)) {
  setText(label);
}

void RestructureCommand::redo() { m_document.restoreModel(UndoCommandKey{}, m_after); }

void RestructureCommand::undo() { m_document.restoreModel(UndoCommandKey{}, m_before); }

}  // namespace pillars
