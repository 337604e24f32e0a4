#include "engine/pillars/work/work_kinds.hpp"

#include "engine/model/kind_builder.hpp"
#include "engine/pillars/work/broker.hpp"
#include "engine/pillars/work/client.hpp"
#include "engine/pillars/work/load_balancer.hpp"
#include "engine/pillars/work/service.hpp"

namespace pillars {

void registerWorkKinds(ComponentRegistry& registry) {
  ComponentKind client = kindFor<Client>(Pillar::Work, "Client",
                                         "Generates requests: open-loop arrivals or closed-loop users");
  client.needsOutgoingLink = true;
  client.measuresEndToEnd = true;
  registry.add(std::move(client));

  ComponentKind balancer = kindFor<LoadBalancer>(Pillar::Work, "Load balancer",
                                                 "Spreads requests over healthy backends by a policy");
  balancer.needsOutgoingLink = true;
  balancer.routing = Routing::AnyOf;
  registry.add(std::move(balancer));

  ComponentKind service = kindFor<Service>(Pillar::Work, "Service",
                                           "Workers behind a FIFO queue; may call downstream services");
  service.hasWorkers = true;
  service.hasQueue = true;
  // `replicas` identical instances, each a component of its own (web#1, web#2...).
  service.instanceCount = [](const ParamSet& p) { return static_cast<std::size_t>(p.integer("replicas")); };
  service.actions = {std::string(Service::kRolloutAction), std::string(Service::kRollbackAction),
                     std::string(Service::kScaleAction)};
  service.checkAction = &Service::checkAction;
  service.checkParams = &Service::checkParams;
  registry.add(std::move(service));

  ComponentKind queue = kindFor<Broker>(Pillar::Work, "Queue",
                                        "Stores messages from producers and feeds them to consumers");
  queue.routing = Routing::AnyOf;
  queue.hasQueue = true;
  registry.add(std::move(queue));
}

}  // namespace pillars
