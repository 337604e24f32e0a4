#pragma once

#include <QPointF>
#include <QUndoCommand>
#include <map>
#include <string>

namespace pillars {

class TopologyDocument;

/// Moves components: one command per drag, however many components moved together.
class MoveComponentsCommand final : public QUndoCommand {
 public:
  MoveComponentsCommand(TopologyDocument& document, std::map<std::string, QPointF> to);
  void redo() override;
  void undo() override;

 private:
  TopologyDocument& m_document;
  std::map<std::string, QPointF> m_from;
  std::map<std::string, QPointF> m_to;
};

}  // namespace pillars
