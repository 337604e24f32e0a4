#include "engine/pillars/truth/transaction_kinds.hpp"

#include "engine/model/kind_builder.hpp"
#include "engine/pillars/truth/saga_orchestrator.hpp"
#include "engine/pillars/truth/saga_step.hpp"
#include "engine/pillars/truth/two_phase_coordinator.hpp"
#include "engine/pillars/truth/two_phase_participant.hpp"

namespace pillars {

void registerTransactionKinds(ComponentRegistry& registry) {
  ComponentKind coordinator = kindFor<TwoPhaseCoordinator>(
      Pillar::Truth, "2PC coordinator",
      "Runs two-phase commit over its outgoing links; logs decisions and resends them after a restart");
  coordinator.needsOutgoingLink = true;
  coordinator.pattern = KindPattern{"two_phase_commit", "a two-phase commit coordinator", "two-phase commit coordinators", {}};
  registry.add(std::move(coordinator));
  registry.add(kindFor<TwoPhaseParticipant>(
      Pillar::Truth, "2PC participant",
      "Locks the key, votes, and holds the lock in doubt until the coordinator decides"));
  ComponentKind orchestrator = kindFor<SagaOrchestrator>(
      Pillar::Truth, "Saga orchestrator",
      "Runs its outgoing links as saga steps in order; compensates done steps in reverse on a failure");
  orchestrator.needsOutgoingLink = true;
  orchestrator.pattern = KindPattern{"saga", "a saga orchestrator", "saga orchestrators", {}};
  registry.add(std::move(orchestrator));
  registry.add(kindFor<SagaStepService>(
      Pillar::Truth, "Saga step", "A service with a failure probability, a work time and a compensation time"));
}

}  // namespace pillars
