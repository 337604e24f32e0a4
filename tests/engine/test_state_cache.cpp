// Caches that see writes: writing around without invalidation serves stale data until
// eviction, invalidating or writing through does not, and a time-to-live bounds staleness.
#include <gtest/gtest.h>

#include <string>

#include "state_fixtures.hpp"

namespace pillars {
namespace {

using testing::componentFigure;

/// A client reading and writing 100 hot keys half and half through a cache to one store.
RunResults runCache(ScenarioBuilder::Params cacheParams) {
  ScenarioBuilder b("cache");
  b.component("users", "client", {{"rate", "1000"}, {"read_fraction", "0.5"}, {"keys", "100"}})
      .component("cache", "cache", cacheParams)
      .component("db", "store")
      .link("users", "cache", {{"latency", "exp(1ms)"}})
      .link("cache", "db", {{"latency", "exp(2ms)"}})
      .duration(30 * kSecond)
      .warmup(kSecond);
  ScenarioRunner runner(b.scenario(), builtinRegistry());
  runner.run();
  return runner.results();
}

TEST(StateCache, WritingAroundWithoutInvalidationServesStaleReads) {
  const RunResults r = runCache({{"write_policy", "write_around"}, {"invalidate", "false"}});
  // Every key is cached once and never refreshed (100 keys fit): almost every read is stale.
  EXPECT_GT(componentFigure(r, "users", "stale_read_fraction"), 0.9);
  EXPECT_NEAR(componentFigure(r, "cache", "stale_reads"), componentFigure(r, "users", "stale_reads"),
              0.02 * componentFigure(r, "users", "reads"));
}

TEST(StateCache, WritingThroughOrInvalidatingServesNoStaleRead) {
  for (const bool through : {true, false}) {
    SCOPED_TRACE(through ? "write_through" : "write_around with invalidation");
    const RunResults r = runCache(through ? ScenarioBuilder::Params{{"write_policy", "write_through"}}
                                          : ScenarioBuilder::Params{{"write_policy", "write_around"}, {"invalidate", "true"}});
    EXPECT_GT(componentFigure(r, "users", "reads"), 10000.0);
    EXPECT_EQ(componentFigure(r, "users", "stale_reads"), 0.0);
    EXPECT_GT(componentFigure(r, "cache", "hits"), 1000.0);
  }
}

TEST(StateCache, ATimeToLiveBoundsHowStaleACopyGets) {
  const RunResults shortTtl = runCache({{"write_policy", "ttl"}, {"ttl", "50ms"}});
  const RunResults longTtl = runCache({{"write_policy", "ttl"}, {"ttl", "5s"}});
  const double shortStale = componentFigure(shortTtl, "users", "stale_read_fraction");
  const double longStale = componentFigure(longTtl, "users", "stale_read_fraction");
  EXPECT_GT(longStale, 0.5);
  EXPECT_LT(shortStale, longStale / 2);
  // Staleness in versions: a key is written 5 times a second, so a 5 s copy lags by dozens.
  EXPECT_GT(componentFigure(longTtl, "users", "staleness_versions.max"), 10.0);
  EXPECT_LE(componentFigure(shortTtl, "users", "staleness_versions.max"), 3.0);
}

}  // namespace
}  // namespace pillars
