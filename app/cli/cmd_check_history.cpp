#include <cstdio>

#include "app/cli/command.hpp"
#include "app/cli/command_line.hpp"
#include "app/cli/value_checks.hpp"
#include "engine/io/history_reader.hpp"

namespace pillars::cli {

namespace {

// This command's exit codes differ from the other commands': 1 is a verdict here, so bad input
// and usage errors share 2, and an undecided check has its own code.
enum HistoryExit : int { kLinearizable = 0, kNotLinearizable = 1, kBadInput = 2, kTooLarge = 3 };

}  // namespace

int runCheckHistory(const std::vector<std::string>& args) {
  CommandLine cl("check-history",
                 "Checks whether a read/write register history (docs/history-format.md) is\n"
                 "linearizable: whether every operation can be given one instant between its\n"
                 "invocation and its response so that every read returns the latest write.\n"
                 "When it is not, names the operation that cannot be placed and the longest\n"
                 "order found.\n"
                 "\n"
                 "Exit codes: 0 linearizable, 1 not linearizable, 2 bad input or usage,\n"
                 "3 too large to decide within the search budget.");
  std::string path;
  lin::Limits limits;
  bool quiet = false;
  cl.positional("FILE", path, "History file (JSON)")->required();
  cl.option("--max-steps", limits.maxSteps, "N",
            "Search budget in steps (default " + std::to_string(limits.maxSteps) + ")")
      ->check(wholeNumber(1, 1'000'000'000'000ull));
  cl.flag("--quiet", quiet, "Print only problems with the file");
  if (const auto done = cl.parse(args)) {
    return *done == kExitOk ? kLinearizable : kBadInput;
  }
  const HistoryLoad load = loadHistoryFile(path);
  if (!load.ok()) {
    for (const Diagnostic& d : load.errors) std::fprintf(stderr, "%s\n", d.format().c_str());
    std::fprintf(stderr, "pillars-cli: %s has %zu problem%s\n", path.c_str(), load.errors.size(),
                 load.errors.size() == 1 ? "" : "s");
    return kBadInput;
  }
  const lin::Result result = lin::check(*load.history, limits);
  if (!quiet) std::printf("%s: %s", path.c_str(), explainCheck(load, result).c_str());
  switch (result.verdict) {
    case lin::Verdict::Linearizable: return kLinearizable;
    case lin::Verdict::NotLinearizable: return kNotLinearizable;
    case lin::Verdict::TooLarge: return kTooLarge;
  }
  return kBadInput;
}

}  // namespace pillars::cli
