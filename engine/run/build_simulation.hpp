#pragma once

#include <cstdint>
#include <memory>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/sim/network.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

/// Instantiates a validated scenario's components and links in a new simulation. Components get
/// ids in declaration order, links likewise, so ids in traces match the file. A kind with an
/// instanceCount builds that many components per scenario component (`web#1`...), and a link
/// touching them one link per pair of instances (see engine/run/instances.hpp).
std::unique_ptr<Simulation> buildSimulation(const Scenario& scenario,
                                            const ComponentRegistry& registry,
                                            std::uint64_t seed);

/// A link's engine configuration from its declared parameters.
LinkConfig linkConfigFromParams(const ParamSet& params);

}  // namespace pillars
