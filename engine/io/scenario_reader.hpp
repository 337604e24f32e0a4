#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/io/diagnostic.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"

namespace pillars {

/// A scenario, or the reasons it could not be read.
struct ScenarioLoad {
  std::optional<Scenario> scenario;
  std::vector<Diagnostic> errors;
  bool ok() const { return scenario.has_value(); }
};

/// Reads a scenario from JSON text. Strict: unknown fields, wrong types, out-of-range values,
/// dangling references and files of a newer format version are all errors, each reported with
/// the file name, line:column and JSON path. Never throws on bad input.
ScenarioLoad readScenario(std::string_view text, const std::string& fileName,
                          const ComponentRegistry& registry);

/// Reads a scenario file from disk (the file name in diagnostics is `path` as given).
ScenarioLoad loadScenarioFile(const std::string& path, const ComponentRegistry& registry);

/// The reader's checks on a scenario changed in memory (by `--set` overrides): every rule a
/// file must pass, across parameters, groups and the fault timeline, so an override cannot get
/// past one. The diagnostics carry JSON paths and messages; they name no file or line, as the
/// scenario checked is no file.
std::vector<Diagnostic> checkScenario(const Scenario& scenario, const ComponentRegistry& registry);

}  // namespace pillars
