#pragma once

#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QUndoStack>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/io/project_file.hpp"
#include "engine/model/scenario.hpp"
#include "engine/run/stored_run.hpp"
#include "widgets/document/run_history.hpp"

namespace pillars {

class AddComponentCommand;
class ConnectCommand;
class MoveComponentsCommand;
class RestructureCommand;
class SetGroupKindCommand;
class SetGroupLabelCommand;
class SetParametersCommand;
class SetReviewCommand;

/// Opens TopologyDocument's primitive mutators to the undo commands (commands/) and to nothing
/// else, so every change of the model is an undo step: only they can make one.
class UndoCommandKey {
  UndoCommandKey() = default;
  friend class AddComponentCommand;
  friend class ConnectCommand;
  friend class MoveComponentsCommand;
  friend class RestructureCommand;
  friend class SetGroupKindCommand;
  friend class SetGroupLabelCommand;
  friend class SetParametersCommand;
  friend class SetReviewCommand;
};

/// The open topology: the scenario model, where each component is drawn, and the undo stack
/// of every edit. It owns the data; views only show it and follow its signals. Edits go
/// through the public edit functions, which push undoable commands; the commands call the
/// primitive mutators below (which take an UndoCommandKey only they can make), and those emit
/// the change signals. Its jobs sit in one file each: the model and its edits
/// (topology_document.cpp), files (topology_document_files.cpp: one writer for saves and the
/// autosave's copies), the review (topology_document_review.cpp), the inspector's property
/// edits (topology_document_properties.cpp) and the fault timeline
/// (topology_document_faults.cpp); the runs kept with a project are a RunHistory.
class TopologyDocument : public QObject {
  Q_OBJECT

 public:
  explicit TopologyDocument(QObject* parent = nullptr);
  ~TopologyDocument() override;

  /// Reads a project (`.pillars`) or a scenario file (JSON). On failure the document is
  /// unchanged and `errors` lists every problem as "file:line:col: $.path: message".
  bool load(const QString& path, QStringList* errors);
  /// Whether load() would accept `path` (every problem in `errors` if not); nothing changes.
  static bool canLoad(const QString& path, QStringList* errors);

  /// Writes the document atomically as a project (`.pillars`, SQLite) or, for any other
  /// extension, as scenario JSON: on failure the old file is intact and `error` says why. On
  /// success the document takes the new path and is clean.
  bool saveAs(const QString& path, QString* error);
  /// The scenario as it would be saved: the model with every component's position.
  Scenario scenarioWithPositions() const;

  const Scenario& scenario() const { return m_scenario; }
  QString filePath() const { return m_path; }
  /// The file name without folders, or "Untitled".
  QString displayName() const;
  bool isModified() const { return !m_undo.isClean(); }
  QUndoStack& undoStack() { return m_undo; }

  /// Where a component is drawn: from the file, or from an automatic layered layout for
  /// components the file gives no position.
  QPointF position(const std::string& componentId) const;

  // --- Edits (undoable) ---------------------------------------------------------------------
  /// Adds a component of `kind` at `at` with a fresh id ("service3") and the editor's starting
  /// parameters (starting_parameters.hpp); returns the id.
  std::string addComponent(const std::string& kind, QPointF at);
  /// Removes components, links and groups as one step. Links touching a removed component go
  /// with it; a removed group releases its members to its parent; faults aimed at anything
  /// removed are dropped, so the document always stays a valid scenario.
  void remove(const std::vector<std::string>& componentIds, const std::vector<std::string>& linkIds = {},
              const std::vector<std::string>& groupIds = {});
  void removeComponents(const std::vector<std::string>& ids) { remove(ids); }
  /// Gives a component a new id everywhere it is named; returns what was wrong, or empty.
  QString renameComponent(const std::string& id, const std::string& newId);
  /// The selected components as a self-contained scenario (with internal links, whole groups
  /// and positions): what Copy puts on the clipboard.
  Scenario copyFragment(const std::vector<std::string>& componentIds) const;
  /// Adds a copied fragment, shifted by `offset`, renaming what collides; returns the new
  /// components' ids. `label` names the step ("Paste", "Duplicate").
  std::vector<std::string> pasteFragment(const Scenario& fragment, QPointF offset, const QString& label);
  /// Creates a zone or region around components and groups; returns its id, or empty when
  /// there is nothing to group.
  std::string createGroup(const std::string& kind, const std::vector<std::string>& componentIds,
                          const std::vector<std::string>& groupIds);
  /// Moves components into `groupId`, or out of every group when it is empty.
  void setComponentsGroup(const std::vector<std::string>& componentIds, const std::string& groupId);
  /// Records where components were dragged to, as one step (the items are already there).
  /// `label` names the step in the undo history (default "Move ...").
  void moveComponents(const std::map<std::string, QPointF>& to, const QString& label = {});
  /// Links `from` to `to`; returns an explanation instead when that is not allowed.
  QString connectComponents(const std::string& from, const std::string& to);
  /// Sets a component parameter from its text form; returns what was wrong, or empty. Each
  /// edit is one undo step.
  QString setParameter(const std::string& componentId, const std::string& param, const QString& text);

  // --- Primitive mutators, for undo commands only --------------------------------------------
  void insertComponent(UndoCommandKey, std::size_t index, ComponentSpec component, QPointF at);
  ComponentSpec takeComponent(UndoCommandKey, const std::string& id, std::size_t* index);
  void insertLink(UndoCommandKey, std::size_t index, LinkSpec link);
  LinkSpec takeLink(UndoCommandKey, const std::string& id, std::size_t* index);
  void placeComponent(UndoCommandKey, const std::string& id, QPointF at);
  /// Replaces the whole model, positions taken from the scenario's components.
  void restoreModel(UndoCommandKey, const Scenario& withPositions);
  void assignParameter(UndoCommandKey, const std::string& componentId, std::size_t param, ParamValue value);
  std::size_t componentIndex(const std::string& id) const;

  // --- Whole-document operations (files) -----------------------------------------------------
  /// Replaces the document with an empty, untitled, unmodified scenario (File › New): no path,
  /// no undo history. Announced by reset().
  void clear();
  /// Reads `source` (project or scenario JSON) and adopts its contents under another identity:
  /// `documentPath` becomes the document's path (empty: untitled), and the document starts
  /// modified or clean as asked, with no undo history. Templates open untitled and clean, so
  /// Save asks where and the example is never overwritten; a recovered copy opens under its
  /// original path and modified, so Save writes where the user meant to. Like the editor, it
  /// accepts a client that is not linked yet (scenario files refuse one). On failure the
  /// document is unchanged and `errors` lists every problem.
  bool loadAs(const QString& source, const QString& documentPath, bool modified, QStringList* errors);
  /// Writes the document to `path` like saveAs (atomically, project or JSON by extension) but
  /// leaves its path and clean state alone: the autosave's recovery copies.
  bool writeCopy(const QString& path, QString* error) const;

  // --- The runs kept with it -----------------------------------------------------------------
  /// The last finished run (opened with the project, or set when a run finished), saved in
  /// projects (JSON scenario files have no place for it), and the one it replaced.
  const RunHistory& runs() const { return m_runs; }
  /// Keeps a finished run to be saved with the project. A project (or an untitled document,
  /// which saves as one) becomes modified: the results are part of it. Not an undo step.
  void setLastRun(StoredRun run);
  /// Whether saving keeps runs and review answers: a project, or an untitled document (which
  /// saves as one). Scenario JSON files have no place for them.
  bool savesAsProject() const;

  // --- The architecture review ---------------------------------------------------------------
  /// The review's answers and milestones: saved in projects (schema 3), not in scenario JSON.
  const ProjectReview& review() const { return m_review; }
  /// Sets one question's answer (choice, not applicable + reason, note) as one undo step; an
  /// empty answer removes it. Nothing happens when it is unchanged.
  void setReviewAnswer(const std::string& questionId, const review::Answer& answer);
  /// Sets several answers as one undo step named `label` (Review › Accept All Suggestions).
  void setReviewAnswers(const review::Answers& answers, const QString& label);
  /// Takes a milestone: a named, dated snapshot of the answers (one undo step): `answers` as the
  /// review shows them (accepted suggestions followed), or the stored ones when null.
  void addMilestone(const std::string& name, const std::string& date, const review::Answers* answers = nullptr);
  /// Keeps the recommender's facts as the reviewer typed them (ProjectReview::facts), one undo
  /// step; nothing happens when they are unchanged.
  void setReviewFacts(const std::map<std::string, std::string>& facts);
  /// Replaces the review; for undo commands only.
  void assignReview(UndoCommandKey, ProjectReview review);

  /// Applies a recommended pattern's edit (engine/review/apply_pattern.hpp) as one undo step
  /// named `label`; returns what was wrong (nothing is applied then), or empty.
  QString applyPattern(const review::ApplyHint& hint, const QString& label);

  // --- Link and group properties, multi-edits (inspector) ------------------------------------
  // Edits return what was wrong (nothing is applied then), or empty; each is one undo step (the
  // inspector commits a typed value once, on Enter or leaving the field).
  /// Sets a link parameter (latency, bandwidth_mbps, loss, weight) from its text form.
  QString setLinkParameter(const std::string& linkId, const std::string& param, const QString& text);
  /// Sets one parameter on every listed component as one undo step. The text must suit every
  /// component's schema (ranges may differ between kinds sharing a parameter name).
  QString setParameters(const std::vector<std::string>& componentIds, const std::string& param,
                        const QString& text);
  /// The same for several links.
  QString setLinkParameters(const std::vector<std::string>& linkIds, const std::string& param,
                            const QString& text);
  /// What setParameters (`links` false) or setLinkParameters would say about `text`, without
  /// applying it: empty when it would be accepted.
  QString checkParameters(bool links, const std::vector<std::string>& ids, const std::string& param,
                          const QString& text) const;
  /// Sets the label people read on a zone or region (its id stays).
  QString setGroupLabel(const std::string& groupId, const QString& text);
  /// Makes a group a "zone" or a "region".
  QString setGroupKind(const std::string& groupId, const QString& kind);
  // Primitive mutators of this block, for undo commands only.
  void assignLinkParameter(UndoCommandKey, const std::string& linkId, std::size_t param, ParamValue value);
  void assignGroupLabel(UndoCommandKey, const std::string& groupId, const std::string& label);
  void assignGroupKind(UndoCommandKey, const std::string& groupId, const std::string& kind);

  // --- Fault timeline ----------------------------------------------------------------------
  // Faults are part of the scenario, so each edit is one whole-model undo step (pushRestructure)
  // and views follow restructured(); the list stays sorted by time, same-time faults in order.
  /// What is wrong with `fault` for this document (unknown target, value out of range), or empty.
  QString checkFault(const FaultSpec& fault) const;
  /// Inserts after every fault at the same time or earlier (unchecked: see checkFault).
  void addFault(const FaultSpec& fault);
  /// Removes the faults at these indices of scenario().faults as one step; bad indices are ignored.
  void removeFaults(const std::vector<std::size_t>& indices);
  /// Replaces fault `index` (re-sorted by time); returns what was wrong (nothing applied), or empty.
  QString setFault(std::size_t index, const FaultSpec& fault);
  /// "crash web2 at 60s", for labels and messages.
  static QString describeFault(const FaultSpec& fault);

 signals:
  /// The whole model was replaced (a file was opened).
  void reset();
  /// The document was saved under `filePath()`.
  void saved();
  void componentAdded(const std::string& id);
  void componentRemoved(const std::string& id);
  void componentMoved(const std::string& id);
  void componentChanged(const std::string& id);
  void linkAdded(const std::string& id);
  void linkRemoved(const std::string& id);
  /// Many parts of the model changed in one edit (delete, rename, paste, grouping).
  void restructured();
  void modifiedChanged(bool modified);
  /// A link's parameters changed (inspector).
  void linkChanged(const std::string& id);
  /// A group's label or kind changed (inspector).
  void groupChanged(const std::string& id);
  /// A finished run was stored in the document (setLastRun), or one came with an opened project.
  void lastRunChanged();
  /// The review's answers or milestones changed (an edit, its undo, or an opened project).
  void reviewChanged();

 private:
  /// setParameters and setLinkParameters: one edit of `param` on several components or links.
  QString setManyParameters(bool links, const std::vector<std::string>& ids, const std::string& param,
                            const QString& text);
  GroupSpec* mutableGroup(const std::string& groupId);
  void placeUnpositioned();
  /// Pushes an edit of the whole model as one undoable step, unless it changed nothing.
  void pushRestructure(const QString& label, Scenario after);

  Scenario m_scenario;
  RunHistory m_runs;
  ProjectReview m_review;
  QString m_path;
  std::map<std::string, QPointF> m_positions;
  QUndoStack m_undo;
};

}  // namespace pillars
