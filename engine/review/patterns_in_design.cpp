#include "engine/review/patterns_in_design.hpp"

#include <algorithm>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/review/topology_analysis.hpp"
#include "engine/review/words.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

namespace {

std::vector<const ComponentSpec*> ofKind(const Scenario& s, const std::string& kind) {
  std::vector<const ComponentSpec*> out;
  for (const auto& c : s.components) {
    if (c.kind == kind) out.push_back(&c);
  }
  return out;
}

std::vector<std::string> idsOf(const std::vector<const ComponentSpec*>& components) {
  std::vector<std::string> out;
  for (const auto* c : components) out.push_back(c->id);
  return out;
}

std::size_t instanceCountOf(const ComponentSpec& c) {
  const ComponentKind& kind = kindTraits(c.kind);
  return kind.instanceCount ? kind.instanceCount(c.params) : 1;
}

/// One sentence per component of `kind` ("lb spreads requests over web1 and web2"), joined by
/// "; ", or empty when the design has none.
template <typename Describe>
std::string describeEach(const Scenario& s, const std::string& kind, Describe describe) {
  std::string out;
  for (const auto* c : ofKind(s, kind)) out += (out.empty() ? "" : "; ") + describe(*c);
  return out;
}

// Load Balancer: a balancer, and no service that a client calls directly. A design with a
// balancer somewhere but a service taking client traffic straight still lacks one where the
// pattern puts it (the recommender's apply hint names that service).
std::string loadBalancer(const Scenario& s, const TopologyAnalysis& a) {
  if (!a.entryServices.empty()) return {};
  return describeEach(s, "load_balancer", [&](const ComponentSpec& c) {
    const auto backends = s.targetsOf(c.id);
    return backends.empty() ? c.id + " balances nothing yet" : c.id + " spreads requests over " + listInWords(backends);
  });
}

// Caching: any cache; each is in front of what it caches.
std::string caching(const Scenario& s) {
  return describeEach(s, "cache", [&](const ComponentSpec& c) {
    const auto behind = s.targetsOf(c.id);
    return behind.empty() ? c.id + " caches with nothing behind it" : c.id + " in front of " + listInWords(behind);
  });
}

// Replication: every data store held more than once (the rule of the review's replication
// evidence: parallel copies behind one balancer or queue, a consensus or replica group, or a
// replica set of instances). One single copy left means the pattern is still to apply there.
std::string replication(const Scenario& s, const TopologyAnalysis& a) {
  if (a.replicaSets.empty()) return {};
  std::vector<std::string> sets;
  for (const auto& set : a.replicaSets) {
    const ComponentSpec* first = s.findComponent(set.members.front());
    const std::size_t copies = set.factor() >= 2 ? set.factor() : first ? instanceCountOf(*first) : 1;
    if (copies < 2) return {};
    sets.push_back(set.members.front() + " is held " + std::to_string(copies) + " times");
  }
  return listInWords(sets);
}

// Health Checks: every balancer checks its backends (none at all is no evidence either way).
std::string healthChecks(const Scenario& s) {
  const auto balancers = ofKind(s, "load_balancer");
  if (balancers.empty()) return {};
  std::vector<std::string> each;
  for (const auto* b : balancers) {
    const SimTime interval = b->params.duration("health_check_interval");
    if (interval <= 0) return {};
    each.push_back(b->id + " checks its backends every " + formatDuration(interval));
  }
  return listInWords(each);
}

// Circuit Breakers: every client that can have one has it switched on.
std::string circuitBreakers(const Scenario& s) {
  std::vector<std::string> with;
  for (const auto* c : ofKind(s, "client")) {
    if (!c->params.indexOf("circuit_breaker")) continue;
    if (!c->params.boolean("circuit_breaker")) return {};
    with.push_back(c->id);
  }
  if (with.empty()) return {};
  return listInWords(with) + (with.size() == 1 ? " calls" : " call") + " through circuit breakers";
}

/// Patterns that are a kind of component: present when one is drawn. `one` has its article.
std::string kindPresent(const Scenario& s, const std::string& kind, const std::string& one, const std::string& many) {
  const auto ids = idsOf(ofKind(s, kind));
  if (ids.empty()) return {};
  return listInWords(ids) + (ids.size() == 1 ? " is " + one : " are " + many);
}

}  // namespace

std::vector<PatternInDesign> patternsInDesign(const Scenario& scenario) {
  const TopologyAnalysis a = analyzeTopology(scenario);
  const std::pair<const char*, std::string> judged[] = {
      {"load_balancer", loadBalancer(scenario, a)},
      {"sharding", kindPresent(scenario, "shard_router", "a shard router", "shard routers")},
      {"replication", replication(scenario, a)},
      {"consensus_raft", kindPresent(scenario, "raft_node", "a Raft node", "Raft nodes")},
      {"caching", caching(scenario)},
      {"saga", kindPresent(scenario, "saga_orchestrator", "a saga orchestrator", "saga orchestrators")},
      {"two_phase_commit", kindPresent(scenario, "tpc_coordinator", "a two-phase commit coordinator",
                                         "two-phase commit coordinators")},
      {"health_checks", healthChecks(scenario)},
      {"circuit_breakers", circuitBreakers(scenario)},
      {"auto_scaling", kindPresent(scenario, "autoscaler", "an autoscaler", "autoscalers")},
      {"chaos_engineering", kindPresent(scenario, "chaos_monkey", "a chaos monkey", "chaos monkeys")},
  };
  std::vector<PatternInDesign> out;
  for (const auto& [id, where] : judged) {
    if (!where.empty()) out.push_back({id, where});
  }
  return out;
}

}  // namespace pillars::review
