#include "app/cli/bench_workloads.hpp"

#include "engine/model/scenario_builder.hpp"

namespace pillars::cli {

std::vector<BenchWorkload> benchWorkloads() {
  std::vector<BenchWorkload> out;
  {
    // The peers' workload (SimPy, SimGrid, hand-rolled heap): M/M/8, lambda 7.2, mu 1,
    // 1,050,000 customers, zero network latency, no time series.
    ScenarioBuilder b("mmc");
    b.component("client", "client",
                {{"rate", "7.2"}, {"requests", "1050000"}, {"timeout", "0"}})
        .component("server", "service", {{"workers", "8"}, {"service_time", "exp(1s)"}})
        .link("client", "server", {{"latency", "0"}})
        .duration(1000000 * kSecond)
        .metricsInterval(0);
    out.push_back({"mmc", "M/M/8 at rho 0.9, 1.05M requests (the peers' workload)", b.build(), 2.0});
  }
  {
    ScenarioBuilder b("lb-p2c");
    b.component("client", "client", {{"rate", "14400"}, {"requests", "1000000"}, {"timeout", "0"}})
        .component("lb", "load_balancer",
                   {{"policy", "power_of_two"}, {"health_check_interval", "1s"}});
    b.link("client", "lb", {{"latency", "0"}});
    for (int i = 0; i < 16; ++i) {
      const std::string id = std::string("s").append(std::to_string(i));
      b.component(id, "service", {{"workers", "1"}, {"service_time", "exp(1ms)"}});
      b.link("lb", id, {{"latency", "exp(100us)"}});
    }
    // Long enough for the last request to finish (1M at 14,400/s takes 69.4 s), no longer:
    // health checks and samples go on for as long as the run does.
    b.duration(75 * kSecond).metricsInterval(kSecond);
    out.push_back({"lb-p2c",
                   "client -> power-of-two load balancer -> 16 single-worker services, rho 0.9, "
                   "1M requests, health checks and time series on",
                   b.build(), 2.0});
  }
  {
    ScenarioBuilder b("three-tier");
    b.component("client", "client",
                {{"rate", "2000"}, {"requests", "500000"}, {"key_distribution", "zipf"},
                 {"keys", "100000"}, {"timeout", "2s"}, {"retries", "2"}})
        .component("lb", "load_balancer", {{"policy", "least_connections"}})
        .component("cache", "cache", {{"capacity", "10000"}})
        .component("db", "service", {{"workers", "32"}, {"service_time", "lognormal(5ms, 0.5)"}});
    b.link("client", "lb", {{"latency", "lognormal(20ms, 0.3)"}});
    for (int i = 1; i <= 3; ++i) {
      const std::string id = std::string("web").append(std::to_string(i));
      b.component(id, "service", {{"workers", "16"}, {"service_time", "lognormal(3ms, 0.5)"}});
      b.link("lb", id, {{"latency", "exp(200us)"}});
      b.link(id, "cache", {{"latency", "exp(200us)"}});
    }
    b.link("cache", "db", {{"latency", "exp(500us)"}});
    b.duration(260 * kSecond).metricsInterval(kSecond);  // 500k at 2,000/s takes 250 s
    out.push_back({"three-tier",
                   "clients -> LB -> 3 web services -> LRU cache -> database, Zipf keys, "
                   "timeouts and retries, 500k requests",
                   b.build(), 2.0});
  }
  {
    // Consensus: a five-node Raft group committing 1,000 client requests per second for ten
    // simulated minutes (600,000 log entries per node), requests spread over every node and
    // forwarded to the leader, the safety checker on.
    ScenarioBuilder b("raft");
    b.component("client", "client", {{"rate", "1000"}, {"timeout", "1s"}, {"retries", "3"}});
    for (int i = 1; i <= 5; ++i) {
      const std::string id = std::string("n").append(std::to_string(i));
      b.component(id, "raft_node");
      b.link("client", id, {{"latency", "lognormal(10ms, 0.3)"}});
    }
    for (int i = 1; i <= 5; ++i) {
      for (int j = i + 1; j <= 5; ++j) {
        b.link(std::string("n").append(std::to_string(i)), std::string("n").append(std::to_string(j)),
               {{"latency", "uniform(500us, 2ms)"}});
      }
    }
    b.duration(600 * kSecond).metricsInterval(kSecond);
    // Model events per request counted as for the other workloads (request in, answer out), so
    // the column shows what consensus costs the engine per request on top.
    out.push_back({"raft",
                   "client -> 5-node Raft group (followers forward to the leader), 1,000 req/s "
                   "for 10 simulated minutes, safety checker on",
                   b.build(), 2.0});
  }
  {
    // State: a three-replica leaderless store with strict quorums (W = R = 2) at a steady
    // 5,000 requests/s, half reads, over 10,000 keys: every request fans out to three replicas.
    ScenarioBuilder b("kv");
    b.component("client", "client",
                {{"rate", "5000"}, {"requests", "500000"}, {"read_fraction", "0.5"}, {"keys", "10000"}, {"timeout", "1s"}});
    for (int i = 1; i <= 3; ++i) {
      const std::string id = std::string("s").append(std::to_string(i));
      b.component(id, "store",
                  {{"replication", "leaderless"}, {"write_quorum", "2"}, {"read_quorum", "2"}, {"workers", "8"},
                   {"expected_keys", "10000"}});
      b.link("client", id, {{"latency", "exp(200us)"}});
    }
    b.link("s1", "s2", {{"latency", "exp(500us)"}}).link("s1", "s3", {{"latency", "exp(500us)"}});
    b.link("s2", "s3", {{"latency", "exp(500us)"}});
    b.duration(101 * kSecond).metricsInterval(kSecond);  // 500k at 5,000/s take 100 s
    out.push_back({"kv",
                   "client -> 3-replica leaderless key-value store, W = R = 2, 5,000 req/s half reads, "
                   "500k requests, quorum reads with read repair",
                   b.build(), 2.0});
  }
  return out;
}

Scenario backlogScenario(long long requests) {
  // Arrivals at 100x the service rate: almost every request is still waiting at the end.
  ScenarioBuilder b("backlog");
  b.component("client", "client",
              {{"rate", "1000000"}, {"arrival", "constant"}, {"timeout", "0"}})
      .component("server", "service", {{"workers", "1"}, {"service_time", "10us"}})
      .link("client", "server", {{"latency", "0"}})
      .duration(requests * kMicrosecond)
      .metricsInterval(0);
  return b.build();
}

std::vector<std::string> benchWorkloadNames() {
  std::vector<std::string> names;
  for (const BenchWorkload& w : benchWorkloads()) names.push_back(w.name);
  for (const char* other : {"memory", "layout", "wide"}) names.emplace_back(other);
  return names;
}

Scenario wideScenario(int services) {
  ScenarioBuilder b("wide");
  b.component("client", "client", {{"rate", "20000"}, {"requests", "200000"}, {"timeout", "0"}})
      .component("lb", "load_balancer", {{"policy", "round_robin"}, {"health_check_interval", "1s"}})
      .link("client", "lb", {{"latency", "0"}});
  for (int i = 0; i < services; ++i) {
    const std::string id = std::string("s").append(std::to_string(i));
    b.component(id, "service", {{"workers", "1"}, {"service_time", "exp(1ms)"}});
    b.link("lb", id, {{"latency", "exp(100us)"}});
  }
  // 200,000 requests at 20,000/s take 10 s; the rest lets the last ones finish.
  b.duration(11 * kSecond).metricsInterval(kSecond);
  return b.build();
}

Scenario largeTopology(int services) {
  ScenarioBuilder b("large");
  std::vector<std::vector<std::string>> zones(10);
  for (int i = 0; i < 20; ++i) b.component(std::string("client").append(std::to_string(i)), "client");
  for (int i = 0; i < 40; ++i) b.component(std::string("lb").append(std::to_string(i)), "load_balancer");
  for (int i = 0; i < 20; ++i) b.component(std::string("cache").append(std::to_string(i)), "cache");
  for (int i = 0; i < services; ++i) {
    const std::string id = std::string("svc").append(std::to_string(i));
    b.component(id, "service");
    zones[static_cast<std::size_t>(i % 10)].push_back(id);
  }
  for (int i = 0; i < 40; ++i) {
    b.link(std::string("client").append(std::to_string(i % 20)), std::string("lb").append(std::to_string(i)));
  }
  for (int i = 0; i < services; ++i) {
    const std::string id = std::string("svc").append(std::to_string(i));
    b.link(std::string("lb").append(std::to_string(i % 40)), id);
    b.link(id, std::string("cache").append(std::to_string(i % 20)));
  }
  for (std::size_t z = 0; z < zones.size(); ++z) {
    b.group(std::string("zone").append(std::to_string(z)), "zone", zones[z]);
  }
  return b.build();
}

}  // namespace pillars::cli
