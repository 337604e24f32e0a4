// Exit codes and --help of pillars-cli: 0 success, 1 invalid input, 2 usage error.
#include <gtest/gtest.h>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

constexpr int kOk = 0;
constexpr int kInvalid = 1;
constexpr int kUsage = 2;

class CliUsage : public CliTest {};

// --- usage errors: exit 2 with a message on stderr and nothing on stdout ---------------------

struct UsageCase {
  const char* name;
  std::vector<std::string> args;
  const char* stderrMentions;  // a word the message must contain
};

void expectUsageError(const UsageCase& c) {
  const CliRun r = runCli(c.args);
  EXPECT_EQ(r.exitCode, kUsage) << c.name << ": " << r.describe();
  EXPECT_EQ(r.signal, 0) << c.name;
  EXPECT_NE(r.err.find(c.stderrMentions), std::string::npos)
      << c.name << ": stderr should mention \"" << c.stderrMentions << "\"\n" << r.describe();
  EXPECT_TRUE(r.out.empty()) << c.name << ": a usage error should print nothing on stdout\n"
                             << r.describe();
}

TEST_F(CliUsage, NoCommandIsAUsageError) {
  expectUsageError({"no command", {}, "Usage: pillars-cli"});
}

TEST_F(CliUsage, UnknownCommandIsAUsageError) {
  expectUsageError({"unknown command", {"simulat"}, "simulat"});
}

TEST_F(CliUsage, UnknownOptionIsAUsageError) {
  const std::string f = fixture("mmc.json");
  expectUsageError({"simulate --bogus", {"simulate", f, "--bogus"}, "--bogus"});
  expectUsageError({"validate --bogus", {"validate", f, "--bogus"}, "--bogus"});
  expectUsageError({"bench --bogus", {"bench", "--bogus"}, "--bogus"});
  expectUsageError({"kinds --bogus", {"kinds", "--bogus"}, "--bogus"});
}

TEST_F(CliUsage, MissingFileIsAUsageError) {
  expectUsageError({"simulate without FILE", {"simulate"}, "FILE"});
  expectUsageError({"validate without FILE", {"validate"}, "FILE"});
  expectUsageError({"simulate with only options", {"simulate", "--quiet"}, "FILE"});
}

TEST_F(CliUsage, ExtraArgumentIsAUsageError) {
  const std::string f = fixture("mmc.json");
  expectUsageError({"simulate two files", {"simulate", f, f}, "unexpected"});
  expectUsageError({"kinds two kinds", {"kinds", "client", "service"}, "unexpected"});
}

TEST_F(CliUsage, OptionWithoutValueIsAUsageError) {
  expectUsageError({"--json without OUT", {"simulate", fixture("mmc.json"), "--json"}, "--json"});
  expectUsageError({"--seed without N", {"simulate", fixture("mmc.json"), "--seed"}, "--seed"});
}

TEST_F(CliUsage, UntilGarbageIsAUsageError) {
  const std::string f = fixture("mmc.json");
  expectUsageError({"--until garbage", {"simulate", f, "--until", "garbage"}, "--until"});
  expectUsageError({"--until 5 parsecs", {"simulate", f, "--until", "5pc"}, "--until"});
  expectUsageError({"--until -5s", {"simulate", f, "--until", "-5s"}, "--until"});
  expectUsageError({"--until empty", {"simulate", f, "--until", ""}, "--until"});
}

TEST_F(CliUsage, UntilZeroIsAUsageErrorWithAMessage) {
  // A zero duration parses, but cannot be run: it must be refused with a reason, not silently.
  expectUsageError({"--until 0s", {"simulate", fixture("mmc.json"), "--until", "0s"}, "--until"});
}

TEST_F(CliUsage, NegativeSeedIsAUsageError) {
  const std::string f = fixture("mmc.json");
  expectUsageError({"--seed -1", {"simulate", f, "--seed", "-1"}, "--seed"});
  expectUsageError({"--seed abc", {"simulate", f, "--seed", "abc"}, "--seed"});
  expectUsageError({"--seed 1.5", {"simulate", f, "--seed", "1.5"}, "--seed"});
  expectUsageError({"--seed 2^64", {"simulate", f, "--seed", "18446744073709551616"}, "--seed"});
  expectUsageError({"--seed 2^63", {"simulate", f, "--seed", "9223372036854775808"}, "--seed"});
}

TEST_F(CliUsage, NegativeSeedWithLeadingSpaceIsAUsageError) {
  // strtoull skips white space and accepts a minus sign: " -1" must not become 2^64 - 1.
  expectUsageError({"--seed ' -1'", {"simulate", fixture("mmc.json"), "--seed", " -1"}, "--seed"});
}

TEST_F(CliUsage, RepeatZeroIsAUsageError) {
  expectUsageError({"--repeat 0", {"bench", "--repeat", "0"}, "--repeat"});
  expectUsageError({"--repeat -3", {"bench", "--repeat", "-3"}, "--repeat"});
  expectUsageError({"--repeat x", {"bench", "--repeat", "x"}, "--repeat"});
  expectUsageError({"--repeat 101", {"bench", "--repeat", "101"}, "--repeat"});
}

TEST_F(CliUsage, RepeatWithTrailingGarbageIsAUsageError) {
  // "3x" is not a number of runs. The unknown workload keeps this test fast either way: a
  // correct parser complains about --repeat, a lenient one goes on to complain about --only.
  expectUsageError({"--repeat 3x", {"bench", "--repeat", "3x", "--only", "nope"}, "--repeat"});
}

TEST_F(CliUsage, UnknownBenchWorkloadIsAUsageError) {
  expectUsageError({"--only nope", {"bench", "--only", "nope", "--repeat", "1"}, "nope"});
}

// --- invalid input: exit 1 -------------------------------------------------------------------

struct InvalidCase {
  const char* name;
  std::vector<std::string> args;
  const char* stderrMentions;
};

void expectInvalid(const InvalidCase& c) {
  const CliRun r = runCli(c.args);
  EXPECT_EQ(r.exitCode, kInvalid) << c.name << ": " << r.describe();
  EXPECT_EQ(r.signal, 0) << c.name;
  EXPECT_NE(r.err.find(c.stderrMentions), std::string::npos)
      << c.name << ": stderr should mention \"" << c.stderrMentions << "\"\n" << r.describe();
}

TEST_F(CliUsage, MissingScenarioFileIsInvalidInput) {
  const std::string missing = tmp("does-not-exist.json").string();
  expectInvalid({"simulate missing file", {"simulate", missing}, missing.c_str()});
  expectInvalid({"validate missing file", {"validate", missing}, missing.c_str()});
}

TEST_F(CliUsage, FolderAsScenarioIsInvalidInput) {
  expectInvalid({"simulate a folder", {"simulate", dir().string()}, "folder"});
}

TEST_F(CliUsage, BadScenarioFileIsInvalidInput) {
  expectInvalid({"bad parameter", {"simulate", fixture("invalid-param.json")}, "workers"});
  expectInvalid({"bad syntax", {"simulate", fixture("invalid-syntax.json")}, "invalid JSON"});
}

TEST_F(CliUsage, BadSetIsInvalidInput) {
  const std::string f = fixture("mmc.json");
  expectInvalid({"bad value", {"simulate", f, "--quiet", "--set", "server.workers=abc"}, "abc"});
  expectInvalid({"out of range", {"simulate", f, "--quiet", "--set", "server.workers=0"}, "workers"});
  expectInvalid({"unknown id", {"simulate", f, "--quiet", "--set", "nope.workers=2"}, "nope"});
  expectInvalid({"unknown param", {"simulate", f, "--quiet", "--set", "server.nope=2"}, "nope"});
  expectInvalid({"no equals", {"simulate", f, "--quiet", "--set", "server.workers"}, "ID.PARAM=VALUE"});
  expectInvalid({"no dot", {"simulate", f, "--quiet", "--set", "workers=2"}, "ID.PARAM=VALUE"});
  expectInvalid({"bad link value", {"simulate", f, "--quiet", "--set", "client->server.latency=fast"},
                 "latency"});
}

TEST_F(CliUsage, UnknownKindIsInvalidInput) {
  expectInvalid({"kinds nope", {"kinds", "nope"}, "nope"});
}

// --- help ---------------------------------------------------------------------------------------

void expectHelp(const std::vector<std::string>& args, const std::string& usageLine,
                const std::vector<std::string>& mentions) {
  const CliRun r = runCli(args);
  std::string joined;
  for (const auto& a : args) joined += a + " ";
  EXPECT_EQ(r.exitCode, kOk) << joined << r.describe();
  EXPECT_NE(r.out.find(usageLine), std::string::npos)
      << joined << "help should contain \"" << usageLine << "\"\n" << r.describe();
  for (const auto& m : mentions) {
    EXPECT_NE(r.out.find(m), std::string::npos)
        << joined << "help should mention \"" << m << "\"\n" << r.describe();
  }
  EXPECT_TRUE(r.err.empty()) << joined << "help should not write to stderr\n" << r.describe();
}

TEST_F(CliUsage, TopLevelHelp) {
  const std::vector<std::string> commands = {"simulate", "validate", "bench", "kinds", "Exit codes"};
  expectHelp({"--help"}, "Usage: pillars-cli COMMAND", commands);
  expectHelp({"-h"}, "Usage: pillars-cli COMMAND", commands);
  expectHelp({"help"}, "Usage: pillars-cli COMMAND", commands);
}

TEST_F(CliUsage, SimulateHelp) {
  const std::vector<std::string> options = {"Options:", "FILE",   "--seed",  "--until",
                                            "--set",    "--json", "--csv",   "--quiet", "--help"};
  expectHelp({"simulate", "--help"}, "Usage: pillars-cli simulate FILE", options);
  expectHelp({"simulate", "-h"}, "Usage: pillars-cli simulate FILE", options);
  // --help wins over a missing FILE.
  expectHelp({"simulate", "--seed", "3", "--help"}, "Usage: pillars-cli simulate FILE", options);
}

TEST_F(CliUsage, ValidateHelp) {
  expectHelp({"validate", "--help"}, "Usage: pillars-cli validate FILE",
             {"Options:", "FILE", "--quiet", "--help"});
}

TEST_F(CliUsage, BenchHelp) {
  expectHelp({"bench", "--help"}, "Usage: pillars-cli bench",
             {"Options:", "--only", "--repeat", "--json", "--help", "mmc"});
}

TEST_F(CliUsage, KindsHelp) {
  expectHelp({"kinds", "--help"}, "Usage: pillars-cli kinds [KIND]", {"Options:", "KIND", "--help"});
}

TEST_F(CliUsage, Version) {
  const CliRun r = runCli({"--version"});
  EXPECT_EQ(r.exitCode, kOk) << r.describe();
  EXPECT_EQ(r.out.rfind("pillars-cli ", 0), 0u) << r.describe();
  EXPECT_NE(r.out.find(PILLARS_VERSION), std::string::npos) << r.describe();
}

}  // namespace
}  // namespace pillars::clitest
