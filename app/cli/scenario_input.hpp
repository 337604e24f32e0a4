#pragma once

#include <optional>
#include <string>

#include "engine/model/scenario.hpp"

namespace pillars::cli {

/// Loads a scenario for a command, printing every problem to stderr (prefixed with the
/// program name) when it cannot. Returns nothing on failure.
std::optional<Scenario> loadScenarioOrReport(const std::string& path);

}  // namespace pillars::cli
