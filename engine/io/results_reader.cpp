#include "engine/io/results_reader.hpp"

#include <variant>

#include "engine/io/json.hpp"

namespace pillars {

namespace {

double number(const JsonValue& object, const char* key) {
  const JsonValue* v = object.find(key);
  return v ? v->asNumber() : 0.0;
}

std::uint64_t count(const JsonValue& object, const char* key) {
  const JsonValue* v = object.find(key);
  return v && v->asInt64() > 0 ? static_cast<std::uint64_t>(v->asInt64()) : 0;
}

LatencySummary latencyOf(const JsonValue* object) {
  LatencySummary l;
  if (!object) return l;
  l.count = count(*object, "count");
  l.mean = number(*object, "mean");
  l.p50 = number(*object, "p50");
  l.p90 = number(*object, "p90");
  l.p95 = number(*object, "p95");
  l.p99 = number(*object, "p99");
  l.p999 = number(*object, "p999");
  l.max = number(*object, "max");
  return l;
}

}  // namespace

std::optional<RunResults> readResultsJson(const std::string& json, std::string* error) {
  auto parsed = parseJson(json);
  if (const auto* e = std::get_if<JsonError>(&parsed)) {
    if (error) *error = "the run summary is not valid JSON (line " + std::to_string(e->location.line) + ")";
    return std::nullopt;
  }
  const JsonValue& root = std::get<JsonValue>(parsed);
  const JsonValue* global = root.find("global");
  const JsonValue* components = root.find("components");
  if (!root.isObject() || !global || !global->isObject() || !components || !components->isObject()) {
    if (error) *error = "the run summary has no \"global\" or \"components\" object";
    return std::nullopt;
  }
  RunResults r;
  r.simTimeS = number(root, "sim_time_s");
  r.measuredS = number(root, "measured_s");
  r.completed = count(*global, "completed");
  r.failed = count(*global, "failed");
  r.dropped = count(*global, "dropped");
  r.timedOut = count(*global, "timed_out");
  r.retries = count(*global, "retries");
  r.throughputRps = number(*global, "throughput_rps");
  r.latency = latencyOf(global->find("latency_ms"));
  for (const auto& [id, c] : components->members()) {
    ComponentResult cr;
    cr.id = id;
    if (const JsonValue* kind = c.find("kind")) cr.kind = kind->asString();
    if (const JsonValue* up = c.find("up")) cr.up = up->asBool();
    cr.received = count(c, "received");
    cr.completed = count(c, "completed");
    cr.failed = count(c, "failed");
    cr.dropped = count(c, "dropped");
    cr.timedOut = count(c, "timed_out");
    cr.retries = count(c, "retries");
    cr.throughputRps = number(c, "throughput_rps");
    cr.utilization = number(c, "utilization");
    cr.latency = latencyOf(c.find("latency_ms"));
    r.components.push_back(std::move(cr));
  }
  return r;
}

}  // namespace pillars
