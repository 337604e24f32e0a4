#pragma once

#include <QUndoCommand>
#include <string>
#include <vector>

#include "engine/model/param.hpp"

namespace pillars {

class TopologyDocument;

/// Sets one parameter on one or several components, or links, as a single undo step (the
/// inspector's edits, single or multi-selection). Undo gives each one back its own old value.
/// Each committed edit is a step of its own: the inspector commits typed text once, when it is
/// finished, so there are no keystrokes to merge.
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

 private:
  void assign(const Change& change, const ParamValue& value);

  TopologyDocument& m_document;
  Target m_target;
  std::string m_param;
  std::vector<Change> m_changes;
};

}  // namespace pillars
