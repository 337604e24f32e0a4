#pragma once

namespace pillars {

class ComponentRegistry;

/// Registers the State pillar's kinds: cache (more arrive with sharding and replication).
void registerStateKinds(ComponentRegistry& registry);

}  // namespace pillars
