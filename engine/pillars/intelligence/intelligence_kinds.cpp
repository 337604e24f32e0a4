#include "engine/pillars/intelligence/intelligence_kinds.hpp"

#include "engine/model/kind_builder.hpp"
#include "engine/pillars/intelligence/autoscaler.hpp"
#include "engine/pillars/intelligence/chaos_monkey.hpp"
#include "engine/pillars/work/service.hpp"

namespace pillars {

void registerIntelligenceKinds(ComponentRegistry& registry) {
  ComponentKind autoscaler = kindFor<Autoscaler>(
      Pillar::Intelligence, "Autoscaler",
      "Changes a replica set's instance count with load (the Kubernetes HPA); link it to the service it scales");
  autoscaler.needsOutgoingLink = true;
  autoscaler.servesRequests = false;
  autoscaler.maxOutgoingLinks = 1;
  autoscaler.scalesTarget = true;
  autoscaler.pattern = KindPattern{"auto_scaling", "an autoscaler", "autoscalers", {}};
  autoscaler.outgoingKinds = {std::string(Service::kKind)};
  autoscaler.checkParams = &Autoscaler::checkParams;
  registry.add(std::move(autoscaler));

  ComponentKind chaos = kindFor<ChaosMonkey>(
      Pillar::Intelligence, "Chaos monkey",
      "Attacks what it is linked to at seeded random times (kills, latency, loss) and checks a steady-state hypothesis");
  chaos.needsOutgoingLink = true;
  chaos.servesRequests = false;
  chaos.attacksTarget = true;
  chaos.pattern = KindPattern{"chaos_engineering", "a chaos monkey", "chaos monkeys", {}};
  chaos.checkParams = &ChaosMonkey::checkParams;
  registry.add(std::move(chaos));
}

}  // namespace pillars
