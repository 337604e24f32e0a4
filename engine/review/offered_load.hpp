#pragma once
// Offered load against capacity, read off the design: the requests per second each component
// receives (λ), followed from the clients' rates through balancers, services, caches and queues,
// against what its workers can serve (c·μ = workers / mean service time). λ > c·μ means the
// queue grows without bound: latency climbs until clients time out and throughput collapses.
// A steady-state estimate, before any run; the live run measures what actually happens.

#include <string>
#include <vector>

namespace pillars {
struct Scenario;
}

namespace pillars::review {

struct OfferedLoad {
  std::string component;
  std::string kind;
  double arrivalRps = 0;   // λ, requests per second offered to it
  double capacityRps = 0;  // c·μ; 0 for kinds whose capacity is not a pool of workers
  long long workers = 0;
  double serviceSeconds = 0;  // mean service time
  /// λ / c·μ; 0 without a capacity.
  double utilization() const { return capacityRps > 0 ? arrivalRps / capacityRps : 0.0; }
  bool overloaded() const { return capacityRps > 0 && arrivalRps > capacityRps; }
};

/// λ and c·μ for every component, in declaration order. Open-loop clients send their mean rate
/// (an on/off client its on rate times its duty cycle); closed loops limit themselves and are
/// left out. A client or cache with several links uses them in turn; a balancer splits by its
/// links' weights under weighted round robin and evenly otherwise; a service calls every
/// downstream link once per request; a cache passes its misses on (a miss ratio of at least
/// 1 - capacity/keys for uniform keys, the whole load for Zipf keys, which hit more, is not
/// guessed: uniform is the cautious case); a queue shares its load among its consumers. Consensus,
/// two-phase commit and saga components stop the estimate (their traffic is not one request per
/// request). Links that close a cycle are not followed.
std::vector<OfferedLoad> estimateOfferedLoad(const Scenario& scenario);

}  // namespace pillars::review
