// The State pillar's review evidence, read from the real kinds (store replica sets, shard
// routers, caches) and from a run (stale reads, lost writes, conflicts): the consistency model
// follows the quorum rule and the replication settings, and what a run measured can overrule
// what a design promises.
#include <gtest/gtest.h>

#include <algorithm>

#include "control_fixtures.hpp"
#include "engine/review/evidence.hpp"
#include "engine/review/risk.hpp"
#include "review_fixtures.hpp"

namespace pillars::review {
namespace {

const EvidenceItem* item(const std::vector<EvidenceItem>& all, const std::string& key) {
  const auto it = std::find_if(all.begin(), all.end(), [&](const EvidenceItem& e) { return e.key == key; });
  return it == all.end() ? nullptr : &*it;
}

std::string suggestionFor(const std::vector<EvidenceItem>& evidence, const std::string& question) {
  const Checklist& checklist = testing::bundledLibrary().checklists.front();
  for (const SuggestedAnswer& s : suggestAnswers(checklist, evidence)) {
    if (s.questionId == question) return s.choice;
  }
  return "";
}

TEST(StateEvidence, AStrictQuorumIsStrongAndAWeakOneEventual) {
  // quorum-kv.json: N = 3, W = R = 2.
  const auto strict = gatherEvidence(pillars::testing::exampleScenario("quorum-kv.json"), nullptr, {});
  const EvidenceItem* model = item(strict, "consistency_model");
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(model->value, "strong");
  EXPECT_NE(model->sentence.find("R + W > N"), std::string::npos) << model->sentence;
  EXPECT_EQ(suggestionFor(strict, "truth.consistency_model"), "strong");
  const EvidenceItem* replication = item(strict, "replication");
  ASSERT_NE(replication, nullptr);
  EXPECT_NE(replication->sentence.find("a leaderless store set of 3"), std::string::npos) << replication->sentence;
  EXPECT_EQ(replication->suggests, "yes");
  // R = W = 1: a read quorum can miss the last write.
  const auto weak = gatherEvidence(
      pillars::testing::exampleScenario("quorum-kv.json", {"s1.write_quorum=1", "s1.read_quorum=1", "s2.write_quorum=1",
                                                           "s2.read_quorum=1", "s3.write_quorum=1", "s3.read_quorum=1"}),
      nullptr, {});
  EXPECT_EQ(item(weak, "consistency_model")->value, "eventual");
  EXPECT_NE(item(weak, "consistency_model")->sentence.find("R + W <= N"), std::string::npos);
}

TEST(StateEvidence, TheRunsStaleReadsAndLostWritesAreEvidence) {
  // cache-staleness.json: a write-around cache without invalidation in front of one store.
  const pillars::testing::FinishedRun cache = pillars::testing::runExample("cache-staleness.json");
  const auto evidence = gatherEvidence(*cache.scenario, &cache.results, {});
  EXPECT_EQ(item(evidence, "consistency_model")->value, "eventual") << "the cache serves what the store replaced";
  const EvidenceItem* stale = item(evidence, "stale_reads");
  ASSERT_NE(stale, nullptr);
  EXPECT_TRUE(stale->fromRun);
  EXPECT_GT(std::stoll(stale->value), 0);
  EXPECT_EQ(stale->suggests, "eventual");
  EXPECT_EQ(suggestionFor(evidence, "truth.consistency_model"), "eventual");
  // leader-follower-failover.json: asynchronous replication loses writes at its failover.
  const pillars::testing::FinishedRun failover = pillars::testing::runExample("leader-follower-failover.json");
  const auto lf = gatherEvidence(*failover.scenario, &failover.results, {});
  const EvidenceItem* lost = item(lf, "lost_writes");
  ASSERT_NE(lost, nullptr);
  EXPECT_GT(std::stoll(lost->value), 0);
  EXPECT_NE(lost->sentence.find("over 1 failover"), std::string::npos) << lost->sentence;
  EXPECT_EQ(item(lf, "consistency_model")->value, "eventual") << "async acknowledgements";
}

TEST(StateEvidence, ShardsRaftAndConflictsAreReadFromTheirKinds) {
  const auto sharded = gatherEvidence(pillars::testing::exampleScenario("sharded-kv.json"), nullptr, {});
  const EvidenceItem* partitioning = item(sharded, "partitioning");
  ASSERT_NE(partitioning, nullptr);
  EXPECT_EQ(partitioning->value, "consistent_hash");
  EXPECT_EQ(suggestionFor(sharded, "state.partitioning"), "yes");
  // Five single stores, one line, and no copies.
  const EvidenceItem* single = item(sharded, "replication");
  ASSERT_NE(single, nullptr);
  EXPECT_EQ(single->suggests, "no");
  EXPECT_EQ(single->components.size(), 5u);

  const auto raft = gatherEvidence(pillars::testing::exampleScenario("raft-5.json"), nullptr, {});
  EXPECT_EQ(item(raft, "consistency_model")->value, "strong");
  EXPECT_EQ(item(raft, "conflict_resolution")->value, "single_writer");
  EXPECT_EQ(suggestionFor(raft, "truth.conflict_resolution"), "yes");

  // A leaderless set resolves conflicts by its own rule, and a run counts them.
  const pillars::testing::FinishedRun quorum = pillars::testing::runExample("quorum-kv.json");
  const auto counted = gatherEvidence(*quorum.scenario, &quorum.results, {});
  const EvidenceItem* conflicts = item(counted, "conflict_resolution");
  ASSERT_NE(conflicts, nullptr);
  EXPECT_EQ(conflicts->value, "lww");
  EXPECT_NE(conflicts->sentence.find("the last run counted"), std::string::npos) << conflicts->sentence;
}

}  // namespace
}  // namespace pillars::review
