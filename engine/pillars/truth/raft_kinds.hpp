#pragma once

namespace pillars {

class ComponentRegistry;

/// Registers the Truth pillar's consensus kinds: raft_node.
void registerRaftKinds(ComponentRegistry& registry);

}  // namespace pillars
