#pragma once

#include <cstdint>

namespace pillars {

/// Index of a component in its Simulation; stable for the life of the run.
using ComponentId = std::uint32_t;
/// Index of a link in its Network; stable for the life of the run.
using LinkId = std::uint32_t;

inline constexpr ComponentId kNoComponent = ~ComponentId{0};
inline constexpr LinkId kNoLink = ~LinkId{0};

}  // namespace pillars
