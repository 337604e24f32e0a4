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
  w.field("format", "pillars-scenario");
  w.field("version", Scenario::kFormatVersion);
  if (!s.name.empty()) {
    w.field("name", s.name);
  }
  if (!s.description.empty()) {
    w.field("description", s.description);
  }
  w.field("seed", s.seed);
  w.field("duration", formatDuration(s.duration));
  if (s.warmup > 0) {
    w.field("warmup", formatDuration(s.warmup));
  }
  w.key("metrics");
  w.beginObject();
  w.field("interval", formatDuration(s.metricsInterval));
  w.endObject();

  w.key("components");
  w.beginArray();
  for (const ComponentSpec& c : s.components) {
    w.beginObject();
    w.field("id", c.id);
    w.field("kind", c.kind);
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
      w.field("id", l.id);
    }
    w.field("from", l.from);
    w.field("to", l.to);
    writeParams(w, l.params);
    w.endObject();
  }
  w.endArray();

  if (!s.groups.empty()) {
    w.key("groups");
    w.beginArray();
    for (const GroupSpec& g : s.groups) {
      w.beginObject();
      w.field("id", g.id);
      w.field("kind", g.kind);
      if (!g.label.empty()) {
        w.field("label", g.label);
      }
      w.key("members");
      w.beginArray();
      for (const auto& m : g.members) w.value(m);
      w.endArray();
      if (!g.parent.empty()) {
        w.field("parent", g.parent);
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
      w.field("at", formatDuration(f.at));
      w.field("action", faultActionName(f.action));
      w.field("target", f.target);
      // Only the action's own value field: the reader refuses the others.
      switch (f.action) {
        case FaultAction::Slow: w.field("factor", f.value); break;
        case FaultAction::Delay: w.field("latency", formatDuration(f.latency)); break;
        case FaultAction::Loss: w.field("probability", f.value); break;
        case FaultAction::Scale: w.field("replicas", static_cast<std::int64_t>(f.value)); break;
        case FaultAction::Crash:
        case FaultAction::Restart:
        case FaultAction::Cut:
        case FaultAction::Heal:
        case FaultAction::Timeout:
        case FaultAction::Failover:
        case FaultAction::AddShard:
        case FaultAction::RemoveShard:
        case FaultAction::Rollout:
        case FaultAction::Rollback: break;
      }
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
