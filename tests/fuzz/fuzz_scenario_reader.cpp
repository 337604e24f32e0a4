// Fuzzes the scenario reader (readScenario). Beyond "never crash": a scenario it accepts must
// survive a save and reopen unchanged, since the app saves projects with the scenario writer
// and a project that saves but does not open again is a lost project.
#include <cstddef>
#include <cstdint>

#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/component_kind.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace pillars;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ScenarioLoad load = readScenario(fuzz::asText(data, size), "fuzz.json", builtinRegistry());
  if (!load.ok()) return 0;
  const std::string saved = writeScenarioJson(*load.scenario);
  const ScenarioLoad reopened = readScenario(saved, "saved.json", builtinRegistry());
  if (!reopened.ok()) {
    fuzz::fail("an accepted scenario, written back, is refused by the reader:\n" +
                   formatDiagnostics(reopened.errors),
               saved);
  }
  if (writeScenarioJson(*reopened.scenario) != saved) {
    fuzz::fail("an accepted scenario changes when written, read and written again", saved);
  }
  return 0;
}
