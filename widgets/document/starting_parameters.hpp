#pragma once

#include "engine/model/scenario.hpp"

namespace pillars {

/// Gives a component just added in the editor (dropped from the palette) values that make a
/// design dropped together work: a client at a modest 50 req/s and services with 4 workers
/// (400 req/s of capacity at the default 10 ms), so client -> service runs at about 12% load
/// instead of one worker that the first higher rate overwhelms. The engine's own defaults stay
/// as they are (scenario files and pillars-cli keep their meaning); this is the editor's choice
/// for new cards only. Kinds without a sensible change are left at their defaults.
void applyStartingParameters(ComponentSpec& component);

}  // namespace pillars
