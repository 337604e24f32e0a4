#include "engine/model/scenario.hpp"

#include <algorithm>
#include <initializer_list>

namespace pillars {

std::string_view faultActionName(FaultAction action) {
  switch (action) {
    case FaultAction::Crash: return "crash";
    case FaultAction::Restart: return "restart";
    case FaultAction::Cut: return "cut";
    case FaultAction::Heal: return "heal";
    case FaultAction::Slow: return "slow";
    case FaultAction::Delay: return "delay";
    case FaultAction::Loss: return "loss";
    case FaultAction::Timeout: return "timeout";
    case FaultAction::Failover: return "failover";
    case FaultAction::AddShard: return "add_shard";
    case FaultAction::RemoveShard: return "remove_shard";
    case FaultAction::Rollout: return "rollout";
    case FaultAction::Rollback: return "rollback";
    case FaultAction::Scale: return "scale";
  }
  return "crash";
}

std::optional<FaultAction> faultActionFromName(std::string_view name) {
  for (const FaultAction a : {FaultAction::Crash, FaultAction::Restart, FaultAction::Cut,
                              FaultAction::Heal, FaultAction::Slow, FaultAction::Delay,
                              FaultAction::Loss, FaultAction::Timeout, FaultAction::Failover,
                              FaultAction::AddShard, FaultAction::RemoveShard, FaultAction::Rollout,
                              FaultAction::Rollback, FaultAction::Scale}) {
    if (faultActionName(a) == name) return a;
  }
  return std::nullopt;
}

bool faultTargetsLink(FaultAction action) {
  switch (action) {
    case FaultAction::Cut:
    case FaultAction::Heal:
    case FaultAction::Delay:
    case FaultAction::Loss: return true;
    case FaultAction::Crash:
    case FaultAction::Restart:
    case FaultAction::Slow:
    case FaultAction::Timeout:
    case FaultAction::Failover:
    case FaultAction::AddShard:
    case FaultAction::RemoveShard:
    case FaultAction::Rollout:
    case FaultAction::Rollback:
    case FaultAction::Scale: return false;
  }
  return false;
}

bool faultIsKindAction(FaultAction action) {
  return action == FaultAction::Timeout || action == FaultAction::Failover || action == FaultAction::AddShard ||
         action == FaultAction::RemoveShard || action == FaultAction::Rollout || action == FaultAction::Rollback ||
         action == FaultAction::Scale;
}

std::string_view faultValueField(FaultAction action) {
  switch (action) {
    case FaultAction::Slow: return "factor";
    case FaultAction::Delay: return "latency";
    case FaultAction::Loss: return "probability";
    case FaultAction::Scale: return "replicas";
    case FaultAction::Crash:
    case FaultAction::Restart:
    case FaultAction::Cut:
    case FaultAction::Heal:
    case FaultAction::Timeout:
    case FaultAction::Failover:
    case FaultAction::AddShard:
    case FaultAction::RemoveShard:
    case FaultAction::Rollout:
    case FaultAction::Rollback: return "";
  }
  return "";
}

const ComponentSpec* Scenario::findComponent(std::string_view id) const {
  for (const auto& c : components) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const LinkSpec* Scenario::findLink(std::string_view id) const {
  for (const auto& l : links) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

const GroupSpec* Scenario::findGroup(std::string_view id) const {
  for (const auto& g : groups) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

std::vector<const ComponentSpec*> Scenario::componentsOfKind(std::string_view kind) const {
  std::vector<const ComponentSpec*> out;
  for (const ComponentSpec& c : components) {
    if (c.kind == kind) out.push_back(&c);
  }
  return out;
}

std::vector<std::string> Scenario::targetsOf(std::string_view id) const {
  std::vector<std::string> out;
  for (const LinkSpec& l : links) {
    if (l.from == id) out.push_back(l.to);
  }
  return out;
}

std::vector<std::string> Scenario::groupMembers(std::string_view groupId) const {
  std::vector<std::string> out;
  std::vector<std::string_view> pending{groupId};
  std::vector<std::string_view> seen;
  while (!pending.empty()) {
    const std::string_view id = pending.back();
    pending.pop_back();
    // Guards against cycles in hand-written files; the reader rejects them anyway.
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    seen.push_back(id);
    const GroupSpec* g = findGroup(id);
    if (!g) continue;
    for (const auto& m : g->members) {
      if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    }
    for (const auto& child : groups) {
      if (child.parent == id) pending.push_back(child.id);
    }
  }
  return out;
}

}  // namespace pillars
