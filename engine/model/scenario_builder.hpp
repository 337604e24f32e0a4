#pragma once

#include <initializer_list>
#include <string>
#include <utility>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"

namespace pillars {

/// Builds scenarios in code (benchmarks, tests, templates) with parameters written exactly as
/// in scenario files, so they are validated by the same schema. Throws std::invalid_argument
/// naming the component and parameter when a value is wrong: a bug in the calling code.
class ScenarioBuilder {
 public:
  using Params = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  explicit ScenarioBuilder(std::string name, const ComponentRegistry& registry = builtinRegistry());

  ScenarioBuilder& component(const std::string& id, const std::string& kind, Params params = {});
  ScenarioBuilder& link(const std::string& from, const std::string& to, Params params = {});
  ScenarioBuilder& group(const std::string& id, const std::string& kind,
                         std::vector<std::string> members, const std::string& parent = "");
  ScenarioBuilder& fault(SimTime at, FaultAction action, const std::string& target);
  ScenarioBuilder& seed(std::uint64_t seed);
  ScenarioBuilder& duration(SimTime duration);
  ScenarioBuilder& warmup(SimTime warmup);
  ScenarioBuilder& metricsInterval(SimTime interval);

  const Scenario& scenario() const { return m_scenario; }
  Scenario build() const { return m_scenario; }

 private:
  const ComponentRegistry& m_registry;
  Scenario m_scenario;
};

}  // namespace pillars
