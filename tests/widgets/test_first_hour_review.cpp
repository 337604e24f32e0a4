// The review follows the design: accepted answers follow the evidence and say when it changed,
// Apply names the single point of failure it adds, the recommender's facts are kept and used by
// the report, hot spots are judged over time, and the PDF keeps captions with their figures.
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>

#include "widgets/report_pdf/report_pdf.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/util/atomic_file.hpp"
#include "first_hour_fixture.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/review/facts_panel.hpp"
#include "widgets/review/recommender_dialog.hpp"
#include "widgets/review/review_actions.hpp"
#include "widgets/review/review_session.hpp"
#include "widgets/window/report_export.hpp"
#include "widgets/window/simulate_actions.hpp"

namespace pillars {
namespace {

const char* kReplication = "state.replication_factor";

TEST_F(FirstHour, AnAcceptedAnswerFollowsTheDesignAndApplyNamesTheNewSinglePointOfFailure) {
  launch(example("three-tier.json"));
  ReviewActions& review = window->reviewActions();
  ASSERT_GT(review.acceptAllSuggestions(), 0);
  const auto& stored = window->document().review().answers;
  ASSERT_TRUE(stored.count(kReplication));
  EXPECT_TRUE(stored.at(kReplication).fromSuggestion);
  EXPECT_EQ(stored.at(kReplication).choice, "no");
  review.showChecklist();
  auto* changed = window->findChild<QLabel*>(QStringLiteral("changed:") + QLatin1String(kReplication));
  ASSERT_NE(changed, nullptr);
  EXPECT_FALSE(changed->isVisible());

  // Recommend Patterns with the uptime the team needs; the fact is kept in the project.
  RecommenderDialog* dialog = review.openRecommender();
  ASSERT_NE(dialog, nullptr);
  FactsPanel& facts = dialog->facts();
  ASSERT_TRUE(facts.setFactText("uptime_target_percent", QStringLiteral("99.95")));
  EXPECT_EQ(window->document().review().facts.at("uptime_target_percent"), "99.95");
  std::size_t replication = facts.recommendations().size();
  for (std::size_t i = 0; i < facts.recommendations().size(); ++i) {
    if (facts.recommendations()[i].pattern->id == "replication") replication = i;
  }
  ASSERT_LT(replication, facts.recommendations().size());
  const QString message = facts.applyRecommendation(replication);
  EXPECT_TRUE(message.contains(QStringLiteral("db-lb is a new single point of failure"))) << message.toStdString();
  EXPECT_EQ(window->statusBar()->currentMessage(), message);

  // The answer as the review uses it follows the evidence as it is now, and the row says the
  // evidence behind it changed: db has a replica, the new balancer is a single point of failure.
  QCoreApplication::processEvents();
  ReviewSession& session = review.session();
  const review::SuggestedAnswer* now = session.suggestionFor(kReplication);
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(session.answers().at(kReplication).choice, now->choice);
  EXPECT_TRUE(session.evidenceChangedSince(kReplication));
  EXPECT_TRUE(changed->isVisible());
  EXPECT_TRUE(changed->text().contains(QStringLiteral("design changed"))) << changed->text().toStdString();
  // Accepting it again takes the evidence as it is now: the flag goes, still one undo step.
  const int steps = window->document().undoStack().count();
  auto* again = window->findChild<QPushButton*>(QStringLiteral("suggest:") + QLatin1String(kReplication));
  ASSERT_NE(again, nullptr);
  EXPECT_TRUE(again->text().startsWith(QStringLiteral("Accept again"))) << again->text().toStdString();
  again->click();
  QCoreApplication::processEvents();
  EXPECT_FALSE(session.evidenceChangedSince(kReplication));
  EXPECT_EQ(window->document().undoStack().count(), steps + 1);
}

TEST_F(FirstHour, TheRecommendersFactsAreKeptInTheProjectAndTheReportUsesThem) {
  showAtRealSize();
  ASSERT_TRUE(window->openTemplate(example("three-tier.json")));
  // A design of the user's own, without a scenario name: the report is titled by the project.
  Scenario unnamed = window->document().scenarioWithPositions();
  unnamed.name.clear();
  const QString json = tmp.filePath(QStringLiteral("unnamed.json"));
  ASSERT_TRUE(writeFileAtomically(json.toStdString(), writeScenarioJson(unnamed), nullptr));
  ASSERT_TRUE(window->openFile(json, true));
  const QString project = tmp.filePath(QStringLiteral("shop.pillars"));
  RecommenderDialog* dialog = window->reviewActions().openRecommender();
  ASSERT_TRUE(dialog->facts().setFactText("uptime_target_percent", QStringLiteral("99.95")));
  dialog->close();
  QString error;
  ASSERT_TRUE(window->document().saveAs(project, &error)) << error.toStdString();

  MainWindow reopened;
  ASSERT_TRUE(reopened.openFile(project, true));
  EXPECT_EQ(reopened.document().review().facts.at("uptime_target_percent"), "99.95");
  // The next dialog starts from them...
  RecommenderDialog* next = reopened.reviewActions().openRecommender();
  bool recommendsReplication = false;
  for (const auto& r : next->facts().recommendations()) recommendsReplication |= r.pattern->id == "replication";
  EXPECT_TRUE(recommendsReplication);
  next->close();
  // ...and so does the report: no "No pattern rule fires" where the dialog recommended one.
  const auto report = reviewReportOf(reopened.document(), "five-minute-review", &error);
  ASSERT_TRUE(report.has_value()) << error.toStdString();
  EXPECT_EQ(report->title, "Architecture review: shop") << "not \"Untitled scenario\"";
  bool reported = false;
  for (const auto& r : report->recommendations) reported |= r.patternId == "replication";
  EXPECT_TRUE(reported);
}

TEST_F(FirstHour, AServiceSaturatedBeforeItCrashedIsAHotSpot) {
  // One worker at 10 ms offered 150 req/s: 100% busy until it crashes at 20 s of 60 s.
  ScenarioBuilder b("saturated");
  b.component("client1", "client", {{"rate", "150"}, {"timeout", "2s"}})
      .component("service1", "service")
      .link("client1", "service1")
      .fault(20 * kSecond, FaultAction::Crash, "service1")
      .duration(60 * kSecond)
      .warmup(0)
      .metricsInterval(kSecond);
  const QString path = tmp.filePath(QStringLiteral("saturated.json"));
  ASSERT_TRUE(writeFileAtomically(path.toStdString(), writeScenarioJson(b.build()), nullptr));
  showAtRealSize();
  ASSERT_TRUE(window->openFile(path, true));
  ASSERT_TRUE(window->simulateActions().ensureLoaded());
  ASSERT_TRUE(window->liveRun().runToEnd());
  ASSERT_TRUE(window->document().runs().last().has_value());
  const RunResults* run = window->reviewActions().session().lastRun();
  ASSERT_NE(run, nullptr);
  double mean = 1;
  for (const auto& c : run->components) {
    if (c.id == "service1") mean = c.utilization;
  }
  EXPECT_LT(mean, 0.8) << "the run-long mean hides it";
  const review::EvidenceItem* hot = nullptr;
  for (const auto& e : window->reviewActions().session().evidence()) {
    if (e.key == "utilization_hot_spots") hot = &e;
  }
  ASSERT_NE(hot, nullptr);
  EXPECT_NE(hot->sentence.find("service1 at >= 80%"), std::string::npos) << hot->sentence;
  EXPECT_EQ(hot->sentence.find("No service runs"), std::string::npos) << hot->sentence;
}

TEST_F(FirstHour, NoPdfPageHoldsOnlyACaption) {
  launch(example("three-tier.json"));
  ASSERT_TRUE(window->simulateActions().ensureLoaded());
  ASSERT_TRUE(window->liveRun().runToEnd());
  // A change after the run adds the "design changed" note, which pushed Figure 4's caption to
  // a page of its own.
  ASSERT_TRUE(window->document().setParameter("db", "workers", QStringLiteral("40")).isEmpty());
  QString error;
  const auto report = reviewReportOf(window->document(), "five-minute-review", &error);
  ASSERT_TRUE(report.has_value()) << error.toStdString();
  const auto pages = reportpdf::layOutPages(*report);
  ASSERT_GT(pages.size(), 3u);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const auto& page = pages[i];
    for (std::size_t p = 0; p < page.paragraphs.size(); ++p) {
      if (page.paragraphs[p].rfind("Figure ", 0) != 0) continue;
      // A caption's figure is on its page, right before it.
      ASSERT_GT(p, 0u) << "page " << i + 1 << " starts with the caption \"" << page.paragraphs[p] << "\"";
      EXPECT_NE(page.paragraphs[p - 1].find("\xEF\xBF\xBC"), std::string::npos) << page.paragraphs[p];
    }
    EXPECT_FALSE(page.paragraphs.empty()) << "page " << i + 1 << " is empty";
  }
}

}  // namespace
}  // namespace pillars
