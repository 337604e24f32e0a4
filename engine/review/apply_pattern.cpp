#include "engine/review/apply_pattern.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/pillars/intelligence/intelligence_patterns.hpp"
#include "engine/pillars/state/state_kinds.hpp"
#include "engine/pillars/state/state_patterns.hpp"
#include "engine/pillars/work/load_balancer.hpp"
#include "engine/review/pattern_edits.hpp"
#include "engine/review/topology_analysis.hpp"

namespace pillars::review {
namespace {

std::string addCopy(Scenario& s, const std::string& target) {
  const ComponentSpec& original = *s.findComponent(target);
  if (isStore(s, target)) return addStoreReplica(s, target);  // one more linked peer
  const ComponentKind* kind = builtinRegistry().find(original.kind);
  if (kind && kind->peerGroupMin > 0) {
    return target + " is a " + original.kind +
           ": its members form a consensus group linked to each other, so add one by hand.";
  }
  std::vector<std::size_t> incoming = incomingLinks(s, target);
  const bool balanced = !incoming.empty() && std::all_of(incoming.begin(), incoming.end(), [&](std::size_t i) {
    const ComponentSpec* caller = s.findComponent(s.links[i].from);
    return caller && isAnyOfKind(caller->kind);
  });
  // Without a balancer or queue in front, every caller would call both copies (a service calls
  // all of its links), so one is put in front first.
  if (!balanced) {
    insertInFront(s, target, std::string(LoadBalancer::kKind), "-lb");
    incoming = incomingLinks(s, target);
  }
  const ComponentSpec copyOf = *s.findComponent(target);
  // "web1" -> "web4" (numbered like its siblings); "db" -> "db2": the second db, not "db1".
  const std::string id = numberedAfter(s, target);
  const auto at = positionOf(copyOf);
  ComponentSpec& copy = addComponent(s, copyOf.kind, id, target, {at.first, at.second + kStepDown});
  copy.params = copyOf.params;
  const std::vector<LinkSpec> links = s.links;  // addLink grows the list
  for (const LinkSpec& l : links) {
    if (l.from == target) addLink(s, id, l.to, &l.params);
  }
  for (std::size_t i : incoming) {
    const LinkSpec front = s.links[i];
    addLink(s, front.from, id, &front.params);
  }
  return {};
}

void insertFault(Scenario& s, FaultSpec fault) {
  // After every fault at the same time or earlier, as the editor's timeline keeps them.
  const auto it = std::upper_bound(s.faults.begin(), s.faults.end(), fault.at,
                                   [](SimTime at, const FaultSpec& f) { return at < f.at; });
  s.faults.insert(it, std::move(fault));
}

std::string apply(Scenario& s, const ApplyHint& hint) {
  const ComponentSpec* target = s.findComponent(hint.target);
  if (!target) return "No component \"" + hint.target + "\" to apply " + hint.action + " to.";
  if (hint.action == "add_load_balancer") {
    insertInFront(s, hint.target, std::string(LoadBalancer::kKind), "-lb");
    return {};
  }
  if (hint.action == "add_replica" || hint.action == "add_instance") return addCopy(s, hint.target);
  if (hint.action == "add_cache") return addCache(s, hint.target);
  if (hint.action == "enable_health_checks") {
    // The kinds that health-check what they call say so with these parameters.
    if (!target->params.indexOf("health_check_interval")) return hint.target + " is not a load balancer: only balancers run health checks.";
    ComponentSpec& lb = *findMutable(s, hint.target);
    const std::pair<const char*, ParamValue> values[] = {
        {"health_check_interval", ParamValue{std::int64_t{kSecond}}},
        {"health_check_timeout", ParamValue{std::int64_t{500 * kMillisecond}}},
        {"unhealthy_threshold", ParamValue{std::int64_t{2}}},
        {"healthy_threshold", ParamValue{std::int64_t{2}}}};
    for (const auto& [name, value] : values) lb.params.set(*lb.params.indexOf(name), value);
    return {};
  }
  if (hint.action == "enable_circuit_breakers") {
    const auto index = target->params.indexOf("circuit_breaker");
    if (!index) return hint.target + " is a " + target->kind + ": it has no circuit breaker to switch on.";
    // resilience4j's defaults, which the kind's own defaults already are.
    findMutable(s, hint.target)->params.set(*index, ParamValue{true});
    return {};
  }
  if (hint.action == "add_autoscaler") return addAutoscaler(s, *target);
  if (hint.action == "add_chaos_monkey") return addChaosMonkey(s, *target);
  if (hint.action == "add_crash_fault") {
    // A third of the way in, back at two thirds: the run shows before, during and after.
    insertFault(s, FaultSpec{s.duration / 3, FaultAction::Crash, hint.target, 0.0, 0});
    insertFault(s, FaultSpec{2 * (s.duration / 3), FaultAction::Restart, hint.target, 0.0, 0});
    return {};
  }
  if (hint.action == "shard") {
    if (isStore(s, hint.target)) return shardStore(s, hint.target);
    return "Only a store can be sharded automatically: how to split " + hint.target + "'s data (by key range, by "
           "hash, by tenant) is a design decision; draw a shard router and its shards by hand.";
  }
  return "Unknown apply action \"" + hint.action + "\".";
}

}  // namespace

std::string applyHint(Scenario& scenario, const ApplyHint& hint) {
  // Work on a copy so a refused action leaves the scenario exactly as it was.
  Scenario next = scenario;
  std::string error = apply(next, hint);
  if (error.empty()) scenario = std::move(next);
  return error;
}

std::string describeHint(const ApplyHint& hint) {
  const std::string& t = hint.target;
  if (hint.action == "add_load_balancer") return "add a load balancer in front of " + t;
  if (hint.action == "add_replica") return "add replica of " + t;
  if (hint.action == "add_instance") return "add instance of " + t;
  if (hint.action == "add_cache") return "add a cache in front of " + t;
  if (hint.action == "enable_health_checks") return "enable health checks on " + t;
  if (hint.action == "enable_circuit_breakers") return "switch on a circuit breaker on " + t;
  if (hint.action == "add_autoscaler") return "add an autoscaler to " + t;
  if (hint.action == "add_chaos_monkey") return "add a chaos monkey attacking " + t;
  if (hint.action == "add_crash_fault") return "crash " + t + " at 1/3 of the run, restart at 2/3";
  if (hint.action == "shard") return "shard " + t;
  return hint.action + " on " + t;
}

}  // namespace pillars::review
