// `pillars-cli report`: HTML, Markdown and PDF from a project with a stored run; the PDF's text
// is read back with pdftotext (poppler-utils) when it is installed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "engine/io/json.hpp"
#include "engine/io/project_file.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/review/report_html.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/run/stored_run.hpp"
#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliReport : public CliTest {
 protected:
  /// The three-tier example, run for 15 s and saved with its run; returns the run's p99.
  double makeProjectWithRun(const std::filesystem::path& project) {
    ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json",
                                         builtinRegistry());
    EXPECT_TRUE(load.ok());
    Scenario scenario = *load.scenario;
    scenario.duration = 15 * kSecond;
    ScenarioRunner runner(scenario, builtinRegistry());
    EXPECT_TRUE(runner.run());
    const RunResults results = runner.results();
    const StoredRun run = storeRun(scenario, runner, results);
    // The reviewer's uptime target recommends replicating the single db, so the report has
    // every section (three-tier's own facts recommend nothing it does not have).
    ProjectReview review;
    review.facts["uptime_target_percent"] = "99.95";
    EXPECT_EQ(saveProjectFile(project.string(), scenario, &run, &review), "");
    const JsonValue summary = parseJsonOrFail(run.summaryJson, "summary");
    return number(summary, {"global", "latency_ms", "p99"});
  }
};

TEST_F(CliReport, HtmlAndMarkdownFromAProjectWithARun) {
  const auto project = tmp("three-tier.pillars");
  const double p99 = makeProjectWithRun(project);
  const auto html = tmp("review.html");
  const CliRun r = runCli({"report", project.string(), "--format", "html", "-o", html.string(), "--date", "2026-03-01"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const std::string text = readFile(html);
  for (const auto& title : review::reportSectionTitles()) EXPECT_NE(text.find(title), std::string::npos) << title;
  EXPECT_NE(text.find(review::formatNumber(p99, 2) + " ms"), std::string::npos);
  EXPECT_NE(text.find("2026-03-01"), std::string::npos);
  // The same project and date: the same bytes.
  const auto again = tmp("again.html");
  ASSERT_EQ(runCli({"report", project.string(), "-o", again.string(), "--date", "2026-03-01"}).exitCode, 0);
  EXPECT_EQ(readFile(again), text);

  const auto md = tmp("review.md");
  ASSERT_EQ(runCli({"report", project.string(), "--format", "md", "-o", md.string(), "--date", "2026-03-01"}).exitCode, 0);
  const std::string markdown = readFile(md);
  EXPECT_NE(markdown.find("## 5. Simulation"), std::string::npos);
  EXPECT_NE(markdown.find("| Latency p99 | " + review::formatNumber(p99, 2) + " ms |"), std::string::npos);
}

TEST_F(CliReport, PdfHasTheTitleEverySectionAndTheRiskCounts) {
  const auto project = tmp("three-tier.pillars");
  makeProjectWithRun(project);
  const auto pdf = tmp("review.pdf");
  const CliRun r = runCli({"report", project.string(), "--format", "pdf", "-o", pdf.string(), "--date", "2026-03-01"});
  if (r.exitCode == 2 && r.err.find("no PDF support") != std::string::npos) GTEST_SKIP() << "built without Qt";
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const std::string bytes = readFile(pdf);
  ASSERT_EQ(bytes.rfind("%PDF-", 0), 0u);
  std::size_t pages = 0;
  for (auto at = bytes.find("/Type /Page\n"); at != std::string::npos; at = bytes.find("/Type /Page\n", at + 1)) ++pages;
  EXPECT_GE(pages, 4u);  // the title page with the contents, then the sections, which flow

  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const auto txt = tmp("review.txt");
  ASSERT_EQ(std::system(("pdftotext -layout '" + pdf.string() + "' '" + txt.string() + "'").c_str()), 0);
  const std::string text = readFile(txt);
  EXPECT_NE(text.find("Three-tier web application"), std::string::npos);
  EXPECT_NE(text.find("ARCHITECTURE REVIEW"), std::string::npos);
  for (const auto& title : review::reportSectionTitles()) EXPECT_NE(text.find(title), std::string::npos) << title;
  // The title page's risk counts, as the review of this design finds them.
  const CliRun json = runCli({"review", project.string(), "--json"});
  const JsonValue review = parseJsonOrFail(json.out, "review");
  const auto high = count(review, {"risks", "high"});
  EXPECT_NE(text.find("review found " + std::to_string(high) + " high"), std::string::npos);
  EXPECT_NE(text.find("Page 3 of"), std::string::npos);
}

/// pdftotext's text of the PDF in content-stream order (-raw), pages separated by form feeds;
/// nothing when pdftotext (poppler-utils) is not installed.
std::optional<std::string> pdfText(const std::filesystem::path& pdf, const std::filesystem::path& txt) {
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) return std::nullopt;
  if (std::system(("pdftotext -raw '" + pdf.string() + "' '" + txt.string() + "'").c_str()) != 0) return std::string();
  return readFile(txt);
}

TEST_F(CliReport, TheTopologyFiguresNamesAreTextInThePdf) {
  const std::string example = std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json";
  const auto pdf = tmp("three-tier.pdf");
  const CliRun r = runCli({"report", example, "--format", "pdf", "-o", pdf.string(), "--date", "2026-03-01"});
  if (r.exitCode == 2 && r.err.find("no PDF support") != std::string::npos) GTEST_SKIP() << "built without Qt";
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const auto text = pdfText(pdf, tmp("three-tier.txt"));
  if (!text) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  // The page with the topology's caption. In content-stream order the figure's texts come
  // after the paragraph that introduces it (when it shares the page) and before its caption:
  // every component id in that stretch was drawn as text by the figure, not as outlines.
  const auto caption = text->find("Figure 2. The topology.");
  ASSERT_NE(caption, std::string::npos) << *text;
  const auto pageStart = text->rfind('\f', caption);
  std::size_t from = pageStart == std::string::npos ? 0 : pageStart + 1;
  const auto intro = text->find("laid out by Graphviz", from);
  if (intro != std::string::npos && intro < caption) from = text->find('\n', intro);
  const std::string figure = text->substr(from, caption - from);
  ScenarioLoad load = loadScenarioFile(example, builtinRegistry());
  ASSERT_TRUE(load.ok());
  std::set<std::string> words;
  std::istringstream in(figure);
  for (std::string w; in >> w;) words.insert(w);
  for (const auto& c : load.scenario->components) EXPECT_TRUE(words.count(c.id)) << c.id << " in:\n" << figure;
  // The kinds and the zones are text too.
  EXPECT_NE(figure.find("Load balancer"), std::string::npos) << figure;
  EXPECT_NE(figure.find("Zone A"), std::string::npos) << figure;
}

TEST_F(CliReport, AWideTopologyIsPrintedOnALandscapePageWithItsNamesAsText) {
  // A balancer fanning out to ten services, then a chain of six: wide drawn either way.
  ScenarioBuilder b("Fan and chain");
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
  const auto json = tmp("fan.json");
  writeFile(json, writeScenarioJson(scenario));
  const auto pdf = tmp("fan.pdf");
  const CliRun r = runCli({"report", json.string(), "--format", "pdf", "-o", pdf.string(), "--date", "2026-03-01"});
  if (r.exitCode == 2 && r.err.find("no PDF support") != std::string::npos) GTEST_SKIP() << "built without Qt";
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  // One page is turned: its media box is A4 landscape (points), the others upright.
  const std::string bytes = readFile(pdf);
  std::size_t landscape = 0, upright = 0;
  for (auto at = bytes.find("/MediaBox [0 0 "); at != std::string::npos; at = bytes.find("/MediaBox [0 0 ", at + 1)) {
    const double width = std::atof(bytes.c_str() + at + 15);
    (width > 700 ? landscape : upright) += 1;
  }
  EXPECT_EQ(landscape, 1u);
  EXPECT_GE(upright, 3u);
  const auto text = pdfText(pdf, tmp("fan.txt"));
  if (!text) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  // The figure page holds the drawing and its caption only: every id on it came from the figure.
  const auto caption = text->find("Figure 2. The topology.");
  ASSERT_NE(caption, std::string::npos) << *text;
  const auto pageStart = text->rfind('\f', caption);
  ASSERT_NE(pageStart, std::string::npos);
  const std::string page = text->substr(pageStart + 1, caption - pageStart - 1);
  std::set<std::string> words;
  std::istringstream in(page);
  for (std::string w; in >> w;) words.insert(w);
  for (const auto& c : scenario.components) EXPECT_TRUE(words.count(c.id)) << c.id << " in:\n" << page;
  EXPECT_NE(page.find("lognormal(25ms, 0.4)"), std::string::npos) << "link latencies are text too";
}

TEST_F(CliReport, PdfFiguresAreVectorsNotPictures) {
  const auto project = tmp("three-tier.pillars");
  makeProjectWithRun(project);
  const auto pdf = tmp("review.pdf");
  // The developer's PNG preview is written by the same run, from the same figure objects.
  const auto preview = tmp("page");
  ::setenv("PILLARS_REPORT_PREVIEW_PNG", preview.string().c_str(), 1);
  const CliRun r = runCli({"report", project.string(), "--format", "pdf", "-o", pdf.string(), "--date", "2026-03-01"});
  ::unsetenv("PILLARS_REPORT_PREVIEW_PNG");
  if (r.exitCode == 2 && r.err.find("no PDF support") != std::string::npos) GTEST_SKIP() << "built without Qt";
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const std::string bytes = readFile(pdf);
  // Figures are painted as paths: no picture is embedded in the PDF.
  EXPECT_EQ(bytes.find("/Subtype /Image"), std::string::npos);
  EXPECT_LT(bytes.size(), 1'000'000u);
  EXPECT_TRUE(std::filesystem::exists(preview.string() + "-1.png"));
  EXPECT_GT(std::filesystem::file_size(preview.string() + "-3.png"), 1000u);
}

TEST_F(CliReport, AProjectsStoredAnswersNotesAndMilestonesAreInTheReport) {
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json",
                                       builtinRegistry());
  ASSERT_TRUE(load.ok());
  ProjectReview stored;
  stored.answers["work.load_balancing"] = review::Answer{"no", false, "", "ops says the lb runs round robin"};
  stored.answers["state.partitioning"] = review::Answer{"", true, "the catalogue fits one node", ""};
  stored.milestones.push_back(review::Milestone{"first look", {}, "2026-02-01T10:00:00Z"});
  const auto project = tmp("answered.pillars");
  ASSERT_EQ(saveProjectFile(project.string(), *load.scenario, nullptr, &stored), "");

  const auto md = tmp("answered.md");
  const CliRun r = runCli({"report", project.string(), "-o", md.string(), "--date", "2026-03-01"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const std::string text = readFile(md);
  EXPECT_NE(text.find("**Note:** ops says the lb runs round robin"), std::string::npos);
  EXPECT_NE(text.find("| Load balancing strategy? | No | **HIGH** |"), std::string::npos);
  EXPECT_NE(text.find("Reason: the catalogue fits one node"), std::string::npos);
  EXPECT_NE(text.find("| Answers | 2 by the reviewer, "), std::string::npos);
  EXPECT_NE(text.find("## 6. Milestones"), std::string::npos);
  EXPECT_NE(text.find("| first look | 2026-02-01T10:00:00Z |"), std::string::npos);
  // The milestone held no answers: now has one more high risk, load balancing "no" (from none).
  EXPECT_NE(text.find("Since \"first look\": high +1, medium 0; 1 question's risk changed: Load balancing strategy? "
                      "(none to high)."),
            std::string::npos)
      << text.substr(std::min(text.find("## 6. Milestones"), text.size()), 700);
  const auto html = tmp("answered.html");
  ASSERT_EQ(runCli({"report", project.string(), "-o", html.string(), "--date", "2026-03-01"}).exitCode, 0);
  EXPECT_NE(readFile(html).find("<p><b>Note:</b> ops says the lb runs round robin</p>"), std::string::npos);
}

TEST_F(CliReport, WithoutARunAndBadArguments) {
  const auto md = tmp("r.md");
  const std::string example = std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json";
  ASSERT_EQ(runCli({"report", example, "-o", md.string(), "--date", "2026-03-01"}).exitCode, 0);
  EXPECT_NE(readFile(md).find("There is no stored run"), std::string::npos);
  const CliRun badDate = runCli({"report", example, "-o", md.string(), "--date", "2026-02-30"});
  EXPECT_EQ(badDate.exitCode, 2);
  EXPECT_NE(badDate.err.find("--date"), std::string::npos) << badDate.describe();
  const CliRun badFormat = runCli({"report", example, "-o", tmp("r.txt").string()});
  EXPECT_EQ(badFormat.exitCode, 2);
  EXPECT_NE(badFormat.err.find("html, md or pdf"), std::string::npos) << badFormat.describe();
  EXPECT_EQ(runCli({"report", example}).exitCode, 2);
}

}  // namespace
}  // namespace pillars::clitest
