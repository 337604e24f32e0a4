#include "engine/review/patterns_in_design.hpp"

#include <algorithm>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/review/topology_analysis.hpp"
#include "engine/review/words.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

namespace {

/// The components whose kind is the pattern `id`, and that kind's words (null when none).
std::vector<const ComponentSpec*> realizing(const Scenario& s, const std::string& id, const KindPattern** how) {
  std::vector<const ComponentSpec*> out;
  *how = nullptr;
  for (const auto& c : s.components) {
    const std::optional<KindPattern>& p = kindTraits(c.kind).pattern;
    if (!p || p->id != id) continue;
    out.push_back(&c);
    if (!*how) *how = &*p;
  }
  return out;
}

std::vector<std::string> idsOf(const std::vector<const ComponentSpec*>& components) {
  std::vector<std::string> out;
  for (const auto* c : components) out.push_back(c->id);
  return out;
}

/// Patterns that are a kind of component (KindPattern): present when one is drawn, said each
/// the kind's way or, when it has none, as "n1 and n2 are Raft nodes".
std::string kindPresent(const Scenario& s, const std::string& id) {
  const KindPattern* how = nullptr;
  const auto components = realizing(s, id, &how);
  if (components.empty()) return {};
  if (how->describe) {
    std::string out;
    for (const auto* c : components) out += (out.empty() ? "" : "; ") + how->describe(s, *c);
    return out;
  }
  const auto ids = idsOf(components);
  return listInWords(ids) + (ids.size() == 1 ? " is " + how->one : " are " + how->many);
}

// Load Balancer: a balancer, and no service that a client calls directly. A design with a
// balancer somewhere but a service taking client traffic straight still lacks one where the
// pattern puts it (the recommender's apply hint names that service).
std::string loadBalancer(const Scenario& s, const TopologyAnalysis& a) {
  if (!a.entryServices.empty()) return {};
  return kindPresent(s, "load_balancer");
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
  // The kinds that health-check what they call say so with this parameter (a balancer).
  std::vector<const ComponentSpec*> checkers;
  for (const auto& c : s.components) {
    if (c.params.indexOf("health_check_interval")) checkers.push_back(&c);
  }
  if (checkers.empty()) return {};
  std::vector<std::string> each;
  for (const auto* b : checkers) {
    const SimTime interval = b->params.duration("health_check_interval");
    if (interval <= 0) return {};
    each.push_back(b->id + " checks its backends every " + formatDuration(interval));
  }
  return listInWords(each);
}

// Circuit Breakers: every client that can have one has it switched on.
std::string circuitBreakers(const Scenario& s) {
  std::vector<std::string> with;
  for (const auto& c : s.components) {
    if (!isLoadGenerator(c.kind) || !c.params.indexOf("circuit_breaker")) continue;
    if (!c.params.boolean("circuit_breaker")) return {};
    with.push_back(c.id);
  }
  if (with.empty()) return {};
  return listInWords(with) + (with.size() == 1 ? " calls" : " call") + " through circuit breakers";
}

}  // namespace

std::vector<PatternInDesign> patternsInDesign(const Scenario& scenario) {
  const TopologyAnalysis a = analyzeTopology(scenario);
  const std::pair<const char*, std::string> judged[] = {
      {"load_balancer", loadBalancer(scenario, a)},
      {"sharding", kindPresent(scenario, "sharding")},
      {"replication", replication(scenario, a)},
      {"consensus_raft", kindPresent(scenario, "consensus_raft")},
      {"caching", kindPresent(scenario, "caching")},
      {"saga", kindPresent(scenario, "saga")},
      {"two_phase_commit", kindPresent(scenario, "two_phase_commit")},
      {"health_checks", healthChecks(scenario)},
      {"circuit_breakers", circuitBreakers(scenario)},
      {"auto_scaling", kindPresent(scenario, "auto_scaling")},
      {"chaos_engineering", kindPresent(scenario, "chaos_engineering")},
  };
  std::vector<PatternInDesign> out;
  for (const auto& [id, where] : judged) {
    if (!where.empty()) out.push_back({id, where});
  }
  return out;
}

}  // namespace pillars::review
