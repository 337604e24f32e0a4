#pragma once
// The review report as one self-contained HTML file: inline CSS, the topology and the charts as
// inline SVG, print hints (A4, page breaks). The same writer, in its rich-text flavour, feeds
// the PDF renderer: Qt's rich text reads a subset of HTML and no inline SVG, so figures become
// <img> references the renderer fills with pictures of the same SVGs.

#include <string>
#include <vector>

#include "engine/review/report_model.hpp"

namespace pillars::review {

enum class HtmlFlavour {
  Browser,   // one file for browsers: inline SVG, full CSS
  RichText,  // for QTextDocument: <img src="pillars:NAME"> for each figure, simpler CSS
};

/// A figure of the report: its resource name ("pillars:risk-chart") and its SVG.
struct ReportFigure {
  std::string name;
  std::string svg;
  double widthPx = 640;  // the width to show it at
};

/// The report's figures in document order: the risk chart, the topology (when laid out) and,
/// with a run that kept a time series, throughput and p99 over time.
std::vector<ReportFigure> reportFigures(const Report& report);

/// The numbered section headings every report has, in order.
const std::vector<std::string>& reportSectionTitles();

/// The section headings of this report, in order (the table of contents and the PDF's page
/// numbers use them): the six above, with "6. Milestones" before the appendix when the report
/// has milestones, and without the appendix when no pattern is recommended.
std::vector<std::string> reportSectionTitles(const Report& report);

/// The heading of the Milestones section.
const std::string& milestonesSectionTitle();

/// "3 by the reviewer, 5 suggested": who gave the report's answers, for its title page.
std::string answerOriginText(const Report& report);

/// `contentsPages` (rich text only): the page each section starts on, for the contents page
/// of a paginated rendering; empty lists the sections without pages.
std::string writeReportHtml(const Report& report, HtmlFlavour flavour = HtmlFlavour::Browser,
                            const std::vector<int>& contentsPages = {});

/// "Since "v1": high -1, medium +1; 1 question's risk changed: Load balancing strategy? (high to
/// medium)." Empty without milestones.
std::string milestoneChangeText(const Report& report);

/// Escapes &, <, >, " for HTML text and attributes.
std::string escapeHtml(const std::string& text);

}  // namespace pillars::review
