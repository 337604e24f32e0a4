#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/io/diagnostic.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/review/milestones.hpp"
#include "engine/review/risk.hpp"
#include "engine/run/stored_run.hpp"

namespace pillars {

/// A Pillars project (`*.pillars`): one SQLite database holding the scenario (topology,
/// positions, groups, settings, faults), the last finished run and, in later schema versions,
/// review answers. Versioned by `PRAGMA user_version`; documented in docs/project-format.md.
struct ProjectFile {
  /// 1: the scenario. 2: the last finished run (table `run`). 3: review answers and
  /// milestones (tables `review_answer`, `milestone`, `milestone_answer`). 4: whether an answer
  /// was accepted from a suggestion (column `from_suggestion`) and the recommender's facts the
  /// reviewer typed (table `review_fact`).
  static constexpr int kSchemaVersion = 4;
  /// `PRAGMA application_id`: "PILR", so `file(1)` and Pillars can tell its databases apart.
  static constexpr int kApplicationId = 0x50494C52;
};

/// Reads a project. Refuses, with a message naming the file, anything that is not SQLite, a
/// corrupt database, another application's database, a newer schema, or an invalid scenario
/// (with the scenario reader's located diagnostics).
ScenarioLoad loadProjectFile(const std::string& path, const ComponentRegistry& registry);

/// The last finished run stored in a project, if it has one. The project is assumed to have
/// been opened with loadProjectFile (which checks it); `error` gets why it could not be read.
std::optional<StoredRun> loadStoredRun(const std::string& path, std::string* error = nullptr);

/// The architecture review kept with a project: the current answers (with notes), the
/// milestones taken so far, oldest first, and the facts the reviewer gave the recommender.
struct ProjectReview {
  review::Answers answers;
  std::vector<review::Milestone> milestones;
  /// Recommender facts as the reviewer typed them, by fact name ("peak_rps" -> "5000"); an
  /// empty text makes a fact the design would tell unknown. Facts not listed come from the
  /// design (review::factsWithOverrides).
  std::map<std::string, std::string> facts;
  bool operator==(const ProjectReview& other) const;
};

/// The review stored in a project; empty for projects older than schema 3 (and without facts or
/// suggestion marks before schema 4). The project is assumed to have been opened with
/// loadProjectFile; `error` gets why it could not be read.
std::optional<ProjectReview> loadProjectReview(const std::string& path, std::string* error = nullptr);

/// Writes a project atomically: a complete new database is built beside the target and renamed
/// over it, so a failed save leaves the previous file intact. `lastRun` (optional) is stored
/// with it, and `review` (optional) too. Returns an empty string on success, otherwise why it failed.
std::string saveProjectFile(const std::string& path, const Scenario& scenario,
                            const StoredRun* lastRun = nullptr, const ProjectReview* review = nullptr);

/// Replaces the stored run of the project at `path` (which loadProjectFile accepted), keeping
/// everything else in it as it is: the whole database is copied beside the target, changed
/// there and renamed over it, so a failure leaves the project intact. A version-1 project
/// gains the run table. Returns an empty string on success, otherwise why it failed.
std::string replaceStoredRun(const std::string& path, const StoredRun& run);

/// True for paths ending in ".pillars".
bool isProjectPath(const std::string& path);

/// Loads a scenario from either kind of file: `.pillars` projects or scenario JSON.
ScenarioLoad loadScenarioOrProject(const std::string& path, const ComponentRegistry& registry);

}  // namespace pillars
