#pragma once

#include <string>

#include "engine/model/scenario_builder.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"

namespace pillars::testing {

/// What one single-station run measured, in seconds and customers.
struct StationMeasure {
  double wq = 0;          // mean wait in queue
  double w = 0;           // mean sojourn (wait + service)
  double l = 0;           // time-average number in the station
  double lambda = 0;      // observed arrival rate
  double utilization = 0;
  std::uint64_t served = 0;
};

/// Runs a Poisson client into one c-worker FIFO service with the given service time and
/// zero network latency, for about `customers` arrivals after a 5% warm-up.
inline StationMeasure runStation(int workers, double lambda, const std::string& serviceTime,
                                 double customers, std::uint64_t seed) {
  const double seconds = customers / lambda;
  ScenarioBuilder b("station");
  const std::string rate = std::to_string(lambda);
  const std::string c = std::to_string(workers);
  b.component("client", "client", {{"rate", rate}, {"timeout", "0"}})
      .component("server", "service", {{"workers", c}, {"service_time", serviceTime}})
      .link("client", "server", {{"latency", "0"}})
      .seed(seed)
      .duration(secondsToSimTime(seconds * 1.05))
      .warmup(secondsToSimTime(seconds * 0.05))
      .metricsInterval(0);
  const Scenario s = b.build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  Simulation& sim = runner.simulation();
  const ComponentMetrics& m = sim.findComponent("server")->metrics();
  const SimTime now = sim.now();
  const double window = simTimeToSeconds(now - runner.measureStart());
  StationMeasure out;
  out.wq = m.wait.mean();
  out.w = m.latency.mean() * 1e-9;
  out.l = m.queueLength.mean(now) + m.busy.mean(now);
  out.lambda = static_cast<double>(m.received) / window;
  out.utilization = m.utilization(now);
  out.served = m.completed;
  return out;
}

/// Erlang C for an M/M/c queue: probability of waiting, mean wait Wq and mean sojourn W.
struct ErlangC {
  double pWait, wq, w;
};
inline ErlangC erlangC(int c, double lambda, double mu) {
  const double a = lambda / mu;
  const double rho = a / c;
  double b = 1.0;  // Erlang B by its stable recursion
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  const double pWait = b / (1.0 - rho * (1.0 - b));
  const double wq = pWait / (c * mu - lambda);
  return {pWait, wq, wq + 1.0 / mu};
}

}  // namespace pillars::testing
