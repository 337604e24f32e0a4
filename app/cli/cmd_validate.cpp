#include <cstdio>

#include "app/cli/arg_parser.hpp"
#include "app/cli/command.hpp"
#include "app/cli/scenario_input.hpp"
#include "engine/util/units.hpp"

namespace pillars::cli {

int runValidate(const std::vector<std::string>& args) {
  ArgParser p("pillars-cli validate FILE",
              "Checks a scenario file: JSON syntax, the format version, every field and\n"
              "parameter against its schema, and that links, groups and faults refer to\n"
              "things that exist. Every problem is listed with file:line:column and the\n"
              "JSON path of the value.");
  p.positional("FILE", "Scenario file (JSON)");
  p.flag("--quiet", "Print nothing when the file is valid");
  if (const auto done = p.parseCommand(args, "validate")) return *done;
  const std::string path = *p.positionalValue("FILE");
  const auto scenario = loadScenarioOrReport(path);
  if (!scenario) return kExitFailed;
  if (!p.has("--quiet")) {
    std::printf("%s: valid (%zu components, %zu links, %zu groups, %zu faults; runs %s)\n",
                path.c_str(), scenario->components.size(), scenario->links.size(),
                scenario->groups.size(), scenario->faults.size(),
                formatDuration(scenario->duration).c_str());
  }
  return kExitOk;
}

}  // namespace pillars::cli
