#pragma once

#include <QUndoCommand>
#include <string>

namespace pillars {

class TopologyDocument;

/// Makes a group a zone or a region (how wide its frame is drawn; both fail together).
class SetGroupKindCommand final : public QUndoCommand {
 public:
  SetGroupKindCommand(TopologyDocument& document, std::string groupId, std::string kind);
  void redo() override;
  void undo() override;

 private:
  TopologyDocument& m_document;
  std::string m_groupId;
  std::string m_before;
  std::string m_after;
};

}  // namespace pillars
