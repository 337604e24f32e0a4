// File → Export Review: the open document's review report, with its last finished run.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>

#include "engine/review/report_html.hpp"
#include "tests/widgets/simulating_fixture.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/report_export.hpp"

namespace pillars {
namespace {

class ReportExport : public Simulating {
 protected:
  std::string exported(const QString& name) {
    const QString path = m_dir.filePath(name);
    const QString problem = exportReview(window.document(), path);
    EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return file.readAll().toStdString();
  }
  QTemporaryDir m_dir;
};

TEST_F(ReportExport, HtmlPdfAndMarkdownIncludeTheFinishedRun) {
  ASSERT_NE(action(QStringLiteral("Export Review\u2026")), nullptr);
  EXPECT_NE(exported(QStringLiteral("before.html")).find("There is no stored run"), std::string::npos);
  action(QStringLiteral("Step"))->trigger();
  ASSERT_TRUE(live().runToEnd());
  ASSERT_TRUE(window.document().lastRun().has_value());
  const std::string html = exported(QStringLiteral("review.html"));
  // Every section but the appendix: three-tier's facts recommend no pattern it does not have.
  const auto& titles = review::reportSectionTitles();
  for (std::size_t i = 0; i + 1 < titles.size(); ++i) EXPECT_NE(html.find(titles[i]), std::string::npos) << titles[i];
  EXPECT_EQ(html.find(titles.back()), std::string::npos);
  EXPECT_EQ(html.find("There is no stored run"), std::string::npos);
  // The run the app keeps describes the open design exactly.
  EXPECT_EQ(html.find("The design changed after this run"), std::string::npos);
  EXPECT_NE(html.find("<polyline"), std::string::npos);
  EXPECT_EQ(exported(QStringLiteral("review.pdf")).rfind("%PDF-", 0), 0u);
  EXPECT_NE(exported(QStringLiteral("review.md")).find("## 5. Simulation"), std::string::npos);
  EXPECT_FALSE(exportReview(window.document(), m_dir.filePath(QStringLiteral("review.txt"))).isEmpty());
}

TEST_F(ReportExport, AnAnswerGivenInTheChecklistIsInTheExportedReport) {
  const std::string before = exported(QStringLiteral("before.md"));
  EXPECT_NE(before.find("| Answers | 0 by the reviewer, "), std::string::npos);
  // Answer "No" to load balancing and write a note, as a reviewer does in the Review dock.
  auto* choice = window.findChild<QComboBox*>(QStringLiteral("choice:work.load_balancing"));
  ASSERT_NE(choice, nullptr);
  const int no = choice->findData(QStringLiteral("no"));
  ASSERT_GE(no, 0);
  choice->setCurrentIndex(no);
  emit choice->activated(no);
  auto* note = window.findChild<QLineEdit*>(QStringLiteral("note:work.load_balancing"));
  ASSERT_NE(note, nullptr);
  note->setText(QStringLiteral("sticky sessions for the cart"));
  emit note->editingFinished();
  ASSERT_EQ(window.document().review().answers.at("work.load_balancing").choice, "no");

  const std::string md = exported(QStringLiteral("answered.md"));
  EXPECT_NE(md.find("| Load balancing strategy? | No | **HIGH** |"), std::string::npos);
  EXPECT_NE(md.find("**Note:** sticky sessions for the cart"), std::string::npos);
  EXPECT_NE(md.find("| Answers | 1 by the reviewer, "), std::string::npos);
  EXPECT_NE(exported(QStringLiteral("answered.html")).find("<p><b>Note:</b> sticky sessions for the cart</p>"),
            std::string::npos);
}

}  // namespace
}  // namespace pillars
