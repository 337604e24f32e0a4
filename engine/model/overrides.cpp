#include "engine/model/overrides.hpp"

namespace pillars {

namespace {

std::string setParam(ParamSet& params, std::string_view owner, std::string_view name,
                     std::string_view text) {
  const auto index = params.indexOf(name);
  if (!index) {
    std::string list;
    for (const auto& spec : params.specs()) list += (list.empty() ? "" : ", ") + spec.name;
    return std::string(owner) + " has no parameter \"" + std::string(name) +
           "\" (it has: " + list + ")";
  }
  std::string why;
  auto value = parseParamText(params.specs()[*index], text, &why);
  if (!value) return std::string(owner) + "." + std::string(name) + ": " + why;
  params.set(*index, std::move(*value));
  return {};
}

}  // namespace

std::string applyOverride(Scenario& scenario, std::string_view assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos) {
    return "expected ID.PARAM=VALUE, got \"" + std::string(assignment) + "\"";
  }
  const std::string_view target = assignment.substr(0, eq);
  const std::string_view text = assignment.substr(eq + 1);
  // Parameter names never contain dots; ids may, so split at the last one.
  const auto dot = target.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == target.size()) {
    return "expected ID.PARAM=VALUE, got \"" + std::string(assignment) + "\"";
  }
  const std::string id(target.substr(0, dot));
  const std::string_view param = target.substr(dot + 1);
  for (ComponentSpec& c : scenario.components) {
    if (c.id == id) return setParam(c.params, "component \"" + id + "\"", param, text);
  }
  for (LinkSpec& l : scenario.links) {
    if (l.id == id) return setParam(l.params, "link \"" + id + "\"", param, text);
  }
  return "no component or link has the id \"" + id + "\"";
}

}  // namespace pillars
