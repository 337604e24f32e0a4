#pragma once
// A review report as data: everything the HTML, Markdown and PDF writers print, built once from
// a scenario, the review library and (optionally) the project's last finished run. Building it
// is deterministic for a given project and date, so every writer's output is too.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/review/milestones.hpp"
#include "engine/review/report_diagram.hpp"
#include "engine/review/report_operations.hpp"
#include "engine/review/review_data.hpp"
#include "engine/review/risk.hpp"

namespace pillars {
struct Scenario;
struct StoredRun;
}  // namespace pillars

namespace pillars::review {

/// One checklist question with the answer the report shows.
struct ReportQuestion {
  std::string id;
  std::string section;  // the checklist section's title
  std::string pillar;
  std::string text;
  std::string answer;     // the choice's label, "Not applicable", or empty when unanswered
  bool suggested = false; // the answer was suggested by the evidence, not given by a person
  bool answered = false;
  bool notApplicable = false;        // the reviewer marked it not applicable (with a reason)
  std::string notApplicableReason;   // the reviewer's reason, shown with the answer
  std::string reviewerNote;          // the reviewer's note, shown under "Evidence and notes"
  Risk risk = Risk::None;
  std::vector<std::string> evidence;  // the sentences behind the answer
  std::string notes;                  // the improvement to make when the risk is not None
};

struct ReportPillar {
  std::string pillar;
  int questions = 0, answered = 0, high = 0, medium = 0;
};

/// One row of the milestones table: a milestone (or "now") and its high/medium risks.
struct ReportMilestone {
  std::string name;  // the milestone's name, or "Now"
  std::string date;  // as stored (ISO 8601), or the report's date for "Now"
  std::vector<ReportPillar> pillars;  // the same pillars as Report::pillars, same order
  int high = 0, medium = 0;
};

struct ReportRecommendation {
  std::string patternId;
  std::string name;
  std::string pillar;
  std::string complexity, cost;
  std::vector<std::string> reasons;
  std::vector<std::string> warnings;
  std::string applyHint;  // "add_load_balancer at web1", or empty
  std::string inDesign;   // where the design already has it (Report::alreadyInDesign only)
};

/// One row of the stored time series that the charts draw.
struct ReportSample {
  double timeS = 0, throughputRps = 0, p99Ms = 0;
};

/// The headline figures of the project's last finished run (its stored summary).
struct ReportRun {
  std::string scenario;
  long long seed = 0;
  double simTimeS = 0, measuredS = 0;
  long long completed = 0, failed = 0, dropped = 0, timedOut = 0;
  double throughputRps = 0;
  double meanMs = 0, p50Ms = 0, p95Ms = 0, p99Ms = 0, p999Ms = 0, maxMs = 0;
  double availabilityPercent = 100;  // completed / (completed + failed + dropped + timed out)
  bool matchesDesign = true;         // false when the design changed after the run
  std::vector<ReportSample> series;  // empty when the run kept no time series
  double costTotal = 0, costPerHour = 0;  // 0 without priced instances
  /// Alerts, self-healing and chaos experiments (report_operations.hpp); empty when none.
  std::vector<ReportTable> operations;
};

struct ReportPattern {
  std::string id, name, pillar;
  std::string useWhen, dontUseWhen;  // the seed's words, or empty
  std::string complexity, cost;
};

struct Report {
  std::string title;         // "Architecture review: Three-tier web application"
  std::string scenario;      // the scenario's name
  std::string date;          // YYYY-MM-DD
  std::string checklist;     // the checklist's title
  std::size_t components = 0, links = 0;
  /// The topology drawn for print: one part, or one per zone when the design is too large
  /// for a page (report_diagram.hpp); empty when Graphviz failed.
  std::vector<DiagramPart> diagram;
  std::string diagramError;  // why there is no diagram
  std::vector<ReportPillar> pillars;  // pillars with questions, seed order
  int questionsTotal = 0, answered = 0, high = 0, medium = 0;
  int reviewerAnswers = 0;   // answers given by the reviewer (stored in the project)
  int suggestedAnswers = 0;  // answers filled in from the evidence's suggestions
  std::vector<ReportQuestion> questions;  // checklist order
  /// The project's milestones, oldest first, then "Now"; empty when the project has none.
  /// Counted from the reviewer's answers only, as milestones store them, so rows compare alike.
  std::vector<ReportMilestone> milestones;
  /// How the reviewer's answers now differ from the last milestone (now minus then, by
  /// compareMilestones); all zero without milestones.
  MilestoneComparison sinceLastMilestone;
  std::vector<std::string> facts;          // where each known fact came from
  std::vector<ReportRecommendation> recommendations;
  /// Patterns a rule fired for that the design already has: said, never recommended.
  std::vector<ReportRecommendation> alreadyInDesign;
  std::optional<ReportRun> run;
  std::string runError;  // why a stored run could not be read (it is then left out)
  std::vector<ReportPattern> patterns;  // appendix: the patterns the recommendations use
};

struct ReportInput {
  const Scenario* scenario = nullptr;
  const ReviewLibrary* library = nullptr;
  const StoredRun* run = nullptr;  // optional: the project's last finished run
  std::string date;                // YYYY-MM-DD; see isIsoDate
  std::string checklistId = "five-minute-review";
  /// Optional: the reviewer's answers (the project's). A valid stored answer wins over the
  /// evidence's suggestion; other questions show the suggestion, marked as suggested.
  const Answers* answers = nullptr;
  /// Optional: the project's milestones, oldest first; with any, the report has a Milestones section.
  const std::vector<Milestone>* milestones = nullptr;
  /// Optional: the recommender's facts the reviewer typed (ProjectReview::facts), over those the
  /// design tells, so the report recommends what the Recommend Patterns dialog did.
  const std::map<std::string, std::string>* facts = nullptr;
  /// The document's name (a project's file name without ".pillars"): the report's title when
  /// the scenario has no name of its own.
  std::string documentName;
};

/// Builds the report from the reviewer's answers where given and the evidence's suggestions
/// elsewhere; the risk counts follow the answers used.
Report buildReport(const ReportInput& input);

/// True for a valid calendar date written YYYY-MM-DD.
bool isIsoDate(const std::string& text);

/// Today's date (UTC) as YYYY-MM-DD.
std::string todayIsoDate();

/// Figures as the writers print them: fixed decimals, thousands separators, no locale.
std::string formatNumber(double value, int decimals);
std::string formatCount(long long value);

}  // namespace pillars::review
