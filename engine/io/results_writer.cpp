#include "engine/io/results_writer.hpp"

#include <cstdio>

#include "engine/io/json_writer.hpp"

namespace pillars {

namespace {

void writeLatency(JsonWriter& w, const LatencySummary& l) {
  w.beginObject();
  w.key("count");
  w.value(l.count);
  w.key("mean");
  w.value(l.mean);
  w.key("p50");
  w.value(l.p50);
  w.key("p90");
  w.value(l.p90);
  w.key("p95");
  w.value(l.p95);
  w.key("p99");
  w.value(l.p99);
  w.key("p999");
  w.value(l.p999);
  w.key("max");
  w.value(l.max);
  w.endObject();
}

void field(JsonWriter& w, const char* name, std::uint64_t v) {
  w.key(name);
  w.value(v);
}
void field(JsonWriter& w, const char* name, double v) {
  w.key(name);
  w.value(v);
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
  w.key("scenario");
  w.value(scenarioName);
  field(w, "seed", r.seed);
  field(w, "sim_time_s", r.simTimeS);
  field(w, "measured_s", r.measuredS);
  w.key("fingerprint");
  w.value(fingerprintHex(r.fingerprint));

  w.key("engine");
  w.beginObject();
  field(w, "events", r.events);
  field(w, "wall_s", r.wallS);
  field(w, "events_per_s", r.eventsPerSecond());
  w.endObject();

  w.key("global");
  w.beginObject();
  field(w, "completed", r.completed);
  field(w, "failed", r.failed);
  field(w, "dropped", r.dropped);
  field(w, "timed_out", r.timedOut);
  field(w, "retries", r.retries);
  field(w, "throughput_rps", r.throughputRps);
  w.key("latency_ms");
  writeLatency(w, r.latency);
  w.endObject();

  w.key("network");
  w.beginObject();
  field(w, "sent", r.messagesSent);
  field(w, "delivered", r.messagesDelivered);
  field(w, "dropped", r.messagesDropped);
  w.endObject();

  w.key("components");
  w.beginObject();
  for (const ComponentResult& c : r.components) {
    w.key(c.id);
    w.beginObject();
    w.key("kind");
    w.value(c.kind);
    w.key("up");
    w.value(c.up);
    field(w, "received", c.received);
    field(w, "completed", c.completed);
    field(w, "failed", c.failed);
    field(w, "dropped", c.dropped);
    field(w, "timed_out", c.timedOut);
    field(w, "retries", c.retries);
    field(w, "throughput_rps", c.throughputRps);
    field(w, "utilization", c.utilization);
    field(w, "queue_length_mean", c.queueLengthMean);
    field(w, "queue_length_max", c.queueLengthMax);
    w.key("wait_ms");
    w.beginObject();
    field(w, "mean", c.waitMeanMs);
    w.endObject();
    w.key("latency_ms");
    writeLatency(w, c.latency);
    for (const auto& [name, value] : c.extras) field(w, name.c_str(), value);
    w.endObject();
  }
  w.endObject();

  w.key("links");
  w.beginObject();
  for (const LinkResult& l : r.links) {
    w.key(l.id);
    w.beginObject();
    w.key("up");
    w.value(l.up);
    field(w, "sent", l.sent);
    field(w, "delivered", l.delivered);
    field(w, "dropped", l.dropped);
    field(w, "bytes", l.bytes);
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
