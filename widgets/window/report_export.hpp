#pragma once
// File → Export Review: the review report of the open document (its design, its last
// finished run, and the review's current answers and milestones) as HTML, PDF or Markdown, chosen by the file's extension. The same report as
// `pillars-cli report`, dated today, for the checklist chosen in the Review dock (the bundled
// and the user's checklists are those of review_library.hpp).

#include <QString>
#include <optional>
#include <string>

#include "engine/review/report_model.hpp"

namespace pillars {
class TopologyDocument;

/// The report of the open document for `checklistId`, dated today: its design, last run,
/// answers (accepted suggestions as the evidence suggests them now), milestones and the
/// recommender's facts, titled by the project's name when the scenario has none. Nothing
/// (with `error` set) when the review data is missing or has no such checklist.
std::optional<review::Report> reviewReportOf(const TopologyDocument& document, const std::string& checklistId,
                                             QString* error);

/// Writes the report to `path` (.html, .pdf or .md). Returns an empty string on success,
/// otherwise a sentence saying what went wrong. `checklistId` names the checklist reported.
QString exportReview(const TopologyDocument& document, const QString& path,
                     const std::string& checklistId = "five-minute-review");

}  // namespace pillars
