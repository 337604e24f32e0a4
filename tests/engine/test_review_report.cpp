// Review reports: the model built from a project (scenario + optional stored run), and the HTML
// and Markdown writers: every section present, figures inline, byte-identical output for the
// same project and date, the run's figures when there is one.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "engine/io/json.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/review/report_charts.hpp"
#include "engine/review/report_html.hpp"
#include "engine/review/report_markdown.hpp"
#include "engine/review/report_model.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/run/stored_run.hpp"
#include "review_fixtures.hpp"

namespace pillars::review {
namespace {

class ReviewReport : public ::testing::Test {
 protected:
  void SetUp() override {
    ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json",
                                         builtinRegistry());
    ASSERT_TRUE(load.ok());
    m_scenario = *load.scenario;
  }

  /// A short run of the example, stored as a project stores it.
  StoredRun shortRun() {
    Scenario s = m_scenario;
    s.duration = 15 * kSecond;
    ScenarioRunner runner(s, builtinRegistry());
    EXPECT_TRUE(runner.run());
    const RunResults results = runner.results();
    return storeRun(s, runner, results);
  }

  Report build(const StoredRun* run, const std::string& date = "2026-01-15") {
    ReportInput input;
    input.scenario = &m_scenario;
    input.library = &testing::bundledLibrary();
    input.run = run;
    input.date = date;
    return buildReport(input);
  }

  Scenario m_scenario;
};

TEST_F(ReviewReport, HtmlHasEverySectionAndIsOneSelfContainedFile) {
  const StoredRun run = shortRun();
  const Report report = build(&run);
  const std::string html = writeReportHtml(report);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  // Every section but the appendix: three-tier's facts recommend nothing it does not have.
  ASSERT_EQ(reportSectionTitles(report).size(), reportSectionTitles().size() - 1);
  for (const auto& title : reportSectionTitles(report)) EXPECT_NE(html.find("<h2>" + title + "</h2>"), std::string::npos) << title;
  EXPECT_EQ(html.find("Appendix A"), std::string::npos);
  EXPECT_NE(html.find("Contents"), std::string::npos);
  EXPECT_NE(html.find("ARCHITECTURE REVIEW"), std::string::npos);
  EXPECT_NE(html.find("2026-01-15"), std::string::npos);
  // Four inline figures (risk chart, topology, throughput, p99), nothing fetched from elsewhere.
  std::size_t svgs = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++svgs;
  EXPECT_EQ(svgs, 4u);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<?xml"), std::string::npos);  // Graphviz's prolog is stripped
  // The contents end the title page; sections then flow, headings kept with their text.
  EXPECT_NE(html.find(".toc { page-break-after: always;"), std::string::npos);
  EXPECT_NE(html.find("page-break-after: avoid"), std::string::npos);
  EXPECT_NE(html.find("&nbsp;HIGH&nbsp;"), std::string::npos);
}

TEST_F(ReviewReport, MarkdownHasEverySectionAndAQuestionTable) {
  const Report report = build(nullptr);
  const std::string md = writeReportMarkdown(report);
  EXPECT_EQ(md.rfind("# Architecture review: Three-tier web application\n", 0), 0u);
  for (const auto& title : reportSectionTitles(report)) EXPECT_NE(md.find("\n## " + title + "\n"), std::string::npos) << title;
  EXPECT_NE(md.find("| # | Question | Answer | Risk | Evidence and notes |"), std::string::npos);
  EXPECT_NE(md.find("Load balancing strategy?"), std::string::npos);
  EXPECT_NE(md.find("_(suggested)_"), std::string::npos);
  EXPECT_NE(md.find("diagram is omitted"), std::string::npos);
}

TEST_F(ReviewReport, TheSameProjectAndDateGiveByteIdenticalOutput) {
  const StoredRun run = shortRun();
  EXPECT_EQ(writeReportHtml(build(&run)), writeReportHtml(build(&run)));
  EXPECT_EQ(writeReportMarkdown(build(&run)), writeReportMarkdown(build(&run)));
  EXPECT_EQ(writeReportHtml(build(&run), HtmlFlavour::RichText), writeReportHtml(build(&run), HtmlFlavour::RichText));
  // Graphviz may list clusters in another order on a later layout in the same process; the
  // report's diagram must not change.
  const std::vector<DiagramPart> diagram = build(nullptr).diagram;
  ASSERT_EQ(diagram.size(), 1u);
  ASSERT_NE(diagram[0].svg.find("class=\"cluster\""), std::string::npos);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(build(nullptr).diagram.at(0).svg, diagram[0].svg) << "layout " << i;
  const std::string other = writeReportMarkdown(build(&run, "2026-02-01"));
  EXPECT_NE(other, writeReportMarkdown(build(&run)));
  EXPECT_NE(other.find("2026-02-01"), std::string::npos);
}

TEST_F(ReviewReport, AStoredRunGivesTheSimulationSectionItsP99AndCharts) {
  const StoredRun run = shortRun();
  const auto parsed = parseJson(run.summaryJson);
  ASSERT_TRUE(std::holds_alternative<JsonValue>(parsed));
  const double p99 = std::get<JsonValue>(parsed).find("global")->find("latency_ms")->find("p99")->asNumber();
  ASSERT_GT(p99, 0);
  const Report report = build(&run);
  ASSERT_TRUE(report.run.has_value());
  EXPECT_DOUBLE_EQ(report.run->p99Ms, p99);
  EXPECT_TRUE(report.run->matchesDesign == false);  // the run's duration differs from the design's
  EXPECT_EQ(report.run->series.size(), 15u);       // one row per second of a 15 s run
  const std::string p99Text = "Latency p99 | " + formatNumber(p99, 2) + " ms";
  EXPECT_NE(writeReportMarkdown(report).find(p99Text), std::string::npos) << p99Text;
  const std::string html = writeReportHtml(report);
  EXPECT_NE(html.find("Latency p99</td><td class=\"num\">" + formatNumber(p99, 2) + " ms"), std::string::npos);
  EXPECT_NE(html.find("Throughput (req/s)"), std::string::npos);
  EXPECT_NE(html.find("<polyline"), std::string::npos);
  EXPECT_EQ(html.find("There is no stored run"), std::string::npos);
}

TEST_F(ReviewReport, WithoutARunTheSimulationSectionSaysSo) {
  const Report report = build(nullptr);
  EXPECT_FALSE(report.run.has_value());
  EXPECT_NE(writeReportHtml(report).find("There is no stored run"), std::string::npos);
  EXPECT_NE(writeReportMarkdown(report).find("There is no stored run"), std::string::npos);
  EXPECT_EQ(writeReportHtml(report).find("<polyline"), std::string::npos);
}

TEST_F(ReviewReport, ABrokenStoredSummaryIsLeftOutWithTheReason) {
  StoredRun run;
  run.summaryJson = "{not json";
  const Report report = build(&run);
  EXPECT_FALSE(report.run.has_value());
  EXPECT_NE(report.runError.find("not valid JSON"), std::string::npos) << report.runError;
}

TEST_F(ReviewReport, CountsAddUpAndEveryQuestionIsListedWithSuggestedAnswers) {
  const Report report = build(nullptr);
  int high = 0, medium = 0, questions = 0;
  for (const auto& p : report.pillars) {
    high += p.high;
    medium += p.medium;
    questions += p.questions;
  }
  EXPECT_EQ(high, report.high);
  EXPECT_EQ(medium, report.medium);
  EXPECT_EQ(questions, report.questionsTotal);
  EXPECT_EQ(static_cast<int>(report.questions.size()), report.questionsTotal);
  // The three-tier example has one database and no replica: a high risk with its evidence.
  bool replication = false;
  for (const auto& q : report.questions) {
    EXPECT_EQ(q.answered, q.suggested) << q.id;
    if (q.risk == Risk::High) {
      replication = true;
      EXPECT_FALSE(q.evidence.empty()) << q.id;
      EXPECT_FALSE(q.notes.empty()) << q.id;
    }
  }
  EXPECT_TRUE(replication);
  EXPECT_GE(report.high, 1);
}

TEST_F(ReviewReport, APatternTheDesignHasIsSaidNotRecommended) {
  // 1,200 req/s fires the load balancer's rule; three-tier has lb in front of its web servers.
  const Report report = build(nullptr);
  for (const auto& r : report.recommendations) EXPECT_NE(r.patternId, "load_balancer");
  ASSERT_EQ(report.alreadyInDesign.size(), 1u);
  EXPECT_EQ(report.alreadyInDesign[0].patternId, "load_balancer");
  EXPECT_TRUE(report.patterns.empty()) << "the appendix lists recommended patterns only";
  const std::string md = writeReportMarkdown(report);
  EXPECT_NE(md.find("Nothing to add: every pattern a rule fires for is one the design already has."), std::string::npos);
  EXPECT_NE(md.find("- Load Balancer: lb spreads requests over web1, web2 and web3 (the rule that fired: Load "
                    "Balancer: 1,200 req/s > 1,000 req/s (seed: Traffic > 1000 req/s))."),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("### 4.1 Load Balancer"), std::string::npos);
  EXPECT_EQ(writeReportHtml(report).find("<h3>4.1 Load Balancer</h3>"), std::string::npos);
}

TEST_F(ReviewReport, EveryPatternOfTheAppendixIsOneTheRecommendationsUse) {
  // The reviewer's uptime target makes replication of the single db a recommendation.
  const std::map<std::string, std::string> typed{{"uptime_target_percent", "99.95"}, {"problem", "too_slow"}};
  ReportInput input;
  input.scenario = &m_scenario;
  input.library = &testing::bundledLibrary();
  input.date = "2026-01-15";
  input.facts = &typed;
  const Report report = buildReport(input);
  ASSERT_EQ(report.recommendations.size(), 1u);
  EXPECT_EQ(report.recommendations[0].patternId, "replication");
  EXPECT_EQ(report.recommendations[0].applyHint, "add_replica at db");
  ASSERT_EQ(report.patterns.size(), 1u);
  EXPECT_EQ(report.patterns[0].id, "replication");
  // The matrix row names Load Balancer and Caching too; three-tier has both.
  ASSERT_EQ(report.alreadyInDesign.size(), 2u);
  EXPECT_EQ(report.alreadyInDesign[1].patternId, "caching");
}

TEST(ReviewReportCharts, RiskBarsShowEachPillarsCounts) {
  const std::string svg = riskChartSvg({{"work", 3, 2, 1, 1}, {"state", 3, 0, 0, 0}});
  EXPECT_NE(svg.find(">Work<"), std::string::npos);
  EXPECT_NE(svg.find("1 high, 1 medium"), std::string::npos);
  EXPECT_NE(svg.find("0 high, 0 medium"), std::string::npos);
  EXPECT_NE(svg.find(kHighColour), std::string::npos);
}

TEST(ReviewReportCharts, ALineChartScalesItsPointsIntoThePlot) {
  const std::string svg = lineChartSvg("Throughput", "req/s", {0, 5, 10}, {0, 100, 50}, "#000000");
  // The plot spans x 64..624 and y 30..194; 100 is the top of the axis (a round step of 25).
  EXPECT_NE(svg.find("points=\"64.0,194.0 344.0,30.0 624.0,112.0\""), std::string::npos) << svg;
}

TEST(ReviewReportFormat, DatesAndNumbers) {
  EXPECT_TRUE(isIsoDate("2024-02-29"));
  EXPECT_FALSE(isIsoDate("2023-02-29"));
  EXPECT_FALSE(isIsoDate("2026-13-01"));
  EXPECT_FALSE(isIsoDate("26-01-01"));
  EXPECT_TRUE(isIsoDate(todayIsoDate()));
  EXPECT_EQ(formatNumber(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(formatNumber(-999.5, 0), "-1,000");
  EXPECT_EQ(formatCount(42), "42");
}

}  // namespace
}  // namespace pillars::review

namespace pillars::review {
namespace {

/// A whole run of a bundled example, stored as a project stores it, and the report on it.
struct ExampleReport {
  Scenario scenario;
  RunResults results;
  StoredRun stored;
  Report report;
};

ExampleReport reportOn(const std::string& file) {
  ExampleReport r;
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/" + file, builtinRegistry());
  EXPECT_TRUE(load.ok()) << file;
  if (!load.ok()) return r;
  r.scenario = *load.scenario;
  ScenarioRunner runner(r.scenario, builtinRegistry());
  EXPECT_TRUE(runner.run());
  r.results = runner.results();
  r.stored = storeRun(r.scenario, runner, r.results);
  ReportInput input;
  input.scenario = &r.scenario;
  input.library = &testing::bundledLibrary();
  input.run = &r.stored;
  input.date = "2026-12-07";
  r.report = buildReport(input);
  return r;
}

TEST(ReviewReportOperations, TheSelfHealingReportAndTheVerdictAreInTheReport) {
  const ExampleReport r = reportOn("chaos-monkey.json");
  ASSERT_TRUE(r.report.run.has_value());
  const auto& tables = r.report.run->operations;
  ASSERT_EQ(tables.size(), 2u);  // the example raises no alert
  EXPECT_EQ(tables[0].title, "Self-healing");
  EXPECT_EQ(tables[0].rows.size(), r.results.selfHealing.size());
  // The example's mean time to repair, as pillars-cli prints it.
  EXPECT_NE(tables[0].intro.find("mean time to repair 28.3 s"), std::string::npos) << tables[0].intro;
  EXPECT_EQ(tables[1].title, "Chaos experiments");
  ASSERT_EQ(tables[1].rows.size(), 1u);
  EXPECT_EQ(tables[1].rows[0][1], "held");

  const std::string md = writeReportMarkdown(r.report);
  EXPECT_NE(md.find("### Self-healing"), std::string::npos);
  EXPECT_NE(md.find("| web#2 |"), std::string::npos);
  const std::string html = writeReportHtml(r.report);
  EXPECT_NE(html.find("<h3>Chaos experiments</h3>"), std::string::npos);
  EXPECT_NE(html.find("<td>held</td>"), std::string::npos);
}

TEST(ReviewReportOperations, AlertsAreListedWithTheirTimesAndTheCostIsAFigure) {
  const ExampleReport alerts = reportOn("burn-rate.json");
  ASSERT_TRUE(alerts.report.run.has_value());
  ASSERT_FALSE(alerts.report.run->operations.empty());
  const ReportTable& t = alerts.report.run->operations.front();
  EXPECT_EQ(t.title, "Alerts");
  ASSERT_EQ(t.rows.size(), std::min<std::size_t>(alerts.results.alerts.size(), 30));
  const AlertResult& first = alerts.results.alerts.front();
  char fired[32];
  std::snprintf(fired, sizeof fired, "%.1f s", first.firedAtS);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{first.name, first.component, first.severity, fired, t.rows[0][4],
                                                 first.detail}));
  EXPECT_EQ(t.intro.rfind(std::to_string(alerts.results.alerts.size()) + " alerts raised in the run", 0), 0u) << t.intro;

  const ExampleReport priced = reportOn("autoscale-diurnal.json");
  ASSERT_TRUE(priced.report.run.has_value());
  EXPECT_DOUBLE_EQ(priced.report.run->costTotal, priced.results.costTotal);
  EXPECT_GT(priced.report.run->costTotal, 0.0);
  EXPECT_NE(writeReportMarkdown(priced.report).find("| Cost | "), std::string::npos);
}

}  // namespace
}  // namespace pillars::review
