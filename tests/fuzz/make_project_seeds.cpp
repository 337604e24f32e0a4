// Writes the seed corpus of the project-file harness at build time (a database is binary, so
// it is made here rather than kept in git): one project per bundled example, some with a stored
// run, some with a review and milestones, and an older-schema one, each shrunk to 512-byte
// pages so the fuzzer mutates a few kilobytes that matter rather than empty page space.
//   make_project_seeds SOURCE_DIR OUT_DIR
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/io/project_file.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/run/stored_run.hpp"

using namespace pillars;
namespace fs = std::filesystem;

namespace {

bool exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
            sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  if (!ok) std::fprintf(stderr, "make_project_seeds: %s: %s\n", path.c_str(), sqlite3_errmsg(db));
  sqlite3_close(db);
  return ok;
}

ProjectReview sampleReview() {
  ProjectReview r;
  r.answers["work.load_balancing"] = review::Answer{"yes", false, "", "least connections"};
  r.answers["state.partitioning"] = review::Answer{"", true, "one small database", ""};
  review::Milestone first{"before the cache", {}, "2026-11-20T10:00:00Z"};
  first.answers["work.load_balancing"] = review::Answer{"no", false, "", ""};
  r.milestones = {first, review::Milestone{"v2", r.answers, "2026-11-24T08:30:00Z"}};
  return r;
}

/// A short run of the scenario, as a project stores it (summary and time series).
StoredRun shortRun(const Scenario& scenario) {
  Scenario small = scenario;
  small.duration = std::min<SimTime>(small.duration, 2 * kSecond);
  small.warmup = std::min<SimTime>(small.warmup, small.duration / 2);
  ScenarioRunner runner(small, builtinRegistry());
  runner.advance(small.duration, 20'000);
  return storeRun(small, runner, runner.results());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_project_seeds SOURCE_DIR OUT_DIR\n");
    return 2;
  }
  const fs::path out = argv[2];
  fs::create_directories(out);
  // Sorted, so the same example gets the same extras on every machine.
  std::vector<fs::path> examples;
  for (const auto& entry : fs::directory_iterator(fs::path(argv[1]) / "resources" / "examples")) {
    if (entry.path().extension() == ".json") examples.push_back(entry.path());
  }
  std::sort(examples.begin(), examples.end());
  int index = 0;
  for (const fs::path& example : examples) {
    const auto load = loadScenarioFile(example.string(), builtinRegistry());
    if (!load.ok()) {
      std::fprintf(stderr, "make_project_seeds: %s does not load\n", example.c_str());
      return 1;
    }
    const std::string path = (out / (example.stem().string() + ".pillars")).string();
    // Every other example carries a run, every third a review: the seeds cover each table.
    const StoredRun run = index % 2 == 0 ? shortRun(*load.scenario) : StoredRun{};
    const ProjectReview review = sampleReview();
    const std::string error = saveProjectFile(path, *load.scenario, index % 2 == 0 ? &run : nullptr,
                                              index % 3 == 0 ? &review : nullptr);
    if (!error.empty()) {
      std::fprintf(stderr, "make_project_seeds: %s\n", error.c_str());
      return 1;
    }
    // A schema-1 project (no run or review tables), as the first Pillars wrote them.
    if (index == 1 && !exec(path, "DROP TABLE run; DROP TABLE milestone_answer; DROP TABLE milestone;"
                                  "DROP TABLE review_answer; PRAGMA user_version = 1;")) {
      return 1;
    }
    if (!exec(path, "PRAGMA page_size = 512; VACUUM;")) return 1;
    ++index;
  }
  return 0;
}
