#pragma once

namespace pillars {

/// Bookkeeping a pillar keeps once per simulation rather than per component: the State
/// pillar's record of which version of each key was acknowledged, against which reads are
/// judged stale. Owned by the simulation (Simulation::extension<T>()), created by whoever
/// needs it first, and, like a group, untouched by crashes: it is the observer's truth, not
/// any process's memory.
class SimulationExtension {
 public:
  virtual ~SimulationExtension() = default;
};

}  // namespace pillars
