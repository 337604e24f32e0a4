#pragma once

#include <QObject>
#include <QPointer>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace pillars {

class TopologyDocument;
class ReviewSession;
class ChecklistPanel;
class RecommenderDialog;
class CompareRunsDialog;

/// The Review menu and what it opens: the checklist dock (hidden until asked for), the
/// recommender, milestones (save one, compare two), the user's checklists (reload, open folder).
class ReviewActions final : public QObject {
  Q_OBJECT

 public:
  /// Adds the checklist dock to `window` (hidden).
  ReviewActions(TopologyDocument& document, QMainWindow& window);

  void addTo(QMenu& menu);
  ReviewSession& session() { return *m_session; }
  ChecklistPanel& checklist() { return *m_checklist; }
  QDockWidget& checklistDock() { return *m_dock; }

  /// Review › Show Checklist: shows the dock and brings it to the front.
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

 private:
  TopologyDocument& m_document;
  QMainWindow& m_window;
  ReviewSession* m_session;
  ChecklistPanel* m_checklist;
  QDockWidget* m_dock;
  QPointer<RecommenderDialog> m_recommender;
};

}  // namespace pillars
