#pragma once

namespace pillars {

class ComponentRegistry;

/// Registers the Intelligence pillar's kinds: autoscaler.
void registerIntelligenceKinds(ComponentRegistry& registry);

}  // namespace pillars
