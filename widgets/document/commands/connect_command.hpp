#pragma once

#include <QUndoCommand>

#include "engine/model/scenario.hpp"

namespace pillars {

class TopologyDocument;

/// Adds a link between two components.
class ConnectCommand final : public QUndoCommand {
 public:
  ConnectCommand(TopologyDocument& document, LinkSpec link);
  void redo() override;
  void undo() override;

 private:
  TopologyDocument& m_document;
  LinkSpec m_link;
  std::size_t m_index;
};

}  // namespace pillars
