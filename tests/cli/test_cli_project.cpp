// pillars-cli accepts project files (*.pillars) wherever it accepts scenario JSON.
#include <gtest/gtest.h>

#include "engine/io/project_file.hpp"
#include "engine/io/scenario_reader.hpp"
#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliProject : public CliTest {};

TEST_F(CliProject, SimulateValidateAndLayoutTakeAProject) {
  const ScenarioLoad load = loadScenarioFile(fixture("mmc.json"), builtinRegistry());
  ASSERT_TRUE(load.ok());
  const auto project = tmp("mmc.pillars");
  ASSERT_EQ(saveProjectFile(project.string(), *load.scenario), "");
  const CliRun fromProject = runCli({"simulate", project.string(), "--quiet", "--json", "-"});
  const CliRun fromJson = runCli({"simulate", fixture("mmc.json"), "--quiet", "--json", "-"});
  ASSERT_EQ(fromProject.exitCode, 0) << fromProject.describe();
  // Same scenario, same seed: the same trace, whichever file it came from.
  const auto fingerprint = [](const std::string& out) { return out.substr(out.find("\"fingerprint\""), 40); };
  EXPECT_EQ(fingerprint(fromProject.out), fingerprint(fromJson.out));
  EXPECT_EQ(runCli({"validate", project.string()}).exitCode, 0);
  EXPECT_EQ(runCli({"layout", project.string(), "-o", tmp("mmc.svg").string()}).exitCode, 0);
}

TEST_F(CliProject, SaveRunStoresTheSummaryItPrintsAndKeepsTheDesign) {
  const ScenarioLoad load = loadScenarioFile(fixture("mmc.json"), builtinRegistry());
  ASSERT_TRUE(load.ok());
  const auto project = tmp("mmc.pillars");
  ASSERT_EQ(saveProjectFile(project.string(), *load.scenario), "");
  const CliRun r = runCli({"simulate", project.string(), "--quiet", "--json", "-", "--save-run", "--seed", "7"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const std::optional<StoredRun> run = loadStoredRun(project.string());
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->summaryJson, r.out);  // byte for byte what --json printed
  EXPECT_NE(run->scenarioJson.find("\"seed\": 7"), std::string::npos);  // what ran
  // The design itself is untouched: the project still has the file's own seed.
  const ScenarioLoad again = loadProjectFile(project.string(), builtinRegistry());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.scenario->seed, load.scenario->seed);
}

TEST_F(CliProject, SaveRunNeedsAProject) {
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--save-run"});
  EXPECT_EQ(r.exitCode, 2) << r.describe();
  EXPECT_NE(r.err.find("is not a .pillars file"), std::string::npos) << r.describe();
}

TEST_F(CliProject, ABrokenProjectIsInvalidInput) {
  const auto broken = tmp("broken.pillars");
  writeFile(broken, "this is not a database");
  const CliRun r = runCli({"simulate", broken.string()});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find("not an SQLite database"), std::string::npos) << r.describe();
}

}  // namespace
}  // namespace pillars::clitest
