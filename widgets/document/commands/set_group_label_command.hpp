#pragma once

#include <QUndoCommand>
#include <string>

namespace pillars {

class TopologyDocument;

/// Renames a zone or region as people read it (its label; the id stays). The inspector commits
/// a typed label once it is finished, so each rename is one undo step.
class SetGroupLabelCommand final : public QUndoCommand {
 public:
  SetGroupLabelCommand(TopologyDocument& document, std::string groupId, std::string label);
  void redo() override;
  void undo() override;

 private:
  TopologyDocument& m_document;
  std::string m_groupId;
  std::string m_before;
  std::string m_after;
};

}  // namespace pillars
