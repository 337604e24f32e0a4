#pragma once

namespace pillars {

/// The ids of the undo commands that merge with the one before them (QUndoCommand::id): one
/// enum, so two kinds of command never share an id by accident. Commands that never merge keep
/// Qt's -1.
enum class CommandId : int {
  SetParameters = 1,
};

}  // namespace pillars
