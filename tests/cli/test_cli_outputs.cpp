// Output files that cannot be written: exit 1, a clear message, no crash, old files intact.
#include <gtest/gtest.h>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliOutputs : public CliTest {};

/// Files in `dir` whose names start with `prefix` (leftover temporary files).
std::vector<std::string> filesStartingWith(const std::filesystem::path& dir, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0) out.push_back(name);
  }
  return out;
}

TEST_F(CliOutputs, JsonIntoMissingFolderFailsCleanly) {
  const std::string out = "/nonexistent/dir/out.json";
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet", "--json", out});
  EXPECT_EQ(r.signal, 0) << r.describe();
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find(out), std::string::npos) << "the message names the file\n" << r.describe();
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.describe();
  EXPECT_EQ(r.err.find("terminate"), std::string::npos) << r.describe();
}

TEST_F(CliOutputs, JsonOntoAFolderFailsAndLeavesItAlone) {
  const auto target = tmp("results.json");
  std::filesystem::create_directory(target);
  writeFile(target / "keep.txt", "keep");
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet", "--json", target.string()});
  EXPECT_EQ(r.signal, 0) << r.describe();
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find(target.string()), std::string::npos) << r.describe();
  EXPECT_TRUE(std::filesystem::is_directory(target));
  EXPECT_EQ(readFile(target / "keep.txt"), "keep");
  EXPECT_TRUE(filesStartingWith(dir(), "results.json.tmp").empty()) << "temporary file left behind";
}

TEST_F(CliOutputs, FailedJsonWriteLeavesExistingFileIntact) {
  // A file size limit makes the write itself fail (EFBIG), whoever runs the tests (root too).
  const auto out = tmp("out.json");
  const std::string old = "previous results\n";
  writeFile(out, old);
  CliOptions options;
  options.fileSizeLimit = 512;  // the results JSON is several KB
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet", "--json", out.string()}, options);
  EXPECT_EQ(r.signal, 0) << r.describe();
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find("cannot write " + out.string()), std::string::npos) << r.describe();
  EXPECT_EQ(readFile(out), old) << "the existing output was damaged";
  EXPECT_TRUE(filesStartingWith(dir(), "out.json.tmp").empty()) << "temporary file left behind";
}

TEST_F(CliOutputs, SuccessfulJsonWriteReplacesExistingFile) {
  const auto out = tmp("out.json");
  writeFile(out, "previous results\n");
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet", "--json", out.string()});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const JsonValue doc = parseJsonOrFail(readFile(out), "the replaced --json file");
  EXPECT_NE(at(doc, {"fingerprint"}), nullptr);
  EXPECT_TRUE(filesStartingWith(dir(), "out.json.tmp").empty());
}

TEST_F(CliOutputs, RelativeJsonPathIsWrittenInTheWorkingFolder) {
  CliOptions options;
  options.workingDir = dir();
  const CliRun r =
      runCli({"simulate", fixture("mmc.json"), "--quiet", "--json", "rel.json"}, options);
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const JsonValue doc = parseJsonOrFail(readFile(tmp("rel.json")), "rel.json");
  EXPECT_NE(at(doc, {"fingerprint"}), nullptr);
}

TEST_F(CliOutputs, CsvIntoAFileFailsCleanly) {
  const auto blocker = tmp("not-a-folder");
  writeFile(blocker, "x");
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet", "--csv", blocker.string()});
  EXPECT_EQ(r.signal, 0) << r.describe();
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find(blocker.string()), std::string::npos) << r.describe();
  EXPECT_EQ(readFile(blocker), "x");
}

TEST_F(CliOutputs, BenchJsonIntoMissingFolderFailsCleanly) {
  // --only with an unknown name would stop early, so this runs the (short) mmc workload once.
  const std::string out = "/nonexistent/dir/bench.json";
  const CliRun r = runCli({"bench", "--only", "mmc", "--repeat", "1", "--json", out});
  EXPECT_EQ(r.signal, 0) << r.describe();
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find(out), std::string::npos) << r.describe();
}

}  // namespace
}  // namespace pillars::clitest
