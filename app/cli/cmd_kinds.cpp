#include <cstdio>

#include "app/cli/command.hpp"
#include "app/cli/command_line.hpp"
#include "app/cli/text_table.hpp"
#include "engine/model/component_kind.hpp"

namespace pillars::cli {

namespace {

void printParams(const std::vector<ParamSpec>& specs) {
  TextTable table({"parameter", "type", "default", "unit", "description"});
  for (const ParamSpec& s : specs) {
    table.addRow({s.name, std::string(paramTypeName(s.type)), formatParamValue(s, s.defaultValue),
                  s.unit, s.description});
  }
  std::fputs(table.render("    ").c_str(), stdout);
}

}  // namespace

int runKinds(const std::vector<std::string>& args) {
  CommandLine cl("kinds",
                 "Lists the component kinds a scenario can use, with their parameters,\n"
                 "types, defaults and units. With KIND, only that kind (\"link\" for links).");
  std::optional<std::string> only;
  cl.positional("KIND", only, "Show only this kind");
  if (const auto done = cl.parse(args)) return *done;
  bool found = false;
  for (const auto& kind : builtinRegistry().kinds()) {
    if (only && *only != kind->name) continue;
    found = true;
    std::printf("%s  (%s pillar) - %s\n", kind->name.c_str(),
                std::string(pillarName(kind->pillar)).c_str(), kind->description.c_str());
    printParams(kind->params);
    std::printf("\n");
  }
  if (!only || *only == "link") {
    found = true;
    std::printf("link - a connection between two components; traffic flows both ways\n");
    printParams(linkParamSpecs());
  }
  if (!found) {
    std::fprintf(stderr, "pillars-cli kinds: no kind named \"%s\"\n", only->c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace pillars::cli
