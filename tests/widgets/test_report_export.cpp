// File → Export Review: the open document's review report, with its last finished run; and the
// printed report's pages: every example's topology printed with names of 7 pt or more, on pages
// that are never left half empty.
#include <gtest/gtest.h>

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>

#include <filesystem>
#include <set>

#include "widgets/report_pdf/printed_report.hpp"
#include "widgets/report_pdf/report_pdf.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/review/report_page.hpp"
#include "engine/review/report_html.hpp"
#include "engine/review/report_model.hpp"
#include "engine/review/report_svg_text.hpp"
#include "engine/review/review_loader.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/run/stored_run.hpp"
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
  ASSERT_TRUE(window.document().runs().last().has_value());
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

/// The report of a design without a run, as `pillars-cli report` builds it.
review::Report designReport(const Scenario& scenario) {
  static const review::LibraryLoad library =
      review::loadReviewFolders({std::filesystem::path(PILLARS_SOURCE_DIR) / "checklists"});
  EXPECT_TRUE(library.ok());
  review::ReportInput input;
  input.scenario = &scenario;
  input.library = &library.library;
  input.date = "2026-03-01";
  return review::buildReport(input);
}

review::Report exampleReport(const std::filesystem::path& file) {
  ScenarioLoad load = loadScenarioFile(file.string(), builtinRegistry());
  EXPECT_TRUE(load.ok()) << file;
  return designReport(load.ok() ? *load.scenario : Scenario{});
}

/// The smallest component name as printed: its font size in the part's SVG times the scale
/// the page gave the figure (printed width over the SVG's own width).
double printedNamePt(const review::Report& report, const reportpdf::PrintedFigure& figure) {
  for (const review::DiagramPart& part : report.diagram) {
    if (part.name != figure.name) continue;
    std::set<std::string> ids;
    for (const auto& id : part.components) ids.insert(id);
    double smallest = 0;
    for (const review::SvgText& t : review::separateSvgText(part.svg).texts) {
      if (ids.count(t.text) && (smallest == 0 || t.size < smallest)) smallest = t.size;
    }
    EXPECT_GT(smallest, 0) << figure.name;
    return smallest * figure.widthPt / figure.naturalWidth;
  }
  ADD_FAILURE() << "no diagram part " << figure.name;
  return 0;
}

TEST(PrintedReport, EveryParagraphOfAReportWithARunIsLaidOutAndPrinted) {
  // Qt's incremental relayout once left the blocks after the long questions table with no
  // lines: the Recommendations and Simulation sections, the charts and a table's intro were
  // missing from the PDF, though the HTML had them.
  ScenarioLoad load = loadScenarioFile(PILLARS_SOURCE_DIR "/resources/examples/chaos-monkey.json", builtinRegistry());
  ASSERT_TRUE(load.ok());
  Scenario scenario = *load.scenario;
  scenario.duration = 120 * kSecond;  // the first kill and its repair
  ScenarioRunner runner(scenario, builtinRegistry());
  ASSERT_TRUE(runner.run());
  const StoredRun stored = storeRun(scenario, runner, runner.results());
  static const review::LibraryLoad library =
      review::loadReviewFolders({std::filesystem::path(PILLARS_SOURCE_DIR) / "checklists"});
  review::ReportInput input;
  input.scenario = &scenario;
  input.library = &library.library;
  input.run = &stored;
  input.date = "2026-12-07";
  const review::Report report = review::buildReport(input);
  ASSERT_TRUE(report.run.has_value());
  ASSERT_FALSE(report.run->operations.empty());

  reportpdf::PrintedReport printed(report);
  QTextDocument& doc = printed.document();
  std::set<std::string> headings;
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    const QString text = block.text().trimmed();
    if (text.isEmpty()) continue;
    EXPECT_GT(doc.documentLayout()->blockBoundingRect(block).height(), 0.0) << text.left(60).toStdString();
    if (block.blockFormat().headingLevel() > 0) headings.insert(text.toStdString());
  }
  for (const char* h : {"4. Recommendations", "5. Simulation", "Self-healing", "Chaos experiments"}) {
    EXPECT_TRUE(headings.count(h)) << h;
  }
  bool intro = false;
  for (const auto& page : reportpdf::layOutPages(report)) {
    for (const auto& p : page.paragraphs) intro = intro || p.rfind("The project's last finished run", 0) == 0;
  }
  EXPECT_TRUE(intro);
}

TEST(PrintedReport, EveryExamplesTopologyIsLegibleAndNoPageIsHalfEmpty) {
  const std::filesystem::path dir = std::filesystem::path(PILLARS_SOURCE_DIR) / "resources" / "examples";
  std::set<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.insert(entry.path());
  }
  ASSERT_GE(files.size(), 20u);
  for (const auto& file : files) {
    const std::string name = file.filename().string();
    const review::Report report = exampleReport(file);
    ASSERT_FALSE(report.diagram.empty()) << name << ": " << report.diagramError;
    const auto pages = reportpdf::layOutPages(report);
    std::set<std::string> printed;
    double smallest = 1e9;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      for (const auto& figure : pages[i].printed) {
        if (figure.name.rfind("pillars:diagram", 0) != 0) continue;
        EXPECT_TRUE(printed.insert(figure.name).second) << name << ": " << figure.name << " printed twice";
        const double pt = printedNamePt(report, figure);
        EXPECT_GE(pt, 7.0) << name << ": " << figure.name << " on page " << i + 1;
        smallest = std::min(smallest, pt);
      }
      // Every page but the last is at least half full: sections flow, figures fill theirs.
      if (i + 1 < pages.size()) {
        EXPECT_GE(pages[i].filled, 0.5) << name << ": page " << i + 1 << " of " << pages.size();
      }
    }
    EXPECT_EQ(printed.size(), report.diagram.size()) << name;
    std::printf("%-28s %2zu pages, smallest printed name %5.2f pt\n", name.c_str(), pages.size(), smallest);
  }
}

TEST(PrintedReport, AWideTopologyGetsALandscapePageThatItFills) {
  // A balancer fanning out to ten services, then a chain of six: wide drawn either way.
  ScenarioBuilder b("fan and chain");
  const ScenarioBuilder::Params latency{{"latency", "lognormal(25ms, 0.4)"}};
  b.component("users", "client").component("lb", "load_balancer").component("agg", "service");
  b.link("users", "lb", latency);
  for (int i = 1; i <= 10; ++i) {
    const std::string web = "web" + std::to_string(i);
    b.component(web, "service").link("lb", web, latency).link(web, "agg", latency);
  }
  for (int i = 1; i <= 6; ++i) {
    b.component("stage" + std::to_string(i), "service")
        .link(i == 1 ? "agg" : "stage" + std::to_string(i - 1), "stage" + std::to_string(i), latency);
  }
  const Scenario scenario = b.build();
  const review::Report report = designReport(scenario);
  ASSERT_EQ(report.diagram.size(), 1u);
  const auto pages = reportpdf::layOutPages(report);
  int landscape = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (i + 1 < pages.size()) {
      EXPECT_GE(pages[i].filled, 0.5) << "page " << i + 1;
    }
    if (!pages[i].landscape) continue;
    ++landscape;
    EXPECT_TRUE(pages[i].figurePage);
    ASSERT_EQ(pages[i].printed.size(), 1u);
    EXPECT_EQ(pages[i].printed[0].name, "pillars:diagram");
    EXPECT_GE(printedNamePt(report, pages[i].printed[0]), 7.0);
    // The drawing spans the turned page's width.
    EXPECT_NEAR(pages[i].printed[0].widthPt, review::contentBox(true).width, 1.0);
    // Its caption follows it on its page; the text announced it on the page before.
    ASSERT_EQ(pages[i].paragraphs.size(), 2u);
    EXPECT_EQ(pages[i].paragraphs[1], "Figure 2. The topology.");
    bool announced = false;
    for (const auto& p : pages[i - 1].paragraphs) announced = announced || p.find("Figure 2 is on the next page.") != std::string::npos;
    EXPECT_TRUE(announced);
  }
  EXPECT_EQ(landscape, 1);
}

TEST(PrintedReport, ThreeTiersTopologyIsInTheTextAtItsPlannedSize) {
  const review::Report report =
      exampleReport(std::filesystem::path(PILLARS_SOURCE_DIR) / "resources" / "examples" / "three-tier.json");
  ASSERT_EQ(report.diagram.size(), 1u);
  const auto pages = reportpdf::layOutPages(report);
  const reportpdf::PrintedFigure* diagram = nullptr;
  for (const auto& page : pages) {
    for (const auto& figure : page.printed) {
      if (figure.name == "pillars:diagram") diagram = &figure;
    }
  }
  ASSERT_NE(diagram, nullptr);
  EXPECT_NEAR(diagram->widthPt, report.diagram[0].printedWidthPt(), 0.01);
  EXPECT_NEAR(diagram->naturalWidth, report.diagram[0].widthPt, 0.01);
  EXPECT_GE(printedNamePt(report, *diagram), 7.0);
}

}  // namespace
}  // namespace pillars
