#include "widgets/window/report_export.hpp"

#include <QFileInfo>

#include "widgets/report_pdf/report_pdf.hpp"
#include "engine/review/report_html.hpp"
#include "engine/review/report_markdown.hpp"
#include "engine/review/report_model.hpp"
#include "engine/util/atomic_file.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/review/review_library.hpp"

namespace pillars {

std::optional<review::Report> reviewReportOf(const TopologyDocument& document, const std::string& checklistId,
                                             QString* error) {
  // The same data the Review tab shows (bundled plus the user's checklists), so a report of
  // a user's lens can be exported; a broken user file has already fallen back to the bundled.
  const AppReviewLibrary& app = appReviewLibrary();
  if (!app.library) {
    if (error) *error = app.error;
    return std::nullopt;
  }
  if (!app.library->findChecklist(checklistId)) {
    if (error) {
      *error = QObject::tr("The checklist \"%1\" is not loaded (Review › Reload Checklists reads the folders again).")
                   .arg(QString::fromStdString(checklistId));
    }
    return std::nullopt;
  }
  review::ReportInput input;
  input.scenario = &document.scenario();
  input.library = app.library.get();
  input.checklistId = checklistId;
  input.run = document.runs().last() ? &*document.runs().last() : nullptr;
  input.date = review::todayIsoDate();
  // The answers as the checklist shows them now, saved or not: the report matches the screen.
  input.answers = &document.review().answers;
  input.milestones = &document.review().milestones;
  input.facts = &document.review().facts;
  input.documentName = QFileInfo(document.filePath()).completeBaseName().toStdString();
  return review::buildReport(input);
}

QString exportReview(const TopologyDocument& document, const QString& path, const std::string& checklistId) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != QStringLiteral("html") && suffix != QStringLiteral("pdf") && suffix != QStringLiteral("md")) {
    return QObject::tr("%1: the file name must end in .html, .pdf or .md").arg(path);
  }
  QString problem;
  const std::optional<review::Report> report = reviewReportOf(document, checklistId, &problem);
  if (!report) return problem;
  const std::string out = path.toStdString();
  if (suffix == QStringLiteral("pdf")) return QString::fromStdString(reportpdf::writeReportPdf(*report, out));
  const std::string text =
      suffix == QStringLiteral("html") ? review::writeReportHtml(*report) : review::writeReportMarkdown(*report);
  std::string error;
  if (!writeFileAtomically(out, text, &error)) return QString::fromStdString(error);
  return {};
}

}  // namespace pillars
