#pragma once

#include <string>

#include "engine/model/scenario.hpp"

namespace pillars {

/// Writes a scenario as JSON in the format readScenario reads. Parameters left at their
/// defaults are omitted, so files stay short and pick up improved defaults.
std::string writeScenarioJson(const Scenario& scenario);

}  // namespace pillars
