#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/model/scenario_builder.hpp"
#include "engine/run/build_simulation.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars::testing {

/// A simulation built from a scenario written in code, with the scenario's own seed.
inline std::unique_ptr<Simulation> build(const ScenarioBuilder& b) {
  return buildSimulation(b.scenario(), builtinRegistry(), b.scenario().seed);
}

inline const ComponentMetrics& metricsOf(Simulation& sim, const std::string& name) {
  return sim.findComponent(name)->metrics();
}

/// A kind-specific figure (ComponentResult extras); a test fails if the kind has none by that name.
inline double extra(const Component& c, const std::string& name) {
  for (const auto& e : c.extraMetrics(0)) {
    if (e.name == name) return e.value;
  }
  ADD_FAILURE() << c.name() << " has no extra metric " << name;
  return -1;
}

inline double extra(Simulation& sim, const std::string& component, const std::string& name) {
  return extra(*sim.findComponent(component), name);
}

}  // namespace pillars::testing
