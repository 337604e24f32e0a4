#include "engine/pillars/work/work_kinds.hpp"

#include "engine/model/kind_builder.hpp"
#include "engine/model/scenario.hpp"
#include "engine/pillars/work/broker.hpp"
#include "engine/pillars/work/client.hpp"
#include "engine/pillars/work/load_balancer.hpp"
#include "engine/pillars/work/service.hpp"
#include "engine/review/words.hpp"

namespace pillars {

namespace {

/// What an open-loop client sends on average, requests per second; a closed loop waits for its
/// answers, so only a run can tell its rate.
double meanClientRate(const ParamSet& p) {
  if (p.choice("mode") != "open") return 0.0;
  const double rate = p.real("rate");
  if (p.choice("arrival") == "on_off") {
    const double on = p.distribution("on_time").mean();
    const double off = p.distribution("off_time").mean();
    return on + off > 0 ? rate * on / (on + off) : rate;
  }
  return rate;
}

}  // namespace

void registerWorkKinds(ComponentRegistry& registry) {
  ComponentKind client = kindFor<Client>(Pillar::Work, "Client",
                                         "Generates requests: open-loop arrivals or closed-loop users");
  client.needsOutgoingLink = true;
  client.measuresEndToEnd = true;
  client.meanSendRate = meanClientRate;
  client.passesLoad = LoadPassing{};  // spread over its links in turn
  registry.add(std::move(client));

  ComponentKind balancer = kindFor<LoadBalancer>(Pillar::Work, "Load balancer",
                                                 "Spreads requests over healthy backends by a policy");
  balancer.needsOutgoingLink = true;
  balancer.routing = Routing::AnyOf;
  balancer.pattern = KindPattern{"load_balancer", "a load balancer", "load balancers",
                                 [](const Scenario& s, const ComponentSpec& c) {
                                   const auto backends = s.targetsOf(c.id);
                                   return backends.empty() ? c.id + " balances nothing yet"
                                                           : c.id + " spreads requests over " + review::listInWords(backends);
                                 }};
  balancer.passesLoad = LoadPassing{
      .byLinkWeight = [](const ParamSet& p) { return p.choice("policy") == "weighted_round_robin"; }};
  registry.add(std::move(balancer));

  ComponentKind service = kindFor<Service>(Pillar::Work, "Service",
                                           "Workers behind a FIFO queue; may call downstream services");
  service.hasWorkers = true;
  service.hasQueue = true;
  service.passesLoad = LoadPassing{.fanOut = true};  // each request calls every downstream
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
  queue.passesLoad = LoadPassing{};  // each message to one consumer
  registry.add(std::move(queue));
}

}  // namespace pillars
