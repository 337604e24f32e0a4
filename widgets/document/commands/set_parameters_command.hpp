#pragma once

#include <QUndoCommand>
#include <string>
#include <vector>

#include "engine/model/param.hpp"
#include "widgets/document/commands/command_id.hpp"

namespace pillars {

class TopologyDocument;

/// Sets one parameter on one or several components, or links, as a single undo step (the
/// inspector's edits, single or multi-selection). Undo gives each one back its own old value.
/// Edits of the same parameter on the same targets in a row merge into one step (as Tiled's
/// ChangeProperties): 4 -> 8 -> 16 workers undoes to 4 at once; and an edit that brings them back
/// to where the step began leaves no step at all (setObsolete), so the document is no longer
/// modified if it was not before. Qt never merges across the point where the document was saved.
class SetParametersCommand final : public QUndoCommand {
 public:
  enum class Target { Components, Links };
  /// One target's change. The parameter's index may differ between kinds sharing its name.
  struct Change {
    std::string id;
    std::size_t param;
    ParamValue before;
    ParamValue after;
  };

  SetParametersCommand(TopologyDocument& document, Target target, std::string param,
                       std::vector<Change> changes);
  void redo() override;
  void undo() override;
  int id() const override { return static_cast<int>(CommandId::SetParameters); }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  void assign(const Change& change, const ParamValue& value);

  TopologyDocument& m_document;
  Target m_target;
  std::string m_param;
  std::vector<Change> m_changes;
};

}  // namespace pillars
