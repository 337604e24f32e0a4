#pragma once

#include <QUndoCommand>
#include <string>

namespace pillars {

class TopologyDocument;

/// Renames a zone or region as people read it (its label; the id stays). Successive changes to
/// the same group's label merge, so typing a name is one undo step.
class SetGroupLabelCommand final : public QUndoCommand {
 public:
  static constexpr int kId = 1004;

  SetGroupLabelCommand(TopologyDocument& document, std::string groupId, std::string label);
  void redo() override;
  void undo() override;
  int id() const override { return kId; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  TopologyDocument& m_document;
  std::string m_groupId;
  std::string m_before;
  std::string m_after;
};

}  // namespace pillars
