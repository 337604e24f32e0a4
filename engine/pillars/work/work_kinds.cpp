#include "engine/pillars/work/work_kinds.hpp"

#include "engine/model/component_kind.hpp"
#include "engine/pillars/work/broker.hpp"
#include "engine/pillars/work/client.hpp"
#include "engine/pillars/work/load_balancer.hpp"
#include "engine/pillars/work/service.hpp"

namespace pillars {

namespace {

template <typename T>
ComponentKind makeKind(std::string name, std::string title, std::string description) {
  ComponentKind k;
  k.name = std::move(name);
  k.title = std::move(title);
  k.pillar = Pillar::Work;
  k.description = std::move(description);
  k.params = T::paramSpecs();
  k.create = [](const std::string& id, const ParamSet& params) -> std::unique_ptr<Component> {
    return std::make_unique<T>(id, params);
  };
  return k;
}

}  // namespace

void registerWorkKinds(ComponentRegistry& registry) {
  ComponentKind client = makeKind<Client>(
      "client", "Client", "Generates requests: open-loop arrivals or closed-loop users");
  client.needsOutgoingLink = true;
  registry.add(std::move(client));
  ComponentKind balancer = makeKind<LoadBalancer>(
      "load_balancer", "Load balancer", "Spreads requests over healthy backends by a policy");
  balancer.needsOutgoingLink = true;
  registry.add(std::move(balancer));
  registry.add(makeKind<Service>("service", "Service",
                                 "Workers behind a FIFO queue; may call downstream services"));
  registry.add(makeKind<Broker>("queue", "Queue",
                                "Stores messages from producers and feeds them to consumers"));
}

}  // namespace pillars
