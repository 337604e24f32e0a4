#include "app/cli/scenario_input.hpp"

#include <cstdio>

#include "engine/io/project_file.hpp"
#include "engine/io/scenario_reader.hpp"

namespace pillars::cli {

std::optional<Scenario> loadScenarioOrReport(const std::string& path) {
  ScenarioLoad load = loadScenarioOrProject(path, builtinRegistry());
  if (!load.ok()) {
    for (const Diagnostic& d : load.errors) std::fprintf(stderr, "%s\n", d.format().c_str());
    std::fprintf(stderr, "pillars-cli: %s has %zu problem%s\n", path.c_str(), load.errors.size(),
                 load.errors.size() == 1 ? "" : "s");
    return std::nullopt;
  }
  return std::move(load.scenario);
}

}  // namespace pillars::cli
