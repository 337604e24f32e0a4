#include "engine/pillars/intelligence/anomaly_detector.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/model/param.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

// Floors of a deviation (see the class comment): relative to the mean latency, and absolute
// for an error rate.
constexpr double kLatencyFloor = 0.01;
constexpr double kErrorRateFloor = 0.001;

enum Signals : std::size_t { Latency, ErrorRate };

std::string value(bool latency, double x) {
  char buf[64];
  if (latency) {
    std::snprintf(buf, sizeof buf, "%.4g ms", x / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "%.3g%%", 100 * x);
  }
  return buf;
}

}  // namespace

std::vector<ParamSpec> anomalyParams() {
  return {
      booleanParam("anomaly_detection", false,
                   "Watch the mean latency and error rate for anomalies: an alert beyond k deviations "
                   "above their EWMA"),
      durationParam("anomaly_interval", 10 * kSecond, "Anomaly detection: one sample per interval", 0.001),
      realParam("anomaly_alpha", 0.1, 0.001, 1, "weight", "Anomaly detection: the EWMA's weight of a new sample"),
      realParam("anomaly_k", 3, 0.5, 100, "deviations", "Anomaly detection: alarm beyond this many deviations"),
      integerParam("anomaly_warmup", 10, 1, 1000000, "samples", "Anomaly detection: samples learned before any alarm"),
  };
}

void Ewma::add(double x) {
  if (m_samples++ == 0) {
    m_mean = x;
    return;
  }
  const double diff = x - m_mean;
  m_mean += m_alpha * diff;
  m_variance = (1 - m_alpha) * (m_variance + m_alpha * diff * diff);
}

double Ewma::deviation() const { return std::sqrt(m_variance); }

AnomalyDetector::AnomalyDetector(const Config& config)
    : m_config(config),
      m_signals{{"anomaly_latency", Ewma(config.alpha)}, {"anomaly_error_rate", Ewma(config.alpha)}} {}

void AnomalyDetector::start(Simulation& sim, const ComponentMetrics& metrics) {
  if (m_sim) return;
  m_sim = &sim;
  m_metrics = &metrics;
  sim.registerHandler(*this);
  sim.schedule(m_config.interval, *this, 0);
}

void AnomalyDetector::handleEvent(std::uint32_t /*kind*/, std::uint64_t /*payload*/) {
  const ComponentMetrics& m = *m_metrics;
  const std::uint64_t count = m.latency.count();
  const double sum = m.latency.mean() * static_cast<double>(count);
  const std::uint64_t bad = m.failed + m.timedOut;
  // The counters restart from 0 when warm-up ends: what they hold then is all new.
  const bool reset = count < m_lastCount || bad < m_lastBad;
  const std::uint64_t completed = reset ? count : count - m_lastCount;
  const std::uint64_t failed = reset ? bad : bad - m_lastBad;
  const double latencySum = reset ? sum : sum - m_lastSum;
  m_lastCount = count;
  m_lastBad = bad;
  m_lastSum = sum;
  if (completed > 0) {
    const double mean = latencySum / static_cast<double>(completed);
    observe(m_signals[Latency], mean, kLatencyFloor * std::max(m_signals[Latency].baseline.mean(), 0.0));
  }
  if (completed + failed > 0) {
    observe(m_signals[ErrorRate], static_cast<double>(failed) / static_cast<double>(completed + failed), kErrorRateFloor);
  }
  m_sim->schedule(m_config.interval, *this, 0);
}

void AnomalyDetector::observe(Signal& s, double x, double floor) {
  Ewma& b = s.baseline;
  const double deviation = std::max(b.deviation(), floor);
  const bool learned = b.samples() >= m_config.warmup;
  const bool anomalous = learned && x > b.mean() + m_config.k * deviation;
  const SimTime now = m_sim->now();
  if (anomalous && s.open < 0) {
    AlertRecord a;
    a.name = s.name;
    a.severity = "anomaly";
    a.detail = describe(s, x, deviation);
    a.firedAt = now;
    a.figures = {{"value", x}, {"baseline", b.mean()}, {"deviation", deviation}, {"k", m_config.k}};
    s.open = static_cast<std::ptrdiff_t>(m_alerts.size());
    m_alerts.push_back(std::move(a));
  } else if (!anomalous && s.open >= 0) {
    m_alerts[static_cast<std::size_t>(s.open)].resolvedAt = now;
    s.open = -1;
  }
  // Held while firing: the anomaly is not the new normal until it stops being one.
  if (s.open < 0) b.add(x);
}

std::string AnomalyDetector::describe(const Signal& s, double x, double deviation) const {
  char k[16];
  std::snprintf(k, sizeof k, "%g", m_config.k);
  const bool latency = &s == &m_signals[Latency];
  return std::string(latency ? "mean latency " : "error rate ") + value(latency, x) + " above its EWMA " +
         value(latency, s.baseline.mean()) + " + " + k + " x " + value(latency, deviation);
}

std::size_t AnomalyDetector::firing() const {
  return static_cast<std::size_t>(
      std::count_if(std::begin(m_signals), std::end(m_signals), [](const Signal& s) { return s.open >= 0; }));
}

}  // namespace pillars
