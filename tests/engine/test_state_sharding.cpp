// Shard routers against the theory of re-sharding: adding an 11th shard to 10 moves 10/11 of
// the keys under hash-mod and about 1/11 under consistent hashing; moving keys loses no
// acknowledged write and returns no stale read; a Zipf workload shows a hot shard.
#include <gtest/gtest.h>

#include <string>

#include "engine/io/scenario_reader.hpp"
#include "engine/pillars/state/key_versions.hpp"
#include "engine/pillars/state/shard_router.hpp"
#include "engine/pillars/state/store.hpp"
#include "state_fixtures.hpp"

namespace pillars {
namespace {

using testing::componentFigure;

/// A router over `shards` standalone stores k1..kN with `routerParams`, fed by a client.
ScenarioBuilder shardedStore(int shards, ScenarioBuilder::Params routerParams, ScenarioBuilder::Params clientParams) {
  ScenarioBuilder b("sharded");
  b.component("users", "client", clientParams).component("router", "shard_router", routerParams).link("users", "router");
  for (int i = 1; i <= shards; ++i) {
    const std::string id = "k" + std::to_string(i);
    b.component(id, "store");
    b.link("router", id, {{"latency", "exp(1ms)"}});
  }
  return b;
}

double movedFractionAddingAnEleventhShard(const std::string& strategy) {
  ScenarioBuilder b = shardedStore(
      11, {{"strategy", strategy}, {"vnodes", "100"}, {"keys", "100000"}, {"initial_shards", "10"}, {"migration_batch", "1000"}},
      {{"rate", "100"}, {"keys", "100000"}});
  b.fault(kSecond, FaultAction::AddShard, "router").duration(5 * kSecond);
  ScenarioRunner runner(b.scenario(), builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  const double fraction = componentFigure(r, "router", "moved_fraction");
  // Every key that changed owner did move, and the router ends with 11 shards in use.
  EXPECT_EQ(componentFigure(r, "router", "keys_moved"), fraction * 100000.0) << strategy;
  EXPECT_EQ(componentFigure(r, "router", "shards"), 11.0);
  EXPECT_EQ(componentFigure(r, "router", "migrations_pending"), 0.0);
  return fraction;
}

TEST(StateSharding, AnEleventhShardMovesTenEleventhsUnderHashModAndOneEleventhUnderConsistentHashing) {
  const double hashMod = movedFractionAddingAnEleventhShard("hash_mod");
  const double consistent = movedFractionAddingAnEleventhShard("consistent_hash");
  std::printf("11th shard: hash_mod moved %.4f (theory 10/11 = %.4f), consistent_hash moved %.4f (theory 1/11 = %.4f)\n",
              hashMod, 10.0 / 11.0, consistent, 1.0 / 11.0);
  EXPECT_NEAR(hashMod, 10.0 / 11.0, 0.01);
  EXPECT_NEAR(consistent, 1.0 / 11.0, 0.02);
}

TEST(StateSharding, MovingKeysLosesNoAcknowledgedWriteAndServesNoStaleRead) {
  // Keys move while a client reads and writes them: writes of a moving key are refused (and
  // retried), reads go to the old shard until the key has landed.
  ScenarioBuilder b = shardedStore(
      4, {{"strategy", "hash_mod"}, {"keys", "2000"}, {"initial_shards", "3"}, {"migration_batch", "20"}},
      {{"rate", "2000"}, {"keys", "2000"}, {"read_fraction", "0.5"}, {"retries", "3"}, {"backoff_base", "5ms"},
       {"requests", "40000"}});
  b.fault(5 * kSecond, FaultAction::AddShard, "router").duration(30 * kSecond);
  ScenarioRunner runner(b.scenario(), builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  EXPECT_GT(componentFigure(r, "router", "keys_moved"), 1000.0);
  EXPECT_GT(componentFigure(r, "router", "unavailable"), 0.0);  // writes caught mid-move
  EXPECT_EQ(componentFigure(r, "users", "stale_reads"), 0.0);
  // Each key's newest acknowledged version is on the shard that owns it now.
  Simulation& sim = runner.simulation();
  const auto& router = static_cast<const ShardRouter&>(*sim.findComponent("router"));
  const KeyVersions& versions = *sim.findExtension<KeyVersions>();
  int checked = 0;
  for (std::uint64_t key = 1; key <= 2000; ++key) {
    const std::uint64_t acked = versions.newestAcknowledged(key);
    if (acked == 0) continue;
    const auto& owner =
        static_cast<const Store&>(*sim.findComponent("k" + std::to_string(router.ownerOf(key) + 1)));
    EXPECT_GE(owner.versionOf(key), acked) << "key " << key;
    ++checked;
  }
  EXPECT_GT(checked, 1500);
}

TEST(StateSharding, ZipfKeysMakeAHotShardThatUniformKeysDoNot) {
  const auto maxMeanLoad = [](const char* distribution) {
    ScenarioBuilder b = shardedStore(8, {{"strategy", "hash_mod"}, {"keys", "10000"}},
                                     {{"rate", "1000"}, {"keys", "10000"}, {"key_distribution", distribution},
                                      {"zipf_exponent", "1.2"}});
    b.duration(20 * kSecond);
    ScenarioRunner runner(b.scenario(), builtinRegistry());
    runner.run();
    return componentFigure(runner.results(), "router", "max_mean_load");
  };
  const double uniform = maxMeanLoad("uniform");
  const double zipf = maxMeanLoad("zipf");
  EXPECT_LT(uniform, 1.1);
  EXPECT_GT(zipf, 2.0);  // the shard holding key 1 takes a fifth of everything
}

TEST(StateSharding, TheRecentLoadShowsANewShardTakingItsShareAtOnce) {
  // sharded-kv.json adds k5 at 60 s. At 90 s its total since the start is a fraction of the
  // others' (it missed the first minute); over the last 10-20 s it serves as much as they do.
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/sharded-kv.json",
                                       builtinRegistry());
  ASSERT_TRUE(load.ok());
  ScenarioRunner runner(*load.scenario, builtinRegistry(), load.scenario->seed, 90 * kSecond);
  runner.run();
  const RunResults r = runner.results();
  EXPECT_LT(componentFigure(r, "router", "shard_load.k5"), 0.35 * componentFigure(r, "router", "shard_load.k1"));
  EXPECT_GT(componentFigure(r, "router", "shard_load_recent.k5"), 0.8 * componentFigure(r, "router", "shard_load_recent.k1"));
  EXPECT_LT(componentFigure(r, "router", "max_mean_load_recent"), componentFigure(r, "router", "max_mean_load"));
}

TEST(StateSharding, RemovingAShardDrainsItsKeysToTheOthers) {
  ScenarioBuilder b = shardedStore(3, {{"strategy", "consistent_hash"}, {"keys", "3000"}}, {{"rate", "10"}});
  b.fault(kSecond, FaultAction::RemoveShard, "router").duration(10 * kSecond);
  ScenarioRunner runner(b.scenario(), builtinRegistry());
  runner.run();
  const auto& router = static_cast<const ShardRouter&>(*runner.simulation().findComponent("router"));
  EXPECT_EQ(router.activeShards(), 2u);
  for (std::uint64_t key = 1; key <= 3000; ++key) EXPECT_LT(router.ownerOf(key), 2u);
  EXPECT_NEAR(componentFigure(runner.results(), "router", "moved_fraction"), 1.0 / 3.0, 0.05);
}

}  // namespace
}  // namespace pillars
