#include "engine/review/report_html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/review/report_charts.hpp"

namespace pillars::review {

namespace {

const char* riskColour(Risk risk) {
  switch (risk) {
    case Risk::High: return kHighColour;
    case Risk::Medium: return kMediumColour;
    case Risk::None: break;
  }
  return kNoneColour;
}

const char* riskLabel(Risk risk) {
  switch (risk) {
    case Risk::High: return "HIGH";
    case Risk::Medium: return "MEDIUM";
    case Risk::None: break;
  }
  return "NONE";
}

/// Inline styles, not classes: Qt's rich text honours them on spans, and they survive copying.
std::string badge(const char* colour, const std::string& label) {
  return std::string("<span class=\"badge\" style=\"background-color:") + colour +
         "; color:#ffffff; font-weight:bold;\">&nbsp;" + label + "&nbsp;</span>";
}

std::string riskBadge(const ReportQuestion& q) {
  if (!q.answered) return badge(kUnansweredColour, "OPEN");
  if (q.notApplicable) return badge(kUnansweredColour, "N/A");
  return badge(riskColour(q.risk), riskLabel(q.risk));
}

std::string capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// Sections follow each other on the page (a section starting on a page of its own left pages
// half empty); a heading is kept with what follows it. The page margins are the PDF's
// (report_page.hpp), so the topology printed from a browser has the size it was planned for.
constexpr const char* kBrowserCss = R"(
@page { size: A4; margin: 45pt 48pt 57pt; }
@page landscape { size: A4 landscape; }
body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; color: #263238; line-height: 1.45;
       max-width: 820px; margin: 0 auto; padding: 24px; font-size: 14px; }
h1 { font-size: 30px; margin: 0 0 8px; }
h2 { font-size: 21px; border-bottom: 2px solid #37474f; padding-bottom: 4px; margin-top: 36px;
     page-break-after: avoid; break-after: avoid; }
h3 { font-size: 16px; margin-top: 22px; page-break-after: avoid; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; }
th, td { border: 1px solid #cfd8dc; padding: 5px 7px; text-align: left; vertical-align: top; }
th { background: #eceff1; }
td.num, th.num { text-align: right; }
.badge { border-radius: 3px; font-size: 11px; padding: 1px 4px; white-space: nowrap; }
.suggested { color: #607d8b; font-size: 11px; font-style: italic; }
.muted { color: #607d8b; }
.title-page { padding-top: 120px; }
.kicker { letter-spacing: 3px; color: #607d8b; font-size: 13px; font-weight: bold; }
.subtitle { font-size: 18px; color: #455a64; }
.toc { page-break-after: always; break-after: page; }
figure { margin: 12px 0; page-break-inside: avoid; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figure.landscape { page: landscape; }
figcaption { color: #607d8b; font-size: 12px; }
tr { page-break-inside: avoid; break-inside: avoid; }
)";

/// `svg` with the root's width and height set to the printed size, in points: a browser then
/// prints the drawing at the size the planner chose for the page (and scales it to the window
/// on screen, by the stylesheet's max-width).
std::string sizedSvg(const std::string& svg, double widthPt, double heightPt) {
  const auto root = svg.find("<svg");
  const auto rootEnd = root == std::string::npos ? std::string::npos : svg.find('>', root);
  if (rootEnd == std::string::npos) return svg;
  std::string tag = svg.substr(root, rootEnd - root);
  const auto set = [&tag](const std::string& name, double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1fpt", value);
    const auto at = tag.find(" " + name + "=\"");
    if (at == std::string::npos) {
      tag += " " + name + "=\"" + buf + "\"";
      return;
    }
    const auto valueStart = at + name.size() + 3;
    tag.replace(valueStart, tag.find('"', valueStart) - valueStart, buf);
  };
  set("width", widthPt);
  set("height", heightPt);
  return svg.substr(0, root) + tag + svg.substr(rootEnd);
}

constexpr const char* kRichTextCss = R"(
body { font-family: Helvetica, Arial, sans-serif; color: #263238; font-size: 10pt; }
h1 { font-size: 26pt; }
h2 { font-size: 16pt; color: #263238; }
h3 { font-size: 12pt; }
th { background-color: #eceff1; font-weight: bold; }
.suggested { color: #607d8b; font-size: 8pt; font-style: italic; }
.muted { color: #607d8b; }
.kicker { color: #607d8b; font-size: 11pt; font-weight: bold; }
.subtitle { font-size: 14pt; color: #455a64; }
figcaption { color: #607d8b; font-size: 9pt; }
)";

class HtmlBuilder {
 public:
  HtmlBuilder(const Report& report, HtmlFlavour flavour, const std::vector<int>& contentsPages)
      : m_r(report), m_flavour(flavour), m_contentsPages(contentsPages) {
    for (auto& f : reportFigures(report)) m_figures.push_back(std::move(f));
  }

  std::string build() {
    m_out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escapeHtml(m_r.title) +
             "</title>\n<style>" + (browser() ? kBrowserCss : kRichTextCss) + "</style>\n</head>\n<body>\n";
    titlePage();
    contents();
    summary();
    topology();
    questions();
    recommendations();
    simulation();
    milestones();
    appendix();
    m_out += "</body>\n</html>\n";
    if (!browser()) adaptToRichText();
    return m_out;
  }

 private:
  bool browser() const { return m_flavour == HtmlFlavour::Browser; }

  /// Qt's rich text ignores text-align from class selectors and centres header cells: spell
  /// the alignment out as attributes.
  void adaptToRichText() {
    replaceAll("<th class=\"num\"", "<th align=\"right\"");
    replaceAll("<td class=\"num\"", "<td align=\"right\"");
    replaceAll("<th>", "<th align=\"left\">");
    replaceAll("<th width=", "<th align=\"left\" width=");
  }

  void replaceAll(const std::string& from, const std::string& to) {
    for (auto at = m_out.find(from); at != std::string::npos; at = m_out.find(from, at + to.size())) {
      m_out.replace(at, from.size(), to);
    }
  }

  std::string table() const {
    // Attributes as well as CSS: Qt's rich text draws table borders from the attributes.
    return browser() ? "<table>" : "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\" style=\"border-collapse:collapse; border-color:#cfd8dc;\">";
  }

  void pageBreak() {
    if (!browser()) m_out += "<p style=\"page-break-before: always;\"></p>\n";
  }

  void sectionStart(std::size_t index, const std::string& anchor) {
    sectionStart(reportSectionTitles()[index], anchor);
  }

  void sectionStart(const std::string& title, const std::string& anchor) {
    if (browser()) {
      m_out += "<section class=\"section\" id=\"" + anchor + "\">\n";
    } else {
      // The title page (with the contents) is a page of its own; the sections then follow
      // each other, so no short section leaves a page half empty.
      if (title == reportSectionTitles().front()) pageBreak();
      m_out += "<a name=\"" + anchor + "\"></a>\n";
    }
    m_out += "<h2>" + escapeHtml(title) + "</h2>\n";
  }

  /// Which way requests go in the drawing, as the intro says it.
  std::string flowText() const {
    const bool anyDown = std::any_of(m_r.diagram.begin(), m_r.diagram.end(), [](const DiagramPart& p) { return p.topToBottom; });
    const bool anyRight = std::any_of(m_r.diagram.begin(), m_r.diagram.end(), [](const DiagramPart& p) { return !p.topToBottom; });
    if (anyDown && anyRight) return " (requests flow right or down, as each part fits its page best)";
    if (anyDown) return " (requests flow top to bottom)";
    return anyRight ? " (requests flow left to right)" : "";
  }

  void sectionEnd() {
    if (browser()) m_out += "</section>\n";
  }

  /// Figure `name` with its caption (both from reportFigures, so the PDF's figure pages
  /// caption it the same way).
  void figure(const std::string& name) {
    for (const auto& f : m_figures) {
      if (f.name != name) continue;
      m_out += f.placement == DiagramPlacement::LandscapePage ? "<figure class=\"landscape\">\n" : "<figure>\n";
      if (browser()) {
        m_out += f.svg + "\n";
      } else {
        m_out += "<p align=\"center\"><img src=\"" + f.name + "\" width=\"" + std::to_string(static_cast<int>(f.widthPx)) +
                 "\"></p>\n";
      }
      m_out += "<figcaption>" + escapeHtml(f.caption) + "</figcaption>\n</figure>\n";
    }
  }

  void titlePage() {
    m_out += browser() ? "<div class=\"title-page\">\n" : "<p><br><br><br><br><br><br></p>\n";
    m_out += "<p class=\"kicker\">ARCHITECTURE REVIEW</p>\n";
    m_out += "<h1>" + escapeHtml(m_r.scenario) + "</h1>\n";
    m_out += "<p class=\"subtitle\">" + escapeHtml(m_r.checklist.empty() ? "Review" : m_r.checklist) + "</p>\n";
    m_out += "<p>Date: <b>" + escapeHtml(m_r.date) + "</b></p>\n";
    m_out += table() + "\n<tr><th>Components</th><td class=\"num\">" + std::to_string(m_r.components) +
             "</td></tr>\n<tr><th>Links</th><td class=\"num\">" + std::to_string(m_r.links) +
             "</td></tr>\n<tr><th>Questions answered</th><td class=\"num\">" + std::to_string(m_r.answered) + " of " +
             std::to_string(m_r.questionsTotal) + "</td></tr>\n<tr><th>High risks</th><td class=\"num\">" +
             badge(kHighColour, std::to_string(m_r.high)) + "</td></tr>\n<tr><th>Medium risks</th><td class=\"num\">" +
             badge(kMediumColour, std::to_string(m_r.medium)) + "</td></tr>\n<tr><th>Simulation run</th><td class=\"num\">" +
             (m_r.run ? "included" : "none stored") + "</td></tr>\n<tr><th>Answers</th><td class=\"num\">" +
             escapeHtml(answerOriginText(m_r)) + "</td></tr>\n</table>\n";
    if (m_r.suggestedAnswers > 0) {
      m_out += "<p class=\"muted\">Answers marked \"suggested\" come from the evidence Pillars reads off the "
               "design; confirm or correct them with the team that owns the system.</p>\n";
    }
    m_out += "<p class=\"muted\">Generated by Pillars.</p>\n";
    if (browser()) m_out += "</div>\n";
  }

  void contents() {
    const std::vector<std::string> titles = reportSectionTitles(m_r);
    if (!browser() && m_contentsPages.size() == titles.size()) {
      // A printed contents page: titles on the left, page numbers on the right.
      m_out += "<h2>Contents</h2>\n<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\">\n";
      for (std::size_t i = 0; i < titles.size(); ++i) {
        m_out += "<tr><td style=\"font-size:12pt;\">" + escapeHtml(titles[i]) +
                 "</td><td align=\"right\" style=\"font-size:12pt;\">" + std::to_string(m_contentsPages[i]) +
                 "</td></tr>\n";
      }
      m_out += "</table>\n";
      return;
    }
    m_out += browser() ? "<nav class=\"toc\">\n<h2>Contents</h2>\n<ul>\n" : "<h2>Contents</h2>\n<ul>\n";
    for (const auto& title : titles) {
      m_out += "<li><a href=\"#" + anchorFor(title) + "\">" + escapeHtml(title) + "</a></li>\n";
    }
    m_out += browser() ? "</ul>\n</nav>\n" : "</ul>\n";
  }

  static std::string anchorFor(const std::string& title) {
    static const char* kAnchors[] = {"summary", "topology", "questions", "recommendations", "simulation", "patterns"};
    if (title == milestonesSectionTitle()) return "milestones";
    const auto& base = reportSectionTitles();
    for (std::size_t i = 0; i < base.size(); ++i) {
      if (base[i] == title) return kAnchors[i];
    }
    return "section";
  }

  void summary() {
    sectionStart(0, "summary");
    m_out += "<p>The review found <b>" + std::to_string(m_r.high) + " high</b> and <b>" + std::to_string(m_r.medium) +
             " medium</b> risks; " + std::to_string(m_r.answered) + " of " + std::to_string(m_r.questionsTotal) +
             " questions have an answer.</p>\n";
    m_out += table() + "\n<tr><th>Pillar</th><th class=\"num\">Questions</th><th class=\"num\">Answered</th>"
                       "<th class=\"num\">High</th><th class=\"num\">Medium</th></tr>\n";
    for (const auto& p : m_r.pillars) {
      m_out += "<tr><td>" + escapeHtml(capitalized(p.pillar)) + "</td><td class=\"num\">" + std::to_string(p.questions) +
               "</td><td class=\"num\">" + std::to_string(p.answered) + "</td><td class=\"num\">" +
               std::to_string(p.high) + "</td><td class=\"num\">" + std::to_string(p.medium) + "</td></tr>\n";
    }
    m_out += "<tr><th>Total</th><th class=\"num\">" + std::to_string(m_r.questionsTotal) + "</th><th class=\"num\">" +
             std::to_string(m_r.answered) + "</th><th class=\"num\">" + std::to_string(m_r.high) +
             "</th><th class=\"num\">" + std::to_string(m_r.medium) + "</th></tr>\n</table>\n";
    figure("pillars:risk-chart");
    sectionEnd();
  }

  void topology() {
    sectionStart(1, "topology");
    m_out += "<p>" + std::to_string(m_r.components) + " components and " + std::to_string(m_r.links) +
             " links, laid out by Graphviz" + flowText() + ".";
    // In print, a part with a page of its own follows the page this paragraph ends on; the
    // anchor tells the PDF writer where that is.
    const bool ownPages = std::any_of(m_r.diagram.begin(), m_r.diagram.end(),
                                      [](const DiagramPart& p) { return p.placement != DiagramPlacement::Inline; });
    if (std::any_of(m_r.diagram.begin(), m_r.diagram.end(), [](const DiagramPart& p) { return p.namesOnly; })) {
      m_out += " The design is large, so components are drawn with their names only, which keeps them legible.";
    }
    if (m_r.diagram.size() > 1) {
      m_out += " The design is too large for one page at a legible size, so Figure 2 shows it in " +
               std::to_string(m_r.diagram.size()) +
               " parts, one per zone; a dashed box stands for a component drawn in another part.";
    }
    if (!browser() && ownPages) {
      // Around text: Qt's rich text keeps an anchor's name on the characters it encloses.
      m_out += std::string(" <a name=\"") + kFigurePagesAnchor + "\">" +
               (m_r.diagram.size() > 1 ? "They are on the pages after this one." : "Figure 2 is on the next page.") +
               "</a>";
    }
    m_out += "</p>\n";
    if (m_r.diagram.empty()) {
      m_out += "<p class=\"muted\">No diagram: " + escapeHtml(m_r.diagramError) + "</p>\n";
    }
    for (std::size_t i = 0; i < m_r.diagram.size(); ++i) {
      if (!browser() && m_r.diagram[i].placement != DiagramPlacement::Inline) continue;
      figure(m_r.diagram[i].name);
    }
    if (!m_r.facts.empty()) {
      m_out += "<h3>What the design tells</h3>\n<ul>\n";
      for (const auto& f : m_r.facts) m_out += "<li>" + escapeHtml(f) + "</li>\n";
      m_out += "</ul>\n";
    }
    sectionEnd();
  }

  void questions() {
    sectionStart(2, "questions");
    m_out += "<p>Every question of the checklist, with the reviewer's answer (or, where there is none, the one the "
             "evidence suggests), its risk, the evidence behind it, the reviewer's notes and what to improve.</p>\n";
    std::string section;
    int sectionNumber = 0, questionNumber = 0;
    for (const auto& q : m_r.questions) {
      if (q.section != section) {
        if (!section.empty()) m_out += "</table>\n";
        section = q.section;
        ++sectionNumber;
        questionNumber = 0;
        m_out += "<h3>3." + std::to_string(sectionNumber) + " " + escapeHtml(section) + "</h3>\n" + table() +
                 "\n<tr><th width=\"7%\">#</th><th width=\"24%\">Question</th><th width=\"15%\">Answer</th>"
                 "<th width=\"13%\">Risk</th><th width=\"41%\">Evidence and notes</th></tr>\n";
      }
      ++questionNumber;
      std::string answer = q.answered ? escapeHtml(q.answer) : "<span class=\"muted\">unanswered</span>";
      if (q.suggested) answer += "<br><span class=\"suggested\">suggested</span>";
      if (q.notApplicable) answer += "<br><span class=\"muted\">Reason: " + escapeHtml(q.notApplicableReason) + "</span>";
      std::string details;
      for (const auto& e : q.evidence) details += "<p>" + escapeHtml(e) + "</p>";
      if (!q.reviewerNote.empty()) details += "<p><b>Note:</b> " + escapeHtml(q.reviewerNote) + "</p>";
      if (!q.notes.empty()) details += "<p><b>Improve:</b> " + escapeHtml(q.notes) + "</p>";
      if (details.empty()) details = "<span class=\"muted\">No evidence in the design; a person answers this.</span>";
      m_out += "<tr><td>3." + std::to_string(sectionNumber) + "." + std::to_string(questionNumber) + "</td><td>" +
               escapeHtml(q.text) + "</td><td>" + answer + "</td><td>" + riskBadge(q) + "</td><td>" + details +
               "</td></tr>\n";
    }
    if (!section.empty()) m_out += "</table>\n";
    sectionEnd();
  }

  void recommendations() {
    sectionStart(3, "recommendations");
    if (m_r.recommendations.empty()) m_out += "<p>" + escapeHtml(noRecommendationText(m_r)) + "</p>\n";
    int n = 0;
    for (const auto& rec : m_r.recommendations) {
      ++n;
      m_out += "<h3>4." + std::to_string(n) + " " + escapeHtml(rec.name) + "</h3>\n<p class=\"muted\">Pillar: " +
               escapeHtml(capitalized(rec.pillar));
      if (!rec.complexity.empty()) m_out += " &middot; complexity: " + escapeHtml(rec.complexity);
      if (!rec.cost.empty()) m_out += " &middot; cost: " + escapeHtml(rec.cost);
      m_out += "</p>\n<p><b>Why:</b></p>\n<ul>\n";
      for (const auto& reason : rec.reasons) m_out += "<li>" + escapeHtml(reason) + "</li>\n";
      m_out += "</ul>\n";
      for (const auto& w : rec.warnings) {
        m_out += "<p>" + badge(kMediumColour, "CAUTION") + " " + escapeHtml(w) + "</p>\n";
      }
      if (!rec.applyHint.empty()) m_out += "<p><b>Where:</b> " + escapeHtml(rec.applyHint) + "</p>\n";
    }
    if (!m_r.alreadyInDesign.empty()) {
      m_out += "<h3>Already in the design</h3>\n<p>" + escapeHtml(alreadyInDesignIntro()) + "</p>\n<ul>\n";
      for (const auto& rec : m_r.alreadyInDesign) m_out += "<li>" + escapeHtml(alreadyInDesignText(rec)) + "</li>\n";
      m_out += "</ul>\n";
    }
    sectionEnd();
  }

  void simulation() {
    sectionStart(4, "simulation");
    if (!m_r.run) {
      m_out += "<p>There is no stored run in this project: simulate the design and save the project to include "
               "its figures.</p>\n";
      if (!m_r.runError.empty()) m_out += "<p class=\"muted\">" + escapeHtml(m_r.runError) + "</p>\n";
      sectionEnd();
      return;
    }
    const ReportRun& run = *m_r.run;
    if (!run.matchesDesign) {
      m_out += "<p>" + badge(kMediumColour, "NOTE") +
               " The design changed after this run; its figures describe the design as it was run.</p>\n";
    }
    m_out += "<p>The project's last finished run: " + formatNumber(run.simTimeS, 0) + " s simulated, " +
             formatNumber(run.measuredS, 0) + " s measured after warm-up, seed " + std::to_string(run.seed) + ".</p>\n";
    m_out += table() + "\n<tr><th>Metric</th><th class=\"num\">Value</th></tr>\n";
    const std::pair<std::string, std::string> rows[] = {
        {"Throughput", formatNumber(run.throughputRps, 1) + " req/s"},
        {"Availability", formatNumber(run.availabilityPercent, 3) + " %"},
        {"Latency p50", formatNumber(run.p50Ms, 2) + " ms"},
        {"Latency p95", formatNumber(run.p95Ms, 2) + " ms"},
        {"Latency p99", formatNumber(run.p99Ms, 2) + " ms"},
        {"Latency p99.9", formatNumber(run.p999Ms, 2) + " ms"},
        {"Latency max", formatNumber(run.maxMs, 2) + " ms"},
        {"Completed", formatCount(run.completed)},
        {"Failed", formatCount(run.failed)},
        {"Dropped", formatCount(run.dropped)},
        {"Timed out", formatCount(run.timedOut)},
    };
    for (const auto& [name, value] : rows) {
      m_out += "<tr><td>" + name + "</td><td class=\"num\">" + value + "</td></tr>\n";
    }
    if (run.costTotal > 0) {
      m_out += "<tr><td>Cost</td><td class=\"num\">" + formatNumber(run.costTotal, 3) + " (" +
               formatNumber(run.costPerHour, 2) + " per hour)</td></tr>\n";
    }
    m_out += "</table>\n";
    if (run.series.empty()) {
      m_out += "<p class=\"muted\">The run kept no time series (no metrics interval), so there are no charts.</p>\n";
    } else {
      figure("pillars:throughput");
      figure("pillars:p99");
    }
    for (const ReportTable& t : run.operations) operationsTable(t);
    sectionEnd();
  }

  void operationsTable(const ReportTable& t) {
    m_out += "<h3>" + escapeHtml(t.title) + "</h3>\n";
    if (!t.intro.empty()) m_out += "<p>" + escapeHtml(t.intro) + "</p>\n";
    m_out += table() + "\n<tr>";
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
      m_out += std::string(t.numeric[c] ? "<th class=\"num\">" : "<th>") + escapeHtml(t.headers[c]) + "</th>";
    }
    m_out += "</tr>\n";
    for (const auto& row : t.rows) {
      m_out += "<tr>";
      for (std::size_t c = 0; c < row.size(); ++c) {
        m_out += std::string(t.numeric[c] ? "<td class=\"num\">" : "<td>") + escapeHtml(row[c]) + "</td>";
      }
      m_out += "</tr>\n";
    }
    m_out += "</table>\n";
  }

  void milestones() {
    if (m_r.milestones.empty()) return;
    sectionStart(milestonesSectionTitle(), "milestones");
    m_out += "<p>High / medium risks per pillar at each milestone and now. The rows count the reviewer's answers "
             "only, as milestones store them; suggested answers are left out so the rows compare alike.</p>\n";
    m_out += table() + "\n<tr><th>Milestone</th><th>Date</th>";
    for (const auto& p : m_r.milestones.front().pillars) m_out += "<th class=\"num\">" + escapeHtml(capitalized(p.pillar)) + "</th>";
    m_out += "<th class=\"num\">Total</th></tr>\n";
    for (const auto& row : m_r.milestones) {
      m_out += "<tr><td>" + escapeHtml(row.name) + "</td><td>" + escapeHtml(row.date) + "</td>";
      for (const auto& p : row.pillars) {
        m_out += "<td class=\"num\">" + std::to_string(p.high) + " / " + std::to_string(p.medium) + "</td>";
      }
      m_out += "<td class=\"num\"><b>" + std::to_string(row.high) + " / " + std::to_string(row.medium) + "</b></td></tr>\n";
    }
    m_out += "</table>\n<p>" + escapeHtml(milestoneChangeText(m_r)) + "</p>\n";
    sectionEnd();
  }

  void appendix() {
    if (m_r.patterns.empty()) return;  // nothing recommended: no page saying so
    sectionStart(5, "patterns");
    m_out += "<p>The patterns this report recommends, as the pattern table describes them.</p>\n";
    m_out += table() + "\n<tr><th>Pattern</th><th>Pillar</th><th>Use when</th><th>Don't use when</th><th>Complexity</th>"
                       "<th>Cost</th></tr>\n";
    for (const auto& p : m_r.patterns) {
      m_out += "<tr><td>" + escapeHtml(p.name) + "</td><td>" + escapeHtml(capitalized(p.pillar)) + "</td><td>" +
               escapeHtml(p.useWhen.empty() ? "-" : p.useWhen) + "</td><td>" +
               escapeHtml(p.dontUseWhen.empty() ? "-" : p.dontUseWhen) + "</td><td>" +
               escapeHtml(p.complexity.empty() ? "-" : p.complexity) + "</td><td>" +
               escapeHtml(p.cost.empty() ? "-" : p.cost) + "</td></tr>\n";
    }
    m_out += "</table>\n";
    sectionEnd();
  }

  const Report& m_r;
  HtmlFlavour m_flavour;
  std::vector<int> m_contentsPages;
  std::vector<ReportFigure> m_figures;
  std::string m_out;
};

}  // namespace

std::vector<ReportFigure> reportFigures(const Report& report) {
  std::vector<ReportFigure> figures;
  figures.push_back({"pillars:risk-chart", riskChartSvg(report.pillars), 640, DiagramPlacement::Inline,
                     "Figure 1. Risks per pillar."});
  for (std::size_t i = 0; i < report.diagram.size(); ++i) {
    const DiagramPart& part = report.diagram[i];
    // Printed at the size it was planned for (points), shown in CSS pixels: 96 per 72 points.
    figures.push_back({part.name, sizedSvg(part.svg, part.printedWidthPt(), part.printedHeightPt()),
                       part.printedWidthPt() * 96.0 / 72.0, part.placement, diagramCaption(report, i)});
  }
  if (report.run && !report.run->series.empty()) {
    std::vector<double> t, rps, p99;
    for (const auto& s : report.run->series) {
      t.push_back(s.timeS);
      rps.push_back(s.throughputRps);
      p99.push_back(s.throughputRps > 0 ? s.p99Ms : std::nan(""));  // nothing completed: no latency
    }
    figures.push_back({"pillars:throughput", lineChartSvg("Throughput", "req/s", t, rps, "#1565c0"), 640,
                       DiagramPlacement::Inline, "Figure 3. Throughput over simulated time, warm-up included."});
    figures.push_back({"pillars:p99", lineChartSvg("Latency p99", "ms", t, p99, "#6a1b9a"), 640,
                       DiagramPlacement::Inline, "Figure 4. p99 latency over simulated time, warm-up included."});
  }
  return figures;
}

std::string diagramCaption(const Report& report, std::size_t index) {
  if (report.diagram.size() <= 1) return "Figure 2. The topology.";
  return "Figure 2, part " + std::to_string(index + 1) + " of " + std::to_string(report.diagram.size()) + ": " +
         report.diagram[index].title + ".";
}

const std::vector<std::string>& reportSectionTitles() {
  static const std::vector<std::string> titles = {
      "1. Summary of risks", "2. Topology",  "3. Questions and answers", "4. Recommendations",
      "5. Simulation",       "Appendix A. Patterns used"};
  return titles;
}

std::vector<std::string> reportSectionTitles(const Report& report) {
  std::vector<std::string> titles = reportSectionTitles();
  if (!report.milestones.empty()) titles.insert(titles.end() - 1, milestonesSectionTitle());
  if (report.patterns.empty()) titles.pop_back();  // the appendix lists recommended patterns only
  return titles;
}

const std::string& milestonesSectionTitle() {
  static const std::string title = "6. Milestones";
  return title;
}

std::string answerOriginText(const Report& report) {
  return std::to_string(report.reviewerAnswers) + " by the reviewer, " + std::to_string(report.suggestedAnswers) +
         " suggested";
}

std::string milestoneChangeText(const Report& report) {
  if (report.milestones.size() < 2) return {};
  const auto signedCount = [](int n) { return (n > 0 ? "+" : "") + std::to_string(n); };
  const MilestoneComparison& c = report.sinceLastMilestone;
  std::string text = "Since \"" + report.milestones[report.milestones.size() - 2].name + "\": high " +
                     signedCount(c.high) + ", medium " + signedCount(c.medium);
  if (c.questions.empty()) return text + "; no question's risk changed.";
  text += "; " + std::to_string(c.questions.size()) + (c.questions.size() == 1 ? " question's" : " questions'") +
          " risk changed:";
  // Readers know the questions by their text, not their ids.
  const auto textOf = [&report](const std::string& id) {
    for (const auto& q : report.questions) {
      if (q.id == id) return q.text;
    }
    return id;
  };
  const auto riskWord = [](Risk risk) {
    return risk == Risk::High ? "high" : risk == Risk::Medium ? "medium" : "none";
  };
  for (std::size_t i = 0; i < c.questions.size(); ++i) {
    const QuestionRiskChange& q = c.questions[i];
    text += std::string(i ? "; " : " ") + textOf(q.questionId) + " (" + riskWord(q.before) + " to " +
            riskWord(q.after) + ")";
  }
  return text + ".";
}

std::string writeReportHtml(const Report& report, HtmlFlavour flavour, const std::vector<int>& contentsPages) {
  return HtmlBuilder(report, flavour, contentsPages).build();
}

std::string noRecommendationText(const Report& report) {
  if (report.alreadyInDesign.empty()) return "No pattern rule fires for the facts the design tells.";
  return "Nothing to add: every pattern a rule fires for is one the design already has.";
}

std::string alreadyInDesignIntro() {
  return "A rule fired for these patterns, but the design already has them, so they are not recommended.";
}

std::string alreadyInDesignText(const ReportRecommendation& pattern) {
  std::string text = pattern.name + ": " + pattern.inDesign;
  if (!pattern.reasons.empty()) {
    text += " (the rule that fired: ";
    for (std::size_t i = 0; i < pattern.reasons.size(); ++i) text += (i ? "; " : "") + pattern.reasons[i];
    text += ")";
  }
  return text + ".";
}

std::string escapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace pillars::review
