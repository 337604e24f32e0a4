// MainWindow, part two: documents and files — open, save, new, templates, recovery.
#include "widgets/window/main_window.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStatusBar>

#include "widgets/canvas/diagram_export.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/review/review_actions.hpp"
#include "widgets/review/review_session.hpp"
#include "widgets/window/dialog_folder.hpp"
#include "widgets/window/recent_files.hpp"
#include "widgets/window/report_export.hpp"
#include "widgets/window/resource_paths.hpp"
#include "widgets/window/template_gallery.hpp"

namespace pillars {

bool MainWindow::openFile(const QString& path, bool quiet, QStringList* errors) {
  QStringList problems;
  if (!m_document->load(path, &problems)) {
    if (errors) *errors = problems;
    if (!quiet) showOpenProblems(path, problems);
    return false;
  }
  m_view->fitToWindow();
  m_recentFiles->add(path);
  return true;
}

void MainWindow::showOpenProblems(const QString& path, const QStringList& problems) {
  QMessageBox box(QMessageBox::Warning, tr("Cannot open %1").arg(path), tr("Pillars could not open this file."),
                  QMessageBox::Ok, this);
  // The first problem is what the user needs to read; the full list stays one click away.
  QString first = problems.value(0);
  if (problems.size() > 1) {
    first += QStringLiteral("\n\n") +
             (problems.size() == 2 ? tr("and 1 more problem; see details.")
                                   : tr("and %1 more problems; see details.").arg(problems.size() - 1));
  }
  box.setInformativeText(first);
  if (problems.size() > 1) box.setDetailedText(problems.join(QLatin1Char('\n')));
  box.exec();
}

bool MainWindow::openWithPrompt(const QString& path) {
  // Read the file before asking about unsaved changes: a file that cannot be opened must cost
  // nothing, and must not leave behind a document whose changes the user was told were discarded.
  QStringList problems;
  if (!TopologyDocument::canLoad(path, &problems)) {
    showOpenProblems(path, problems);
    return false;
  }
  if (!maybeKeepChanges()) return false;
  return openFile(path);
}

void MainWindow::openWithDialog() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open"), dialogFolder(*m_document),
      tr("Pillars projects and scenarios (*.pillars *.json);;Pillars projects (*.pillars);;"
         "Scenario JSON (*.json);;All files (*)"));
  if (path.isEmpty()) return;
  rememberDialogFolder(path);
  openWithPrompt(path);
}

bool MainWindow::startWith(const QString& file, bool recover, const Autosave::Chooser& choose, QStringList* errors,
                           bool quiet) {
  // Unsaved work from a session that did not end normally comes first, and is not replaced by FILE.
  if (recover && offerRecovery(choose)) return true;
  if (file.isEmpty()) {
    showStartPage();
    return true;
  }
  return openFile(file, quiet, errors);
}

bool MainWindow::save() {
  if (m_document->filePath().isEmpty()) return saveAsWithDialog();
  QString error;
  if (!m_document->saveAs(m_document->filePath(), &error)) {
    QMessageBox::warning(this, tr("Save failed"), tr("%1\n\nThe file on disk was not changed.").arg(error));
    return false;
  }
  statusBar()->showMessage(tr("Saved %1").arg(m_document->displayName()), 4000);
  return true;
}

QString MainWindow::suggestedFileName(const QString& extension) const {
  // From the file's own name, else the scenario's: "Three-tier web app" becomes three-tier-web-app.
  QString base = QFileInfo(m_document->filePath()).completeBaseName();
  if (base.isEmpty()) {
    base = QString::fromStdString(m_document->scenario().name).toLower().simplified();
    base.replace(QLatin1Char(' '), QLatin1Char('-')).remove(QRegularExpression(QStringLiteral("[^a-z0-9._-]")));
  }
  return (base.isEmpty() ? tr("untitled") : base) + extension;
}

bool MainWindow::saveAsWithDialog() {
  // A project keeps what a scenario file cannot (runs, review), so Save As offers one first.
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save As"), suggestedPath(*m_document, suggestedFileName(QStringLiteral(".pillars"))),
      tr("Pillars project (*.pillars);;Scenario JSON, for pillars-cli and git (*.json)"));
  if (path.isEmpty()) return false;
  rememberDialogFolder(path);
  QString error;
  if (!m_document->saveAs(path, &error)) {
    QMessageBox::warning(this, tr("Save failed"), tr("%1\n\nThe file on disk was not changed.").arg(error));
    return false;
  }
  m_recentFiles->add(path);
  updateTitleAndStatus();
  return true;
}

void MainWindow::exportDiagramWithDialog() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export Diagram"),
                                                    suggestedPath(*m_document, suggestedFileName(QStringLiteral(".png"))),
                                                    tr("PNG image (*.png);;SVG drawing (*.svg);;Graphviz DOT (*.dot)"));
  if (path.isEmpty()) return;
  rememberDialogFolder(path);
  const QString problem = exportDiagram(*m_document, *m_scene, path);
  if (!problem.isEmpty()) {
    QMessageBox::warning(this, tr("Export failed"), problem);
  } else {
    statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
  }
}

void MainWindow::exportReviewWithDialog() {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export Review"), suggestedPath(*m_document, suggestedFileName(QStringLiteral("-review.html"))),
      tr("HTML report (*.html);;PDF document (*.pdf);;Markdown (*.md)"));
  if (path.isEmpty()) return;
  rememberDialogFolder(path);
  const QString problem = exportReview(*m_document, path, m_reviewActions->session().checklistId());
  if (!problem.isEmpty()) {
    QMessageBox::warning(this, tr("Export failed"), problem);
  } else {
    statusBar()->showMessage(tr("Exported the review to %1").arg(path), 4000);
  }
}

bool MainWindow::maybeKeepChanges() {
  if (!m_document->isModified()) return true;
  const auto answer = QMessageBox::warning(
      this, tr("Unsaved changes"),
      tr("%1 has changes that are not saved.").arg(m_document->displayName()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

// --- Files: new documents, templates, recovery, the user guide --------------------------------

void MainWindow::newDocument() {
  m_document->clear();
  m_view->zoomToActualSize();
  // The status bar's hint (showHint, on the reset) says what to do with an empty design.
}

void MainWindow::newWithPrompt() {
  if (maybeKeepChanges()) newDocument();
}

bool MainWindow::openTemplate(const QString& path, QStringList* errors) {
  if (!m_document->loadAs(path, QString(), false, errors)) return false;
  m_view->fitToWindow();
  statusBar()->showMessage(
      tr("New document from the template %1; Save asks where to keep it.").arg(QFileInfo(path).fileName()), 8000);
  return true;
}

void MainWindow::newFromTemplateWithDialog() {
  // Choose first, then settle unsaved changes: cancelling the gallery must change nothing.
  TemplateGallery gallery(resourcepaths::examplesDirectory(), this);
  if (gallery.exec() != QDialog::Accepted || gallery.selectedPath().isEmpty()) return;
  if (!maybeKeepChanges()) return;
  QStringList errors;
  if (!openTemplate(gallery.selectedPath(), &errors)) {
    QMessageBox::warning(this, tr("Cannot open template"), errors.join(QLatin1Char('\n')));
  }
}

bool MainWindow::offerRecovery(const Autosave::Chooser& choose) {
  if (!m_autosave->offerRecovery(this, choose)) return false;
  m_view->fitToWindow();
  return true;
}

}  // namespace pillars
