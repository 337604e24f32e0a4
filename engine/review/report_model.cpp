#include "engine/review/report_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <set>

#include "engine/io/json.hpp"
#include "engine/io/results_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/scenario.hpp"
#include "engine/review/answers_in_use.hpp"
#include "engine/review/evidence.hpp"
#include "engine/review/fact_overrides.hpp"
#include "engine/review/facts.hpp"
#include "engine/review/recommender.hpp"
#include "engine/review/risk.hpp"
#include "engine/run/stored_run.hpp"

namespace pillars::review {

namespace {

double numberAt(const JsonValue& root, std::initializer_list<std::string_view> keys) {
  const JsonValue* v = &root;
  for (const auto k : keys) {
    v = v->find(k);
    if (!v) return 0;
  }
  return v->asNumber();
}

/// The throughput and p99 columns of the stored timeseries.csv (docs/results-format.md).
std::vector<ReportSample> readSeries(const std::shared_ptr<const TimeSeries>& series) {
  std::vector<ReportSample> out;
  if (!series) return out;
  const auto rps = series->columnIndex("global.throughput_rps");
  const auto p99 = series->columnIndex("global.latency_p99_ms");
  if (!rps || !p99) return out;
  // A missing sample is drawn at zero, as the report always has.
  const auto at = [&](std::size_t row, std::size_t col) {
    const double v = series->value(row, col);
    return std::isnan(v) ? 0.0 : v;
  };
  out.reserve(series->rowCount());
  for (std::size_t r = 0; r < series->rowCount(); ++r) {
    out.push_back({simTimeToSeconds(series->time(r)), at(r, *rps), at(r, *p99)});
  }
  return out;
}

std::optional<ReportRun> readRun(const StoredRun& stored, const Scenario& scenario, std::string* error) {
  const auto parsed = parseJson(stored.summaryJson);
  if (const auto* e = std::get_if<JsonError>(&parsed)) {
    *error = "the stored run's summary is not valid JSON (line " + std::to_string(e->location.line) + "): " +
             e->message;
    return std::nullopt;
  }
  const JsonValue& root = std::get<JsonValue>(parsed);
  if (!root.isObject() || !root.find("global")) {
    *error = "the stored run's summary has no \"global\" figures";
    return std::nullopt;
  }
  ReportRun run;
  if (const JsonValue* name = root.find("scenario")) run.scenario = name->asString();
  run.seed = static_cast<long long>(numberAt(root, {"seed"}));
  run.simTimeS = numberAt(root, {"sim_time_s"});
  run.measuredS = numberAt(root, {"measured_s"});
  run.completed = static_cast<long long>(numberAt(root, {"global", "completed"}));
  run.failed = static_cast<long long>(numberAt(root, {"global", "failed"}));
  run.dropped = static_cast<long long>(numberAt(root, {"global", "dropped"}));
  run.timedOut = static_cast<long long>(numberAt(root, {"global", "timed_out"}));
  run.throughputRps = numberAt(root, {"global", "throughput_rps"});
  run.meanMs = numberAt(root, {"global", "latency_ms", "mean"});
  run.p50Ms = numberAt(root, {"global", "latency_ms", "p50"});
  run.p95Ms = numberAt(root, {"global", "latency_ms", "p95"});
  run.p99Ms = numberAt(root, {"global", "latency_ms", "p99"});
  run.p999Ms = numberAt(root, {"global", "latency_ms", "p999"});
  run.maxMs = numberAt(root, {"global", "latency_ms", "max"});
  const long long attempted = run.completed + run.failed + run.dropped + run.timedOut;
  run.availabilityPercent = attempted > 0 ? 100.0 * static_cast<double>(run.completed) / static_cast<double>(attempted) : 100.0;
  // Positions do not change what was simulated, but the stored scenario is compared whole:
  // a report saying "the design changed since" is the cautious reading.
  run.matchesDesign = stored.scenarioJson.empty() || stored.scenarioJson == writeScenarioJson(scenario);
  run.series = readSeries(stored.series);
  run.costTotal = numberAt(root, {"global", "cost_total"});
  run.costPerHour = numberAt(root, {"global", "cost_per_hour"});
  // The whole summary, read as pillars-cli reads it back, for what the Intelligence pillar did
  // (from the same parse).
  if (const std::optional<RunResults> results = readResultsJson(root)) {
    run.operations = operationsTables(*results);
  }
  return run;
}

/// Whether a stored answer decides its question: a choice the question has, or "not
/// applicable" with a reason (evaluateRisks' rule). A note alone, or N/A without a reason,
/// leaves the question to the evidence's suggestion.
bool countsAsAnswer(const Question& question, const Answer& answer) {
  if (answer.notApplicable) return !answer.reason.empty();
  return question.findChoice(answer.choice) != nullptr;
}

/// The answers the report uses: the reviewer's where they decide, the suggestions elsewhere.
Answers answersInUse(const Checklist& checklist, const Answers& stored, Answers suggested) {
  for (const Question* q : checklist.questions()) {
    const auto it = stored.find(q->id);
    if (it != stored.end() && countsAsAnswer(*q, it->second)) suggested[q->id] = it->second;
  }
  return suggested;
}

ReportMilestone milestoneRow(const Checklist& checklist, const std::string& name, const std::string& date,
                             const Answers& answers, const std::vector<EvidenceItem>& evidence) {
  const RiskReport risks = evaluateRisks(checklist, answers, evidence);
  ReportMilestone row{name, date, {}, risks.high, risks.medium};
  for (const auto& p : risks.pillars) {
    if (p.questions == 0) continue;
    row.pillars.push_back({p.pillar, p.questions, p.answered, p.high, p.medium});
  }
  return row;
}

/// One row per milestone, then "Now": each counted from the reviewer's answers alone, because
/// milestones store no suggestions and a row with them would not compare with the others.
std::vector<ReportMilestone> milestoneRows(const Checklist& checklist, const std::vector<Milestone>& milestones,
                                           const Answers& current, const std::string& today,
                                           const std::vector<EvidenceItem>& evidence) {
  std::vector<ReportMilestone> rows;
  for (const auto& m : milestones) rows.push_back(milestoneRow(checklist, m.name, m.date, m.answers, evidence));
  rows.push_back(milestoneRow(checklist, "Now", today, current, evidence));
  return rows;
}

std::string conditionText(const std::optional<Condition>& c) { return c ? c->text : std::string(); }

ReportRecommendation reportRecommendation(const RecommendedPattern& rec) {
  ReportRecommendation out;
  out.patternId = rec.pattern->id;
  out.name = rec.pattern->name;
  out.pillar = rec.pattern->pillar;
  out.complexity = rec.pattern->complexity;
  out.cost = rec.pattern->cost;
  out.reasons = rec.reasons;
  out.warnings = rec.warnings;
  if (rec.apply) out.applyHint = rec.apply->action + " at " + rec.apply->target;
  out.inDesign = rec.inDesign;
  return out;
}

}  // namespace

Report buildReport(const ReportInput& input) {
  const Scenario& scenario = *input.scenario;
  const ReviewLibrary& library = *input.library;
  Report r;
  r.scenario = !scenario.name.empty()        ? scenario.name
               : !input.documentName.empty() ? input.documentName
                                             : "Untitled scenario";
  r.title = "Architecture review: " + r.scenario;
  r.date = input.date;
  r.components = scenario.components.size();
  r.links = scenario.links.size();

  TopologyDiagram diagram = planTopologyDiagram(scenario);
  r.diagram = std::move(diagram.parts);
  r.diagramError = std::move(diagram.error);

  const Checklist* checklist = library.findChecklist(input.checklistId);
  if (!checklist && !library.checklists.empty()) checklist = &library.checklists.front();
  // The stored run is a summary, not the RunResults evidence is gathered from, so the
  // evidence is the design's; the run's figures have their own section.
  const std::vector<EvidenceItem> evidence = gatherEvidence(scenario, nullptr);
  if (checklist) {
    r.checklist = checklist->title;
    const auto suggestions = suggestAnswers(*checklist, evidence);
    // Answers accepted from a suggestion follow the design as it is now.
    const Answers stored = input.answers ? followSuggestions(*input.answers, suggestions) : Answers{};
    const Answers used = answersInUse(*checklist, stored, answersFrom(suggestions));
    const RiskReport risks = evaluateRisks(*checklist, used, evidence);
    for (const auto& p : risks.pillars) {
      if (p.questions == 0) continue;
      r.pillars.push_back({p.pillar, p.questions, p.answered, p.high, p.medium});
    }
    r.questionsTotal = risks.total;
    r.answered = risks.answered;
    r.high = risks.high;
    r.medium = risks.medium;
    for (const auto& section : checklist->sections) {
      for (const auto& q : section.questions) {
        ReportQuestion rq;
        rq.id = q.id;
        rq.section = section.title;
        rq.pillar = q.pillar;
        rq.text = q.text;
        const auto storedIt = stored.find(q.id);
        const bool fromReviewer = storedIt != stored.end() && countsAsAnswer(q, storedIt->second);
        if (storedIt != stored.end()) rq.reviewerNote = storedIt->second.note;
        for (const auto& qr : risks.questions) {
          if (qr.question->id != q.id) continue;
          rq.answered = qr.answered;
          rq.risk = qr.risk;
          if (qr.answered && qr.notApplicable) {
            rq.answer = "Not applicable";
            rq.notApplicable = true;
            rq.notApplicableReason = storedIt->second.reason;
          } else if (qr.answered) {
            const AnswerChoice* choice = q.findChoice(qr.choice);
            rq.answer = choice ? choice->label : qr.choice;
          }
          rq.suggested = qr.answered && !fromReviewer;
        }
        if (rq.answered) ++(rq.suggested ? r.suggestedAnswers : r.reviewerAnswers);
        if (const SuggestedAnswer* s = findSuggestion(suggestions, q.id)) {
          for (const EvidenceItem* e : s->because) rq.evidence.push_back(e->sentence);
        }
        if (rq.answered && rq.risk != Risk::None) rq.notes = q.improvement;
        r.questions.push_back(std::move(rq));
      }
    }
    if (input.milestones && !input.milestones->empty()) {
      r.milestones = milestoneRows(*checklist, *input.milestones, stored, r.date, evidence);
      const Milestone now{"Now", stored, r.date};
      r.sinceLastMilestone = compareMilestones(*checklist, input.milestones->back(), now, evidence);
    }
  }

  const Facts facts = input.facts ? factsWithOverrides(prefillFacts(scenario, nullptr), *input.facts)
                                  : prefillFacts(scenario, nullptr);
  r.facts = facts.sources;
  std::vector<RecommendedPattern> present;
  auto recommendations = recommend(library, facts, &present);
  resolveApplyHints(recommendations, scenario, nullptr);
  std::set<std::string> used;
  for (const auto& rec : recommendations) {
    r.recommendations.push_back(reportRecommendation(rec));
    used.insert(rec.pattern->id);
  }
  for (const auto& rec : present) r.alreadyInDesign.push_back(reportRecommendation(rec));
  // The appendix keeps the pattern table's order, so it reads like the seed's table.
  for (const auto& p : library.patterns) {
    if (!used.count(p.id)) continue;
    r.patterns.push_back({p.id, p.name, p.pillar, conditionText(p.useWhen), conditionText(p.dontUseWhen), p.complexity,
                          p.cost});
  }

  if (input.run) r.run = readRun(*input.run, scenario, &r.runError);
  return r;
}

bool isIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int year = std::stoi(text.substr(0, 4));
  const int month = std::stoi(text.substr(5, 2));
  const int day = std::stoi(text.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string todayIsoDate() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
  return buf;
}

std::string formatNumber(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
  std::string digits = buf;
  const auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot);
  const std::string frac = dot == std::string::npos ? "" : digits.substr(dot);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
  const bool negative = value < 0 && std::stod(buf) != 0.0;
  return (negative ? "-" : "") + whole + frac;
}

std::string formatCount(long long value) { return formatNumber(static_cast<double>(value), 0); }

}  // namespace pillars::review
