#include "app/cli/scenario_input.hpp"

#include <charconv>
#include <cstdio>

#include "engine/io/project_file.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/util/units.hpp"

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

std::optional<long long> parseDurationArg(const std::string& option, const std::string& text) {
  const auto d = parseDuration(text);
  if (!d) {
    std::fprintf(stderr,
                 "pillars-cli: %s expects a duration such as 500ms, 90s or 10m, got \"%s\"\n",
                 option.c_str(), text.c_str());
    return std::nullopt;
  }
  return *d;
}

}  // namespace pillars::cli

namespace pillars::cli {

std::optional<unsigned long long> parseCountArg(const std::string& option, const std::string& text,
                                                unsigned long long min, unsigned long long max) {
  unsigned long long value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < min || value > max) {
    std::fprintf(stderr, "pillars-cli: %s expects a whole number from %llu to %llu, got \"%s\"\n",
                 option.c_str(), min, max, text.c_str());
    return std::nullopt;
  }
  return value;
}

}  // namespace pillars::cli
