#pragma once

#include <QUndoCommand>

#include "engine/model/scenario.hpp"

namespace pillars {

class TopologyDocument;

/// An edit that touches many parts of the model at once (delete, rename, paste, grouping):
/// it holds the model, positions included, from before and after the edit and swaps them.
/// Ids are referenced from links, groups and faults, so whole snapshots are far simpler to
/// prove correct than a hand-written inverse per edit, and a topology is small to copy.
class RestructureCommand final : public QUndoCommand {
 public:
  RestructureCommand(TopologyDocument& document, const QString& label, Scenario before, Scenario after);
  void redo() override;
  void undo() override;

 private:
  TopologyDocument& m_document;
  Scenario m_before;
  Scenario m_after;
};

}  // namespace pillars
