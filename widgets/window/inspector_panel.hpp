#pragma once

#include <QWidget>
#include <string>
#include <vector>

class QLabel;
class QStackedWidget;

namespace pillars {

class TopologyDocument;
class DeferredCall;
class InspectorFacts;
class InspectorGroupView;
class InspectorHeading;
class InspectorLiveStats;
class LiveRun;
class InspectorParamTable;

/// Shows and edits what is selected, from the engine's schema: one component or link, several
/// (their shared parameters, "(mixed)" where values differ, one undo step per edit for all of
/// them), or a zone or region. Each parameter gets an editor for its type; values that differ
/// from the default are bold. A value the schema refuses stays in its editor, marked, with the
/// reason below the table and as tooltip, and never reaches the model.
class InspectorPanel final : public QWidget {
  Q_OBJECT

 public:
  InspectorPanel(TopologyDocument& document, QWidget* parent = nullptr);

  /// Shows what is selected on the canvas. Components win over links, links over groups (the
  /// heading says what else is selected). Safe to call from any signal: the panel refills
  /// once control returns to the event loop.
  void showSelection(std::vector<std::string> componentIds, std::vector<std::string> linkIds,
                     std::vector<std::string> groupIds);
  /// Shows one component, or a hint when `componentId` is empty.
  void showComponent(const std::string& componentId);
  /// While `run` has a run loaded, one selected component or link shows its live figures.
  void setLiveRun(LiveRun* run);
  /// Refills now (tests, and the deferred refresh).
  void refresh();

 signals:
  /// An edit was refused; the text says why.
  void invalidValue(const QString& reason);

 private:
  enum class Showing { Nothing, Components, Links, Group };

  void scheduleRefresh();
  void showNothing(const QString& hint);
  void showComponents();
  void showLinks();
  void showGroup();
  /// Records what edits now apply to.
  void showingNow(Showing what, const std::vector<std::string>& ids);
  /// Applies an edit from the table to whatever is shown, as one undoable step.
  QString apply(const std::string& param, const QString& text);
  /// Whether apply() would accept `text`; nothing changes.
  QString check(const std::string& param, const QString& text) const;
  void updateProblem();

  TopologyDocument& m_document;
  InspectorHeading* m_heading;
  InspectorFacts* m_facts;
  InspectorLiveStats* m_liveStats;
  QStackedWidget* m_pages;
  QLabel* m_hint;
  InspectorParamTable* m_table;
  InspectorGroupView* m_groupView;
  QLabel* m_problem;
  // What the canvas has selected (the next refresh shows it)...
  std::vector<std::string> m_components, m_links, m_groups;
  // ...and what the panel shows now, which edits apply to.
  Showing m_showing = Showing::Nothing;
  std::vector<std::string> m_shownIds;
  DeferredCall* m_refreshLater;
};

}  // namespace pillars
