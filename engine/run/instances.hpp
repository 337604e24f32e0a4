#pragma once
// One scenario component may stand for several engine components: the instances of a replica
// set. They are named `<id>#<k>` ('#' never appears in a scenario id), and the links of a
// scenario link that joins them `<link id>#<k>`, so every engine name maps back to what the
// user drew. Instances added while running take the next number; a number is never reused.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sim/ids.hpp"

namespace pillars {

class Component;
class Simulation;

/// "web", 3 -> "web#3".
std::string instanceName(std::string_view id, std::size_t k);
/// The scenario id an engine component or link name stands for: "web#3" -> "web",
/// "lb->web#2" -> "lb->web", "db" -> "db".
std::string_view scenarioIdOf(std::string_view engineName);
/// The instance number of an engine name, or 0 for a plain name.
std::size_t instanceNumberOf(std::string_view engineName);

/// The engine components standing for scenario component `id` now (removed ones left out), in
/// id order: the one named `id`, or its instances.
std::vector<ComponentId> instancesOf(const Simulation& sim, std::string_view id);
/// Likewise for the engine links standing for scenario link `id`.
std::vector<LinkId> linksOf(const Simulation& sim, std::string_view id);

/// The name the next instance of scenario component `id` takes: one past the highest number any
/// instance ever had (removed ones included), so a number is never reused.
std::string nextInstanceName(const Simulation& sim, std::string_view id);
/// Adds `component` (named by nextInstanceName) as one more instance beside `like`: it gets a
/// copy of every link `like` has now, in both directions and with the same configuration, each
/// named after its scenario link with that link's next number. It starts at once when the run
/// is under way; a balancer in front takes it into rotation (Component::onLinkAdded).
ComponentId addInstanceLike(Simulation& sim, ComponentId like, std::unique_ptr<Component> component);

}  // namespace pillars
