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

}  // namespace pillars::cli
