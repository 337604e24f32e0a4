#include "engine/review/report_markdown.hpp"

#include "engine/review/report_html.hpp"

namespace pillars::review {

namespace {

/// Table cells cannot hold a pipe or a line break.
std::string cell(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string riskWord(const ReportQuestion& q) {
  if (!q.answered) return "OPEN";
  if (q.notApplicable) return "N/A";
  switch (q.risk) {
    case Risk::High: return "**HIGH**";
    case Risk::Medium: return "**MEDIUM**";
    case Risk::None: break;
  }
  return "NONE";
}

std::string capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

std::string writeReportMarkdown(const Report& r) {
  const auto& titles = reportSectionTitles();
  std::string o;
  o += "# " + r.title + "\n\n";
  o += "| | |\n|---|---|\n";
  o += "| Checklist | " + cell(r.checklist) + " |\n";
  o += "| Date | " + r.date + " |\n";
  o += "| Components | " + std::to_string(r.components) + " |\n";
  o += "| Links | " + std::to_string(r.links) + " |\n";
  o += "| Questions answered | " + std::to_string(r.answered) + " of " + std::to_string(r.questionsTotal) + " |\n";
  o += "| High risks | " + std::to_string(r.high) + " |\n";
  o += "| Medium risks | " + std::to_string(r.medium) + " |\n";
  o += std::string("| Simulation run | ") + (r.run ? "included" : "none stored") + " |\n";
  o += "| Answers | " + answerOriginText(r) + " |\n\n";
  if (r.suggestedAnswers > 0) {
    o += "_Answers marked \"suggested\" come from the evidence Pillars reads off the design; confirm or correct them "
         "with the team that owns the system._\n\n";
  }
  o += "## Contents\n\n";
  for (const auto& t : reportSectionTitles(r)) o += "- " + t + "\n";
  o += "\n## " + titles[0] + "\n\n";
  o += "The review found **" + std::to_string(r.high) + " high** and **" + std::to_string(r.medium) +
       " medium** risks; " + std::to_string(r.answered) + " of " + std::to_string(r.questionsTotal) +
       " questions have an answer.\n\n";
  o += "| Pillar | Questions | Answered | High | Medium |\n|---|--:|--:|--:|--:|\n";
  for (const auto& p : r.pillars) {
    o += "| " + capitalized(p.pillar) + " | " + std::to_string(p.questions) + " | " + std::to_string(p.answered) +
         " | " + std::to_string(p.high) + " | " + std::to_string(p.medium) + " |\n";
  }
  o += "| **Total** | " + std::to_string(r.questionsTotal) + " | " + std::to_string(r.answered) + " | " +
       std::to_string(r.high) + " | " + std::to_string(r.medium) + " |\n\n";

  o += "## " + titles[1] + "\n\n";
  o += std::to_string(r.components) + " components and " + std::to_string(r.links) + " links.\n\n";
  o += "_The diagram is omitted in Markdown; the HTML and PDF reports (`--format html|pdf`) include it, as does "
       "`pillars-cli layout FILE -o topology.svg`._\n\n";
  if (!r.facts.empty()) {
    o += "What the design tells:\n\n";
    for (const auto& f : r.facts) o += "- " + f + "\n";
    o += "\n";
  }

  o += "## " + titles[2] + "\n\n";
  std::string section;
  int sectionNumber = 0, questionNumber = 0;
  for (const auto& q : r.questions) {
    if (q.section != section) {
      section = q.section;
      ++sectionNumber;
      questionNumber = 0;
      o += (sectionNumber > 1 ? "\n" : "") + std::string("### 3.") + std::to_string(sectionNumber) + " " + section +
           "\n\n| # | Question | Answer | Risk | Evidence and notes |\n|---|---|---|---|---|\n";
    }
    ++questionNumber;
    std::string answer = q.answered ? q.answer : "unanswered";
    if (q.suggested) answer += " _(suggested)_";
    if (q.notApplicable) answer += "<br>Reason: " + q.notApplicableReason;
    std::string details;
    for (const auto& e : q.evidence) details += (details.empty() ? "" : "<br>") + e;
    if (!q.reviewerNote.empty()) details += (details.empty() ? "" : "<br>") + std::string("**Note:** ") + q.reviewerNote;
    if (!q.notes.empty()) details += (details.empty() ? "" : "<br>") + std::string("**Improve:** ") + q.notes;
    if (details.empty()) details = "No evidence in the design; a person answers this.";
    o += "| 3." + std::to_string(sectionNumber) + "." + std::to_string(questionNumber) + " | " + cell(q.text) + " | " +
         cell(answer) + " | " + riskWord(q) + " | " + cell(details) + " |\n";
  }
  o += "\n## " + titles[3] + "\n\n";
  if (r.recommendations.empty()) o += noRecommendationText(r) + "\n\n";
  int n = 0;
  for (const auto& rec : r.recommendations) {
    o += "### 4." + std::to_string(++n) + " " + rec.name + "\n\n";
    o += "Pillar: " + capitalized(rec.pillar);
    if (!rec.complexity.empty()) o += " · complexity: " + rec.complexity;
    if (!rec.cost.empty()) o += " · cost: " + rec.cost;
    o += "\n\nWhy:\n\n";
    for (const auto& reason : rec.reasons) o += "- " + reason + "\n";
    for (const auto& w : rec.warnings) o += "\n**Caution:** " + w + "\n";
    if (!rec.applyHint.empty()) o += "\nWhere: " + rec.applyHint + "\n";
    o += "\n";
  }
  if (!r.alreadyInDesign.empty()) {
    o += "### Already in the design\n\n" + alreadyInDesignIntro() + "\n\n";
    for (const auto& rec : r.alreadyInDesign) o += "- " + alreadyInDesignText(rec) + "\n";
    o += "\n";
  }

  o += "## " + titles[4] + "\n\n";
  if (!r.run) {
    o += "There is no stored run in this project: simulate the design and save the project to include its "
         "figures.\n\n";
    if (!r.runError.empty()) o += "_" + r.runError + "_\n\n";
  } else {
    const ReportRun& run = *r.run;
    if (!run.matchesDesign) o += "**Note:** the design changed after this run; its figures describe the design as it was run.\n\n";
    o += "The project's last finished run: " + formatNumber(run.simTimeS, 0) + " s simulated, " +
         formatNumber(run.measuredS, 0) + " s measured after warm-up, seed " + std::to_string(run.seed) + ".\n\n";
    o += "| Metric | Value |\n|---|--:|\n";
    o += "| Throughput | " + formatNumber(run.throughputRps, 1) + " req/s |\n";
    o += "| Availability | " + formatNumber(run.availabilityPercent, 3) + " % |\n";
    o += "| Latency p50 | " + formatNumber(run.p50Ms, 2) + " ms |\n";
    o += "| Latency p95 | " + formatNumber(run.p95Ms, 2) + " ms |\n";
    o += "| Latency p99 | " + formatNumber(run.p99Ms, 2) + " ms |\n";
    o += "| Latency p99.9 | " + formatNumber(run.p999Ms, 2) + " ms |\n";
    o += "| Latency max | " + formatNumber(run.maxMs, 2) + " ms |\n";
    o += "| Completed | " + formatCount(run.completed) + " |\n";
    o += "| Failed | " + formatCount(run.failed) + " |\n";
    o += "| Dropped | " + formatCount(run.dropped) + " |\n";
    o += "| Timed out | " + formatCount(run.timedOut) + " |\n";
    if (run.costTotal > 0) {
      o += "| Cost | " + formatNumber(run.costTotal, 3) + " (" + formatNumber(run.costPerHour, 2) + " per hour) |\n";
    }
    o += "\n";
    if (!run.series.empty()) {
      o += "_The throughput and p99 charts over time are in the HTML and PDF reports._\n\n";
    }
    for (const ReportTable& t : run.operations) {
      o += "### " + t.title + "\n\n";
      if (!t.intro.empty()) o += t.intro + "\n\n";
      o += "|";
      std::string rule = "|";
      for (std::size_t c = 0; c < t.headers.size(); ++c) {
        o += " " + cell(t.headers[c]) + " |";
        rule += t.numeric[c] ? "--:|" : "---|";
      }
      o += "\n" + rule + "\n";
      for (const auto& row : t.rows) {
        o += "|";
        for (const std::string& value : row) o += " " + cell(value) + " |";
        o += "\n";
      }
      o += "\n";
    }
  }

  if (!r.milestones.empty()) {
    o += "## " + milestonesSectionTitle() + "\n\n";
    o += "High / medium risks per pillar at each milestone and now. The rows count the reviewer's answers only, as "
         "milestones store them; suggested answers are left out so the rows compare alike.\n\n";
    o += "| Milestone | Date |";
    std::string rule = "|---|---|";
    for (const auto& p : r.milestones.front().pillars) {
      o += " " + capitalized(p.pillar) + " |";
      rule += "--:|";
    }
    o += " Total |\n" + rule + "--:|\n";
    for (const auto& row : r.milestones) {
      o += "| " + cell(row.name) + " | " + cell(row.date) + " |";
      for (const auto& p : row.pillars) o += " " + std::to_string(p.high) + " / " + std::to_string(p.medium) + " |";
      o += " **" + std::to_string(row.high) + " / " + std::to_string(row.medium) + "** |\n";
    }
    o += "\n" + milestoneChangeText(r) + "\n\n";
  }

  if (r.patterns.empty()) return o;  // the appendix lists recommended patterns only
  o += "## " + titles[5] + "\n\n";
  o += "| Pattern | Pillar | Use when | Don't use when | Complexity | Cost |\n|---|---|---|---|---|---|\n";
  for (const auto& p : r.patterns) {
    o += "| " + cell(p.name) + " | " + capitalized(p.pillar) + " | " + cell(p.useWhen.empty() ? "-" : p.useWhen) +
         " | " + cell(p.dontUseWhen.empty() ? "-" : p.dontUseWhen) + " | " + (p.complexity.empty() ? "-" : p.complexity) +
         " | " + cell(p.cost.empty() ? "-" : p.cost) + " |\n";
  }
  return o;
}

}  // namespace pillars::review
