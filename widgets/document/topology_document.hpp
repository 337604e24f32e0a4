#pragma once

#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QUndoStack>
#include <map>
#include <string>
#include <vector>

#include "engine/model/scenario.hpp"

namespace pillars {

/// The open topology: the scenario model, where each component is drawn, and the undo stack
/// of every edit. It owns the data; views only show it and follow its signals. Edits go
/// through the public edit functions, which push undoable commands; the commands call the
/// primitive mutators below, which emit the change signals.
class TopologyDocument : public QObject {
  Q_OBJECT

 public:
  explicit TopologyDocument(QObject* parent = nullptr);

  /// Reads a project (`.pillars`) or a scenario file (JSON). On failure the document is
  /// unchanged and `errors` lists every problem as "file:line:col: $.path: message".
  bool load(const QString& path, QStringList* errors);

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
  /// Adds a component of `kind` at `at` with a fresh id ("service3"); returns the id.
  std::string addComponent(const std::string& kind, QPointF at);
  /// Removes components and every link touching them, as one step.
  void removeComponents(const std::vector<std::string>& ids);
  /// Records where components were dragged to, as one step (the items are already there).
  /// `label` names the step in the undo history (default "Move ...").
  void moveComponents(const std::map<std::string, QPointF>& to, const QString& label = {});
  /// Links `from` to `to`; returns an explanation instead when that is not allowed.
  QString connectComponents(const std::string& from, const std::string& to);
  /// Sets a component parameter from its text form; returns what was wrong, or empty.
  /// Consecutive edits of the same parameter merge into one undo step.
  QString setParameter(const std::string& componentId, const std::string& param, const QString& text);

  // --- Primitive mutators, for undo commands only --------------------------------------------
  void insertComponent(std::size_t index, ComponentSpec component, QPointF at);
  ComponentSpec takeComponent(const std::string& id, std::size_t* index);
  void insertLink(std::size_t index, LinkSpec link);
  LinkSpec takeLink(const std::string& id, std::size_t* index);
  void placeComponent(const std::string& id, QPointF at);
  /// Where a component stood in a group's member list, to put it back on undo.
  struct GroupSlot {
    std::size_t group;
    std::size_t position;
  };
  std::vector<GroupSlot> detachFromGroups(const std::string& id);
  void attachToGroups(const std::string& id, const std::vector<GroupSlot>& places);
  void assignParameter(const std::string& componentId, std::size_t param, ParamValue value);
  std::size_t componentIndex(const std::string& id) const;

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
  void modifiedChanged(bool modified);

 private:
  void placeUnpositioned();
  std::string freshId(const std::string& kind) const;

  Scenario m_scenario;
  QString m_path;
  std::map<std::string, QPointF> m_positions;
  QUndoStack m_undo;
};

}  // namespace pillars
