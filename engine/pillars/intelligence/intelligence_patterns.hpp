#pragma once

#include <string>

namespace pillars {
struct ComponentSpec;
struct Scenario;
}  // namespace pillars

namespace pillars::review {

// The Intelligence pillar's edits for the review's "apply" (apply_pattern.hpp). Each returns
// what was wrong, or empty. `target` is a copy: adding a component may move every spec.

/// An autoscaler "<target>-autoscaler" (the HPA's defaults) linked to a replica set, between
/// half and twice (at least 10) its instances.
std::string addAutoscaler(Scenario& s, const ComponentSpec& target);
/// A chaos monkey "chaos-monkey" linked to the target, attacking from a quarter of the run with
/// the hypothesis "availability >= 99.9%".
std::string addChaosMonkey(Scenario& s, const ComponentSpec& target);

}  // namespace pillars::review
