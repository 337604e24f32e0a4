#pragma once

#include <QPointF>
#include <QUndoCommand>
#include <string>
#include <vector>

#include "engine/model/scenario.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

/// Removes components and the links touching them; undo puts everything back where it was,
/// in the same order, so ids, files and traces are as before.
class RemoveComponentsCommand final : public QUndoCommand {
 public:
  RemoveComponentsCommand(TopologyDocument& document, std::vector<std::string> ids);
  void redo() override;
  void undo() override;

 private:
  struct RemovedComponent {
    std::size_t index;
    ComponentSpec spec;
    QPointF at;
    std::vector<TopologyDocument::GroupSlot> groups;
  };
  struct RemovedLink {
    std::size_t index;
    LinkSpec spec;
  };
  TopologyDocument& m_document;
  std::vector<std::string> m_ids;
  std::vector<RemovedComponent> m_components;  // in removal order
  std::vector<RemovedLink> m_links;            // in removal order
};

}  // namespace pillars
