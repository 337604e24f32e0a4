#include "engine/model/scenario_builder.hpp"

#include <stdexcept>

namespace pillars {

namespace {

void applyParams(ParamSet& set, const std::string& owner, ScenarioBuilder::Params params) {
  for (const auto& [name, text] : params) {
    const auto index = set.indexOf(name);
    if (!index) throw std::invalid_argument(owner + " has no parameter " + std::string(name));
    std::string why;
    auto value = parseParamText(set.specs()[*index], text, &why);
    if (!value) throw std::invalid_argument(owner + "." + std::string(name) + ": " + why);
    set.set(*index, std::move(*value));
  }
}

}  // namespace

ScenarioBuilder::ScenarioBuilder(std::string name, const ComponentRegistry& registry)
    : m_registry(registry) {
  m_scenario.name = std::move(name);
}

ScenarioBuilder& ScenarioBuilder::component(const std::string& id, const std::string& kind,
                                            Params params) {
  const ComponentKind* k = m_registry.find(kind);
  if (!k) throw std::invalid_argument("unknown component kind " + kind);
  ComponentSpec c;
  c.id = id;
  c.kind = kind;
  c.params = ParamSet(k->params);
  applyParams(c.params, id, params);
  m_scenario.components.push_back(std::move(c));
  return *this;
}

ScenarioBuilder& ScenarioBuilder::link(const std::string& from, const std::string& to,
                                       Params params) {
  LinkSpec l;
  l.id = from + "->" + to;
  l.from = from;
  l.to = to;
  l.params = ParamSet(linkParamSpecs());
  applyParams(l.params, l.id, params);
  m_scenario.links.push_back(std::move(l));
  return *this;
}

ScenarioBuilder& ScenarioBuilder::group(const std::string& id, const std::string& kind,
                                        std::vector<std::string> members,
                                        const std::string& parent) {
  m_scenario.groups.push_back(GroupSpec{id, kind, "", std::move(members), parent});
  return *this;
}

ScenarioBuilder& ScenarioBuilder::fault(SimTime at, FaultAction action, const std::string& target) {
  m_scenario.faults.push_back(FaultSpec{at, action, target});
  return *this;
}

ScenarioBuilder& ScenarioBuilder::seed(std::uint64_t seed) {
  if (seed > 9223372036854775807ull) {
    throw std::invalid_argument("seeds run from 0 to 2^63 - 1 (what a scenario file holds)");
  }
  m_scenario.seed = seed;
  return *this;
}
ScenarioBuilder& ScenarioBuilder::duration(SimTime duration) {
  m_scenario.duration = duration;
  return *this;
}
ScenarioBuilder& ScenarioBuilder::warmup(SimTime warmup) {
  m_scenario.warmup = warmup;
  return *this;
}
ScenarioBuilder& ScenarioBuilder::metricsInterval(SimTime interval) {
  m_scenario.metricsInterval = interval;
  return *this;
}

}  // namespace pillars
