#include "engine/model/component_kind.hpp"

#include <algorithm>

#include "engine/pillars/intelligence/intelligence_kinds.hpp"
#include "engine/pillars/state/state_kinds.hpp"
#include "engine/pillars/truth/raft_kinds.hpp"
#include "engine/pillars/truth/transaction_kinds.hpp"
#include "engine/pillars/work/work_kinds.hpp"

namespace pillars {

std::string_view pillarName(Pillar pillar) {
  switch (pillar) {
    case Pillar::Work: return "work";
    case Pillar::State: return "state";
    case Pillar::Truth: return "truth";
    case Pillar::Control: return "control";
    case Pillar::Intelligence: return "intelligence";
  }
  return "work";
}

bool ComponentKind::acceptsAction(std::string_view action) const {
  return std::find(actions.begin(), actions.end(), action) != actions.end();
}

bool ComponentKind::acceptsFault(FaultAction action) const {
  return !faultIsKindAction(action) || acceptsAction(faultActionName(action));
}

std::string kindsAccepting(const ComponentRegistry& registry, FaultAction action) {
  std::vector<std::string> names;
  for (const auto& k : registry.kinds()) {
    if (k->acceptsFault(action)) names.push_back(k->name);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  }
  return out;
}

void ComponentRegistry::add(ComponentKind kind) {
  m_kinds.push_back(std::make_unique<ComponentKind>(std::move(kind)));
}

const ComponentKind* ComponentRegistry::find(std::string_view name) const {
  for (const auto& k : m_kinds) {
    if (k->name == name) return k.get();
  }
  return nullptr;
}

std::vector<std::string> ComponentRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& k : m_kinds) out.push_back(k->name);
  return out;
}

const ComponentRegistry& builtinRegistry() {
  static const ComponentRegistry registry = [] {
    ComponentRegistry r;
    registerWorkKinds(r);
    registerStateKinds(r);
    registerRaftKinds(r);
    registerTransactionKinds(r);
    registerIntelligenceKinds(r);
    return r;
  }();
  return registry;
}

const ComponentKind& kindTraits(std::string_view name) {
  static const ComponentKind plain;
  const ComponentKind* k = builtinRegistry().find(name);
  return k ? *k : plain;
}

std::size_t instanceCountOf(const ComponentSpec& component) {
  const ComponentKind& kind = kindTraits(component.kind);
  return kind.instanceCount ? kind.instanceCount(component.params) : 1;
}

bool isLoadGenerator(std::string_view name) { return kindTraits(name).measuresEndToEnd; }

std::int64_t largestKeySpace(const Scenario& s) {
  std::int64_t keys = 0;
  for (const ComponentSpec& c : s.components) {
    if (isLoadGenerator(c.kind) && c.params.indexOf("keys")) keys = std::max(keys, c.params.integer("keys"));
  }
  return keys;
}

const ComponentSpec* findCallerWith(const Scenario& s, std::string_view target, bool ComponentKind::*trait) {
  for (const LinkSpec& l : s.links) {
    if (l.to != target) continue;
    if (const ComponentSpec* from = s.findComponent(l.from); from && kindTraits(from->kind).*trait) return from;
  }
  return nullptr;
}

const std::vector<ParamSpec>& linkParamSpecs() {
  static const std::vector<ParamSpec> specs = {
      distributionParam("latency", Distribution::constant(0.001), Distribution::Dimension::Duration,
                        "s", "One-way delay of each message"),
      realParam("bandwidth_mbps", 0.0, 0.0, 1e9, "Mbit/s",
                "Capacity per direction; 0 means unlimited"),
      realParam("loss", 0.0, 0.0, 1.0, "probability", "Chance that a message is lost"),
      integerParam("weight", 1, 1, 1000000, "", "Share of traffic under weighted routing"),
  };
  return specs;
}

}  // namespace pillars
