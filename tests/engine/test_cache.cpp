// The cache: LruKeySet against a plain reference LRU under random operations, then the Cache
// component's hit ratio against theory (C/K for uniform keys under any demand-independent
// policy, Che's approximation for Zipf keys), its miss path to the store, and crash behaviour.
#include <gtest/gtest.h>

#include <cmath>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim_fixtures.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/pillars/state/lru_key_set.hpp"
#include "engine/run/build_simulation.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/random.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

using testing::build;
using testing::extra;
using testing::metricsOf;

// --- LruKeySet -----------------------------------------------------------------------------------

/// The obvious LRU: a list from most to least recent and a map into it.
class ReferenceLru {
 public:
  explicit ReferenceLru(std::size_t capacity) : m_capacity(capacity) {}
  bool touch(std::uint64_t key) {
    const auto it = m_where.find(key);
    if (it == m_where.end()) return false;
    m_order.splice(m_order.begin(), m_order, it->second);
    return true;
  }
  void insert(std::uint64_t key) {
    if (m_capacity == 0 || touch(key)) return;
    if (m_order.size() == m_capacity) {
      m_where.erase(m_order.back());
      m_order.pop_back();
    }
    m_order.push_front(key);
    m_where[key] = m_order.begin();
  }
  bool contains(std::uint64_t key) const { return m_where.count(key) != 0; }
  std::size_t size() const { return m_order.size(); }
  void clear() {
    m_order.clear();
    m_where.clear();
  }

 private:
  std::size_t m_capacity;
  std::list<std::uint64_t> m_order;
  std::unordered_map<std::uint64_t, std::list<std::uint64_t>::iterator> m_where;
};

TEST(CacheLruKeySet, EvictsTheLeastRecentlyUsedKey) {
  LruKeySet lru(3);
  lru.insert(1);
  lru.insert(2);
  lru.insert(3);
  EXPECT_TRUE(lru.touch(1));  // order, most recent first: 1 3 2
  lru.insert(4);              // evicts 2
  EXPECT_FALSE(lru.contains(2));
  EXPECT_TRUE(lru.contains(1));
  EXPECT_TRUE(lru.contains(3));
  EXPECT_TRUE(lru.contains(4));
  lru.insert(3);  // refresh, no eviction: 3 4 1
  lru.insert(5);  // evicts 1
  EXPECT_FALSE(lru.contains(1));
  EXPECT_EQ(lru.size(), 3u);
  lru.clear();
  EXPECT_EQ(lru.size(), 0u);
  EXPECT_FALSE(lru.contains(3));
  EXPECT_FALSE(lru.touch(4));
}

TEST(CacheLruKeySet, ZeroCapacityHoldsNothing) {
  LruKeySet lru(0);
  lru.insert(7);
  EXPECT_FALSE(lru.contains(7));
  EXPECT_FALSE(lru.touch(7));
  EXPECT_EQ(lru.size(), 0u);
}

TEST(CacheLruKeySet, MatchesAReferenceLruUnderRandomOperations) {
  Rng rng(99);
  for (const std::uint32_t capacity : {1u, 2u, 3u, 7u, 16u, 61u, 200u}) {
    LruKeySet lru(capacity);
    ReferenceLru ref(capacity);
    // Keys drawn from a universe about twice the capacity, so hits, misses and evictions all
    // happen; half of them spread over 64 bits to exercise the hash index.
    const std::uint64_t universe = 2 * capacity + 3;
    std::vector<std::uint64_t> keys(universe);
    for (std::uint64_t i = 0; i < universe; ++i) keys[i] = (i % 2 == 0) ? i : rng.next();
    for (int op = 0; op < 30'000; ++op) {
      const std::uint64_t key = keys[rng.below(universe)];
      const std::uint64_t what = rng.below(1000);
      if (what < 400) {
        ASSERT_EQ(lru.touch(key), ref.touch(key)) << "capacity " << capacity << " op " << op;
      } else if (what < 850) {
        lru.insert(key);
        ref.insert(key);
      } else if (what < 999) {
        ASSERT_EQ(lru.contains(key), ref.contains(key)) << "capacity " << capacity << " op " << op;
      } else {
        lru.clear();
        ref.clear();
      }
      ASSERT_EQ(lru.size(), ref.size()) << "capacity " << capacity << " op " << op;
      if (op % 97 == 0) {
        for (const std::uint64_t k : keys) {
          ASSERT_EQ(lru.contains(k), ref.contains(k)) << "capacity " << capacity << " op " << op;
        }
      }
    }
  }
}

// --- The Cache component -------------------------------------------------------------------------

/// client -> cache -> store, zero latency everywhere and an instant store, so a miss is
/// fetched and cached before the next request arrives.
ScenarioBuilder cacheScenario(const std::string& keys, const std::string& capacity,
                              const std::string& keyDistribution, const std::string& exponent) {
  ScenarioBuilder b("cache");
  b.component("client", "client",
              {{"rate", "10000"}, {"keys", keys}, {"key_distribution", keyDistribution},
               {"zipf_exponent", exponent}, {"timeout", "0"}})
      .component("cache", "cache", {{"capacity", capacity}, {"hit_time", "0"}})
      .component("store", "service", {{"workers", "1"}, {"service_time", "0"}})
      .link("client", "cache", {{"latency", "0"}})
      .link("cache", "store", {{"latency", "0"}});
  return b;
}

struct HitMeasure {
  double hitRatio = 0;
  std::uint64_t hits = 0, misses = 0, lookups = 0, storeReceived = 0;
};

/// Runs 1 s of warm-up (the cache fills) and 5 s of measurement (50 000 requests).
HitMeasure measureHits(ScenarioBuilder b, std::uint64_t seed) {
  b.seed(seed).duration(6 * kSecond).warmup(kSecond).metricsInterval(0);
  const Scenario s = b.build();
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  Simulation& sim = runner.simulation();
  const Component& cache = *sim.findComponent("cache");
  HitMeasure m;
  m.hitRatio = extra(cache, "hit_ratio");
  m.hits = static_cast<std::uint64_t>(extra(cache, "hits"));
  m.misses = static_cast<std::uint64_t>(extra(cache, "misses"));
  m.lookups = cache.metrics().received;
  m.storeReceived = sim.findComponent("store")->metrics().received;
  return m;
}

TEST(CacheBehaviour, UniformKeysHitCapacityOverKeysAndOnlyMissesReachTheStore) {
  // Under uniform independent requests any policy that ignores the future holds a random C of
  // the K keys: hit ratio C / K = 0.1 (the estimate's sd is ~0.0015 here).
  const HitMeasure m = measureHits(cacheScenario("1000", "100", "uniform", "1.1"), 3);
  EXPECT_NEAR(m.hitRatio, 0.1, 0.008);
  EXPECT_EQ(m.hits + m.misses, m.lookups);
  EXPECT_EQ(m.storeReceived, m.misses) << "misses go to the store, hits do not";
  EXPECT_GT(m.lookups, 45'000u);
}

/// Che's approximation of the LRU hit ratio for independent requests with probabilities p:
/// the characteristic time T solves sum(1 - exp(-p_i T)) = C; hit = sum p_i (1 - exp(-p_i T)).
double cheHitRatio(const std::vector<double>& p, double capacity) {
  const auto occupancy = [&](double t) {
    double s = 0;
    for (const double q : p) s += 1 - std::exp(-q * t);
    return s;
  };
  double lo = 0, hi = 1;
  while (occupancy(hi) < capacity) hi *= 2;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    (occupancy(mid) < capacity ? lo : hi) = mid;
  }
  double hit = 0;
  for (const double q : p) hit += q * (1 - std::exp(-q * lo));
  return hit;
}

TEST(CacheBehaviour, ZipfKeysHitAsChesApproximationPredicts) {
  const int k = 1000;
  const double s = 0.8;
  std::vector<double> p(k);
  double h = 0;
  for (int i = 0; i < k; ++i) h += std::pow(i + 1, -s);
  for (int i = 0; i < k; ++i) p[static_cast<std::size_t>(i)] = std::pow(i + 1, -s) / h;
  const double predicted = cheHitRatio(p, 100);
  const HitMeasure m = measureHits(cacheScenario("1000", "100", "zipf", "0.8"), 5);
  EXPECT_NEAR(m.hitRatio, predicted, 0.015) << "Che predicts " << predicted;
  EXPECT_GT(m.hitRatio, 3 * 0.1) << "hot keys make the same cache far more useful than for uniform keys";
  EXPECT_EQ(m.storeReceived, m.misses);
}

TEST(CacheBehaviour, ZeroCapacitySendsEveryRequestToTheStore) {
  const HitMeasure m = measureHits(cacheScenario("1000", "0", "uniform", "1.1"), 7);
  EXPECT_EQ(m.hits, 0u);
  EXPECT_EQ(m.storeReceived, m.lookups);
}

TEST(CacheBehaviour, CrashEmptiesTheCacheAndEveryKeyMissesOnceMore) {
  // Fifty keys, room for a hundred: after warming up every request hits, and the store has seen
  // each key exactly once. A crash forgets everything and the store sees each key once more.
  ScenarioBuilder b = cacheScenario("50", "100", "uniform", "1.1");
  b.seed(11);
  auto sim = build(b);
  Component& cache = *sim->findComponent("cache");
  const Component& store = *sim->findComponent("store");
  sim->runUntil(5 * kSecond);
  EXPECT_EQ(extra(cache, "misses"), 50.0);
  EXPECT_EQ(extra(cache, "keys_cached"), 50.0);
  EXPECT_EQ(store.metrics().received, 50u);
  const double hitsAt5 = extra(cache, "hits");
  const std::uint64_t receivedAt5 = cache.metrics().received;
  sim->runUntil(6 * kSecond);
  EXPECT_EQ(extra(cache, "misses"), 50.0);
  EXPECT_EQ(extra(cache, "hits") - hitsAt5, static_cast<double>(cache.metrics().received - receivedAt5))
      << "warm cache: every request of the last second hit";

  sim->crash(cache.id());
  sim->restart(cache.id());
  EXPECT_EQ(extra(cache, "keys_cached"), 0.0);
  const std::uint64_t before = cache.metrics().received;
  const double hitsAtCrash = extra(cache, "hits");
  while (cache.metrics().received < before + 100) ASSERT_TRUE(sim->step());
  // About 50 (1 - e^-2) = 43 of the next hundred requests miss, against none before.
  const double hitRatioAfter = (extra(cache, "hits") - hitsAtCrash) / 100;
  EXPECT_LT(hitRatioAfter, 0.8);
  EXPECT_GT(extra(cache, "misses"), 50.0 + 20);

  sim->runUntil(12 * kSecond);
  EXPECT_EQ(extra(cache, "misses"), 100.0);
  EXPECT_EQ(store.metrics().received, 100u);
  EXPECT_EQ(extra(cache, "keys_cached"), 50.0);
}

TEST(CacheBehaviour, FetchTimeoutFailsTheLookupAndCachesNothing) {
  ScenarioBuilder b("slowstore");
  b.component("client", "client",
              {{"arrival", "constant"}, {"rate", "1"}, {"requests", "3"}, {"keys", "1"}, {"timeout", "5s"}})
      .component("cache", "cache", {{"capacity", "10"}, {"fetch_timeout", "100ms"}})
      .component("store", "service", {{"workers", "10"}, {"service_time", "2s"}})
      .link("client", "cache", {{"latency", "0"}})
      .link("cache", "store", {{"latency", "0"}});
  auto sim = build(b);
  sim->runUntil(kTimeNever);
  const Component& cache = *sim->findComponent("cache");
  // The single key is never cached, so each of the three requests misses and times out.
  EXPECT_EQ(extra(cache, "misses"), 3.0);
  EXPECT_EQ(extra(cache, "hits"), 0.0);
  EXPECT_EQ(cache.metrics().timedOut, 3u);
  EXPECT_EQ(extra(cache, "keys_cached"), 0.0);
  EXPECT_EQ(sim->findComponent("client")->metrics().failed, 3u);
}

}  // namespace
}  // namespace pillars
