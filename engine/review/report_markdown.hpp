#pragma once
// The review report as Markdown (GitHub-flavoured tables). Markdown cannot hold the SVG
// figures, so the topology and charts are left out with a note pointing at the HTML report.

#include <string>

#include "engine/review/report_model.hpp"

namespace pillars::review {

std::string writeReportMarkdown(const Report& report);

}  // namespace pillars::review
