#pragma once

#include <string>

namespace pillars {

class ComponentRegistry;
struct Scenario;

/// Registers the State pillar's kinds: cache (more arrive with sharding and replication).
void registerStateKinds(ComponentRegistry& registry);

/// Whether `id` is a store of the design (what the CAP experiment runs on, what a replica or a
/// shard is added to).
bool isStore(const Scenario& scenario, const std::string& id);

}  // namespace pillars
