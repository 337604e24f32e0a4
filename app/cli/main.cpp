// pillars-cli: the headless front end. Runs, validates and benchmarks scenarios for scripts,
// CI and batch experiments, over the same engine as the desktop app.
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli/command.hpp"

namespace {

constexpr const char* kUsage =
    "Usage: pillars-cli COMMAND [ARGS...]\n"
    "\n"
    "Design, simulate and review distributed systems, headless.\n"
    "\n"
    "Commands:\n"
    "  simulate FILE   Run a scenario and report throughput, latency, drops, utilization\n"
    "  validate FILE   Check a scenario file and list every problem in it\n"
    "  bench           Measure the engine's speed on fixed workloads\n"
    "  kinds [KIND]    List component kinds and their parameters\n"
    "  layout FILE     Lay out a topology with Graphviz and draw it (-o OUT.svg|png|dot)\n"
    "  check-history FILE  Check that a read/write history is linearizable\n"
    "  review FILE     Review a design: evidence, risks per pillar, recommended patterns\n"
    "  recommend       Recommend patterns from facts (--fact peak_rps=5000 ...)\n"
    "  report FILE     Write a review report (--format html|md|pdf -o OUT)\n"
    "\n"
    "Run 'pillars-cli COMMAND --help' for a command's options.\n"
    "Exit codes: 0 success, 1 invalid input or failed run, 2 usage error\n"
    "(check-history: 0 linearizable, 1 not, 2 bad input, 3 too large).\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace pillars::cli;
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (command == "--version") {
    std::printf("pillars-cli %s\n", PILLARS_VERSION);
    return kExitOk;
  }
  if (command == "simulate") return runSimulate(args);
  if (command == "validate") return runValidate(args);
  if (command == "bench") return runBench(args);
  if (command == "kinds") return runKinds(args);
  if (command == "layout") return runLayout(args);
  if (command == "check-history") return runCheckHistory(args);
  if (command == "review") return runReview(args);
  if (command == "recommend") return runRecommend(args);
  if (command == "report") return runReport(args);
  std::fprintf(stderr, "pillars-cli: unknown command \"%s\"\n\n%s", command.c_str(), kUsage);
  return kExitUsage;
}
