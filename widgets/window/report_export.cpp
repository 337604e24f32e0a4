#include "widgets/window/report_export.hpp"

#include <QFileInfo>

#include "app/report_pdf/report_pdf.hpp"
#include "engine/review/data_location.hpp"
#include "engine/review/report_html.hpp"
#include "engine/review/report_markdown.hpp"
#include "engine/review/report_model.hpp"
#include "engine/review/review_loader.hpp"
#include "engine/util/atomic_file.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

QString exportReview(const TopologyDocument& document, const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != QStringLiteral("html") && suffix != QStringLiteral("pdf") && suffix != QStringLiteral("md")) {
    return QObject::tr("%1: the file name must end in .html, .pdf or .md").arg(path);
  }
  const auto folder = review::bundledChecklistsFolder(review::runningExecutableFolder());
  if (!folder) return QObject::tr("The bundled checklists cannot be found beside the program.");
  const review::LibraryLoad load = review::loadReviewFolders({*folder});
  if (!load.ok()) return QString::fromStdString(load.errors.front().format());

  review::ReportInput input;
  input.scenario = &document.scenario();
  input.library = &load.library;
  input.run = document.lastRun() ? &*document.lastRun() : nullptr;
  input.date = review::todayIsoDate();
  // The answers as the checklist shows them now, saved or not: the report matches the screen.
  input.answers = &document.review().answers;
  input.milestones = &document.review().milestones;
  const review::Report report = review::buildReport(input);
  const std::string out = path.toStdString();
  if (suffix == QStringLiteral("pdf")) return QString::fromStdString(reportpdf::writeReportPdf(report, out));
  const std::string text =
      suffix == QStringLiteral("html") ? review::writeReportHtml(report) : review::writeReportMarkdown(report);
  std::string error;
  if (!writeFileAtomically(out, text, &error)) return QString::fromStdString(error);
  return {};
}

}  // namespace pillars
