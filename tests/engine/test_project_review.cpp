// Review answers and milestones in project files (schema 3, and schema 4's suggestion marks and
// recommender facts): they read back exactly, an older project has none (or, from schema 3, no
// marks and facts), and a damaged review table is reported naming the file.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "engine/io/project_file.hpp"

namespace pillars {
namespace {

namespace fs = std::filesystem;

class ProjectReviews : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("pillars-review-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(m_dir);
    ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json",
                                         builtinRegistry());
    ASSERT_TRUE(load.ok());
    m_scenario = *load.scenario;
  }
  void TearDown() override { fs::remove_all(m_dir); }
  std::string path(const std::string& name) const { return (m_dir / name).string(); }
  static void exec(const std::string& p, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  static ProjectReview sample() {
    ProjectReview r;
    r.answers["work.load_balancing"] = review::Answer{"yes", false, "", "least connections on lb"};
    r.answers["state.partitioning"] = review::Answer{"", true, "one small database", ""};
    r.answers["truth.consistency_model"] = review::Answer{"strong", false, "", "quotes: \"strong\"; ü"};
    review::Milestone first{"before the cache", {}, "2026-11-20T10:00:00Z"};
    first.answers["work.load_balancing"] = review::Answer{"no", false, "", ""};
    review::Milestone second{"v2", r.answers, "2026-11-24T08:30:00Z"};
    r.milestones = {first, second};
    return r;
  }

  fs::path m_dir;
  Scenario m_scenario;
};

TEST_F(ProjectReviews, AnswersNotesAndMilestonesReadBackTheSame) {
  const std::string p = path("reviewed.pillars");
  const ProjectReview review = sample();
  ASSERT_EQ(saveProjectFile(p, m_scenario, nullptr, &review), "");
  ASSERT_TRUE(loadProjectFile(p, builtinRegistry()).ok());
  std::string error;
  const auto back = loadProjectReview(p, &error);
  ASSERT_TRUE(back.has_value()) << error;
  EXPECT_TRUE(*back == review);
  ASSERT_EQ(back->answers.size(), 3u);
  EXPECT_EQ(back->answers.at("work.load_balancing").note, "least connections on lb");
  EXPECT_TRUE(back->answers.at("state.partitioning").notApplicable);
  EXPECT_EQ(back->answers.at("state.partitioning").reason, "one small database");
  EXPECT_EQ(back->answers.at("truth.consistency_model").note, "quotes: \"strong\"; ü");
  ASSERT_EQ(back->milestones.size(), 2u);
  EXPECT_EQ(back->milestones[0].name, "before the cache");  // oldest first
  EXPECT_EQ(back->milestones[0].date, "2026-11-20T10:00:00Z");
  EXPECT_EQ(back->milestones[0].answers.at("work.load_balancing").choice, "no");
  EXPECT_EQ(back->milestones[1].answers.size(), 3u);
}

TEST_F(ProjectReviews, AProjectSavedWithoutAReviewHasAnEmptyOne) {
  const std::string p = path("plain.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  const auto back = loadProjectReview(p);
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(back->answers.empty());
  EXPECT_TRUE(back->milestones.empty());
}

TEST_F(ProjectReviews, ASchemaTwoProjectStillOpensAndHasNoReview) {
  const std::string p = path("v2.pillars");
  const ProjectReview review = sample();
  ASSERT_EQ(saveProjectFile(p, m_scenario, nullptr, &review), "");
  exec(p, "DROP TABLE milestone_answer; DROP TABLE milestone; DROP TABLE review_answer; PRAGMA user_version = 2");
  ASSERT_TRUE(loadProjectFile(p, builtinRegistry()).ok());
  std::string error;
  EXPECT_FALSE(loadProjectReview(p, &error).has_value());
  EXPECT_EQ(error, "");
}

TEST_F(ProjectReviews, AMissingReviewTableIsReportedNamingTheFile) {
  const std::string p = path("broken.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  exec(p, "DROP TABLE review_answer");
  std::string error;
  EXPECT_FALSE(loadProjectReview(p, &error).has_value());
  EXPECT_NE(error.find("broken.pillars: cannot read the review answers (table review_answer)"), std::string::npos)
      << error;
}

TEST_F(ProjectReviews, SuggestionMarksAndTypedFactsReadBack) {
  const std::string p = path("facts.pillars");
  ProjectReview stored;
  stored.answers["state.replication_factor"] = review::Answer{"no", false, "", "", true, "db: a single instance\nand more"};
  stored.answers["work.load_balancing"] = review::Answer{"yes", false, "", "mine"};
  stored.facts = {{"uptime_target_percent", "99.95"}, {"peak_rps", ""}};
  ASSERT_EQ(saveProjectFile(p, m_scenario, nullptr, &stored), "");
  std::string error;
  const auto back = loadProjectReview(p, &error);
  ASSERT_TRUE(back.has_value()) << error;
  EXPECT_TRUE(*back == stored);
  EXPECT_TRUE(back->answers.at("state.replication_factor").fromSuggestion);
  EXPECT_FALSE(back->answers.at("work.load_balancing").fromSuggestion);
  EXPECT_EQ(back->facts.at("uptime_target_percent"), "99.95");
  EXPECT_EQ(back->facts.at("peak_rps"), "");
}

TEST_F(ProjectReviews, ASchemaThreeProjectOpensWithItsAnswersAsTheReviewersAndSavesAsFour) {
  const std::string p = path("v3.pillars");
  ASSERT_EQ(saveProjectFile(p, m_scenario), "");
  // Rebuilt as schema 3 wrote it: no from_suggestion column, no review_fact table.
  exec(p,
      "DROP TABLE review_answer; DROP TABLE milestone_answer; DROP TABLE review_fact;"
      "CREATE TABLE review_answer (question TEXT NOT NULL, choice TEXT NOT NULL, not_applicable INTEGER NOT NULL,"
      " reason TEXT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (question));"
      "CREATE TABLE milestone_answer (milestone INTEGER NOT NULL, question TEXT NOT NULL, choice TEXT NOT NULL,"
      " not_applicable INTEGER NOT NULL, reason TEXT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (milestone, question));"
      "INSERT INTO review_answer VALUES ('work.load_balancing', 'yes', 0, '', 'old');"
      "PRAGMA user_version = 3;");
  ASSERT_TRUE(loadProjectFile(p, builtinRegistry()).ok());
  std::string error;
  auto back = loadProjectReview(p, &error);
  ASSERT_TRUE(back.has_value()) << error;
  EXPECT_EQ(back->answers.at("work.load_balancing").note, "old");
  EXPECT_FALSE(back->answers.at("work.load_balancing").fromSuggestion);
  EXPECT_TRUE(back->facts.empty());
  // Saved again, it is a schema 4 project with the same review.
  ASSERT_EQ(saveProjectFile(p, m_scenario, nullptr, &*back), "");
  const auto again = loadProjectReview(p, &error);
  ASSERT_TRUE(again.has_value()) << error;
  EXPECT_TRUE(*again == *back);
}

}  // namespace
}  // namespace pillars
