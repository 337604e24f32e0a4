#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/io/diagnostic.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"

namespace pillars {

/// A Pillars project (`*.pillars`): one SQLite database holding the scenario (topology,
/// positions, groups, settings, faults) and, in later schema versions, review answers and
/// run results. Versioned by `PRAGMA user_version`; documented in docs/project-format.md.
struct ProjectFile {
  static constexpr int kSchemaVersion = 1;
  /// `PRAGMA application_id`: "PILR", so `file(1)` and Pillars can tell its databases apart.
  static constexpr int kApplicationId = 0x50494C52;
};

/// Reads a project. Refuses, with a message naming the file, anything that is not SQLite, a
/// corrupt database, another application's database, a newer schema, or an invalid scenario
/// (with the scenario reader's located diagnostics).
ScenarioLoad loadProjectFile(const std::string& path, const ComponentRegistry& registry);

/// Writes a project atomically: a complete new database is built beside the target and renamed
/// over it, so a failed save leaves the previous file intact. Returns an empty string on
/// success, otherwise why it failed.
std::string saveProjectFile(const std::string& path, const Scenario& scenario);

/// True for paths ending in ".pillars".
bool isProjectPath(const std::string& path);

/// Loads a scenario from either kind of file: `.pillars` projects or scenario JSON.
ScenarioLoad loadScenarioOrProject(const std::string& path, const ComponentRegistry& registry);

}  // namespace pillars
