#include <cstdio>

#include "app/cli/command.hpp"
#include "app/cli/command_line.hpp"
#include "app/cli/scenario_input.hpp"
#include "engine/util/units.hpp"

namespace pillars::cli {

int runValidate(const std::vector<std::string>& args) {
  CommandLine cl("validate",
                 "Checks a scenario file: JSON syntax, the format version, every field and\n"
                 "parameter against its schema, and that links, groups and faults refer to\n"
                 "things that exist. Every problem is listed with file:line:column and the\n"
                 "JSON path of the value.");
  std::string path;
  bool quiet = false;
  cl.positional("FILE", path, "Scenario file (JSON) or project (.pillars)")->required();
  cl.flag("--quiet", quiet, "Print nothing when the file is valid");
  if (const auto done = cl.parse(args)) return *done;
  const auto scenario = loadScenarioOrReport(path);
  if (!scenario) return kExitFailed;
  if (!quiet) {
    std::printf("%s: valid (%zu components, %zu links, %zu groups, %zu faults; runs %s)\n",
                path.c_str(), scenario->components.size(), scenario->links.size(),
                scenario->groups.size(), scenario->faults.size(),
                formatDuration(scenario->duration).c_str());
  }
  return kExitOk;
}

}  // namespace pillars::cli
