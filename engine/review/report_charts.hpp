#pragma once
// The report's charts as small SVG documents drawn by hand (no chart library): one bar per
// pillar with its risks, and a line over time for the run's series. Plain SVG 1.1 elements only
// (rect, line, polyline, text), so browsers inline them and QtSvg renders them for the PDF.

#include <string>
#include <vector>

#include "engine/review/report_model.hpp"

namespace pillars::review {

/// The report's risk colours, shared by the badges and the charts.
inline constexpr const char* kHighColour = "#c62828";
inline constexpr const char* kMediumColour = "#ef8f00";
inline constexpr const char* kNoneColour = "#2e7d32";
inline constexpr const char* kUnansweredColour = "#b0bec5";

/// Horizontal stacked bars, one per pillar: high, medium, no risk, unanswered; with a legend.
std::string riskChartSvg(const std::vector<ReportPillar>& pillars);

/// A line chart of `values` over `times` with a labelled y axis starting at 0. NaN values are
/// gaps: the line breaks there.
std::string lineChartSvg(const std::string& title, const std::string& unit, const std::vector<double>& times,
                         const std::vector<double>& values, const std::string& colour);

}  // namespace pillars::review
