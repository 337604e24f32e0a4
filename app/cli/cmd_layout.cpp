#include <cstdio>
#include <filesystem>

#include "app/cli/command.hpp"
#include "app/cli/command_line.hpp"
#include "app/cli/scenario_input.hpp"
#include "engine/layout/graphviz_layout.hpp"
#include "engine/util/atomic_file.hpp"

namespace pillars::cli {

namespace {

/// The drawing's format, from OUT's extension: "svg", "png", "dot", or "" for anything else.
std::string formatOf(const std::string& out) {
  const std::string extension = std::filesystem::path(out).extension().string();
  return extension == ".svg" || extension == ".png" || extension == ".dot" ? extension.substr(1)
                                                                           : "";
}

}  // namespace

int runLayout(const std::vector<std::string>& args) {
  CommandLine cl("layout",
                 "Lays out a scenario's topology with Graphviz and draws it: components as boxes,\n"
                 "links as arrows labelled with their latency, zones and regions as clusters.\n"
                 "The format follows OUT's extension. dot (the default) draws requests flowing\n"
                 "left to right; sfdp is the fastest on large graphs; fdp and circo are slow\n"
                 "on hundreds of nodes.");
  std::string path;
  std::string engineName = "dot";
  std::string out;
  cl.positional("FILE", path, "Scenario file (JSON) or project (.pillars)")->required();
  cl.option("--engine", engineName, "dot|neato|fdp|sfdp|circo", "Layout engine (default dot)")
      ->check([](const std::string& name) -> std::string {
        if (layoutEngineFromName(name)) return {};
        return "unknown engine \"" + name + "\" (dot, neato, fdp, sfdp, circo)";
      });
  cl.option("-o,--output", out, "OUT.svg|png|dot", "Output file: .svg, .png or .dot")
      ->required()
      ->check([](const std::string& file) -> std::string {
        if (!formatOf(file).empty()) return {};
        return file + ": the extension must be .svg, .png or .dot";
      });
  if (const auto done = cl.parse(args)) return *done;
  const std::string format = formatOf(out);
  const auto engine = layoutEngineFromName(engineName);
  const auto scenario = loadScenarioOrReport(path);
  if (!scenario) return kExitFailed;
  std::string error;
  const auto bytes = renderScenario(*scenario, *engine, format, &error);
  if (!bytes || !writeFileAtomically(out, *bytes, &error)) {
    std::fprintf(stderr, "pillars-cli layout: %s\n", error.c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace pillars::cli
