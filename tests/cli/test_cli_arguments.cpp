// Every command's arguments, driven from one table: what each command accepts, that its --help
// shows all of it (usage line and option list), and that anything else on its command line is a
// usage error. A command that gains an option without this table gaining it fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

constexpr int kOk = 0;
constexpr int kUsage = 2;

struct CommandArgs {
  std::string name;
  /// The positionals, as the usage line writes them ("FILE", "[KIND]").
  std::vector<std::string> positionals;
  /// Every option, by the name the usage line gives it ("-o" rather than "--output").
  std::vector<std::string> options;
  /// Other names of those options, which the option list shows beside them.
  std::vector<std::string> aliases;
  /// A command line the command accepts (after its name), but that does not get far: each
  /// case below adds one thing that makes it a usage error.
  std::vector<std::string> accepted;
};

std::vector<CommandArgs> commands() {
  const std::string f = fixture("mmc.json");
  return {
      {"simulate",
       {"FILE"},
       {"--seed", "--until", "--set", "--json", "--csv", "--trace", "--trace-request", "--history", "--save-run",
        "--check-linearizability", "--history-out", "--quiet"},
       {},
       {f}},
      {"validate", {"FILE"}, {"--quiet"}, {}, {f}},
      {"bench", {}, {"--repeat", "--only", "--json"}, {}, {}},
      {"kinds", {"[KIND]"}, {}, {}, {"client"}},
      {"layout", {"FILE"}, {"--engine", "-o"}, {"--output"}, {f, "-o", "out.svg"}},
      {"check-history",
       {"FILE"},
       {"--max-steps", "--quiet"},
       {},
       {fixture("history-linearizable.json")}},
      {"review", {"FILE"}, {"--json", "--checklists", "--run", "--fact"}, {}, {f}},
      {"recommend", {}, {"--fact", "--json", "--checklists"}, {}, {}},
      {"report",
       {"FILE"},
       {"--format", "-o", "--date", "--checklists"},
       {"--output"},
       {f, "-o", "out.md"}},
  };
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::string joined(const std::vector<std::string>& args) {
  std::string out = "pillars-cli";
  for (const auto& a : args) out += " " + a;
  return out;
}

void expectUsageError(const std::vector<std::string>& args,
                      const std::vector<std::string>& mentions) {
  const CliRun r = runCli(args);
  EXPECT_EQ(r.exitCode, kUsage) << joined(args) << "\n" << r.describe();
  for (const auto& m : mentions) {
    EXPECT_NE(r.err.find(m), std::string::npos)
        << joined(args) << ": stderr should mention \"" << m << "\"\n"
        << r.describe();
  }
  EXPECT_NE(r.err.find("pillars-cli " + args.front() + " --help"), std::string::npos)
      << joined(args) << ": a usage error should point to the command's --help\n"
      << r.describe();
  EXPECT_TRUE(r.out.empty()) << joined(args) << ": a usage error prints nothing on stdout\n"
                             << r.describe();
}

/// The usage line of a help text: from "Usage: " to the first blank line (it may wrap).
std::string usageOf(const std::string& help) {
  const auto start = help.find("Usage: ");
  if (start == std::string::npos) return {};
  return help.substr(start, help.find("\n\n", start) - start);
}

/// The words of a usage line, brackets and "..." taken off: "[--set ID.PARAM=VALUE]..." gives
/// "--set" and "ID.PARAM=VALUE".
std::set<std::string> usageWords(const std::string& usage) {
  std::set<std::string> words;
  std::string word;
  for (const char c : usage + " ") {
    if (c == ' ' || c == '\n' || c == '[' || c == ']') {
      if (word.size() > 3 && word.compare(word.size() - 3, 3, "...") == 0)
        word.resize(word.size() - 3);
      if (!word.empty()) words.insert(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

/// Every option name the "Options:" section of a help text lists ("-o, --output OUT" gives
/// "-o" and "--output").
std::set<std::string> listedOptions(const std::string& help) {
  std::set<std::string> names;
  const auto start = help.find("\nOptions:\n");
  if (start == std::string::npos) return names;
  const std::vector<std::string> rows = lines(help.substr(start + 10));
  for (const std::string& row : rows) {
    if (row.rfind("  -", 0) != 0) continue;  // a wrapped description, not an option
    const std::string namesPart = row.substr(2, row.find("  ", 2) - 2);
    std::string name;
    for (const char c : namesPart + " ") {
      if (c == ' ' || c == ',') {
        if (name.rfind("-", 0) == 0) names.insert(name);
        name.clear();
      } else {
        name += c;
      }
    }
  }
  return names;
}

class CliArguments : public CliTest {};

TEST_F(CliArguments, UnknownOptionIsAUsageErrorOnEveryCommand) {
  for (const CommandArgs& c : commands()) {
    const std::vector<std::string> base = with({c.name}, c.accepted);
    expectUsageError(with(base, {"--bogus"}), {"unknown option --bogus"});
    // Before the arguments: named itself, not hidden behind "missing FILE".
    expectUsageError({c.name, "--bogus"}, {"unknown option --bogus"});
    // A short option nobody declared, and a long one given a value.
    expectUsageError(with(base, {"-x"}), {"-x"});
    expectUsageError(with(base, {"--bogus=1"}), {"unknown option --bogus\n"});
  }
}

TEST_F(CliArguments, ExtraPositionalIsAUsageErrorOnEveryCommand) {
  for (const CommandArgs& c : commands()) {
    expectUsageError(with(with({c.name}, c.accepted), {"extra"}),
                     {"unexpected argument \"extra\""});
  }
}

TEST_F(CliArguments, MissingFileIsAUsageErrorOnEveryCommandThatTakesOne) {
  for (const CommandArgs& c : commands()) {
    if (std::find(c.positionals.begin(), c.positionals.end(), "FILE") == c.positionals.end())
      continue;
    // Everything the command needs but FILE.
    std::vector<std::string> args{c.name};
    for (std::size_t i = 1; i < c.accepted.size(); ++i) args.push_back(c.accepted[i]);
    expectUsageError(args, {"missing FILE"});
  }
}

TEST_F(CliArguments, HelpOfEveryCommandShowsEveryArgumentAndOption) {
  for (const CommandArgs& c : commands()) {
    for (const char* help : {"--help", "-h"}) {
      const CliRun r = runCli({c.name, help});
      ASSERT_EQ(r.exitCode, kOk) << c.name << " " << help << "\n" << r.describe();
      EXPECT_TRUE(r.err.empty()) << c.name << ": help writes nothing to stderr\n" << r.describe();

      const std::string usage = usageOf(r.out);
      EXPECT_EQ(usage.rfind("Usage: pillars-cli " + c.name + " ", 0) == 0 ||
                    usage == "Usage: pillars-cli " + c.name,
                true)
          << c.name << ": help should open with its usage line\n"
          << r.describe();
      const std::set<std::string> words = usageWords(usage);
      for (const auto& p : c.positionals) {
        const std::string bare = p.front() == '[' ? p.substr(1, p.size() - 2) : p;
        EXPECT_NE(usage.find(p), std::string::npos) << c.name << ": usage misses " << p << "\n"
                                                    << usage;
        EXPECT_NE(r.out.find("\n  " + bare + " "), std::string::npos)
            << c.name << ": Arguments should list " << bare << "\n"
            << r.out;
      }
      for (const auto& o : c.options) {
        EXPECT_TRUE(words.count(o)) << c.name << ": usage line misses " << o << "\n" << usage;
      }

      // The option list holds exactly the table's options, their other names and --help: an
      // option the command gained without this table (or lost) shows up here.
      std::set<std::string> expected(c.options.begin(), c.options.end());
      expected.insert(c.aliases.begin(), c.aliases.end());
      expected.insert({"-h", "--help"});
      EXPECT_EQ(listedOptions(r.out), expected) << c.name << "\n" << r.out;
    }
  }
}

TEST_F(CliArguments, ReadmeShowsEveryUsageLineAsHelpPrintsIt) {
  // The README's pillars-cli block has one line per command: the usage line of its --help,
  // unwrapped. A new option shows up in --help by itself; this keeps the README with it.
  const std::string readme = readFile(std::string(PILLARS_SOURCE_DIR) + "/README.md");
  for (const CommandArgs& c : commands()) {
    const std::string usage = usageOf(runCli({c.name, "--help"}).out);
    std::istringstream words(usage.substr(usage.find(' ') + 1));  // after "Usage: "
    std::string line;
    for (std::string word; words >> word;) line += (line.empty() ? "" : " ") + word;
    EXPECT_NE(readme.find("\n" + line + "\n"), std::string::npos)
        << "README.md should show the line\n"
        << line;
  }
}

TEST_F(CliArguments, HelpWinsOverEveryOtherProblem) {
  // A value that would be refused, a missing FILE, an unknown option: --help still helps.
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"simulate", "--seed", "abc", "--help"},
                                             {"simulate", "--help", "--bogus"},
                                             {"layout", "--engine", "twopi", "-h"},
                                             {"bench", "--repeat", "0", "--help"}}) {
    const CliRun r = runCli(args);
    EXPECT_EQ(r.exitCode, kOk) << joined(args) << "\n" << r.describe();
    EXPECT_EQ(r.out.rfind("Usage: pillars-cli " + args.front(), 0), 0u) << joined(args) << "\n"
                                                                        << r.describe();
    EXPECT_TRUE(r.err.empty()) << joined(args) << "\n" << r.describe();
  }
}

TEST_F(CliArguments, TopLevelHelpListsEveryCommandWithASummary) {
  const CliRun r = runCli({"--help"});
  ASSERT_EQ(r.exitCode, kOk) << r.describe();
  for (const CommandArgs& c : commands()) {
    bool listed = false;
    for (const std::string& line : lines(r.out)) {
      // "  simulate FILE         Run a scenario and ...": the name, then a summary.
      if (line.rfind("  " + c.name + " ", 0) == 0 && line.size() > c.name.size() + 20)
        listed = true;
    }
    EXPECT_TRUE(listed) << c.name << " is not listed with a summary\n" << r.out;
  }
  EXPECT_NE(r.out.find("Exit codes: 0 success, 1 invalid input or failed run, 2 usage error"),
            std::string::npos)
      << r.out;
}

TEST_F(CliArguments, HelpCommandShowsTheCommandsHelp) {
  for (const CommandArgs& c : commands()) {
    const CliRun viaHelp = runCli({"help", c.name});
    EXPECT_EQ(viaHelp.exitCode, kOk) << c.name << "\n" << viaHelp.describe();
    EXPECT_EQ(viaHelp.out, runCli({c.name, "--help"}).out) << c.name;
  }
  const CliRun unknown = runCli({"help", "simulat"});
  EXPECT_EQ(unknown.exitCode, kUsage) << unknown.describe();
  EXPECT_NE(unknown.err.find("simulat"), std::string::npos) << unknown.describe();
}

TEST_F(CliArguments, VersionTakesNoArguments) {
  const CliRun r = runCli({"--version", "extra"});
  EXPECT_EQ(r.exitCode, kUsage) << r.describe();
  EXPECT_NE(r.err.find("extra"), std::string::npos) << r.describe();
  EXPECT_TRUE(r.out.empty()) << r.describe();
}

TEST_F(CliArguments, OptionGivenTwiceIsAUsageErrorUnlessRepeatable) {
  const std::string f = fixture("mmc.json");
  expectUsageError({"simulate", f, "--seed", "1", "--seed", "2"}, {"--seed"});
  expectUsageError({"report", f, "-o", "a.md", "--output", "b.md"}, {"--output"});
}

TEST_F(CliArguments, ValuesMayFollowAnEqualsSignAndOutputHasItsLongName) {
  const CliRun run =
      runCli({"simulate", fixture("mmc.json"), "--quiet", "--seed=7", "--until=2s", "--json=-"});
  ASSERT_EQ(run.exitCode, kOk) << run.describe();
  const JsonValue doc = parseJsonOrFail(run.out, "--json=- output");
  EXPECT_EQ(count(doc, {"seed"}), 7u);

  const auto svg = tmp("three-tier.svg");
  const CliRun layout = runCli({"layout", fixture("three-tier.json"), "--output", svg.string()});
  ASSERT_EQ(layout.exitCode, kOk) << layout.describe();
  EXPECT_NE(readFile(svg).find("<svg"), std::string::npos);
}

TEST_F(CliArguments, RepeatedSetsApplyInTheOrderGiven) {
  const std::string f = fixture("mmc.json");
  // Every --set is kept: the second (valid) one does not hide the first (bad) one, and of two
  // bad ones the first given is the one reported.
  const CliRun first =
      runCli({"simulate", f, "--quiet", "--set", "first.workers=2", "--set", "server.workers=2"});
  EXPECT_EQ(first.exitCode, 1) << first.describe();
  EXPECT_NE(first.err.find("first"), std::string::npos) << first.describe();
  const CliRun second =
      runCli({"simulate", f, "--quiet", "--set", "server.workers=2", "--set", "second.workers=2"});
  EXPECT_EQ(second.exitCode, 1) << second.describe();
  EXPECT_NE(second.err.find("second"), std::string::npos) << second.describe();
  // A repeatable option takes one value each time: FILE after a --set stays FILE.
  const CliRun fileAfter =
      runCli({"simulate", "--quiet", "--set", "server.workers=2", f, "--until", "1s"});
  EXPECT_EQ(fileAfter.exitCode, kOk) << fileAfter.describe();
}

TEST_F(CliArguments, RepeatedFactsApplyInTheOrderGiven) {
  // The load balancer is recommended above 1,000 req/s: the last --fact given wins.
  const auto patterns = [](const std::vector<std::string>& args) {
    const CliRun r = runCli(args);
    EXPECT_EQ(r.exitCode, kOk) << r.describe();
    const JsonValue doc = parseJsonOrFail(r.out, "recommend --json");
    const JsonValue* list = at(doc, {"recommendations"});
    return list ? list->items().size() : 0u;
  };
  EXPECT_EQ(patterns({"recommend", "--fact", "peak_rps=1001", "--fact", "peak_rps=1000", "--json"}),
            0u);
  EXPECT_EQ(patterns({"recommend", "--fact", "peak_rps=1000", "--fact", "peak_rps=1001", "--json"}),
            1u);
}

TEST_F(CliArguments, BadFactIsRefusedBeforeTheReviewRuns) {
  // Checked while parsing: a long --run is not wasted on a command line that cannot finish.
  const CliRun r = runCli({"review", fixture("mmc.json"), "--run", "--fact", "peak_rps=lots"});
  EXPECT_EQ(r.exitCode, kUsage) << r.describe();
  EXPECT_NE(r.err.find("--fact: peak_rps expects a non-negative number"), std::string::npos)
      << r.describe();
  EXPECT_TRUE(r.out.empty()) << r.describe();
}

}  // namespace
}  // namespace pillars::clitest
