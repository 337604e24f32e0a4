#pragma once
// Helpers for the end-to-end tests of the pillars-cli binary: run it as a child process with
// its output captured, keep each test's files in a private temporary folder, and read the JSON
// it writes.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/io/json.hpp"

namespace pillars::clitest {

/// What one run of the binary did.
struct CliRun {
  int exitCode = -1;  // -1 if it did not exit normally
  int signal = 0;     // the signal that ended it, if any
  std::string out;    // everything written to standard output
  std::string err;    // everything written to standard error

  /// For assertion messages: the exit status and both streams.
  std::string describe() const;
};

struct CliOptions {
  /// RLIMIT_FSIZE for the child (SIGXFSZ is ignored, so writes beyond it fail with EFBIG).
  std::optional<std::uint64_t> fileSizeLimit;
  /// Working folder of the child; empty keeps the test's.
  std::filesystem::path workingDir;
};

/// Runs pillars-cli with `args` (stdin is /dev/null) and waits for it; a run that takes more
/// than a minute is killed.
CliRun runCli(const std::vector<std::string>& args, const CliOptions& options = {});

/// Path of a fixture in tests/cli/data.
std::string fixture(std::string_view name);

std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, std::string_view text);

/// Parses JSON text; on failure records a test failure (with the text) and returns null.
JsonValue parseJsonOrFail(const std::string& text, std::string_view what);

/// The value at a key path, or nullptr if any key is missing.
const JsonValue* at(const JsonValue& root, std::initializer_list<std::string_view> keys);

std::string joinPath(std::initializer_list<std::string_view> keys);

/// The number at a key path; records a failure and returns NaN if it is missing or not a number.
double number(const JsonValue& root, std::initializer_list<std::string_view> keys);

/// The non-negative integer at a key path; records a failure and returns 0 otherwise.
std::uint64_t count(const JsonValue& root, std::initializer_list<std::string_view> keys);

/// Splits text into lines (without the line ends; no empty last line for a final '\n').
std::vector<std::string> lines(const std::string& text);
std::vector<std::string> splitCsv(const std::string& line);

/// A fixture giving each test its own temporary folder, removed afterwards.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  std::filesystem::path tmp(std::string_view name) const { return m_dir / name; }
  const std::filesystem::path& dir() const { return m_dir; }

 private:
  std::filesystem::path m_dir;
};

}  // namespace pillars::clitest
