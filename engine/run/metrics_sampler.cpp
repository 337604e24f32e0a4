#include "engine/run/metrics_sampler.hpp"

#include <algorithm>
#include <cmath>

#include "engine/sim/component.hpp"
#include "engine/sim/component_group.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

std::vector<std::string> globalColumnNames() {
  std::vector<std::string> cols;
  for (const auto& g : MetricsSampler::globalColumns()) cols.push_back("global." + g);
  return cols;
}

double ms(std::int64_t ns) { return static_cast<double>(ns) * 1e-6; }

}  // namespace

const std::vector<std::string>& MetricsSampler::globalColumns() {
  static const std::vector<std::string> cols = {
      "throughput_rps", "failed_rps", "timed_out_rps", "dropped_rps",
      "latency_p50_ms", "latency_p95_ms", "latency_p99_ms",
      // Offered load and the attempts made of it: beside throughput (the goodput: a client
      // counts only successes within its deadline), they show a retry storm.
      "offered_rps", "attempts_rps",
      // What the instances running now cost per hour (instance_cost_per_hour): an autoscaler's
      // side of the trade-off.
      "cost_per_hour"};
  return cols;
}

const std::vector<std::string>& MetricsSampler::componentColumns() {
  static const std::vector<std::string> cols = {
      "throughput_rps", "dropped_rps", "latency_p50_ms", "latency_p99_ms",
      "queue_length", "utilization", "up"};
  return cols;
}

MetricsSampler::MetricsSampler(Simulation& sim, SimTime interval)
    : m_sim(sim), m_interval(interval), m_lastRowAt(sim.now()),
      m_series(std::make_shared<TimeSeries>(globalColumnNames())) {
  sim.registerHandler(*this);
  addNewSources();
  // The global columns need a row even when there is no component to add (addNewSources then
  // returns before it sizes one): an empty design used to write past an empty row and crash
  // `pillars-cli simulate`, found by fuzz_scenario_run.
  m_row.resize(m_series->columnCount());
  rebase();
  if (interval > 0) sim.schedule(interval, *this, 0);
}

TimeSeries& MetricsSampler::ownSeries() {
  // Copy on write: a stored run that shares the rows so far keeps them as they were.
  if (m_series.use_count() > 1) m_series = std::make_shared<TimeSeries>(*m_series);
  return *m_series;
}

void MetricsSampler::reserveFor(SimTime duration) {
  if (m_interval <= 0 || duration <= 0) return;
  constexpr std::size_t kMaxReservedValues = std::size_t{1} << 26;  // 512 MB of doubles
  const std::size_t rows = static_cast<std::size_t>(duration / m_interval) + 2;  // + warm-up flush, last part
  const std::size_t width = std::max<std::size_t>(m_series->columnCount(), 1);
  ownSeries().reserve(std::min(rows, kMaxReservedValues / width));
}

void MetricsSampler::addNewSources() {
  if (m_components == m_sim.componentCount() && m_groups == m_sim.groupCount()) return;
  std::vector<std::string> cols;
  for (; m_components < m_sim.componentCount(); ++m_components) {
    const Component& c = m_sim.component(static_cast<ComponentId>(m_components));
    Source src;
    src.index = m_components;
    src.extras = c.seriesColumns();
    // A new component's counters and integrals start at zero when it is created.
    src.extraBaselines.assign(src.extras.size(), 0.0);
    for (const auto& col : componentColumns()) cols.push_back(c.name() + "." + col);
    for (const auto& col : src.extras) cols.push_back(c.name() + "." + col.name);
    m_sources.push_back(std::move(src));
  }
  for (; m_groups < m_sim.groupCount(); ++m_groups) {
    const ComponentGroup& g = m_sim.group(m_groups);
    Source src;
    src.group = true;
    src.index = m_groups;
    src.extras = g.seriesColumns();
    if (src.extras.empty()) continue;  // a group without figures over time has no columns
    src.extraBaselines.assign(src.extras.size(), 0.0);
    for (const auto& col : src.extras) cols.push_back(g.id() + "." + col.name);
    m_sources.push_back(std::move(src));
  }
  ownSeries().addColumns(cols);
  m_row.resize(m_series->columnCount());
}

void MetricsSampler::rebase() {
  const SimTime now = m_sim.now();
  for (Source& src : m_sources) {
    if (src.extras.empty() && src.group) continue;
    if (!src.group) {
      const ComponentMetrics& m = m_sim.component(static_cast<ComponentId>(src.index)).metrics();
      src.baseline = Baseline{m.completed,        m.failed,   m.dropped,
                              m.timedOut,         m.issued,   m.attempts,
                              m.busy.integral(now), m.queueLength.integral(now)};
    }
    if (src.extras.empty()) continue;
    m_values.resize(src.extras.size());
    if (src.group) {
      m_sim.group(src.index).seriesValues(now, m_values.data());
    } else {
      m_sim.component(static_cast<ComponentId>(src.index)).seriesValues(now, m_values.data());
    }
    src.extraBaselines = m_values;
  }
}

void MetricsSampler::flush() {
  if (m_sim.now() > m_lastRowAt) sample();
}

void MetricsSampler::handleEvent(std::uint32_t /*kind*/, std::uint64_t /*payload*/) {
  sample();
  m_sim.schedule(m_interval, *this, 0);
}

void MetricsSampler::sampleExtras(Source& src, SimTime now, double seconds, double*& out) {
  if (src.extras.empty()) return;
  m_values.resize(src.extras.size());
  if (src.group) {
    m_sim.group(src.index).seriesValues(now, m_values.data());
  } else {
    m_sim.component(static_cast<ComponentId>(src.index)).seriesValues(now, m_values.data());
  }
  for (std::size_t k = 0; k < src.extras.size(); ++k) {
    const double v = m_values[k];
    *out++ = src.extras[k].rate ? (v - src.extraBaselines[k]) / seconds : v;
    src.extraBaselines[k] = v;
  }
}

void MetricsSampler::sampleComponent(Source& src, SimTime now, double seconds, double*& out) {
  Component& c = m_sim.component(static_cast<ComponentId>(src.index));
  ComponentMetrics& m = c.metrics();
  Baseline& b = src.baseline;
  const double busyIntegral = m.busy.integral(now);
  const double queueIntegral = m.queueLength.integral(now);
  const std::uint64_t dCompleted = m.completed - b.completed;
  const std::uint64_t dDropped = m.dropped - b.dropped;
  if (c.measuresEndToEnd()) {
    m_completed += dCompleted;
    m_failed += m.failed - b.failed;
    m_timedOut += m.timedOut - b.timedOut;
    m_issued += m.issued - b.issued;
    m_attempts += m.attempts - b.attempts;
    m_endToEnd.merge(m.intervalLatency);
  } else {
    m_dropped += dDropped;
  }
  *out++ = static_cast<double>(dCompleted) / seconds;
  *out++ = static_cast<double>(dDropped) / seconds;
  *out++ = ms(m.intervalLatency.quantile(0.50));
  *out++ = ms(m.intervalLatency.quantile(0.99));
  *out++ = (queueIntegral - b.queueIntegral) / seconds;
  *out++ = m.capacity > 0 ? (busyIntegral - b.busyIntegral) / seconds / m.capacity : 0.0;
  *out++ = c.isUp() ? 1.0 : 0.0;
  b = Baseline{m.completed, m.failed, m.dropped, m.timedOut, m.issued, m.attempts, busyIntegral, queueIntegral};
  m.intervalLatency.reset();
  sampleExtras(src, now, seconds, out);
  src.gone = c.isRemoved();
}

void MetricsSampler::sample() {
  const SimTime now = m_sim.now();
  // A flush (end of warm-up) may already have recorded this instant: an empty interval has
  // no rates, so it gives no row.
  if (now <= m_lastRowAt) return;
  const double seconds = simTimeToSeconds(now - m_lastRowAt);
  m_lastRowAt = now;
  addNewSources();
  m_completed = m_failed = m_timedOut = m_dropped = m_issued = m_attempts = 0;
  m_endToEnd.reset();
  double* out = m_row.data() + globalColumns().size();
  for (Source& src : m_sources) {
    if (src.gone) {
      const std::size_t width = componentColumns().size() + src.extras.size();
      for (std::size_t k = 0; k < width; ++k) *out++ = std::nan("");
    } else if (src.group) {
      sampleExtras(src, now, seconds, out);
    } else {
      sampleComponent(src, now, seconds, out);
    }
  }
  m_row[0] = static_cast<double>(m_completed) / seconds;
  m_row[1] = static_cast<double>(m_failed) / seconds;
  m_row[2] = static_cast<double>(m_timedOut) / seconds;
  m_row[3] = static_cast<double>(m_dropped) / seconds;
  m_row[4] = ms(m_endToEnd.quantile(0.50));
  m_row[5] = ms(m_endToEnd.quantile(0.95));
  m_row[6] = ms(m_endToEnd.quantile(0.99));
  m_row[7] = static_cast<double>(m_issued) / seconds;
  m_row[8] = static_cast<double>(m_attempts) / seconds;
  double spend = 0;
  for (std::size_t i = 0; i < m_sim.componentCount(); ++i) {
    const Component& c = m_sim.component(static_cast<ComponentId>(i));
    if (!c.isRemoved()) spend += c.costPerHour();
  }
  m_row[9] = spend;
  ownSeries().append(now, m_row);
}

}  // namespace pillars
