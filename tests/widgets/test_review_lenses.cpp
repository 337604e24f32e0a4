// User checklists ("custom lenses"): files in <AppDataLocation>/checklists load beside the
// bundled checklist after Review › Reload Checklists, a chooser picks which one the dock shows
// and the report covers, and a broken user file is named (file, line:col, JSON path) while the
// bundled checklist keeps working.
#include <gtest/gtest.h>

#include <QSignalSpy>

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>

#include "widgets/document/topology_document.hpp"
#include "widgets/review/checklist_panel.hpp"
#include "widgets/review/question_row.hpp"
#include "widgets/review/review_actions.hpp"
#include "widgets/review/review_library.hpp"
#include "widgets/review/review_session.hpp"
#include "widgets/window/report_export.hpp"

namespace pillars {
namespace {

const QString kThreeTier = QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json");

/// A lens of two security questions in one section; `firstId` lets a test reuse a bundled id.
QByteArray securityLens(const char* firstId = "security.secrets", const char* firstAnswer = "yes") {
  QByteArray text = R"({
  "format": "pillars-checklist",
  "version": 1,
  "id": "security-lens",
  "title": "Security Lens",
  "sections": [
    {
      "id": "security",
      "title": "Security",
      "pillar": "control",
      "questions": [
        {
          "id": "FIRST_ID",
          "pillar": "control",
          "text": "Are secrets kept out of the code?",
          "choices": [{"id": "yes", "label": "Yes"}, {"id": "no", "label": "No"}],
          "risk_rules": [{"answer": "FIRST_ANSWER", "risk": "none"}, {"answer": "no", "risk": "high"}],
          "improvement": "Keep secrets in a vault and rotate them.",
          "evidence": []
        },
        {
          "id": "security.tls",
          "pillar": "control",
          "text": "Is every link encrypted?",
          "choices": [{"id": "yes", "label": "Yes"}, {"id": "no", "label": "No"}],
          "risk_rules": [{"answer": "yes", "risk": "none"}, {"answer": "no", "risk": "medium"}],
          "improvement": "Use TLS between every pair of components.",
          "evidence": []
        }
      ]
    }
  ]
}
)";
  text.replace("FIRST_ID", firstId);
  text.replace("FIRST_ANSWER", firstAnswer);
  return text;
}

/// Isolates the user's folder like the files tests do: Qt's test locations under a home of
/// this test's own, so no real user's checklists are read and parallel tests don't mix.
class ReviewLenses : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    m_oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(m_home.path()));
    ASSERT_TRUE(userChecklistsFolder().startsWith(m_home.path())) << userChecklistsFolder().toStdString();
    // The cache is per process: start from what this home holds (no user folder yet).
    reloadAppReviewLibrary();
    QStringList errors;
    ASSERT_TRUE(m_document.load(kThreeTier, &errors)) << errors.join(QLatin1Char('\n')).toStdString();
    m_actions = std::make_unique<ReviewActions>(m_document, m_window);
  }
  void TearDown() override {
    m_actions.reset();
    qputenv("HOME", m_oldHome);
    // Later tests of this process must not see this test's lenses.
    reloadAppReviewLibrary();
  }
  void writeLens(const QString& name, const QByteArray& text) {
    const QString folder = ensureUserChecklistsFolder();
    ASSERT_FALSE(folder.isEmpty());
    QFile file(QDir(folder).filePath(name));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
  }
  ChecklistPanel& panel() { return m_actions->checklist(); }
  ReviewSession& session() { return m_actions->session(); }
  QString title() const {
    auto* label = m_actions->checklist().findChild<QLabel*>(QStringLiteral("ChecklistTitle"));
    return label ? label->text() : QString();
  }
  std::string exportMarkdown() {
    const QString path = m_out.filePath(QStringLiteral("review.md"));
    const QString problem = exportReview(m_document, path, session().checklistId());
    EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return file.readAll().toStdString();
  }

  QTemporaryDir m_home;
  QTemporaryDir m_out;
  QByteArray m_oldHome;
  QMainWindow m_window;
  TopologyDocument m_document;
  std::unique_ptr<ReviewActions> m_actions;
};

TEST_F(ReviewLenses, OnlyTheBundledChecklistNeedsNoChooser) {
  EXPECT_TRUE(panel().chooser().isHidden());
  EXPECT_EQ(panel().chooser().count(), 1);
  EXPECT_EQ(session().checklistId(), "five-minute-review");
  EXPECT_EQ(panel().rows().size(), 15u);
  EXPECT_TRUE(panel().userErrorText().isEmpty());
}

TEST_F(ReviewLenses, ReloadShowsTheUserLensInTheChooserWithItsQuestions) {
  writeLens(QStringLiteral("security.json"), securityLens());
  // Cached until asked: the dock still shows the bundled checklist alone.
  EXPECT_EQ(panel().chooser().count(), 1);
  m_actions->reloadChecklists();
  EXPECT_FALSE(panel().chooser().isHidden());
  ASSERT_EQ(panel().chooser().count(), 2);
  EXPECT_EQ(panel().chooser().itemText(0), QStringLiteral("The 5-Minute Architecture Review"));
  EXPECT_EQ(panel().chooser().itemText(1), QStringLiteral("Security Lens"));
  EXPECT_TRUE(m_window.statusBar()->currentMessage().contains(QStringLiteral("2 checklist")))
      << m_window.statusBar()->currentMessage().toStdString();
  // The bundled checklist stays chosen until the user picks another.
  EXPECT_EQ(session().checklistId(), "five-minute-review");
  EXPECT_EQ(panel().rows().size(), 15u);

  panel().chooser().setCurrentIndex(1);
  emit panel().chooser().activated(1);
  EXPECT_EQ(session().checklistId(), "security-lens");
  EXPECT_TRUE(title().contains(QStringLiteral("Security Lens"))) << title().toStdString();
  ASSERT_EQ(panel().rows().size(), 2u);
  EXPECT_NE(panel().findChild<QComboBox*>(QStringLiteral("choice:security.tls")), nullptr);
  EXPECT_EQ(panel().findChild<QComboBox*>(QStringLiteral("choice:work.load_balancing")), nullptr);
  EXPECT_EQ(session().report().total, 2);
  EXPECT_EQ(panel().summaryText(), QStringLiteral("Answered 0 of 2 · 0 high, 0 medium"));

  // Answers of both checklists live side by side in the project, keyed by question id.
  review::Answers answers;
  answers["security.secrets"].choice = "no";
  answers["security.tls"].choice = "no";
  answers["work.load_balancing"].choice = "yes";
  m_document.setReviewAnswers(answers, QStringLiteral("answer"));
  EXPECT_EQ(panel().summaryText(), QStringLiteral("Answered 2 of 2 · 1 high, 1 medium"));

  // The report covers the chosen checklist.
  const std::string lensReport = exportMarkdown();
  EXPECT_NE(lensReport.find("Is every link encrypted?"), std::string::npos);
  EXPECT_EQ(lensReport.find("Load balancing strategy?"), std::string::npos);

  ASSERT_TRUE(session().chooseChecklist("five-minute-review"));
  EXPECT_EQ(panel().chooser().currentIndex(), 0);
  EXPECT_EQ(panel().rows().size(), 15u);
  EXPECT_EQ(session().report().answered, 1);
  EXPECT_EQ(m_document.review().answers.size(), 3u);
  const std::string bundledReport = exportMarkdown();
  EXPECT_NE(bundledReport.find("Load balancing strategy?"), std::string::npos);
  EXPECT_EQ(bundledReport.find("Is every link encrypted?"), std::string::npos);
}

TEST_F(ReviewLenses, ReloadKeepsTheChosenLensAndFallsBackWhenItIsGone) {
  writeLens(QStringLiteral("security.json"), securityLens());
  m_actions->reloadChecklists();
  ASSERT_TRUE(session().chooseChecklist("security-lens"));
  EXPECT_FALSE(session().chooseChecklist("no-such-checklist"));
  m_actions->reloadChecklists();
  EXPECT_EQ(session().checklistId(), "security-lens");
  EXPECT_EQ(panel().rows().size(), 2u);
  ASSERT_TRUE(QFile::remove(QDir(userChecklistsFolder()).filePath(QStringLiteral("security.json"))));
  m_actions->reloadChecklists();
  EXPECT_EQ(session().checklistId(), "five-minute-review");
  EXPECT_EQ(panel().rows().size(), 15u);
  EXPECT_TRUE(panel().chooser().isHidden());
}

TEST_F(ReviewLenses, ABrokenLensIsNamedAndTheBundledChecklistStillWorks) {
  writeLens(QStringLiteral("broken.json"), securityLens("security.secrets", "maybe"));
  QSignalSpy shown(m_actions.get(), &ReviewActions::checklistRequested);
  m_actions->reloadChecklists();
  const QString message = panel().userErrorText();
  // file:line:col: JSON path: what was expected
  EXPECT_TRUE(message.contains(QStringLiteral("broken.json:17:"))) << message.toStdString();
  EXPECT_TRUE(message.contains(QStringLiteral("$.sections[0].questions[0].risk_rules[0].answer"))) << message.toStdString();
  EXPECT_TRUE(message.contains(QStringLiteral("maybe"))) << message.toStdString();
  EXPECT_TRUE(m_window.statusBar()->currentMessage().contains(QStringLiteral("broken.json")))
      << m_window.statusBar()->currentMessage().toStdString();
  EXPECT_EQ(shown.count(), 1) << "a broken lens brings the checklist to the front";
  // The user's files are left out whole; the bundled checklist works as before.
  EXPECT_TRUE(panel().chooser().isHidden());
  EXPECT_EQ(session().checklistId(), "five-minute-review");
  ASSERT_EQ(panel().rows().size(), 15u);
  review::Answers answers;
  answers["work.load_balancing"].choice = "no";
  m_document.setReviewAnswers(answers, QStringLiteral("answer"));
  EXPECT_EQ(panel().summaryText(), QStringLiteral("Answered 1 of 15 · 1 high, 0 medium"));
  EXPECT_NE(exportMarkdown().find("Load balancing strategy?"), std::string::npos);

  // Fixed and reloaded, the message goes and the lens appears.
  writeLens(QStringLiteral("broken.json"), securityLens());
  m_actions->reloadChecklists();
  EXPECT_TRUE(panel().userErrorText().isEmpty());
  EXPECT_EQ(panel().chooser().count(), 2);
}

TEST_F(ReviewLenses, ALensReusingABundledQuestionIdNamesBothFiles) {
  writeLens(QStringLiteral("clash.json"), securityLens("work.load_balancing"));
  m_actions->reloadChecklists();
  const QString message = panel().userErrorText();
  EXPECT_TRUE(message.contains(QStringLiteral("clash.json"))) << message.toStdString();
  EXPECT_TRUE(message.contains(QStringLiteral("five-minute-review.json"))) << message.toStdString();
  EXPECT_TRUE(message.contains(QStringLiteral("work.load_balancing"))) << message.toStdString();
  EXPECT_EQ(panel().rows().size(), 15u);
}

TEST_F(ReviewLenses, OpenChecklistsFolderCreatesTheUserFolder) {
  QMenu menu;
  m_actions->addTo(menu);
  QStringList texts;
  for (const QAction* a : menu.actions()) texts.append(a->text());
  EXPECT_TRUE(texts.contains(QStringLiteral("Re&load Checklists"))) << texts.join(QLatin1Char('|')).toStdString();
  EXPECT_TRUE(texts.contains(QStringLiteral("Open Checklists &Folder"))) << texts.join(QLatin1Char('|')).toStdString();
  ASSERT_FALSE(QFileInfo::exists(userChecklistsFolder()));
  const QString folder = m_actions->openChecklistsFolder(/*open=*/false);
  EXPECT_EQ(folder, userChecklistsFolder());
  EXPECT_TRUE(QFileInfo(folder).isDir());
  EXPECT_TRUE(folder.startsWith(m_home.path()));
  EXPECT_TRUE(folder.endsWith(QStringLiteral("/checklists")));
}

}  // namespace
}  // namespace pillars
