// Once warm, the engine allocates nothing per request: the event queue, message pool, slot
// pools, flat key tables and histograms reuse their storage. What can still allocate is a pool
// growing past a high-water mark that a rare burst of a random workload exceeds; pools grow by
// doubling, so that happens a handful of times however long the run. The tests hold a window
// of tens of thousands of requests to a handful of allocations.
#include <gtest/gtest.h>

#include "engine/model/scenario_builder.hpp"
#include "engine/run/scenario_runner.hpp"
#include "tests/alloc/counting_allocator.hpp"

namespace pillars {
namespace {

/// Pools grow by doubling: a burst past the high-water mark costs one allocation per pool it
/// grows, never one per request.
constexpr std::uint64_t kHighWaterGrowths = 32;

/// Runs `s` to `warm`, then counts allocations from there to the end.
std::uint64_t allocationsOnceWarm(const Scenario& s, SimTime warm, std::uint64_t* events) {
  ScenarioRunner runner(s, builtinRegistry());
  runner.advance(warm, ~std::uint64_t{0});
  const std::uint64_t before = runner.simulation().eventCount();
  alloctest::AllocationCounter counter;
  runner.advance(s.duration, ~std::uint64_t{0});
  *events = runner.simulation().eventCount() - before;
  return counter.count();
}

TEST(WarmAllocations, AThreeReplicaQuorumStoreAllocatesNothingPerRequest) {
  ScenarioBuilder b("kv");
  b.component("users", "client", {{"rate", "2000"}, {"read_fraction", "0.5"}, {"keys", "1000"}, {"timeout", "1s"}});
  for (const char* s : {"s1", "s2", "s3"}) {
    b.component(s, "store", {{"replication", "leaderless"}, {"write_quorum", "2"}, {"read_quorum", "2"}, {"expected_keys", "1000"}});
    b.link("users", s, {{"latency", "exp(1ms)"}});
  }
  b.link("s1", "s2", {{"latency", "exp(2ms)"}}).link("s1", "s3", {{"latency", "exp(2ms)"}}).link("s2", "s3", {{"latency", "exp(2ms)"}});
  // No time series: its rows are the one thing that grows with simulated time, by design.
  b.duration(40 * kSecond).metricsInterval(0);
  std::uint64_t events = 0;
  // 40,000 requests in the window.
  EXPECT_LE(allocationsOnceWarm(b.build(), 20 * kSecond, &events), kHighWaterGrowths);
  EXPECT_GT(events, 300'000u);
}

TEST(WarmAllocations, ALeaderWithFollowersAllocatesNothingPerRequest) {
  ScenarioBuilder b("leader");
  b.component("users", "client", {{"rate", "2000"}, {"read_fraction", "0.5"}, {"keys", "1000"}, {"timeout", "1s"}})
      .component("lb", "load_balancer")
      .link("users", "lb");
  for (const char* s : {"s1", "s2", "s3"}) {
    b.component(s, "store", {{"ack", "semi_sync"}, {"read_from", "followers"}, {"expected_keys", "1000"}});
    b.link("lb", s, {{"latency", "exp(1ms)"}});
  }
  b.link("s1", "s2", {{"latency", "exp(2ms)"}}).link("s1", "s3", {{"latency", "exp(2ms)"}}).link("s2", "s3", {{"latency", "exp(2ms)"}});
  b.duration(40 * kSecond).metricsInterval(0);
  std::uint64_t events = 0;
  EXPECT_LE(allocationsOnceWarm(b.build(), 20 * kSecond, &events), kHighWaterGrowths);
  EXPECT_GT(events, 300'000u);
}

}  // namespace
}  // namespace pillars
