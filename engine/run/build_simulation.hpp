#pragma once

#include <cstdint>
#include <memory>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/sim/network.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

/// Instantiates a validated scenario's components and links in a new simulation. Components get
/// ids in declaration order, links likewise, so ids in traces match the file.
std::unique_ptr<Simulation> buildSimulation(const Scenario& scenario,
                                            const ComponentRegistry& registry,
                                            std::uint64_t seed);

/// A link's engine configuration from its declared parameters.
LinkConfig linkConfigFromParams(const ParamSet& params);

}  // namespace pillars
