#pragma once
// File → Export Review: the review report of the open document (its design, its last
// finished run, and the review's current answers and milestones) as HTML, PDF or Markdown, chosen by the file's extension. The same report as
// `pillars-cli report`, dated today.

#include <QString>

namespace pillars {
class TopologyDocument;

/// Writes the report to `path` (.html, .pdf or .md). Returns an empty string on success,
/// otherwise a sentence saying what went wrong.
QString exportReview(const TopologyDocument& document, const QString& path);

}  // namespace pillars
