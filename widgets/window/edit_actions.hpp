#pragma once

#include <QObject>
#include <QPointF>
#include <string>
#include <vector>

class QAction;
class QMenu;

namespace pillars {

class TopologyDocument;
class TopologyScene;
class TopologyView;

/// The Edit menu's canvas commands: clipboard, duplicate, delete, rename, select all and
/// grouping into zones and regions. Each acts on the canvas selection, becomes one undoable
/// document edit, and is enabled only when it can do something.
class EditActions final : public QObject {
  Q_OBJECT

 public:
  EditActions(TopologyDocument& document, TopologyScene& scene, TopologyView& view, QObject* parent);

  /// Fills the Edit menu (after Undo and Redo).
  void addTo(QMenu& edit);
  /// Fills a canvas context menu for the current selection; `at` is where a paste lands.
  void addToContextMenu(QMenu& menu, QPointF at);

  void cut();
  void copy();
  /// Pastes the clipboard, shifted a step further each time, or centred on `at` when given.
  void paste(const QPointF* at = nullptr);
  void duplicate();
  void deleteSelection();
  void renameSelected();
  void selectAll();
  void groupSelection(const std::string& kind);
  void ungroupSelection();
  void moveSelectionToGroup(const std::string& groupId);

  QAction* deleteAction() const { return m_delete; }

 signals:
  /// Something the user should read in the status bar.
  void message(const QString& text);

 private:
  void updateEnabled();
  /// Fills the "Move to Group" submenu with the groups of the document.
  void fillGroupMenu(QMenu& menu);

  TopologyDocument& m_document;
  TopologyScene& m_scene;
  TopologyView& m_view;
  int m_pasteCount = 0;  // successive pastes step further so copies never hide each other
  QAction* m_cut;
  QAction* m_copy;
  QAction* m_paste;
  QAction* m_duplicate;
  QAction* m_delete;
  QAction* m_rename;
  QAction* m_selectAll;
  QAction* m_groupZone;
  QAction* m_groupRegion;
  QAction* m_ungroup;
  QAction* m_removeFromGroup;
  QMenu* m_moveToGroup = nullptr;
};

}  // namespace pillars
