#pragma once

#include <string>
#include <string_view>

#include "engine/model/scenario.hpp"

namespace pillars {

/// Applies one `ID.PARAM=VALUE` assignment (as given to `--set`) to a component or link of the
/// scenario, validated against the parameter's schema. Returns an empty string on success,
/// otherwise a message saying what was wrong and what was expected.
std::string applyOverride(Scenario& scenario, std::string_view assignment);

}  // namespace pillars
