#pragma once
// File → Export Review: the review report of the open document (its design, its last
// finished run, and the review's current answers and milestones) as HTML, PDF or Markdown, chosen by the file's extension. The same report as
// `pillars-cli report`, dated today, for the checklist chosen in the Review dock (the bundled
// and the user's checklists are those of review_library.hpp).

#include <QString>
#include <string>

namespace pillars {
class TopologyDocument;

/// Writes the report to `path` (.html, .pdf or .md). Returns an empty string on success,
/// otherwise a sentence saying what went wrong. `checklistId` names the checklist reported.
QString exportReview(const TopologyDocument& document, const QString& path,
                     const std::string& checklistId = "five-minute-review");

}  // namespace pillars
