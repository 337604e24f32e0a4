#include "widgets/review/review_actions.hpp"

#include <QDateTime>
#include <QDesktopServices>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QUrl>

#include "engine/review/answers_in_use.hpp"
#include "widgets/common/count_text.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/review/checklist_panel.hpp"
#include "widgets/review/compare_runs_dialog.hpp"
#include "widgets/review/facts_panel.hpp"
#include "widgets/review/milestones_dialog.hpp"
#include "widgets/review/recommender_dialog.hpp"
#include "widgets/review/review_library.hpp"
#include "widgets/review/review_session.hpp"

namespace pillars {

ReviewActions::ReviewActions(TopologyDocument& document, QMainWindow& window)
    : QObject(&window),
      m_document(document),
      m_window(window),
      m_session(new ReviewSession(document, this)),
      m_checklist(new ChecklistPanel(*m_session, &window)) {
  m_checklist->setObjectName(QStringLiteral("ChecklistPanel"));
  m_checklist->hide();  // until the window places it
}

void ReviewActions::addTo(QMenu& menu) {
  menu.addAction(tr("Show &Checklist"), this, &ReviewActions::showChecklist)
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
  menu.addAction(tr("&Recommend Patterns…"), this, [this] { openRecommender(); });
  menu.addAction(tr("&Accept All Suggestions"), this, [this] { acceptAllSuggestions(); });
  menu.addSeparator();
  menu.addAction(tr("&Save Milestone…"), this, [this] { saveMilestone(); });
  menu.addAction(tr("C&ompare Milestones…"), this, &ReviewActions::compareMilestones);
  menu.addAction(tr("Compare R&uns…"), this, [this] { compareRuns(); });
  menu.addSeparator();
  menu.addAction(tr("Re&load Checklists"), this, &ReviewActions::reloadChecklists);
  menu.addAction(tr("Open Checklists &Folder"), this, [this] { openChecklistsFolder(); });
}

void ReviewActions::showChecklist() { emit checklistRequested(); }

RecommenderDialog* ReviewActions::openRecommender() {
  // A fresh dialog each time, so its facts are prefilled from the design as it is now.
  if (m_recommender) m_recommender->deleteLater();
  m_recommender = new RecommenderDialog(*m_session, &m_window);
  m_recommender->setAttribute(Qt::WA_DeleteOnClose);
  connect(&m_recommender->facts(), &FactsPanel::applied, this,
          [this](const QString& message) { m_window.statusBar()->showMessage(message, 10000); });
  m_recommender->show();
  return m_recommender;
}

void ReviewActions::saveMilestone(const QString& given) {
  QString name = given;
  if (name.isEmpty()) {
    bool ok = false;
    const QString suggested = tr("Milestone %1").arg(m_document.review().milestones.size() + 1);
    name = QInputDialog::getText(&m_window, tr("Save Milestone"),
                                 tr("A name for this snapshot of the answers and risks:"), QLineEdit::Normal,
                                 suggested, &ok)
               .trimmed();
    if (!ok || name.isEmpty()) return;
  }
  const QString date = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
  // The answers as the checklist shows them, accepted suggestions as they are now.
  m_document.addMilestone(name.toStdString(), date.toStdString(), &m_session->answers());
}

int ReviewActions::acceptAllSuggestions() {
  const review::Checklist* checklist = m_session->checklist();
  if (!checklist) return 0;
  review::Answers changes;
  const auto& current = m_document.review().answers;
  for (const review::Question* q : checklist->questions()) {
    const review::SuggestedAnswer* s = m_session->suggestionFor(q->id);
    const auto it = current.find(q->id);
    // A person's answer wins over a suggestion; only open questions are filled in.
    if (!s || (it != current.end() && (!it->second.choice.empty() || it->second.notApplicable))) continue;
    changes[q->id] = review::acceptedSuggestion(it == current.end() ? review::Answer{} : it->second, *s);
  }
  m_document.setReviewAnswers(changes, tr("Accept %1").arg(countText(static_cast<long long>(changes.size()),
                                                                     tr("suggestion"), tr("suggestions"))));
  return static_cast<int>(changes.size());
}

void ReviewActions::reloadChecklists() {
  // The recommender holds trees and patterns of the data being replaced: it closes first and
  // opens again on request with the new data.
  if (m_recommender) m_recommender->close();
  m_session->reloadLibrary();
  const QString problem = m_session->userError();
  if (!problem.isEmpty()) {
    // The full located error is in the dock; the status bar names the first file.
    m_window.statusBar()->showMessage(tr("Your checklists were left out: %1").arg(problem.section(QLatin1Char('\n'), 0, 0)),
                                      15000);
    showChecklist();
    return;
  }
  const review::ReviewLibrary* library = m_session->library();
  const int count = library ? static_cast<int>(library->checklists.size()) : 0;
  m_window.statusBar()->showMessage(tr("Loaded %1").arg(countText(count, tr("checklist"), tr("checklists"))), 5000);
}

QString ReviewActions::openChecklistsFolder(bool open) {
  const QString folder = ensureUserChecklistsFolder();
  if (folder.isEmpty()) {
    m_window.statusBar()->showMessage(tr("Cannot create %1").arg(userChecklistsFolder()), 10000);
    return {};
  }
  if (open) QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
  m_window.statusBar()->showMessage(
      tr("Your checklists folder: %1 (add *.json files, then Review › Reload Checklists)").arg(folder), 10000);
  return folder;
}

CompareRunsDialog* ReviewActions::compareRuns() {
  if (!m_document.runs().previous() || !m_document.runs().last()) {
    // Not a modal box: tests and scripted sessions call this too, and a status line suffices.
    m_window.statusBar()->showMessage(
        tr("Compare Runs needs two runs: run, change the design (Apply a pattern), and run again."), 10000);
    return nullptr;
  }
  auto* dialog = new CompareRunsDialog(*m_document.runs().previous(), *m_document.runs().last(), &m_window);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
  return dialog;
}

void ReviewActions::compareMilestones() {
  if (m_document.review().milestones.empty()) {
    QMessageBox::information(&m_window, tr("Compare Milestones"),
                             tr("There is no milestone yet: Review › Save Milestone… takes one."));
    return;
  }
  auto* dialog = new MilestonesDialog(*m_session, &m_window);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
}

}  // namespace pillars
