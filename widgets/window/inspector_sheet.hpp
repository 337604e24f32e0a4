#pragma once

#include <optional>
#include <vector>

#include "engine/model/param.hpp"

namespace pillars {

/// One row of the inspector's parameter table: a parameter every selected target has.
struct SheetRow {
  /// The first target's declaration; for a choice, narrowed to the choices all targets allow.
  ParamSpec spec;
  /// The value, when every target has the same one; empty when they differ ("(mixed)").
  std::optional<ParamValue> value;
  /// Every target is at its own default (shown plain; otherwise bold).
  bool allDefault = true;
  /// The default as text, when all targets share it (what "Reset to default" sets).
  std::optional<std::string> sharedDefault;
};

/// The parameters the targets have in common — same name and type (and for distributions the
/// same dimension) — in the first target's order, with their shared value if any. One target
/// gives all its parameters; components of one kind give that kind's.
std::vector<SheetRow> commonParameters(const std::vector<const ParamSet*>& targets);

}  // namespace pillars
