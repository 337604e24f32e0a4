#include "engine/pillars/truth/transaction_kinds.hpp"

#include "engine/model/component_kind.hpp"
#include "engine/pillars/truth/saga_orchestrator.hpp"
#include "engine/pillars/truth/saga_step.hpp"
#include "engine/pillars/truth/two_phase_coordinator.hpp"
#include "engine/pillars/truth/two_phase_participant.hpp"

namespace pillars {

namespace {

template <typename T>
ComponentKind kindOf(std::string name, std::string title, std::string description,
                     bool needsOutgoingLink) {
  ComponentKind k;
  k.name = std::move(name);
  k.title = std::move(title);
  k.pillar = Pillar::Truth;
  k.description = std::move(description);
  k.params = T::paramSpecs();
  k.needsOutgoingLink = needsOutgoingLink;
  k.create = [](const std::string& id, const ParamSet& params) -> std::unique_ptr<Component> {
    return std::make_unique<T>(id, params);
  };
  return k;
}

}  // namespace

void registerTransactionKinds(ComponentRegistry& registry) {
  registry.add(kindOf<TwoPhaseCoordinator>(
      "tpc_coordinator", "2PC coordinator",
      "Runs two-phase commit over its outgoing links; logs decisions and resends them after a "
      "restart",
      true));
  registry.add(kindOf<TwoPhaseParticipant>(
      "tpc_participant", "2PC participant",
      "Locks the key, votes, and holds the lock in doubt until the coordinator decides", false));
  registry.add(kindOf<SagaOrchestrator>(
      "saga_orchestrator", "Saga orchestrator",
      "Runs its outgoing links as saga steps in order; compensates done steps in reverse on a "
      "failure",
      true));
  registry.add(kindOf<SagaStepService>(
      "saga_step", "Saga step",
      "A service with a failure probability, a work time and a compensation time", false));
}

}  // namespace pillars
