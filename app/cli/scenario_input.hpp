#pragma once

#include <optional>
#include <string>

#include "engine/model/scenario.hpp"

namespace pillars::cli {

/// Loads a scenario for a command, printing every problem to stderr (prefixed with the
/// program name) when it cannot. Returns nothing on failure.
std::optional<Scenario> loadScenarioOrReport(const std::string& path);

/// Parses a duration argument such as "90s"; prints a usage error when it is not one.
std::optional<long long> parseDurationArg(const std::string& option, const std::string& text);

/// Parses a whole decimal number in [min, max] (no sign, spaces or trailing characters);
/// prints a usage error naming the option when it is not one.
std::optional<unsigned long long> parseCountArg(const std::string& option, const std::string& text,
                                                unsigned long long min, unsigned long long max);

}  // namespace pillars::cli
