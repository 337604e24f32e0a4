#include "tests/fuzz/fuzz_support.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "engine/io/results_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/run/stored_run.hpp"

namespace pillars::fuzz {

std::string sourceDir() { return PILLARS_SOURCE_DIR; }

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "\n*** fuzz oracle: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) std::fprintf(stderr, "%.*s\n", static_cast<int>(detail.size()), detail.data());
  std::abort();
}

bool runBounded(const Scenario& scenario) {
  if (scenario.components.size() > kMaxComponents) return false;
  // A shorter run of the same design: the warm-up shrinks with it, since a run that ends
  // inside its warm-up is refused by the CLI (`--until`) and measures nothing.
  Scenario small = scenario;
  const SimTime cap = kMaxSimSeconds * kSecond;
  if (small.duration > cap) {
    small.duration = cap;
    if (small.warmup >= small.duration) small.warmup = small.duration / 2;
  }
  ScenarioRunner runner(small, builtinRegistry());
  runner.advance(small.duration, kMaxEvents);
  const RunResults results = runner.results();
  // What a project stores after a run must read back (the review and the report read it).
  const StoredRun stored = storeRun(small, runner, results);
  std::string why;
  if (!readResultsJson(stored.summaryJson, &why)) fail("a run summary does not read back: " + why, stored.summaryJson);
  return true;
}

TempFile::TempFile(std::string_view suffix) {
  const char* dir = std::getenv("TMPDIR");
  m_path = std::string(dir && *dir ? dir : "/tmp") + "/pillars-fuzz-XXXXXX" + std::string(suffix);
  const int fd = ::mkstemps(m_path.data(), static_cast<int>(suffix.size()));
  if (fd < 0) fail("cannot create a temporary file", m_path);
  ::close(fd);
}

TempFile::~TempFile() { std::remove(m_path.c_str()); }

bool TempFile::write(std::string_view bytes) const {
  std::ofstream out(m_path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

}  // namespace pillars::fuzz
