// The State pillar's bundled examples do what their descriptions promise, and so do the
// variations the descriptions suggest trying.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/overrides.hpp"
#include "state_fixtures.hpp"

namespace pillars {
namespace {

using testing::componentFigure;
using testing::groupFigure;

/// Runs an example, with `--set` style overrides.
RunResults runExample(const std::string& name, const std::vector<std::string>& overrides = {}) {
  ScenarioLoad load =
      loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/" + name, builtinRegistry());
  EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  Scenario s = *load.scenario;
  for (const std::string& o : overrides) EXPECT_EQ(applyOverride(s, o), "") << o;
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  return runner.results();
}

std::vector<std::string> onAllThree(const std::vector<std::string>& settings) {
  std::vector<std::string> out;
  for (const char* s : {"s1", "s2", "s3"}) {
    for (const std::string& setting : settings) out.push_back(std::string(s) + "." + setting);
  }
  return out;
}

TEST(StateExamples, QuorumKvStaysConsistentAndRefusesDuringThePartition) {
  const RunResults cp = runExample("quorum-kv.json");
  EXPECT_EQ(componentFigure(cp, "users", "stale_reads"), 0.0);
  // s3 coordinates a third of 1,000 req/s for the 30 s it is cut off.
  EXPECT_NEAR(groupFigure(cp, "replicas:s1", "unavailable"), 10000.0, 1000.0);

  const RunResults weak = runExample("quorum-kv.json", onAllThree({"write_quorum=1", "read_quorum=1"}));
  EXPECT_GT(componentFigure(weak, "users", "stale_reads"), 0.0);

  const RunResults ap = runExample("quorum-kv.json", onAllThree({"hinted_handoff=true", "read_quorum=1"}));
  EXPECT_EQ(groupFigure(ap, "replicas:s1", "unavailable"), 0.0);
  EXPECT_GT(componentFigure(ap, "users", "stale_reads"), 0.0);
  EXPECT_EQ(groupFigure(ap, "replicas:s1", "converged"), 1.0);
}

TEST(StateExamples, LeaderFollowerFailoverLosesWritesAsyncButNoneSync) {
  const RunResults async = runExample("leader-follower-failover.json");
  const double lost = groupFigure(async, "replicas:s1", "lost_writes");
  // About the write rate (600/s) times the mean lag: Little's law, one draw of it.
  const double predicted = 600.0 * groupFigure(async, "replicas:s1", "replication_lag_ms.mean") / 1000.0;
  EXPECT_GT(lost, 0.0);
  EXPECT_NEAR(lost, predicted, 0.6 * predicted);
  EXPECT_EQ(groupFigure(async, "replicas:s1", "failovers"), 1.0);
  EXPECT_EQ(async.failed, 0u);

  const RunResults sync = runExample("leader-follower-failover.json", onAllThree({"ack=sync"}));
  EXPECT_EQ(groupFigure(sync, "replicas:s1", "lost_writes"), 0.0);
  EXPECT_GT(sync.latency.p99, async.latency.p99);  // every write waits for both followers

  const RunResults followers = runExample("leader-follower-failover.json", onAllThree({"read_from=followers"}));
  // Followers answer from copies up to the lag behind; reads at the leader are stale only for
  // the lost writes' keys.
  EXPECT_GT(componentFigure(followers, "users", "stale_reads"), 10 * componentFigure(async, "users", "stale_reads"));
}

TEST(StateExamples, ShardedKvMovesAFifthOfTheKeysUnderConsistentHashingAndFourFifthsUnderHashMod) {
  const RunResults ring = runExample("sharded-kv.json");
  EXPECT_NEAR(componentFigure(ring, "router", "moved_fraction"), 0.2, 0.03);
  EXPECT_EQ(componentFigure(ring, "router", "shards"), 5.0);
  EXPECT_EQ(componentFigure(ring, "users", "stale_reads"), 0.0);
  EXPECT_GT(componentFigure(ring, "router", "max_mean_load"), 1.1);  // Zipf keys: a hot shard

  const RunResults mod = runExample("sharded-kv.json", {"router.strategy=hash_mod"});
  EXPECT_NEAR(componentFigure(mod, "router", "moved_fraction"), 0.8, 0.02);
}

TEST(StateExamples, CacheStalenessGoesAwayWithWriteThroughAndIsBoundedByATtl) {
  const RunResults around = runExample("cache-staleness.json");
  EXPECT_GT(componentFigure(around, "users", "stale_read_fraction"), 0.5);
  const RunResults through = runExample("cache-staleness.json", {"cache.write_policy=write_through"});
  EXPECT_EQ(componentFigure(through, "users", "stale_reads"), 0.0);
  EXPECT_GT(componentFigure(through, "cache", "hit_ratio"), 0.8);
  const RunResults invalidate = runExample("cache-staleness.json", {"cache.invalidate=true"});
  EXPECT_LT(componentFigure(invalidate, "users", "stale_read_fraction"), 0.005);
  const RunResults ttl = runExample("cache-staleness.json", {"cache.write_policy=ttl", "cache.ttl=500ms"});
  EXPECT_LT(componentFigure(ttl, "users", "staleness_versions.max"),
            componentFigure(around, "users", "staleness_versions.max") / 10);
}

}  // namespace
}  // namespace pillars
