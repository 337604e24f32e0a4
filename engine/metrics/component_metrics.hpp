#pragma once

#include <cstdint>

#include "engine/metrics/latency_histogram.hpp"
#include "engine/metrics/running_stats.hpp"
#include "engine/metrics/time_weighted.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

/// The measurements every component keeps. Each kind fills what applies to it: a service uses
/// all of them, a client counts outcomes and end-to-end latency, a router counts what it forwarded.
/// Everything here is O(1) to update and fixed in size.
struct ComponentMetrics {
  std::uint64_t received = 0;   // requests that arrived
  std::uint64_t completed = 0;  // requests answered successfully
  std::uint64_t failed = 0;     // requests answered with an error (or, at a client, given up)
  std::uint64_t dropped = 0;    // requests turned away (full queue, no backend) or lost in a crash
  std::uint64_t timedOut = 0;   // requests whose deadline passed
  std::uint64_t retries = 0;    // extra attempts made (clients)
  // The Control pillar's figures of a load generator and a server: offered load, attempts
  // (what retries make of it) and work done for callers who had already given up.
  std::uint64_t issued = 0;     // new requests started (clients): the offered load
  std::uint64_t attempts = 0;   // attempts actually sent, first ones and retries (clients)
  SimTime wastedWork = 0;       // work finished after its caller's deadline (servers)

  /// Time from arrival to answer (end to end, at a client); nanoseconds.
  LatencyHistogram latency;
  /// Same, since the last time-series sample; reset by the sampler.
  LatencyHistogram intervalLatency;
  /// Time spent waiting in a queue before service started; seconds.
  RunningStats wait;
  /// Requests waiting (not yet in service), over time.
  TimeWeightedValue queueLength;
  /// Workers busy, over time; utilization is its mean divided by `capacity`.
  TimeWeightedValue busy;
  double capacity = 0.0;

  void recordLatency(SimTime value) {
    latency.record(value);
    intervalLatency.record(value);
  }

  /// Starts a fresh measurement window at `now` (used when warm-up ends), keeping current levels.
  void reset(SimTime now) {
    received = completed = failed = dropped = timedOut = retries = issued = attempts = 0;
    wastedWork = 0;
    latency.reset();
    intervalLatency.reset();
    wait.reset();
    queueLength.reset(now);
    busy.reset(now);
  }

  double utilization(SimTime now) const {
    return capacity > 0.0 ? busy.mean(now) / capacity : 0.0;
  }
};

}  // namespace pillars
