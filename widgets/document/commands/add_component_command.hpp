#pragma once

#include <QPointF>
#include <QUndoCommand>

#include "engine/model/scenario.hpp"

namespace pillars {

class TopologyDocument;

/// Adds one component at a position.
class AddComponentCommand final : public QUndoCommand {
 public:
  AddComponentCommand(TopologyDocument& document, ComponentSpec component, QPointF at);
  void redo() override;
  void undo() override;

 private:
  TopologyDocument& m_document;
  ComponentSpec m_component;
  QPointF m_at;
  std::size_t m_index;
};

}  // namespace pillars
