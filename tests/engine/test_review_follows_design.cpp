// The review follows the design: accepted suggestions follow the evidence, the recommender's
// facts are kept and used, saturation is judged over time, and an applied pattern says what new
// single point of failure it added.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/io/scenario_reader.hpp"
#include "engine/metrics/time_series.hpp"
#include "engine/review/answers_in_use.hpp"
#include "engine/review/apply_consequences.hpp"
#include "engine/review/apply_pattern.hpp"
#include "engine/review/evidence.hpp"
#include "engine/review/fact_overrides.hpp"
#include "engine/review/report_html.hpp"
#include "engine/review/report_model.hpp"
#include "engine/review/saturation.hpp"
#include "engine/run/run_results.hpp"
#include "review_fixtures.hpp"

namespace pillars::review {
namespace {

Scenario threeTier() {
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json",
                                       builtinRegistry());
  EXPECT_TRUE(load.ok());
  return load.ok() ? *load.scenario : Scenario{};
}

/// A design's suggestions for the bundled checklist, with the evidence they point into.
struct Suggested {
  explicit Suggested(const Scenario& s)
      : evidence(gatherEvidence(s, nullptr)),
        suggestions(suggestAnswers(*testing::bundledLibrary().findChecklist("five-minute-review"), evidence)) {}
  const SuggestedAnswer* operator[](const std::string& id) const { return findSuggestion(suggestions, id); }
  std::vector<EvidenceItem> evidence;
  std::vector<SuggestedAnswer> suggestions;
};

TEST(FollowSuggestions, AnAcceptedSuggestionFollowsTheDesignAndTheReviewersOwnAnswerStays) {
  Scenario s = threeTier();
  const Suggested before(s);
  ASSERT_NE(before["work.load_balancing"], nullptr);
  // The load balancing question: remove the balancer and its suggestion turns from yes to no.
  Answers stored;
  stored["work.load_balancing"] = Answer{"yes", false, "", "", true};  // accepted
  stored["work.health_checks"] = Answer{"yes", false, "", "checked by hand"};  // the reviewer's
  Scenario without = s;
  ASSERT_EQ(applyHint(without, ApplyHint{"add_load_balancer", "db"}), "");
  // The design changed its evidence; a suggested answer follows what is suggested now.
  const Suggested after(without);
  const Answers now = followSuggestions(stored, after.suggestions);
  EXPECT_EQ(now.at("work.load_balancing").choice, after["work.load_balancing"]->choice);
  EXPECT_EQ(now.at("work.health_checks").choice, "yes");
  EXPECT_EQ(now.at("work.health_checks").note, "checked by hand");
  // Made up: a suggestion that changed is followed, and says so.
  std::vector<SuggestedAnswer> changed = after.suggestions;
  for (auto& x : changed) {
    if (x.questionId == "work.load_balancing") x.choice = "no";
  }
  EXPECT_EQ(followSuggestions(stored, changed).at("work.load_balancing").choice, "no");
  EXPECT_TRUE(evidenceChangedSince(stored.at("work.load_balancing"), changed, "work.load_balancing"));
  EXPECT_FALSE(evidenceChangedSince(stored.at("work.health_checks"), changed, "work.health_checks"));
}

TEST(FollowSuggestions, ApplyReplicationChangesTheEvidenceBehindTheAcceptedNo) {
  Scenario s = threeTier();
  const Suggested before(s);
  const SuggestedAnswer* replication = before["state.replication_factor"];
  ASSERT_NE(replication, nullptr);
  ASSERT_EQ(replication->choice, "no");
  const Answer accepted = acceptedSuggestion(Answer{}, *replication);
  EXPECT_FALSE(evidenceChangedSince(accepted, before.suggestions, "state.replication_factor"));
  ASSERT_EQ(applyHint(s, ApplyHint{"add_replica", "db"}), "");
  const Suggested after(s);
  // db has a replica now; "no" is still suggested, but because of the balancer Apply added.
  EXPECT_TRUE(evidenceChangedSince(accepted, after.suggestions, "state.replication_factor"));
  EXPECT_NE(basisOf(*after["state.replication_factor"]).find("db-lb"), std::string::npos);
}

TEST(FollowSuggestions, TheReportShowsTheAnswerTheDesignSuggestsNow) {
  Scenario s = threeTier();
  Answers stored;
  stored["state.replication_factor"] = Answer{"yes", false, "", "", true};  // accepted when it was so
  ReportInput input;
  input.scenario = &s;
  input.library = &testing::bundledLibrary();
  input.date = "2026-01-15";
  input.answers = &stored;
  const Report r = buildReport(input);
  const auto q = std::find_if(r.questions.begin(), r.questions.end(),
                              [](const ReportQuestion& x) { return x.id == "state.replication_factor"; });
  ASSERT_NE(q, r.questions.end());
  EXPECT_EQ(q->answer, "No replication") << "three-tier's db has no replica: the accepted yes follows the evidence";
}

TEST(ApplyConsequences, ApplyReplicationNamesTheBalancerItAddsAsANewSinglePointOfFailure) {
  const Scenario before = threeTier();
  Scenario after = before;
  ASSERT_EQ(applyHint(after, ApplyHint{"add_replica", "db"}), "");
  const auto added = newSinglePointsOfFailure(before, after);
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0], "db-lb is a new single point of failure (it cuts off users)");
  EXPECT_TRUE(newSinglePointsOfFailure(before, before).empty());
}

TEST(FactOverrides, TypedFactsGoOverTheDesignsAndEmptyMakesOneUnknown) {
  const Facts prefilled = prefillFacts(threeTier(), nullptr);
  ASSERT_TRUE(prefilled.get("peak_rps").has_value());
  std::vector<std::string> problems;
  const Facts facts = factsWithOverrides(prefilled, {{"uptime_target_percent", "99.95"}, {"peak_rps", ""},
                                                     {"data_size_gb", "lots"}},
                                         &problems);
  EXPECT_DOUBLE_EQ(std::get<double>(*facts.get("uptime_target_percent")), 99.95);
  EXPECT_FALSE(facts.get("peak_rps").has_value());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(std::find(facts.sources.begin(), facts.sources.end(), "uptime_target_percent: 99.95% (given by the reviewer)"),
            facts.sources.end());
}

TEST(FactOverrides, TheReportRecommendsWhatTheDialogDidAndIsTitledByTheProject) {
  Scenario s = threeTier();
  s.name.clear();
  const std::map<std::string, std::string> typed{{"uptime_target_percent", "99.95"}};
  ReportInput input;
  input.scenario = &s;
  input.library = &testing::bundledLibrary();
  input.date = "2026-01-15";
  input.documentName = "shop";
  const auto recommends = [](const Report& r, const std::string& id) {
    return std::any_of(r.recommendations.begin(), r.recommendations.end(),
                       [&](const ReportRecommendation& x) { return x.patternId == id; });
  };
  const Report plain = buildReport(input);
  EXPECT_FALSE(recommends(plain, "replication"));
  EXPECT_EQ(plain.title, "Architecture review: shop") << "not \"Untitled scenario\"";
  input.facts = &typed;
  const Report withFacts = buildReport(input);
  EXPECT_TRUE(recommends(withFacts, "replication"));
  EXPECT_NE(std::find(withFacts.facts.begin(), withFacts.facts.end(),
                      "uptime_target_percent: 99.95% (given by the reviewer)"),
            withFacts.facts.end());
}

TEST(ReportAppendix, AReportRecommendingNothingHasNoEmptyAppendix) {
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/mmc.json",
                                       builtinRegistry());
  ASSERT_TRUE(load.ok());
  ReportInput input;
  input.scenario = &*load.scenario;
  input.library = &testing::bundledLibrary();
  input.date = "2026-01-15";
  const Report r = buildReport(input);
  ASSERT_TRUE(r.patterns.empty());
  const auto titles = reportSectionTitles(r);
  EXPECT_EQ(std::find(titles.begin(), titles.end(), "Appendix A. Patterns used"), titles.end());
  EXPECT_EQ(writeReportHtml(r).find("Appendix A"), std::string::npos);
}

TEST(Saturation, AServiceAtFullUtilizationBeforeItCrashedIsAHotSpot) {
  // web1 sits at 100% for 30 s, then is down for 90 s: its run-long mean is 25%.
  TimeSeries series({"global.throughput_rps", "web1.utilization", "web1.up", "web2.utilization", "web2.up"});
  for (int t = 10; t <= 120; t += 10) {
    const double up = t <= 30 ? 1 : 0;
    series.append(t * kSecond, {100.0, up, up, 0.3, 1.0});
  }
  const auto saturation = saturationOverTime(series, 0.8);
  ASSERT_EQ(saturation.size(), 2u);
  EXPECT_EQ(saturation[0].component, "web1");
  EXPECT_DOUBLE_EQ(saturation[0].hotSeconds, 30.0);
  EXPECT_DOUBLE_EQ(saturation[0].upSeconds, 30.0);
  EXPECT_TRUE(sustained(saturation[0]));
  EXPECT_FALSE(sustained(saturation[1]));

  RunResults run;
  run.components.push_back(ComponentResult{});
  run.components.back().id = "web1";
  run.components.back().kind = "service";
  run.components.back().utilization = 0.25;
  const auto hotSpots = [&](const EvidenceOptions& options) {
    for (const auto& e : gatherEvidence(threeTier(), &run, options)) {
      if (e.key == "utilization_hot_spots") return e;
    }
    return EvidenceItem{};
  };
  EXPECT_EQ(hotSpots({}).value, "0") << "the mean alone misses it";
  EvidenceOptions overTime;
  overTime.saturation = &saturation;
  const EvidenceItem item = hotSpots(overTime);
  EXPECT_EQ(item.value, "1");
  EXPECT_NE(item.sentence.find("web1 at >= 80% for 30 s of 30 s up (run mean 25.0%)"), std::string::npos)
      << item.sentence;
}

}  // namespace
}  // namespace pillars::review
