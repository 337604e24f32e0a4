// Project files (*.pillars, SQLite): what is saved reads back the same; every kind of bad
// file is refused with its own message; a failed save leaves the old file intact.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>

#include "engine/io/project_file.hpp"
#include "engine/io/results_writer.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/run/scenario_runner.hpp"

namespace pillars {
namespace {

namespace fs = std::filesystem;

class ProjectFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("pillars-project-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(m_dir);
    ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json",
                                         builtinRegistry());
    ASSERT_TRUE(load.ok());
    m_scenario = *load.scenario;
  }
  void TearDown() override { fs::remove_all(m_dir); }
  std::string path(const std::string& name) const { return (m_dir / name).string(); }
  static void writeBytes(const std::string& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
  }
  static std::string readBytes(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  static void setPragma(const std::string& p, const std::string& pragma) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, pragma.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  std::string onlyError(const ScenarioLoad& load) const {
    EXPECT_FALSE(load.ok());
    EXPECT_EQ(load.errors.size(), 1u) << formatDiagnostics(load.errors);
    return load.errors.empty() ? std::string() : load.errors.front().format();
  }

  fs::path m_dir;
  Scenario m_scenario;
};

TEST_F(ProjectFiles, SaveThenOpenGivesTheSameScenario) {
  const std::string p = path("three-tier.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  EXPECT_EQ(readBytes(p).substr(0, 15), "SQLite format 3");
  const ScenarioLoad load = loadProjectFile(p, builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  EXPECT_EQ(writeScenarioJson(*load.scenario), writeScenarioJson(m_scenario));
  EXPECT_TRUE(loadScenarioOrProject(p, builtinRegistry()).ok());
  for (const auto& entry : fs::directory_iterator(m_dir)) {
    EXPECT_EQ(entry.path().filename().string().find(".saving"), std::string::npos) << "left behind";
  }
}

TEST_F(ProjectFiles, AFinishedRunIsStoredWithItsSummaryAndSeriesAndReadsBackTheSame) {
  Scenario shortRun = m_scenario;
  shortRun.duration = 15 * kSecond;
  ScenarioRunner runner(shortRun, builtinRegistry());
  ASSERT_TRUE(runner.run());
  const RunResults results = runner.results();
  const StoredRun run = storeRun(shortRun, runner, results);
  // The formats pillars-cli writes: the summary is its --json, the series its timeseries.csv.
  EXPECT_EQ(run.summaryJson, writeResultsJson(results, shortRun.name));
  ASSERT_TRUE(run.series);
  EXPECT_EQ(run.series->csv().substr(0, 30), "time_s,global.throughput_rps,g");
  EXPECT_EQ(run.series->rowCount(), 15u);
  EXPECT_EQ(*run.series, *runner.timeSeries());
  EXPECT_EQ(run.series.get(), runner.timeSeries()) << "shared with the finished run, not copied";

  const std::string p = path("with-run.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario, &run), "");
  ASSERT_TRUE(loadProjectFile(p, builtinRegistry()).ok());
  std::string error;
  const std::optional<StoredRun> back = loadStoredRun(p, &error);
  ASSERT_TRUE(back.has_value()) << error;
  EXPECT_EQ(*back, run);
}

TEST_F(ProjectFiles, ARunStoredBeforeItsEndKeepsItsRowsWhileTheRunGoesOn) {
  // The stored run shares the series with the runner: the rows sampled afterwards must go to
  // the runner's own copy, never into what was stored.
  Scenario shortRun = m_scenario;
  shortRun.duration = 15 * kSecond;
  ScenarioRunner runner(shortRun, builtinRegistry());
  runner.advance(5 * kSecond, std::numeric_limits<std::uint64_t>::max());
  const StoredRun early = storeRun(shortRun, runner, runner.results());
  ASSERT_TRUE(early.series);
  const std::size_t rows = early.series->rowCount();
  const std::string csv = early.series->csv();
  ASSERT_TRUE(runner.run());
  EXPECT_EQ(early.series->rowCount(), rows);
  EXPECT_EQ(early.series->csv(), csv);
  EXPECT_EQ(runner.timeSeries()->rowCount(), 15u);
  EXPECT_NE(early.series.get(), runner.timeSeries());
}

TEST_F(ProjectFiles, AProjectWithoutARunHasNoStoredRun) {
  const std::string p = path("no-run.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  std::string error = "untouched";
  EXPECT_FALSE(loadStoredRun(p, &error).has_value());
  EXPECT_EQ(error, "");
}

TEST_F(ProjectFiles, AVersionOneProjectStillOpensWithoutARun) {
  // Version 1 had only the document table; make one out of a current file.
  const std::string p = path("v1.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  setPragma(p, "DROP TABLE run; PRAGMA user_version = 1");
  const ScenarioLoad load = loadProjectFile(p, builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  std::string error;
  EXPECT_FALSE(loadStoredRun(p, &error).has_value());
  EXPECT_EQ(error, "");
}

TEST_F(ProjectFiles, AStoredRunWithAMissingPartIsReported) {
  const std::string p = path("half-run.pillars");
  const StoredRun run{"{}", "{}", std::make_shared<const TimeSeries>(std::vector<std::string>{})};
  ASSERT_EQ(saveProjectFile(p, m_scenario, &run), "");
  setPragma(p, "DELETE FROM run WHERE key = 'summary'");
  std::string error;
  EXPECT_FALSE(loadStoredRun(p, &error).has_value());
  EXPECT_NE(error.find("half-run.pillars: the stored run has no 'summary'"), std::string::npos) << error;
}

TEST_F(ProjectFiles, ReplacingTheStoredRunKeepsEverythingElse) {
  const std::string p = path("keep.pillars");
  const StoredRun first{"{\"a\": 1}", "{}", std::make_shared<const TimeSeries>(std::vector<std::string>{})};
  ASSERT_EQ(saveProjectFile(p, m_scenario, &first), "");
  // A table this version does not know stands for what later versions add.
  setPragma(p, "CREATE TABLE later (x TEXT); INSERT INTO later VALUES ('kept')");
  TimeSeries x({"x"});
  x.append(1 * kSecond, {2.0});
  const StoredRun second{"{\"b\": 2}", "{\"summary\": 2}", std::make_shared<const TimeSeries>(x)};
  ASSERT_EQ(replaceStoredRun(p, second), "");
  EXPECT_EQ(loadStoredRun(p), second);
  const ScenarioLoad load = loadProjectFile(p, builtinRegistry());
  ASSERT_TRUE(load.ok());
  EXPECT_EQ(writeScenarioJson(*load.scenario), writeScenarioJson(m_scenario));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT x FROM later", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "kept");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST_F(ProjectFiles, ReplacingTheRunOfAVersionOneProjectUpgradesIt) {
  const std::string p = path("v1-upgrade.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  setPragma(p, "DROP TABLE run; PRAGMA user_version = 1");
  const StoredRun run{"{}", "{}", nullptr};
  ASSERT_EQ(replaceStoredRun(p, run), "");
  EXPECT_EQ(loadStoredRun(p), run);
  EXPECT_TRUE(loadProjectFile(p, builtinRegistry()).ok());
}

TEST_F(ProjectFiles, ATextFileIsNotAProject) {
  const std::string p = path("notes.pillars");
  writeBytes(p, "{ \"format\": \"pillars-scenario\" }");
  const std::string e = onlyError(loadProjectFile(p, builtinRegistry()));
  EXPECT_NE(e.find(p), std::string::npos);
  EXPECT_NE(e.find("not an SQLite database"), std::string::npos) << e;
}

TEST_F(ProjectFiles, RandomBytesAreRefusedEvenBehindAnSqliteHeader) {
  std::mt19937_64 rng(3);
  for (int round = 0; round < 50; ++round) {
    std::string bytes(4096, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    if (round % 2 == 0) bytes.replace(0, 16, std::string("SQLite format 3\0", 16));
    const std::string p = path("random.pillars");
    writeBytes(p, bytes);
    const ScenarioLoad load = loadProjectFile(p, builtinRegistry());
    EXPECT_FALSE(load.ok());
    ASSERT_FALSE(load.errors.empty());
    EXPECT_NE(load.errors[0].format().find(p), std::string::npos);
  }
}

TEST_F(ProjectFiles, ACorruptedProjectIsReportedAsDamaged) {
  const std::string p = path("damaged.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  std::string bytes = readBytes(p);
  ASSERT_GT(bytes.size(), 4096u);
  // Scribble over the second page (the table data) but keep the header valid.
  for (std::size_t i = 4096; i < std::min<std::size_t>(bytes.size(), 4096 + 600); ++i) bytes[i] = '\x5a';
  writeBytes(p, bytes);
  const ScenarioLoad load = loadProjectFile(p, builtinRegistry());
  ASSERT_FALSE(load.ok());
  EXPECT_NE(load.errors[0].format().find(p), std::string::npos) << load.errors[0].format();
}

TEST_F(ProjectFiles, ANewerSchemaIsRefusedWithUpgradeAdvice) {
  const std::string p = path("future.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  setPragma(p, "PRAGMA user_version = " + std::to_string(ProjectFile::kSchemaVersion + 1));
  const std::string e = onlyError(loadProjectFile(p, builtinRegistry()));
  EXPECT_NE(e.find("newer Pillars"), std::string::npos) << e;
  EXPECT_NE(e.find("upgrade"), std::string::npos) << e;
}

TEST_F(ProjectFiles, AnotherApplicationsDatabaseIsRefused) {
  const std::string p = path("other.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  setPragma(p, "PRAGMA application_id = 0");
  const std::string e = onlyError(loadProjectFile(p, builtinRegistry()));
  EXPECT_NE(e.find("not a Pillars project"), std::string::npos) << e;
}

TEST_F(ProjectFiles, AnInvalidStoredScenarioGetsTheReadersLocatedMessages) {
  const std::string p = path("invalid.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE document SET value = replace(value, '\"workers\": 32', '\"workers\": 0') "
                             "WHERE key = 'scenario'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  const std::string e = onlyError(loadProjectFile(p, builtinRegistry()));
  EXPECT_NE(e.find("invalid.pillars (scenario)"), std::string::npos) << e;
  EXPECT_NE(e.find("$.components[6].params.workers"), std::string::npos) << e;
}

TEST_F(ProjectFiles, AFailedSaveLeavesWhatWasThereIntact) {
  // The target is a folder with a file in it: the new project is built, but cannot replace it.
  const std::string p = path("taken.pillars");
  fs::create_directories(p);
  writeBytes(p + "/keep.txt", "keep");
  const std::string error = saveProjectFile(p, m_scenario);
  EXPECT_NE(error, "");
  EXPECT_NE(error.find(p), std::string::npos) << error;
  EXPECT_EQ(readBytes(p + "/keep.txt"), "keep");
  for (const auto& entry : fs::directory_iterator(m_dir)) {
    EXPECT_EQ(entry.path().filename().string().find(".saving"), std::string::npos) << "left behind";
  }
  // And saving over an existing project replaces it whole.
  const std::string q = path("kept.pillars");
  ASSERT_EQ(saveProjectFile(q, m_scenario), "");
  Scenario changed = m_scenario;
  changed.name = "changed";
  ASSERT_EQ(saveProjectFile(q, changed), "");
  const ScenarioLoad load = loadProjectFile(q, builtinRegistry());
  ASSERT_TRUE(load.ok());
  EXPECT_EQ(load.scenario->name, "changed");
}

TEST_F(ProjectFiles, MissingFilesAndFoldersAreReported) {
  EXPECT_NE(onlyError(loadProjectFile(path("nothing.pillars"), builtinRegistry())).find("cannot open"),
            std::string::npos);
  fs::create_directories(path("folder.pillars"));
  EXPECT_NE(onlyError(loadProjectFile(path("folder.pillars"), builtinRegistry())).find("folder"),
            std::string::npos);
}

}  // namespace
}  // namespace pillars
