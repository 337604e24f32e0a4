// Runs a short simulation of every scenario the reader accepts: whatever a file may say, the
// engine must not crash, hang or misbehave on it. Bounded (fuzz_support.hpp: components,
// simulated time, events) so that each input costs milliseconds, not minutes.
#include <cstddef>
#include <cstdint>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace pillars;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ScenarioLoad load = readScenario(fuzz::asText(data, size), "fuzz.json", builtinRegistry());
  if (load.ok()) fuzz::runBounded(*load.scenario);
  return 0;
}
