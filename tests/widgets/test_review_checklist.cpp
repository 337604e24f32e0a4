// The Review dock: the 15 questions of the 5-Minute Architecture Review with the evidence the
// design gives, "Use suggestion" as an undoable answer that moves the risk counts and chart,
// and answers, notes and milestones kept in the project file.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "engine/run/scenario_runner.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/review/checklist_panel.hpp"
#include "widgets/review/milestones_dialog.hpp"
#include "widgets/review/question_row.hpp"
#include "widgets/review/review_actions.hpp"
#include "widgets/review/review_session.hpp"
#include "widgets/review/risk_chart.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {
namespace {

const QString kThreeTier = QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json");

class ReviewChecklist : public ::testing::Test {
 protected:
  void SetUp() override {
    QStringList errors;
    ASSERT_TRUE(m_document.load(kThreeTier, &errors)) << errors.join(QLatin1Char('\n')).toStdString();
    m_session = std::make_unique<ReviewSession>(m_document);
    ASSERT_NE(m_session->checklist(), nullptr) << m_session->loadError().toStdString();
    m_panel = std::make_unique<ChecklistPanel>(*m_session);
  }
  template <typename W>
  W* child(const char* role, const char* question) {
    auto* w = m_panel->findChild<W*>(QString::fromLatin1(role) + QLatin1Char(':') + QString::fromLatin1(question));
    EXPECT_NE(w, nullptr) << role << ":" << question;
    return w;
  }
  int pillarHigh(const std::string& pillar) const {
    for (const auto& p : m_session->report().pillars) {
      if (p.pillar == pillar) return p.high;
    }
    return -1;
  }

  TopologyDocument m_document;
  std::unique_ptr<ReviewSession> m_session;
  std::unique_ptr<ChecklistPanel> m_panel;
};

TEST_F(ReviewChecklist, ShowsFifteenQuestionsWithTheDesignsEvidence) {
  ASSERT_EQ(m_panel->rows().size(), 15u);
  EXPECT_EQ(m_panel->rows().front()->question().id, "work.load_balancing");
  // The SPOF sentence names the three components whose loss cuts off the clients.
  const QString spof = child<QLabel>("evidence", "state.replication_factor")->text();
  EXPECT_TRUE(spof.contains(QStringLiteral("Single points of failure: lb (cuts off"))) << spof.toStdString();
  EXPECT_TRUE(spof.contains(QStringLiteral("cache (cuts off"))) << spof.toStdString();
  EXPECT_TRUE(spof.contains(QStringLiteral("db (cuts off"))) << spof.toStdString();
  // Nothing is answered yet: no risk is guessed, every badge says so.
  EXPECT_EQ(m_session->report().answered, 0);
  EXPECT_EQ(m_panel->findChild<QProgressBar*>(QStringLiteral("ReviewProgress"))->value(), 0);
  EXPECT_EQ(m_panel->findChild<QProgressBar*>(QStringLiteral("ReviewProgress"))->maximum(), 15);
  EXPECT_EQ(child<QLabel>("risk", "state.replication_factor")->text(), QStringLiteral("Unanswered"));
  EXPECT_EQ(m_panel->summaryText(), QStringLiteral("Answered 0 of 15 · 0 high, 0 medium"));
  EXPECT_EQ(m_panel->chart().highCounts(), (QList<qreal>{0, 0, 0, 0, 0}));
}

TEST_F(ReviewChecklist, UsingASuggestionAnswersItMovesTheCountsAndUndoRestores) {
  QPushButton* suggest = child<QPushButton>("suggest", "state.replication_factor");
  ASSERT_TRUE(suggest->isVisibleTo(m_panel.get()));
  EXPECT_EQ(suggest->text(), QStringLiteral("Use suggestion: No replication"));
  QTest::mouseClick(suggest, Qt::LeftButton);

  EXPECT_EQ(m_document.review().answers.at("state.replication_factor").choice, "no");
  EXPECT_TRUE(m_document.isModified());
  EXPECT_EQ(m_document.undoStack().count(), 1);
  EXPECT_EQ(child<QComboBox>("choice", "state.replication_factor")->currentData().toString(), QStringLiteral("no"));
  EXPECT_EQ(child<QLabel>("risk", "state.replication_factor")->text(), QStringLiteral("High risk"));
  EXPECT_EQ(pillarHigh("state"), 1);
  EXPECT_EQ(m_session->report().answered, 1);
  EXPECT_EQ(m_panel->summaryText(), QStringLiteral("Answered 1 of 15 · 1 high, 0 medium"));
  // Pillars in seed order (work, state, truth, control, intelligence): state is the second bar.
  EXPECT_EQ(m_panel->chart().highCounts(), (QList<qreal>{0, 1, 0, 0, 0}));
  EXPECT_FALSE(suggest->isEnabled()) << "the suggestion is already the answer";
  EXPECT_EQ(suggest->text(), QStringLiteral("✓ The suggested answer"));

  m_document.undoStack().undo();
  EXPECT_EQ(m_document.review().answers.count("state.replication_factor"), 0u);
  EXPECT_EQ(pillarHigh("state"), 0);
  EXPECT_EQ(child<QLabel>("risk", "state.replication_factor")->text(), QStringLiteral("Unanswered"));
  EXPECT_EQ(m_panel->chart().highCounts(), (QList<qreal>{0, 0, 0, 0, 0}));
  EXPECT_FALSE(m_document.isModified());
}

TEST_F(ReviewChecklist, NotApplicableNeedsAReasonToCountAndNotesAreKept) {
  QCheckBox* na = child<QCheckBox>("na", "state.partitioning");
  na->setChecked(true);  // one undo step; without a reason the question still counts as unanswered
  EXPECT_TRUE(m_document.review().answers.at("state.partitioning").notApplicable);
  EXPECT_EQ(m_session->report().answered, 0);
  QLineEdit* reason = child<QLineEdit>("reason", "state.partitioning");
  EXPECT_TRUE(reason->isVisibleTo(m_panel.get()));
  reason->setText(QStringLiteral("one small database"));
  emit reason->editingFinished();
  EXPECT_EQ(m_session->report().answered, 1);
  EXPECT_EQ(child<QLabel>("risk", "state.partitioning")->text(), QStringLiteral("Not applicable"));
  QLineEdit* note = child<QLineEdit>("note", "work.load_balancing");
  note->setText(QStringLiteral("ask ops about sticky sessions"));
  emit note->editingFinished();
  EXPECT_EQ(m_document.review().answers.at("work.load_balancing").note, "ask ops about sticky sessions");
  EXPECT_EQ(m_document.undoStack().count(), 3);  // one step per change
}

TEST_F(ReviewChecklist, AnswersNotesAndMilestonesSurviveSaveAndReopen) {
  QTest::mouseClick(child<QPushButton>("suggest", "state.replication_factor"), Qt::LeftButton);
  review::Answer noted{"yes", false, "", "least connections"};
  m_document.setReviewAnswer("work.load_balancing", noted);
  m_document.addMilestone("first look", "2026-11-24T08:00:00Z");
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("reviewed.pillars"));
  QString error;
  ASSERT_TRUE(m_document.saveAs(path, &error)) << error.toStdString();
  EXPECT_FALSE(m_document.isModified());

  TopologyDocument reopened;
  QStringList errors;
  ASSERT_TRUE(reopened.load(path, &errors));
  EXPECT_TRUE(reopened.review() == m_document.review());
  EXPECT_EQ(reopened.review().answers.at("work.load_balancing").note, "least connections");
  ASSERT_EQ(reopened.review().milestones.size(), 1u);
  EXPECT_EQ(reopened.review().milestones[0].name, "first look");
  EXPECT_EQ(reopened.review().milestones[0].answers.size(), 2u);
  ReviewSession session(reopened);
  ChecklistPanel panel(session);
  // "Yes" to load balancing is a medium risk while lb is itself a single point of failure.
  EXPECT_EQ(panel.summaryText(), QStringLiteral("Answered 2 of 15 · 1 high, 1 medium"));
  auto* choice = panel.findChild<QComboBox*>(QStringLiteral("choice:state.replication_factor"));
  ASSERT_NE(choice, nullptr);
  EXPECT_EQ(choice->currentData().toString(), QStringLiteral("no"));
}

TEST_F(ReviewChecklist, TheEvidenceFollowsTheDesign) {
  // Removing the cache (and with it the only way to db) leaves lb the one single point of
  // failure; undo brings the three back.
  m_document.remove({"cache"});
  QString spof = child<QLabel>("evidence", "state.replication_factor")->text();
  EXPECT_TRUE(spof.contains(QStringLiteral("Single points of failure: lb (cuts off users)."))) << spof.toStdString();
  EXPECT_FALSE(spof.contains(QStringLiteral("cache (cuts off"))) << spof.toStdString();
  m_document.undoStack().undo();
  spof = child<QLabel>("evidence", "state.replication_factor")->text();
  EXPECT_TRUE(spof.contains(QStringLiteral("cache (cuts off"))) << spof.toStdString();
}

TEST_F(ReviewChecklist, AFinishedRunAddsMeasuredEvidence) {
  const QString before = child<QLabel>("evidence", "intelligence.auto_recovery")->text();
  EXPECT_FALSE(before.contains(QStringLiteral("Measured availability"))) << before.toStdString();
  Scenario shortRun = m_document.scenario();
  shortRun.duration = 20 * kSecond;  // past the 10 s warm-up, so requests are measured
  ScenarioRunner runner(shortRun, builtinRegistry());
  ASSERT_TRUE(runner.run());
  m_document.setLastRun(storeRun(shortRun, runner, runner.results()));  // what Simulate does at the end
  const QString after = child<QLabel>("evidence", "intelligence.auto_recovery")->text();
  EXPECT_TRUE(after.contains(QStringLiteral("▶ Run: Measured availability "))) << after.toStdString();
}

TEST_F(ReviewChecklist, MilestonesCompareSideBySide) {
  // Milestone 1: replication answered "no" (high). Then the answer becomes "yes": the later
  // milestone has one high risk less in State, and the table shows both.
  m_document.setReviewAnswer("state.replication_factor", review::Answer{"no", false, "", ""});
  m_document.addMilestone("single db", "2026-11-20T10:00:00Z");
  m_document.setReviewAnswer("state.replication_factor", review::Answer{"yes", false, "", "after adding a replica"});
  m_document.addMilestone("replicated", "2026-11-24T10:00:00Z");
  MilestonesDialog dialog(*m_session);
  dialog.compare(0, 1);
  QTableWidget& table = dialog.table();
  ASSERT_EQ(table.rowCount(), 5);
  ASSERT_EQ(table.item(1, 0)->text(), QStringLiteral("state"));
  EXPECT_EQ(table.item(1, 1)->text(), QStringLiteral("1"));  // high before
  // "Yes" is still a medium risk while db is a single point of failure (the rule looks at evidence).
  EXPECT_EQ(table.item(1, 2)->text(), QStringLiteral("0"));  // high after
  EXPECT_EQ(table.item(1, 4)->text(), QStringLiteral("1"));  // medium after
}

TEST(ReviewMenu, ShowChecklistShowsTheReviewTabAndSaveMilestoneIsUndoable) {
  MainWindow window;
  window.useDefaultLayout();
  QStringList errors;
  ASSERT_TRUE(window.openFile(kThreeTier, true, &errors));
  window.show();
  QWidget& panel = window.reviewActions().checklist();
  EXPECT_FALSE(panel.isVisible()) << "the design comes first";
  window.reviewActions().showChecklist();
  EXPECT_TRUE(panel.isVisible());
  EXPECT_TRUE(window.isReviewShown());
  // Accept All Suggestions answers every question the evidence speaks to, as one undo step.
  const int accepted = window.reviewActions().acceptAllSuggestions();
  // three-tier's evidence speaks to 4 questions: load balancing (yes), replication (no),
  // health checks (yes) and learning from failures (partly), as `pillars-cli review` says.
  EXPECT_EQ(accepted, 4);
  EXPECT_EQ(window.reviewActions().session().report().high, 1);
  EXPECT_EQ(window.reviewActions().session().report().answered, accepted);
  EXPECT_EQ(window.document().undoStack().count(), 1);
  EXPECT_EQ(window.reviewActions().acceptAllSuggestions(), 0) << "answered questions keep their answer";
  window.reviewActions().saveMilestone(QStringLiteral("v1"));
  ASSERT_EQ(window.document().review().milestones.size(), 1u);
  EXPECT_EQ(window.document().review().milestones[0].date.size(), 20u);  // 2026-11-24T08:00:00Z
  EXPECT_EQ(window.document().review().milestones[0].answers.size(), static_cast<std::size_t>(accepted));
  window.document().undoStack().undo();
  EXPECT_TRUE(window.document().review().milestones.empty());
  EXPECT_EQ(window.document().review().answers.size(), static_cast<std::size_t>(accepted));
}

}  // namespace
}  // namespace pillars
