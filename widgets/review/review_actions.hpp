#pragma once

#include <QObject>
#include <QPointer>

class QMainWindow;
class QMenu;

namespace pillars {

class TopologyDocument;
class ReviewSession;
class ChecklistPanel;
class RecommenderDialog;
class CompareRunsDialog;

/// The Review menu and what it opens: the checklist (a panel the window places, in a large area
/// of its own beside the canvas), the recommender, milestones (save one, compare two), the
/// user's checklists (reload, open folder).
class ReviewActions final : public QObject {
  Q_OBJECT

 public:
  ReviewActions(TopologyDocument& document, QMainWindow& window);

  void addTo(QMenu& menu);
  ReviewSession& session() { return *m_session; }
  /// The checklist panel; the window gives it its place (owned by the window until then).
  ChecklistPanel& checklist() { return *m_checklist; }

  /// Review › Show Checklist: asks the window to bring the checklist to the front.
  void showChecklist();
  /// Review › Recommend Patterns…: opens the recommender (one at a time) and returns it.
  RecommenderDialog* openRecommender();
  /// Review › Save Milestone…: asks for a name; `name` given skips the question (tests).
  void saveMilestone(const QString& name = {});
  void compareMilestones();
  /// Review › Compare Runs…: the previous and the last run side by side; returns the dialog,
  /// or null (after saying why) when there are not two runs yet.
  CompareRunsDialog* compareRuns();
  /// Review › Accept All Suggestions: every answer the evidence suggests, as one undo step;
  /// questions already answered keep their answer. Returns how many were set.
  int acceptAllSuggestions();
  /// Review › Reload Checklists: reads the bundled and the user's checklists again; a broken
  /// user file is named in the dock and the status bar, and the bundled ones stay in use.
  void reloadChecklists();
  /// Review › Open Checklists Folder: creates the user's folder when missing and returns it
  /// (empty when it cannot be made); `open` false skips the file manager (tests).
  QString openChecklistsFolder(bool open = true);

 signals:
  /// Show Checklist, or a checklist problem the user must see: the window shows the panel.
  void checklistRequested();

 private:
  TopologyDocument& m_document;
  QMainWindow& m_window;
  ReviewSession* m_session;
  ChecklistPanel* m_checklist;
  QPointer<RecommenderDialog> m_recommender;
};

}  // namespace pillars
