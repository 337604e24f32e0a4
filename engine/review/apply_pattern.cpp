#include "engine/review/apply_pattern.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <utility>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/model/scenario_edits.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/review/topology_analysis.hpp"

namespace pillars::review {
namespace {

// Cards are 200 x 64 scene units centred on their position (widgets/canvas/node_item.hpp);
// new cards keep this much room so they never overlap a card already drawn.
constexpr double kCardRoomX = 220.0;
constexpr double kCardRoomY = 90.0;
constexpr double kStepDown = 110.0;

ComponentSpec* findMutable(Scenario& s, const std::string& id) {
  for (auto& c : s.components) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

/// `base` itself when free ("web-lb"), else numbered like the editor numbers ("web-lb2").
std::string idFor(const Scenario& s, const std::string& base) {
  return isValidId(base) && !idInUse(s, base) ? base : freshId(s, base);
}

/// The first place at or below (x, y) where a card fits without touching another.
std::pair<double, double> freeSpot(const Scenario& s, double x, double y) {
  for (;;) {
    const bool taken = std::any_of(s.components.begin(), s.components.end(), [&](const ComponentSpec& c) {
      return c.position && std::abs(c.position->first - x) < kCardRoomX &&
             std::abs(c.position->second - y) < kCardRoomY;
    });
    if (!taken) return {x, y};
    y += kStepDown;
  }
}

std::pair<double, double> positionOf(const ComponentSpec& c) {
  return c.position.value_or(std::make_pair(0.0, 0.0));
}

/// A component of `kind` at its defaults, in the target's group, at a free spot near (x, y).
ComponentSpec& addComponent(Scenario& s, const std::string& kind, const std::string& id, const std::string& beside,
                            std::pair<double, double> near) {
  ComponentSpec c;
  c.id = id;
  c.kind = kind;
  c.params = ParamSet(builtinRegistry().find(kind)->params);
  c.position = freeSpot(s, near.first, near.second);
  s.components.push_back(std::move(c));
  // Same group as the component it serves: a balancer or cache sits with its backend.
  const std::string group = directGroupOf(s, beside);
  if (!group.empty()) assignToGroup(s, {id}, group);
  return s.components.back();
}

void addLink(Scenario& s, const std::string& from, const std::string& to, const ParamSet* like) {
  LinkSpec l;
  l.from = from;
  l.to = to;
  l.id = idFor(s, defaultLinkId(from, to));
  l.params = like ? *like : ParamSet(linkParamSpecs());
  s.links.push_back(std::move(l));
}

/// Points link `index` at `to`. A link named by default ("a->b") is renamed with its end, and
/// faults aimed at it follow the new name.
void redirect(Scenario& s, std::size_t index, const std::string& to) {
  LinkSpec& l = s.links[index];
  const std::string oldId = l.id;
  const bool defaultNamed = oldId == defaultLinkId(l.from, l.to);
  l.to = to;
  if (!defaultNamed) return;
  l.id.clear();  // so idFor does not see the old name as taken by this very link
  const std::string newId = idFor(s, defaultLinkId(l.from, to));
  s.links[index].id = newId;
  for (auto& f : s.faults) {
    if (faultTargetsLink(f.action) && f.target == oldId) f.target = newId;
  }
}

std::vector<std::size_t> incomingLinks(const Scenario& s, const std::string& target) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.links.size(); ++i) {
    if (s.links[i].to == target) out.push_back(i);
  }
  return out;
}

/// Puts a new component of `kind` between the target and everything that calls it: the
/// callers' links now end at it, and it calls the target. Returns its id.
std::string insertInFront(Scenario& s, const std::string& target, const std::string& kind,
                          const std::string& suffix) {
  const std::vector<std::size_t> incoming = incomingLinks(s, target);
  const auto at = positionOf(*s.findComponent(target));
  // Half-way from the first caller, so the new card reads as "in front of" the target.
  std::pair<double, double> near{at.first - kCardRoomX, at.second};
  if (!incoming.empty()) {
    if (const ComponentSpec* caller = s.findComponent(s.links[incoming.front()].from); caller && caller->position) {
      near = {(caller->position->first + at.first) / 2, (caller->position->second + at.second) / 2};
    }
  }
  const std::string id = idFor(s, target + suffix);
  addComponent(s, kind, id, target, near);
  for (std::size_t i : incoming) redirect(s, i, id);
  addLink(s, id, target, nullptr);
  return id;
}

/// The next free id numbered after `target`: "web1" -> "web4" (after its siblings), "db" -> "db2".
std::string numberedAfter(const Scenario& s, const std::string& target) {
  std::string base = target;
  while (!base.empty() && base.back() >= '0' && base.back() <= '9') base.pop_back();
  std::string id;
  if (base == target) {
    for (int n = 2; id.empty() || idInUse(s, id) || !isValidId(id); ++n) id = target + std::to_string(n);
  } else {
    id = freshId(s, base.empty() ? target : base);
  }
  return id;
}

/// A replica of a store is one more member of its replica set: a store with the same
/// settings, linked as a peer to every member, taking the set's writes from its leader (or
/// its coordinators) and caught up from a copy. Callers keep calling the set as before.
std::string addStoreReplica(Scenario& s, const std::string& target) {
  const std::vector<std::string> set = peerSetOf(analyzeTopology(s), target);
  const ComponentSpec copyOf = *s.findComponent(target);
  const std::string id = numberedAfter(s, target);
  const auto at = positionOf(copyOf);
  ComponentSpec& replica = addComponent(s, std::string(Store::kKind), id, target, {at.first + kCardRoomX, at.second + kStepDown});
  replica.params = copyOf.params;
  for (const std::string& member : set) addLink(s, member, id, nullptr);
  return {};
}

/// Sharding one store: a shard router in front of it (its callers now call the router), and a
/// second store of the same settings as the other shard, keys spread by consistent hashing
/// (adding a shard later moves about 1/n of them). The router's key space is the callers'.
std::string shardStore(Scenario& s, const std::string& target) {
  if (peerSetOf(analyzeTopology(s), target).size() > 1) {
    return target + " is one replica of a replica set: shard the set by hand, each shard a set of its own.";
  }
  for (std::size_t i : incomingLinks(s, target)) {
    const ComponentSpec* caller = s.findComponent(s.links[i].from);
    if (caller && caller->kind == "shard_router") return target + " is already a shard of " + caller->id + ".";
  }
  // The clients' key space (a cache may stand between them and the store).
  std::int64_t keys = 1;
  for (const ComponentSpec& c : s.components) {
    if (c.kind == "client") keys = std::max(keys, c.params.integer("keys"));
  }
  const std::string router = insertInFront(s, target, "shard_router", "-router");
  ComponentSpec& r = *findMutable(s, router);
  r.params.set(*r.params.indexOf("strategy"), ParamValue{std::string("consistent_hash")});
  r.params.set(*r.params.indexOf("keys"), ParamValue{keys});
  const ComponentSpec copyOf = *s.findComponent(target);
  const std::string id = numberedAfter(s, target);
  const auto at = positionOf(copyOf);
  ComponentSpec& shard = addComponent(s, std::string(Store::kKind), id, target, {at.first, at.second + kStepDown});
  shard.params = copyOf.params;
  addLink(s, router, id, nullptr);
  return {};
}

std::string addCopy(Scenario& s, const std::string& target) {
  const ComponentSpec& original = *s.findComponent(target);
  if (original.kind == Store::kKind) return addStoreReplica(s, target);
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
    insertInFront(s, target, "load_balancer", "-lb");
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

/// A new component of `kind` below `target`, linked to it, with some parameters set. `target`
/// is a copy: adding a component may move every ComponentSpec, and their ids with them.
void addController(Scenario& s, const std::string& kind, const std::string& id, const std::string target,
                   std::initializer_list<std::pair<const char*, ParamValue>> values) {
  const auto at = positionOf(*s.findComponent(target));
  ComponentSpec& c = addComponent(s, kind, idFor(s, id), target, {at.first, at.second + kStepDown});
  for (const auto& [name, value] : values) c.params.set(*c.params.indexOf(name), value);
  addLink(s, c.id, target, nullptr);
}

std::string addAutoscaler(Scenario& s, const ComponentSpec& target) {
  const ComponentKind& kind = kindTraits(target.kind);
  if (!kind.instanceCount) return target.id + " is a " + target.kind + ": only a service's replica set can be autoscaled.";
  if (const ComponentSpec* scaler = s.findCaller("autoscaler", target.id)) {
    return target.id + " is already scaled by " + scaler->id + ".";
  }
  // Room both ways around the count the design was sized for: down to half (the saving an
  // autoscaler is for), up to twice or ten, whichever is more. The HPA's defaults otherwise.
  const auto current = static_cast<std::int64_t>(kind.instanceCount(target.params));
  addController(s, "autoscaler", target.id + "-autoscaler", target.id,
                {{"min_replicas", ParamValue{std::max<std::int64_t>(1, (current + 1) / 2)}},
                 {"max_replicas", ParamValue{std::max<std::int64_t>(10, 2 * current)}}});
  return {};
}

std::string addChaosMonkey(Scenario& s, const ComponentSpec& target) {
  if (!kindTraits(target.kind).servesRequests || target.kind == "client") {
    return target.id + " is a " + target.kind + ": a chaos monkey attacks what serves requests.";
  }
  if (const ComponentSpec* monkey = s.findCaller("chaos_monkey", target.id)) {
    return target.id + " is already attacked by " + monkey->id + ".";
  }
  // A quarter of the run measured undisturbed first, then kills; the steady state the seed
  // asks most designs for (three nines) is the hypothesis, so the verdict says something.
  addController(s, "chaos_monkey", "chaos-monkey", target.id,
                {{"start", ParamValue{std::int64_t{s.duration / 4}}},
                 {"hypothesis_availability", ParamValue{99.9}}});
  return {};
}

std::string apply(Scenario& s, const ApplyHint& hint) {
  const ComponentSpec* target = s.findComponent(hint.target);
  if (!target) return "No component \"" + hint.target + "\" to apply " + hint.action + " to.";
  if (hint.action == "add_load_balancer") {
    insertInFront(s, hint.target, "load_balancer", "-lb");
    return {};
  }
  if (hint.action == "add_replica" || hint.action == "add_instance") return addCopy(s, hint.target);
  if (hint.action == "add_cache") {
    for (std::size_t i : incomingLinks(s, hint.target)) {
      const ComponentSpec* caller = s.findComponent(s.links[i].from);
      if (caller && caller->kind == "cache") return hint.target + " already has a cache in front (" + caller->id + ").";
    }
    insertInFront(s, hint.target, "cache", "-cache");
    return {};
  }
  if (hint.action == "enable_health_checks") {
    if (target->kind != "load_balancer") return hint.target + " is not a load balancer: only balancers run health checks.";
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
    if (target->kind == Store::kKind) return shardStore(s, hint.target);
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
