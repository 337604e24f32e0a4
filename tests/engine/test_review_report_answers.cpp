// Review reports with the reviewer's stored answers and milestones: a stored answer wins over
// the evidence's suggestion and moves the risk counts, N/A reasons and notes are printed, the
// title page says whose the answers are, and a Milestones section appears only with milestones.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "engine/io/scenario_reader.hpp"
#include "engine/review/report_html.hpp"
#include "engine/review/report_markdown.hpp"
#include "engine/review/report_model.hpp"
#include "review_fixtures.hpp"

namespace pillars::review {
namespace {

class ReviewReportAnswers : public ::testing::Test {
 protected:
  void SetUp() override {
    ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json",
                                         builtinRegistry());
    ASSERT_TRUE(load.ok());
    m_scenario = *load.scenario;
  }

  Report build(const Answers* answers, const std::vector<Milestone>* milestones = nullptr) {
    ReportInput input;
    input.scenario = &m_scenario;
    input.library = &testing::bundledLibrary();
    input.date = "2026-01-15";
    input.answers = answers;
    input.milestones = milestones;
    input.facts = &m_facts;
    return buildReport(input);
  }

  static const ReportQuestion& question(const Report& r, const std::string& id) {
    for (const auto& q : r.questions) {
      if (q.id == id) return q;
    }
    ADD_FAILURE() << "no question " << id;
    return r.questions.front();
  }

  Scenario m_scenario;
  // The reviewer's uptime target: the single db's replication is recommended, so the report
  // has its appendix (three-tier's own facts recommend nothing it does not have).
  const std::map<std::string, std::string> m_facts{{"uptime_target_percent", "99.95"}};
};

TEST_F(ReviewReportAnswers, AStoredNoOverridesASuggestedYesAndMovesTheCounts) {
  const Report suggested = build(nullptr);
  // The first question the evidence answers "yes" without a risk, and whose "no" is a high risk.
  const Checklist* checklist = testing::bundledLibrary().findChecklist("five-minute-review");
  ASSERT_NE(checklist, nullptr);
  std::string id;
  for (const auto& q : suggested.questions) {
    const Question* full = nullptr;
    for (const Question* c : checklist->questions()) full = c->id == q.id ? c : full;
    ASSERT_NE(full, nullptr);
    if (q.suggested && q.risk == Risk::None && full->findChoice("yes") && q.answer == full->findChoice("yes")->label &&
        riskFor(*full, "no", {}) == Risk::High) {
      id = q.id;
      break;
    }
  }
  ASSERT_FALSE(id.empty()) << "the example has no question the evidence answers yes";

  const Answers answers{{id, Answer{"no", false, "", ""}}};
  const Report reviewed = build(&answers);
  const ReportQuestion& q = question(reviewed, id);
  EXPECT_FALSE(q.suggested);
  EXPECT_EQ(q.answer, "No");
  EXPECT_EQ(q.risk, Risk::High);
  EXPECT_EQ(reviewed.high, suggested.high + 1);
  EXPECT_EQ(reviewed.medium, suggested.medium);
  EXPECT_EQ(reviewed.answered, suggested.answered);  // it was answered before, by the suggestion
  EXPECT_EQ(reviewed.reviewerAnswers, 1);
  EXPECT_EQ(reviewed.suggestedAnswers, suggested.suggestedAnswers - 1);
  EXPECT_EQ(suggested.reviewerAnswers, 0);
  int pillarHigh = 0;
  for (const auto& p : reviewed.pillars) pillarHigh += p.high;
  EXPECT_EQ(pillarHigh, reviewed.high);
  // Every other question keeps its suggestion.
  for (const auto& other : reviewed.questions) {
    if (other.id == id) continue;
    EXPECT_EQ(other.suggested, other.answered) << other.id;
  }
  const std::string md = writeReportMarkdown(reviewed);
  EXPECT_NE(md.find("| Answers | 1 by the reviewer, " + std::to_string(reviewed.suggestedAnswers) + " suggested |"),
            std::string::npos);
  EXPECT_NE(md.find("| High risks | " + std::to_string(suggested.high + 1) + " |"), std::string::npos);
  EXPECT_NE(writeReportHtml(reviewed).find("<tr><th>Answers</th><td class=\"num\">1 by the reviewer, "),
            std::string::npos);
}

TEST_F(ReviewReportAnswers, NotApplicableShowsItsReasonAndNotesAppearUnderEvidence) {
  const Answers answers{
      {"state.partitioning", Answer{"", true, "the catalogue fits one node for years", ""}},
      {"work.load_balancing", Answer{"yes", false, "", "ask ops about sticky sessions"}},
      // A note with no choice: the suggestion stays, the note is still printed.
      {"state.replication_factor", Answer{"", false, "", "replica planned for Q3"}},
  };
  const Report r = build(&answers);
  const ReportQuestion& na = question(r, "state.partitioning");
  EXPECT_TRUE(na.answered);
  EXPECT_TRUE(na.notApplicable);
  EXPECT_FALSE(na.suggested);
  EXPECT_EQ(na.risk, Risk::None);
  const ReportQuestion& replication = question(r, "state.replication_factor");
  EXPECT_TRUE(replication.suggested);
  EXPECT_EQ(replication.risk, Risk::High);
  EXPECT_EQ(replication.reviewerNote, "replica planned for Q3");
  EXPECT_EQ(r.reviewerAnswers, 2);

  const std::string html = writeReportHtml(r);
  EXPECT_NE(html.find("Not applicable<br><span class=\"muted\">Reason: the catalogue fits one node for years</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<p><b>Note:</b> ask ops about sticky sessions</p>"), std::string::npos);
  EXPECT_NE(html.find("<p><b>Note:</b> replica planned for Q3</p>"), std::string::npos);
  EXPECT_NE(html.find("&nbsp;N/A&nbsp;"), std::string::npos);
  const std::string md = writeReportMarkdown(r);
  EXPECT_NE(md.find("| Not applicable<br>Reason: the catalogue fits one node for years | N/A |"), std::string::npos);
  EXPECT_NE(md.find("**Note:** ask ops about sticky sessions"), std::string::npos);
  EXPECT_NE(md.find("**Note:** replica planned for Q3"), std::string::npos);
  // Without milestones there is no Milestones section, and no contents entry for one.
  EXPECT_EQ(md.find(milestonesSectionTitle()), std::string::npos);
  EXPECT_EQ(html.find(milestonesSectionTitle()), std::string::npos);
  EXPECT_EQ(reportSectionTitles(r), reportSectionTitles());
}

TEST_F(ReviewReportAnswers, MilestonesGetASectionBeforeTheAppendixWithCountsPerPillar) {
  const Answers then{{"state.replication_factor", Answer{"no", false, "", ""}},
                     {"work.load_balancing", Answer{"no", false, "", ""}}};
  const Answers now{{"state.replication_factor", Answer{"no", false, "", ""}},
                    {"work.load_balancing", Answer{"yes", false, "", ""}}};
  const std::vector<Milestone> milestones{{"first look", then, "2026-01-01T09:00:00Z"}};
  const Report r = build(&now, &milestones);
  ASSERT_EQ(r.milestones.size(), 2u);
  EXPECT_EQ(r.milestones[0].name, "first look");
  EXPECT_EQ(r.milestones[0].high, 2);  // two "no" answers, both high
  EXPECT_EQ(r.milestones[0].medium, 0);
  EXPECT_EQ(r.milestones[1].name, "Now");
  EXPECT_EQ(r.milestones[1].date, "2026-01-15");
  EXPECT_EQ(r.milestones[1].high, 1);    // "yes" to load balancing with lb a single point of failure:
  EXPECT_EQ(r.milestones[1].medium, 1);  // medium, not high
  EXPECT_EQ(r.sinceLastMilestone.high, -1);
  EXPECT_EQ(r.sinceLastMilestone.medium, 1);
  ASSERT_EQ(r.milestones[0].pillars.size(), r.pillars.size());

  const auto titles = reportSectionTitles(r);
  ASSERT_EQ(titles.size(), reportSectionTitles().size() + 1);
  EXPECT_EQ(titles[titles.size() - 2], "6. Milestones");
  const std::string md = writeReportMarkdown(r);
  const auto section = md.find("\n## 6. Milestones\n");
  ASSERT_NE(section, std::string::npos);
  EXPECT_LT(section, md.find("\n## Appendix A. Patterns used\n"));
  EXPECT_GT(section, md.find("\n## 5. Simulation\n"));
  EXPECT_NE(md.find("| first look | 2026-01-01T09:00:00Z |"), std::string::npos);
  EXPECT_NE(md.find("| **2 / 0** |"), std::string::npos);
  EXPECT_NE(md.find("| **1 / 1** |"), std::string::npos);
  EXPECT_NE(md.find("Since \"first look\": high -1, medium +1; 1 question's risk changed: Load balancing strategy? "
                    "(high to medium)."),
            std::string::npos);
  const std::string html = writeReportHtml(r);
  EXPECT_NE(html.find("<h2>6. Milestones</h2>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#milestones\">6. Milestones</a>"), std::string::npos);
  EXPECT_LT(html.find("<h2>6. Milestones</h2>"), html.find("<h2>Appendix A. Patterns used</h2>"));
}

TEST_F(ReviewReportAnswers, TheSameAnswersAndMilestonesGiveByteIdenticalOutput) {
  const Answers answers{{"state.partitioning", Answer{"", true, "fits one node", "checked with the DBA"}}};
  const std::vector<Milestone> milestones{{"v1", answers, "2026-01-01T09:00:00Z"}};
  EXPECT_EQ(writeReportHtml(build(&answers, &milestones)), writeReportHtml(build(&answers, &milestones)));
  EXPECT_EQ(writeReportMarkdown(build(&answers, &milestones)), writeReportMarkdown(build(&answers, &milestones)));
  EXPECT_EQ(writeReportHtml(build(&answers, &milestones), HtmlFlavour::RichText),
            writeReportHtml(build(&answers, &milestones), HtmlFlavour::RichText));
  EXPECT_NE(writeReportMarkdown(build(&answers)), writeReportMarkdown(build(&answers, &milestones)));
}

}  // namespace
}  // namespace pillars::review
