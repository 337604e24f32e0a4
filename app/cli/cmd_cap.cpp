#include <cstdio>

#include "app/cli/command.hpp"
#include "app/cli/command_line.hpp"
#include "app/cli/scenario_input.hpp"
#include "engine/pillars/state/cap_experiment.hpp"
#include "engine/model/component_kind.hpp"

namespace pillars::cli {

int runCap(const std::vector<std::string>& args) {
  CommandLine cl("cap",
                 "Measures the CAP trade-off of a store replica set: runs the design twice on\n"
                 "the same seed and fault timeline, the set configured CP (strict quorums; for\n"
                 "leader/follower sync replication, reads at the leader, a leader lease) and\n"
                 "AP (sloppy quorum with hinted handoff, R = 1; for leader/follower async,\n"
                 "reads at any follower), and prints availability, refused requests, stale\n"
                 "reads, lost writes and convergence side by side. When the timeline cuts no\n"
                 "link inside the set, one replica is cut off from its peers from a quarter to\n"
                 "half of the run.");
  std::string path, store;
  cl.positional("FILE", path, "Scenario file (JSON) or project (.pillars)")->required();
  cl.option("--store", store, "ID", "A store of the replica set to experiment on (default: the design's first store)");
  if (const auto done = cl.parse(args)) return *done;
  const auto scenario = loadScenarioOrReport(path);
  if (!scenario) return kExitFailed;
  const auto experiment = runCapExperiment(*scenario, builtinRegistry(), store);
  if (const auto* why = std::get_if<std::string>(&experiment)) {
    std::fprintf(stderr, "pillars-cli cap: %s: %s\n", path.c_str(), why->c_str());
    return kExitFailed;
  }
  std::fputs(formatCapExperiment(std::get<CapExperiment>(experiment)).c_str(), stdout);
  return kExitOk;
}

}  // namespace pillars::cli
