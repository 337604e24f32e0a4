// Fuzzes the history reader (`pillars-cli check-history`, docs/history-format.md) and what the
// command does with a history it accepts: check it for linearizability and explain the verdict.
// The search gets a smaller step budget than the command's default so one input stays cheap;
// a history that needs more is reported "too large", which is a path worth covering too.
#include <cstddef>
#include <cstdint>

#include "engine/io/history_reader.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace pillars;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const HistoryLoad load = readHistory(fuzz::asText(data, size), "fuzz.json");
  if (!load.ok()) return 0;
  lin::Limits limits;
  limits.maxSteps = 50'000;
  const lin::Result result = lin::check(*load.history, limits);
  const std::string explanation = explainCheck(load, result);
  if (explanation.empty()) fuzz::fail("a checked history has no explanation");
  return 0;
}
