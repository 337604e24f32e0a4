#include <cstdio>
#include <filesystem>

#include "app/cli/command.hpp"
#include "app/cli/command_line.hpp"
#include "app/cli/review_input.hpp"
#include "app/cli/scenario_input.hpp"
#include "engine/io/project_file.hpp"
#include "engine/review/report_html.hpp"
#include "engine/review/report_markdown.hpp"
#include "engine/review/report_model.hpp"
#include "engine/util/atomic_file.hpp"

#ifdef PILLARS_HAVE_REPORT_PDF
#include <QGuiApplication>

#include "widgets/report_pdf/report_pdf.hpp"
#endif

namespace pillars::cli {

namespace {

#ifdef PILLARS_HAVE_REPORT_PDF
/// Qt needs an application object for fonts; the offscreen platform needs no display. Only the
/// PDF format pays for it.
int writePdf(const review::Report& report, const std::string& out) {
  qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
  static int argc = 1;
  static char name[] = "pillars-cli";
  static char* argv[] = {name, nullptr};
  QGuiApplication app(argc, argv);
  const std::string error = reportpdf::writeReportPdf(report, out);
  if (!error.empty()) {
    std::fprintf(stderr, "pillars-cli report: %s\n", error.c_str());
    return kExitFailed;
  }
  if (const char* preview = std::getenv("PILLARS_REPORT_PREVIEW_PNG")) {
    // A developer's aid: the same pages as PNG files, to look at without a PDF viewer.
    reportpdf::writeReportPagePngs(report, preview, 60);
  }
  return kExitOk;
}
#endif

}  // namespace

int runReport(const std::vector<std::string>& args) {
  CommandLine cl(
      "report",
      "Writes a review report: a title page, the risks per pillar with a chart, the topology\n"
      "diagram, every checklist question with its answer, evidence and notes, the recommended\n"
      "patterns with their reasons, the project's last run (key figures and charts) when it\n"
      "has one, the project's milestones when it has any, and an appendix of the patterns used\n"
      "(when any is recommended).\n"
      "A project's stored answers (with N/A reasons and notes) are used, an answer accepted\n"
      "from a suggestion as the evidence suggests it now; questions without one show the\n"
      "answer the design's evidence suggests, marked \"suggested\". The recommender's facts\n"
      "stored in the project are used too.\n"
      "HTML is one self-contained file; Markdown leaves the figures out. The output is the\n"
      "same byte for byte for the same project and --date.");
  std::string path;
  std::string format;
  std::string out;
  std::optional<std::string> date;
  std::string checklists;
  cl.positional("FILE", path, "Project (.pillars) or scenario file (JSON)")->required();
  cl.option("--format", format, "html|md|pdf",
            "The report's format (default: from OUT's extension)");
  cl.option("-o,--output", out, "OUT", "Output file")->required();
  cl.option("--date", date, "YYYY-MM-DD", "The report's date (default: today, UTC)")
      ->check([](const std::string& text) -> std::string {
        if (review::isIsoDate(text)) return {};
        return "\"" + text + "\" is not a date written YYYY-MM-DD";
      });
  cl.option("--checklists", checklists, "DIR",
            "Also load the review files in DIR (checklists, patterns, ...)");
  if (const auto done = cl.parse(args)) return *done;
  if (format.empty()) {
    format = std::filesystem::path(out).extension().string();
    if (!format.empty()) format.erase(0, 1);
  }
  if (format == "markdown") format = "md";
  if (format != "html" && format != "md" && format != "pdf") {
    return cl.usageError("--format must be html, md or pdf, not \"" + format + "\"");
  }
#ifndef PILLARS_HAVE_REPORT_PDF
  if (format == "pdf") {
    return cl.usageError("this build has no PDF support (built without Qt); use html or md");
  }
#endif
  const auto scenario = loadScenarioOrReport(path);
  if (!scenario) return kExitFailed;
  const auto library = loadReviewLibraryOrReport(checklists);
  if (!library) return kExitFailed;
  std::optional<StoredRun> run;
  std::optional<ProjectReview> projectReview;
  if (isProjectPath(path)) {
    std::string error;
    run = loadStoredRun(path, &error);
    if (!error.empty()) std::fprintf(stderr, "pillars-cli report: warning: %s; the report leaves the run out\n", error.c_str());
    std::string reviewError;
    projectReview = loadProjectReview(path, &reviewError);
    if (!reviewError.empty()) {
      // A report of suggestions is still useful; say loudly that the reviewer's answers are missing.
      std::fprintf(stderr, "pillars-cli report: warning: %s; the report shows suggested answers only\n",
                   reviewError.c_str());
    }
  }

  review::ReportInput input;
  input.scenario = &*scenario;
  input.library = &*library;
  input.run = run ? &*run : nullptr;
  input.date = date.value_or(review::todayIsoDate());
  input.answers = projectReview ? &projectReview->answers : nullptr;
  input.milestones = projectReview ? &projectReview->milestones : nullptr;
  input.facts = projectReview ? &projectReview->facts : nullptr;
  input.documentName = std::filesystem::path(path).stem().string();
  const review::Report report = review::buildReport(input);
  if (!report.runError.empty()) {
    std::fprintf(stderr, "pillars-cli report: warning: %s: %s\n", path.c_str(), report.runError.c_str());
  }
  if (format == "pdf") {
#ifdef PILLARS_HAVE_REPORT_PDF
    return writePdf(report, out);
#endif
  }
  const std::string text = format == "html" ? review::writeReportHtml(report) : review::writeReportMarkdown(report);
  std::string error;
  if (!writeFileAtomically(out, text, &error)) {
    std::fprintf(stderr, "pillars-cli report: %s\n", error.c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace pillars::cli
