#pragma once

namespace pillars {

class ComponentRegistry;

/// Registers the Work pillar's kinds: client, load_balancer, service, queue.
void registerWorkKinds(ComponentRegistry& registry);

}  // namespace pillars
