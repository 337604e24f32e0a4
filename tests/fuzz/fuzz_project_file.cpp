// Fuzzes the project-file loader with raw database bytes: SQLite opens files, so each input is
// written to a temporary file of this process's own. A project the loader accepts then goes
// through what `pillars-cli report` and the app do with it: its stored run and review are
// read, the run is compared with itself (Compare Runs) and the review report is built and
// written as HTML and Markdown. The report lays out the topology with Graphviz, so accepted
// designs over the component bound are not reported (their layout time is not what is tested).
#include <cstddef>
#include <cstdint>
#include <optional>

#include "engine/io/project_file.hpp"
#include "engine/io/results_reader.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/review/report_html.hpp"
#include "engine/review/report_markdown.hpp"
#include "engine/review/report_model.hpp"
#include "engine/review/review_loader.hpp"
#include "engine/review/run_comparison.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace pillars;

namespace {

const review::ReviewLibrary& bundledLibrary() {
  static const review::ReviewLibrary library = [] {
    auto load = review::loadReviewFolders({fuzz::sourceDir() + "/checklists"});
    if (!load.ok()) fuzz::fail("the bundled review data does not load", formatDiagnostics(load.errors));
    return std::move(load.library);
  }();
  return library;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::TempFile file(".pillars");
  if (!file.write(fuzz::asText(data, size))) fuzz::fail("cannot write the temporary project", file.path());
  const ScenarioLoad load = loadProjectFile(file.path(), builtinRegistry());
  if (!load.ok()) return 0;

  std::string error;
  const std::optional<StoredRun> run = loadStoredRun(file.path(), &error);
  if (run) {
    (void)readResultsJson(run->summaryJson);
    (void)review::compareRuns(*run, *run, &error);
  }
  const std::optional<ProjectReview> projectReview = loadProjectReview(file.path(), &error);
  if (load.scenario->components.size() > fuzz::kMaxComponents) return 0;

  review::ReportInput input;
  input.scenario = &*load.scenario;
  input.library = &bundledLibrary();
  input.run = run ? &*run : nullptr;
  input.date = "2024-02-29";
  input.answers = projectReview ? &projectReview->answers : nullptr;
  input.milestones = projectReview ? &projectReview->milestones : nullptr;
  const review::Report report = review::buildReport(input);
  (void)review::writeReportHtml(report);
  (void)review::writeReportMarkdown(report);
  return 0;
}
