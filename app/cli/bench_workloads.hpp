#pragma once

#include <string>
#include <vector>

#include "engine/model/scenario.hpp"

namespace pillars::cli {

/// A fixed benchmark workload: a scenario built in code, so the numbers never depend on files.
struct BenchWorkload {
  std::string name;
  std::string description;
  Scenario scenario;
  /// Model events per completed request (M/M/c: one arrival + one departure).
  double modelEventsPerRequest = 2.0;
};

std::vector<BenchWorkload> benchWorkloads();

/// Every name `bench --only` accepts: the workloads above, then the measurements that are not
/// one (memory, layout, wide).
std::vector<std::string> benchWorkloadNames();

/// An overloaded queue for measuring memory per request in flight.
Scenario backlogScenario(long long requests);

/// Room for large designs: one client at 20,000 req/s (200,000 requests) behind one round-robin
/// balancer with health checks, spread over `services` single-worker services (1 ms work),
/// with the time series on. Most services are lightly used, as in a wide real design.
Scenario wideScenario(int services);

/// A large topology for layout timing: 20 clients, 40 load balancers, `services` services in
/// 10 zones, each service calling one of 20 caches.
Scenario largeTopology(int services);

}  // namespace pillars::cli
