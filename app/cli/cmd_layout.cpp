#include <cstdio>
#include <filesystem>

#include "app/cli/arg_parser.hpp"
#include "app/cli/command.hpp"
#include "app/cli/scenario_input.hpp"
#include "engine/layout/graphviz_layout.hpp"
#include "engine/util/atomic_file.hpp"

namespace pillars::cli {

int runLayout(const std::vector<std::string>& args) {
  ArgParser p("pillars-cli layout FILE [--engine dot|neato|fdp|sfdp|circo] -o OUT.{svg,png,dot}",
              "Lays out a scenario's topology with Graphviz and draws it: components as boxes,\n"
              "links as arrows labelled with their latency, zones and regions as clusters.\n"
              "The format follows OUT's extension. dot (the default) draws requests flowing\n"
              "left to right; sfdp is the fastest on large graphs; fdp and circo are slow\n"
              "on hundreds of nodes.");
  p.positional("FILE", "Scenario file (JSON)");
  p.option("--engine", "NAME", "Layout engine: dot, neato, fdp, sfdp or circo (default dot)");
  p.option("-o", "OUT", "Output file: .svg, .png or .dot");
  std::string error;
  std::vector<std::string> normalized;
  for (const auto& a : args) normalized.push_back(a == "--output" ? "-o" : a);
  if (const auto done = p.parseCommand(normalized, "layout")) return *done;
  const auto out = p.value("-o");
  if (!out) {
    std::fprintf(stderr, "pillars-cli layout: missing -o OUT.{svg,png,dot}\n");
    return kExitUsage;
  }
  std::string format = std::filesystem::path(*out).extension().string();
  if (!format.empty()) format.erase(0, 1);
  if (format != "svg" && format != "png" && format != "dot") {
    std::fprintf(stderr, "pillars-cli layout: %s: the extension must be .svg, .png or .dot\n", out->c_str());
    return kExitUsage;
  }
  const std::string engineName = p.value("--engine").value_or("dot");
  const auto engine = layoutEngineFromName(engineName);
  if (!engine) {
    std::fprintf(stderr, "pillars-cli layout: unknown engine \"%s\" (dot, neato, fdp, sfdp, circo)\n",
                 engineName.c_str());
    return kExitUsage;
  }
  const auto scenario = loadScenarioOrReport(*p.positionalValue("FILE"));
  if (!scenario) return kExitFailed;
  const auto bytes = renderScenario(*scenario, *engine, format, &error);
  if (!bytes || !writeFileAtomically(*out, *bytes, &error)) {
    std::fprintf(stderr, "pillars-cli layout: %s\n", error.c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace pillars::cli
