#pragma once

#include "engine/model/scenario.hpp"

namespace pillars {

/// Gives a component just added in the editor (dropped from the palette) the values its kind's
/// UI starts it with (KindUi::startingValues: a client at a modest 50 req/s, services with 4
/// workers), so a design dropped together works. The engine's own defaults stay as they are
/// (scenario files and pillars-cli keep their meaning); this is the editor's choice for new
/// cards only. Kinds without a sensible change are left at their defaults.
void applyStartingParameters(ComponentSpec& component);

}  // namespace pillars
