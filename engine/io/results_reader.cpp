#include "engine/io/results_reader.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <variant>

#include "engine/io/json.hpp"
#include "engine/io/results_writer.hpp"

namespace pillars {

namespace {

double number(const JsonValue& object, const char* key) {
  const JsonValue* v = object.find(key);
  return v ? v->asNumber() : 0.0;
}

/// A string field, or empty when it is missing or not a string.
std::string text(const JsonValue& object, const char* key) {
  const JsonValue* v = object.find(key);
  return v && v->isString() ? v->asString() : std::string();
}

/// A time in seconds that may be null (not happened): -1 then, as RunResults keeps it.
double secondsOrNever(const JsonValue& object, const char* key) {
  const JsonValue* v = object.find(key);
  return v && v->isNumber() ? v->asNumber() : -1.0;
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

/// Figures a kind or a group adds (see writeExtras): numbers outside `known`, nested objects
/// flattened back into dotted names ("election_ms": {"p50": 1} is "election_ms.p50").
void readExtras(const JsonValue& object, const std::string& prefix,
                std::initializer_list<std::string_view> known,
                std::vector<std::pair<std::string, double>>& out) {
  for (const auto& [name, v] : object.members()) {
    if (prefix.empty() && std::find(known.begin(), known.end(), name) != known.end()) continue;
    if (v.isNumber()) {
      out.emplace_back(prefix + name, v.asNumber());
    } else if (v.isObject()) {
      readExtras(v, prefix + name + ".", {}, out);
    }
  }
}

}  // namespace

std::optional<RunResults> readResultsJson(const std::string& json, std::string* error) {
  auto parsed = parseJson(json);
  if (const auto* e = std::get_if<JsonError>(&parsed)) {
    if (error) *error = "the run summary is not valid JSON (line " + std::to_string(e->location.line) + ")";
    return std::nullopt;
  }
  return readResultsJson(std::get<JsonValue>(parsed), error);
}

std::optional<RunResults> readResultsJson(const JsonValue& root, std::string* error) {
  const JsonValue* global = root.find("global");
  const JsonValue* components = root.find("components");
  if (!root.isObject() || !global || !global->isObject() || !components || !components->isObject()) {
    if (error) *error = "the run summary has no \"global\" or \"components\" object";
    return std::nullopt;
  }
  // Summaries before version 2 have no version field.
  const JsonValue* version = root.find("version");
  if (version && version->isNumber() && version->asInt64() > kResultsFormatVersion) {
    if (error) {
      *error = "the run summary is of results format version " + std::to_string(version->asInt64()) +
               ", newer than this Pillars reads (" + std::to_string(kResultsFormatVersion) + "): upgrade Pillars";
    }
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
  // Absent from results written before the Control pillar: read as 0.
  r.offeredRps = number(*global, "offered_rps");
  r.costTotal = number(*global, "cost_total");
  r.costPerHour = number(*global, "cost_per_hour");
  r.attemptsRps = number(*global, "attempts_rps");
  r.goodputRps = global->find("goodput_rps") ? number(*global, "goodput_rps") : r.throughputRps;
  r.wastedWorkS = number(*global, "wasted_work_s");
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
    if (const JsonValue* removed = c.find("removed")) cr.removed = removed->asBool();
    // Version 1 kept a Raft group's figures on every member; they are read as that member's.
    readExtras(c, "", {"up", "removed", "received", "completed", "failed", "dropped", "timed_out", "retries",
                       "throughput_rps", "utilization", "queue_length_mean", "queue_length_max", "wait_ms",
                       "latency_ms", "decisions"},
               cr.extras);
    if (const JsonValue* decisions = c.find("decisions"); decisions && decisions->isArray()) {
      for (const JsonValue& d : decisions->items()) {
        if (!d.isObject()) continue;
        ComponentResult::Decision& out = cr.decisions.emplace_back();
        out.atS = number(d, "at_s");
        if (const JsonValue* summary = d.find("summary"); summary && summary->isString()) out.summary = summary->asString();
        for (const auto& [name, v] : d.members()) {
          if (name != "at_s" && v.isNumber()) out.figures.emplace_back(name, v.asNumber());
        }
      }
    }
    r.components.push_back(std::move(cr));
  }
  if (const JsonValue* alerts = root.find("alerts"); alerts && alerts->isArray()) {
    for (const JsonValue& a : alerts->items()) {
      if (!a.isObject()) continue;
      AlertResult& out = r.alerts.emplace_back();
      out.component = text(a, "component");
      out.name = text(a, "alert");
      out.severity = text(a, "severity");
      out.detail = text(a, "detail");
      out.firedAtS = number(a, "fired_at_s");
      out.resolvedAtS = secondsOrNever(a, "resolved_at_s");
      for (const auto& [name, v] : a.members()) {
        if (name != "fired_at_s" && name != "resolved_at_s" && v.isNumber()) out.figures.emplace_back(name, v.asNumber());
      }
    }
  }
  if (const JsonValue* incidents = root.find("self_healing"); incidents && incidents->isArray()) {
    for (const JsonValue& i : incidents->items()) {
      if (!i.isObject()) continue;
      IncidentResult& out = r.selfHealing.emplace_back();
      out.component = text(i, "component");
      // Results written before store failovers joined the report hold restarts only.
      if (const std::string repair = text(i, "repair"); !repair.empty()) out.repair = repair;
      out.replacement = text(i, "replacement");
      out.failedAtS = secondsOrNever(i, "failed_at_s");
      out.detectedAtS = secondsOrNever(i, "detected_at_s");
      out.restartedAtS = secondsOrNever(i, "restarted_at_s");
      out.readyAtS = secondsOrNever(i, "ready_at_s");
      out.exits = static_cast<std::uint32_t>(count(i, "exits"));
      out.requestsLost = count(i, "requests_lost");
    }
  }
  if (const JsonValue* experiments = root.find("experiments"); experiments && experiments->isArray()) {
    for (const JsonValue& e : experiments->items()) {
      if (!e.isObject()) continue;
      ExperimentResult& out = r.experiments.emplace_back();
      out.component = text(e, "component");
      out.verdict = text(e, "verdict");
      out.hypothesis = text(e, "hypothesis");
      out.detail = text(e, "detail");
      out.startedAtS = secondsOrNever(e, "started_at_s");
      out.endedAtS = secondsOrNever(e, "ended_at_s");
      out.abortedAtS = secondsOrNever(e, "aborted_at_s");
      for (const auto& [name, v] : e.members()) {
        if (v.isNumber() && name != "started_at_s" && name != "ended_at_s" && name != "aborted_at_s") {
          out.figures.emplace_back(name, v.asNumber());
        }
      }
    }
  }
  if (const JsonValue* groups = root.find("groups"); groups && groups->isObject()) {
    for (const auto& [id, g] : groups->members()) {
      GroupResult gr;
      gr.id = id;
      if (const JsonValue* kind = g.find("kind")) gr.kind = kind->asString();
      if (const JsonValue* members = g.find("members"); members && members->isArray()) {
        for (const JsonValue& m : members->items()) gr.members.push_back(m.asString());
      }
      readExtras(g, "", {"kind", "members"}, gr.extras);
      r.groups.push_back(std::move(gr));
    }
  }
  return r;
}

}  // namespace pillars
