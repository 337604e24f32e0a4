#include "engine/io/scenario_writer.hpp"

#include "engine/io/json_writer.hpp"
#include "engine/util/units.hpp"

namespace pillars {

namespace {

void writeParams(JsonWriter& w, const ParamSet& params) {
  bool any = false;
  for (std::size_t i = 0; i < params.specs().size(); ++i) {
    if (!params.isDefault(i)) any = true;
  }
  if (!any) return;
  w.key("params");
  w.beginObject();
  for (std::size_t i = 0; i < params.specs().size(); ++i) {
    if (params.isDefault(i)) continue;
    const ParamSpec& spec = params.specs()[i];
    const ParamValue& v = params.value(i);
    w.key(spec.name);
    switch (spec.type) {
      case ParamType::Integer: w.value(std::get<std::int64_t>(v)); break;
      case ParamType::Real: w.value(std::get<double>(v)); break;
      case ParamType::Boolean: w.value(std::get<bool>(v)); break;
      default: w.value(formatParamValue(spec, v)); break;
    }
  }
  w.endObject();
}

}  // namespace

std::string writeScenarioJson(const Scenario& s) {
  JsonWriter w(2);
  w.beginObject();
  w.key("format");
  w.value("pillars-scenario");
  w.key("version");
  w.value(Scenario::kFormatVersion);
  if (!s.name.empty()) {
    w.key("name");
    w.value(s.name);
  }
  if (!s.description.empty()) {
    w.key("description");
    w.value(s.description);
  }
  w.key("seed");
  w.value(s.seed);
  w.key("duration");
  w.value(formatDuration(s.duration));
  if (s.warmup > 0) {
    w.key("warmup");
    w.value(formatDuration(s.warmup));
  }
  w.key("metrics");
  w.beginObject();
  w.key("interval");
  w.value(formatDuration(s.metricsInterval));
  w.endObject();

  w.key("components");
  w.beginArray();
  for (const ComponentSpec& c : s.components) {
    w.beginObject();
    w.key("id");
    w.value(c.id);
    w.key("kind");
    w.value(c.kind);
    writeParams(w, c.params);
    if (c.position) {
      w.key("position");
      w.beginArray();
      w.value(c.position->first);
      w.value(c.position->second);
      w.endArray();
    }
    w.endObject();
  }
  w.endArray();

  w.key("links");
  w.beginArray();
  for (const LinkSpec& l : s.links) {
    w.beginObject();
    if (l.id != l.from + "->" + l.to) {
      w.key("id");
      w.value(l.id);
    }
    w.key("from");
    w.value(l.from);
    w.key("to");
    w.value(l.to);
    writeParams(w, l.params);
    w.endObject();
  }
  w.endArray();

  if (!s.groups.empty()) {
    w.key("groups");
    w.beginArray();
    for (const GroupSpec& g : s.groups) {
      w.beginObject();
      w.key("id");
      w.value(g.id);
      w.key("kind");
      w.value(g.kind);
      if (!g.label.empty()) {
        w.key("label");
        w.value(g.label);
      }
      w.key("members");
      w.beginArray();
      for (const auto& m : g.members) w.value(m);
      w.endArray();
      if (!g.parent.empty()) {
        w.key("parent");
        w.value(g.parent);
      }
      w.endObject();
    }
    w.endArray();
  }

  if (!s.faults.empty()) {
    w.key("faults");
    w.beginArray();
    for (const FaultSpec& f : s.faults) {
      w.beginObject();
      w.key("at");
      w.value(formatDuration(f.at));
      w.key("action");
      w.value(faultActionName(f.action));
      w.key("target");
      w.value(f.target);
      w.endObject();
    }
    w.endArray();
  }
  w.endObject();
  std::string out = w.take();
  out += '\n';
  return out;
}

}  // namespace pillars
