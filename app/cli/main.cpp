// pillars-cli: the headless front end. Runs, validates and benchmarks scenarios for scripts,
// CI and batch experiments, over the same engine as the desktop app.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "app/cli/command.hpp"

namespace {

using namespace pillars::cli;

struct Command {
  std::string_view name;
  std::string_view arguments;  // the positionals, for the overview; `COMMAND --help` has the rest
  std::string_view summary;
  int (*run)(const std::vector<std::string>& args);
};

// In the order the overview lists them.
constexpr Command kCommands[] = {
    {"simulate", "FILE", "Run a scenario and report throughput, latency, drops, utilization",
     runSimulate},
    {"validate", "FILE", "Check a scenario file and list every problem in it", runValidate},
    {"bench", "", "Measure the engine's speed on fixed workloads", runBench},
    {"kinds", "[KIND]", "List component kinds and their parameters", runKinds},
    {"layout", "FILE", "Lay out a topology with Graphviz and draw it as SVG, PNG or DOT",
     runLayout},
    {"check-history", "FILE", "Check that a read/write history is linearizable", runCheckHistory},
    {"review", "FILE", "Review a design: evidence, risks per pillar, recommended patterns",
     runReview},
    {"recommend", "", "Recommend patterns from facts (--fact peak_rps=5000 ...)", runRecommend},
    {"report", "FILE", "Write a review report as HTML, Markdown or PDF", runReport},
    {"cap", "FILE", "Measure a store replica set's CAP trade-off: CP and AP under one partition", runCap},
};

const Command* findCommand(std::string_view name) {
  for (const Command& c : kCommands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string overview() {
  std::string out =
      "Usage: pillars-cli COMMAND [ARGS...]\n"
      "\n"
      "Design, simulate and review distributed systems, headless.\n"
      "\n"
      "Commands:\n";
  for (const Command& c : kCommands) {
    std::string left =
        "  " + std::string(c.name) + (c.arguments.empty() ? "" : " ") + std::string(c.arguments);
    left.resize(std::max<std::size_t>(left.size() + 2, 24), ' ');
    out += left + std::string(c.summary) + "\n";
  }
  out +=
      "\n"
      "Run 'pillars-cli COMMAND --help' (or 'pillars-cli help COMMAND') for a command's\n"
      "arguments and options, 'pillars-cli --version' for the version.\n"
      "Exit codes: 0 success, 1 invalid input or failed run, 2 usage error\n"
      "(check-history: 0 linearizable, 1 not, 2 bad input, 3 too large).\n";
  return out;
}

int usageError(const std::string& problem) {
  std::fprintf(stderr, "pillars-cli: %s\n\n%s", problem.c_str(), overview().c_str());
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(overview().c_str(), stderr);
    return kExitUsage;
  }
  const std::string first = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (first == "--help" || first == "-h" || first == "help") {
    if (args.empty()) {
      std::fputs(overview().c_str(), stdout);
      return kExitOk;
    }
    // "help simulate" is "simulate --help".
    const Command* command = findCommand(args.front());
    if (!command) return usageError("unknown command \"" + args.front() + "\"");
    if (args.size() > 1) return usageError("unexpected argument \"" + args[1] + "\"");
    return command->run({"--help"});
  }
  if (first == "--version") {
    if (!args.empty()) return usageError("unexpected argument \"" + args.front() + "\"");
    std::printf("pillars-cli %s\n", PILLARS_VERSION);
    return kExitOk;
  }
  if (const Command* command = findCommand(first)) return command->run(args);
  if (first.size() > 1 && first[0] == '-') return usageError("unknown option " + first);
  return usageError("unknown command \"" + first + "\"");
}
