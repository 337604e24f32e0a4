#include "engine/run/metrics_sampler.hpp"

#include <cmath>

#include "engine/sim/component.hpp"
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
      "latency_p50_ms", "latency_p95_ms", "latency_p99_ms"};
  return cols;
}

const std::vector<std::string>& MetricsSampler::componentColumns() {
  static const std::vector<std::string> cols = {
      "throughput_rps", "dropped_rps", "latency_p50_ms", "latency_p99_ms",
      "queue_length", "utilization", "up"};
  return cols;
}

MetricsSampler::MetricsSampler(Simulation& sim, SimTime interval)
    : m_sim(sim), m_interval(interval), m_lastRowAt(sim.now()), m_series(globalColumnNames()) {
  sim.registerHandler(*this);
  addNewComponents();
  rebase();
  if (interval > 0) sim.schedule(interval, *this, 0);
}

void MetricsSampler::addNewComponents() {
  if (m_components == m_sim.componentCount()) return;
  std::vector<std::string> cols;
  for (std::size_t i = m_components; i < m_sim.componentCount(); ++i) {
    const std::string& name = m_sim.component(static_cast<ComponentId>(i)).name();
    for (const auto& c : componentColumns()) cols.push_back(name + "." + c);
  }
  m_series.addColumns(cols);
  // A new component's counters and integrals start at zero when it is created.
  m_components = m_sim.componentCount();
  m_baselines.resize(m_components);
  m_row.resize(m_series.columnCount());
}

void MetricsSampler::rebase() {
  const SimTime now = m_sim.now();
  for (std::size_t i = 0; i < m_components; ++i) {
    const ComponentMetrics& m = m_sim.component(static_cast<ComponentId>(i)).metrics();
    m_baselines[i] = Baseline{m.completed, m.failed, m.dropped, m.timedOut,
                              m.busy.integral(now), m.queueLength.integral(now), m_baselines[i].gone};
  }
}

void MetricsSampler::flush() {
  if (m_sim.now() > m_lastRowAt) sample();
}

void MetricsSampler::handleEvent(std::uint32_t /*kind*/, std::uint64_t /*payload*/) {
  sample();
  m_sim.schedule(m_interval, *this, 0);
}

void MetricsSampler::sample() {
  const SimTime now = m_sim.now();
  // A flush (end of warm-up) may already have recorded this instant: an empty interval has
  // no rates, so it gives no row.
  if (now <= m_lastRowAt) return;
  const double seconds = simTimeToSeconds(now - m_lastRowAt);
  m_lastRowAt = now;
  addNewComponents();
  std::uint64_t completed = 0, failed = 0, timedOut = 0, dropped = 0;
  LatencyHistogram& endToEnd = m_endToEnd;
  endToEnd.reset();
  std::size_t col = globalColumns().size();
  for (std::size_t i = 0; i < m_components; ++i) {
    Component& c = m_sim.component(static_cast<ComponentId>(i));
    ComponentMetrics& m = c.metrics();
    Baseline& b = m_baselines[i];
    if (b.gone) {
      for (std::size_t k = 0; k < componentColumns().size(); ++k) m_row[col++] = std::nan("");
      continue;
    }
    const double busyIntegral = m.busy.integral(now);
    const double queueIntegral = m.queueLength.integral(now);
    const std::uint64_t dCompleted = m.completed - b.completed;
    const std::uint64_t dDropped = m.dropped - b.dropped;
    if (c.measuresEndToEnd()) {
      completed += dCompleted;
      failed += m.failed - b.failed;
      timedOut += m.timedOut - b.timedOut;
      endToEnd.merge(m.intervalLatency);
    } else {
      dropped += dDropped;
    }
    m_row[col++] = static_cast<double>(dCompleted) / seconds;
    m_row[col++] = static_cast<double>(dDropped) / seconds;
    m_row[col++] = ms(m.intervalLatency.quantile(0.50));
    m_row[col++] = ms(m.intervalLatency.quantile(0.99));
    m_row[col++] = (queueIntegral - b.queueIntegral) / seconds;
    m_row[col++] = m.capacity > 0 ? (busyIntegral - b.busyIntegral) / seconds / m.capacity : 0.0;
    m_row[col++] = c.isUp() ? 1.0 : 0.0;
    b = Baseline{m.completed, m.failed, m.dropped, m.timedOut, busyIntegral, queueIntegral, c.isRemoved()};
    m.intervalLatency.reset();
  }
  m_row[0] = static_cast<double>(completed) / seconds;
  m_row[1] = static_cast<double>(failed) / seconds;
  m_row[2] = static_cast<double>(timedOut) / seconds;
  m_row[3] = static_cast<double>(dropped) / seconds;
  m_row[4] = ms(endToEnd.quantile(0.50));
  m_row[5] = ms(endToEnd.quantile(0.95));
  m_row[6] = ms(endToEnd.quantile(0.99));
  m_series.append(now, m_row);
}

}  // namespace pillars
