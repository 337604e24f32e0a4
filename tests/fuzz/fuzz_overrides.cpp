// Fuzzes `--set` overrides (applyOverride) the way `pillars-cli simulate --set` uses them: on a
// bundled example, then a run. The input is text: the first line names the example
// ("three-tier", as in resources/examples/three-tier.json; anything else means three-tier),
// every further line is one ID.PARAM=VALUE assignment. When at least one assignment was
// accepted, the changed scenario must still be one the scenario reader accepts (an override
// must not get past a check a file would have to pass), and a short bounded run of it must
// not crash.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/model/overrides.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace pillars;

namespace {

const std::map<std::string, Scenario>& examples() {
  static const std::map<std::string, Scenario> loaded = [] {
    std::map<std::string, Scenario> out;
    for (const auto& entry : std::filesystem::directory_iterator(fuzz::sourceDir() + "/resources/examples")) {
      if (entry.path().extension() != ".json") continue;
      auto load = loadScenarioFile(entry.path().string(), builtinRegistry());
      if (!load.ok()) fuzz::fail("a bundled example does not load", entry.path().string());
      out.emplace(entry.path().stem().string(), std::move(*load.scenario));
    }
    if (out.find("three-tier") == out.end()) fuzz::fail("resources/examples/three-tier.json is missing");
    return out;
  }();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = fuzz::asText(data, size);
  const auto nextLine = [&text] {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    return line;
  };
  const auto found = examples().find(std::string(nextLine()));
  Scenario scenario = found != examples().end() ? found->second : examples().at("three-tier");

  bool changed = false;
  while (!text.empty()) {
    if (applyOverride(scenario, nextLine()).empty()) changed = true;
  }
  if (!changed) return 0;
  // pillars-cli refuses a changed design that breaks a rule across parameters or the fault
  // timeline (checkScenario), so only what it would run is run.
  if (!checkScenario(scenario, builtinRegistry()).empty()) return 0;
  const std::string saved = writeScenarioJson(scenario);
  const ScenarioLoad reread = readScenario(saved, "overridden.json", builtinRegistry());
  if (!reread.ok()) {
    fuzz::fail("--set made a scenario the reader refuses:\n" + formatDiagnostics(reread.errors), saved);
  }
  fuzz::runBounded(scenario);
  return 0;
}
