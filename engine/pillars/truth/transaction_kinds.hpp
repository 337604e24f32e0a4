#pragma once

namespace pillars {

class ComponentRegistry;

/// Registers the Truth pillar's transaction kinds: two-phase commit (tpc_coordinator,
/// tpc_participant) and orchestrated sagas (saga_orchestrator, saga_step).
void registerTransactionKinds(ComponentRegistry& registry);

}  // namespace pillars
