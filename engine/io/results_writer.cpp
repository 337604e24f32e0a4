#include "engine/io/results_writer.hpp"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "engine/io/json_writer.hpp"

namespace pillars {

namespace {

/// A time in seconds, or null for one that did not happen (RunResults keeps -1).
void secondsOrNull(JsonWriter& w, const char* key, double seconds) {
  w.key(key);
  if (seconds >= 0) {
    w.value(seconds);
  } else {
    w.nullValue();
  }
}

void writeLatency(JsonWriter& w, const LatencySummary& l) {
  w.beginObject();
  w.field("count", l.count);
  w.field("mean", l.mean);
  w.field("p50", l.p50);
  w.field("p90", l.p90);
  w.field("p95", l.p95);
  w.field("p99", l.p99);
  w.field("p999", l.p999);
  w.field("max", l.max);
  w.endObject();
}

using Extra = std::pair<std::string, double>;

/// Writes kind-specific figures, nesting dotted names: "election_ms.p50" goes into an object
/// "election_ms": {"p50": ...}. Names keep the order of their first appearance. `prefix` is
/// how many characters of each name the enclosing objects already consumed.
void writeExtras(JsonWriter& w, const std::vector<const Extra*>& extras, std::size_t prefix) {
  std::vector<bool> done(extras.size(), false);
  for (std::size_t i = 0; i < extras.size(); ++i) {
    if (done[i]) continue;
    const std::string& name = extras[i]->first;
    const std::size_t dot = name.find('.', prefix);
    if (dot == std::string::npos) {
      w.field(name.substr(prefix).c_str(), extras[i]->second);
      done[i] = true;
      continue;
    }
    // Every later name under the same head joins this object.
    const std::string head = name.substr(0, dot + 1);
    std::vector<const Extra*> children;
    for (std::size_t j = i; j < extras.size(); ++j) {
      if (!done[j] && extras[j]->first.compare(0, head.size(), head) == 0) {
        children.push_back(extras[j]);
        done[j] = true;
      }
    }
    w.key(name.substr(prefix, dot - prefix));
    w.beginObject();
    writeExtras(w, children, dot + 1);
    w.endObject();
  }
}

std::string csvNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

std::string fingerprintHex(std::uint64_t fingerprint) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fingerprint));
  return buf;
}

std::string writeResultsJson(const RunResults& r, const std::string& scenarioName) {
  JsonWriter w(2);
  w.beginObject();
  // Version 2 moved the figures of Raft groups (and every later group) from their members
  // to `groups`; docs/results-format.md, "Versions".
  w.field("format", "pillars-results");
  w.field("version", static_cast<std::int64_t>(kResultsFormatVersion));
  w.field("scenario", scenarioName);
  w.field("seed", r.seed);
  w.field("sim_time_s", r.simTimeS);
  w.field("measured_s", r.measuredS);
  w.field("fingerprint", fingerprintHex(r.fingerprint));

  w.key("engine");
  w.beginObject();
  w.field("events", r.events);
  w.field("wall_s", r.wallS);
  w.field("events_per_s", r.eventsPerSecond());
  w.endObject();

  w.key("global");
  w.beginObject();
  w.field("completed", r.completed);
  w.field("failed", r.failed);
  w.field("dropped", r.dropped);
  w.field("timed_out", r.timedOut);
  w.field("retries", r.retries);
  w.field("throughput_rps", r.throughputRps);
  w.field("offered_rps", r.offeredRps);
  w.field("cost_total", r.costTotal);
  w.field("cost_per_hour", r.costPerHour);
  w.field("attempts_rps", r.attemptsRps);
  w.field("goodput_rps", r.goodputRps);
  w.field("wasted_work_s", r.wastedWorkS);
  w.key("latency_ms");
  writeLatency(w, r.latency);
  w.endObject();

  w.key("network");
  w.beginObject();
  w.field("sent", r.messagesSent);
  w.field("delivered", r.messagesDelivered);
  w.field("dropped", r.messagesDropped);
  w.endObject();

  w.key("components");
  w.beginObject();
  for (const ComponentResult& c : r.components) {
    w.key(c.id);
    w.beginObject();
    w.field("kind", c.kind);
    w.field("up", c.up);
    if (c.removed) w.field("removed", true);
    w.field("received", c.received);
    w.field("completed", c.completed);
    w.field("failed", c.failed);
    w.field("dropped", c.dropped);
    w.field("timed_out", c.timedOut);
    w.field("retries", c.retries);
    w.field("throughput_rps", c.throughputRps);
    w.field("utilization", c.utilization);
    w.field("queue_length_mean", c.queueLengthMean);
    w.field("queue_length_max", c.queueLengthMax);
    w.key("wait_ms");
    w.beginObject();
    w.field("mean", c.waitMeanMs);
    w.endObject();
    w.key("latency_ms");
    writeLatency(w, c.latency);
    std::vector<const Extra*> extras;
    for (const Extra& e : c.extras) extras.push_back(&e);
    writeExtras(w, extras, 0);
    if (!c.decisions.empty()) {
      w.key("decisions");
      w.beginArray();
      for (const ComponentResult::Decision& d : c.decisions) {
        w.beginObject();
        w.field("at_s", d.atS);
        w.field("summary", d.summary);
        for (const auto& [name, value] : d.figures) w.field(name, value);
        w.endObject();
      }
      w.endArray();
    }
    w.endObject();
  }
  w.endObject();

  w.key("groups");
  w.beginObject();
  for (const GroupResult& g : r.groups) {
    w.key(g.id);
    w.beginObject();
    w.field("kind", g.kind);
    w.key("members");
    w.beginArray();
    for (const std::string& m : g.members) w.value(m);
    w.endArray();
    std::vector<const Extra*> extras;
    for (const Extra& e : g.extras) extras.push_back(&e);
    writeExtras(w, extras, 0);
    w.endObject();
  }
  w.endObject();

  w.key("alerts");
  w.beginArray();
  for (const AlertResult& a : r.alerts) {
    w.beginObject();
    w.field("component", a.component);
    w.field("alert", a.name);
    w.field("severity", a.severity);
    w.field("fired_at_s", a.firedAtS);
    secondsOrNull(w, "resolved_at_s", a.resolvedAtS);
    for (const auto& [name, value] : a.figures) w.field(name, value);
    w.field("detail", a.detail);
    w.endObject();
  }
  w.endArray();

  w.key("self_healing");
  w.beginArray();
  for (const IncidentResult& i : r.selfHealing) {
    w.beginObject();
    w.field("component", i.component);
    w.field("repair", i.repair);
    if (!i.replacement.empty()) w.field("replacement", i.replacement);
    w.field("failed_at_s", i.failedAtS);
    w.field("detected_at_s", i.detectedS());
    secondsOrNull(w, "restarted_at_s", i.restartedAtS);
    secondsOrNull(w, "ready_at_s", i.readyAtS);
    secondsOrNull(w, "time_to_repair_s", i.repairS());
    w.field("exits", static_cast<std::uint64_t>(i.exits));
    w.field("requests_lost", i.requestsLost);
    w.endObject();
  }
  w.endArray();

  w.key("experiments");
  w.beginArray();
  for (const ExperimentResult& e : r.experiments) {
    w.beginObject();
    w.field("component", e.component);
    w.field("verdict", e.verdict);
    w.field("hypothesis", e.hypothesis);
    w.field("detail", e.detail);
    secondsOrNull(w, "started_at_s", e.startedAtS);
    secondsOrNull(w, "ended_at_s", e.endedAtS);
    secondsOrNull(w, "aborted_at_s", e.abortedAtS);
    for (const auto& [name, value] : e.figures) w.field(name, value);
    w.endObject();
  }
  w.endArray();

  w.key("violations");
  w.beginArray();
  for (const ViolationResult& v : r.violations) {
    w.beginObject();
    w.field("property", v.property);
    w.field("component", v.component);
    for (const auto& [name, value] : v.fields) w.field(name, value);
    w.field("at_s", v.atS);
    w.field("detail", v.detail);
    w.endObject();
  }
  w.endArray();

  w.key("links");
  w.beginObject();
  for (const LinkResult& l : r.links) {
    w.key(l.id);
    w.beginObject();
    w.field("up", l.up);
    w.field("sent", l.sent);
    w.field("delivered", l.delivered);
    w.field("dropped", l.dropped);
    w.field("bytes", l.bytes);
    w.endObject();
  }
  w.endObject();
  w.endObject();
  std::string out = w.take();
  out += '\n';
  return out;
}

void writeComponentsCsv(const RunResults& r, std::ostream& out) {
  out << "id,kind,up,received,completed,failed,dropped,timed_out,throughput_rps,utilization,"
         "queue_length_mean,wait_ms_mean,latency_ms_mean,latency_ms_p50,latency_ms_p99\n";
  for (const ComponentResult& c : r.components) {
    out << c.id << ',' << c.kind << ',' << (c.up ? 1 : 0) << ',' << c.received << ','
        << c.completed << ',' << c.failed << ',' << c.dropped << ',' << c.timedOut << ','
        << csvNumber(c.throughputRps) << ',' << csvNumber(c.utilization) << ','
        << csvNumber(c.queueLengthMean) << ',' << csvNumber(c.waitMeanMs) << ','
        << csvNumber(c.latency.mean) << ',' << csvNumber(c.latency.p50) << ','
        << csvNumber(c.latency.p99) << '\n';
  }
}

}  // namespace pillars
