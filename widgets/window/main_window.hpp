#pragma once

#include <QMainWindow>

#include "widgets/window/autosave.hpp"

class QLabel;

namespace pillars {

class TopologyDocument;
class TopologyScene;
class TopologyView;
class InspectorPanel;
class PaletteList;
class AutoLayout;
class EditActions;
class LiveRun;
class LiveOverlay;
class LiveChartsPanel;
class EventLogPanel;
class SimulateActions;
class RecentFiles;
class UserGuideWindow;
class ReviewActions;

/// The Pillars main window: the canvas in the middle, the component palette and the inspector
/// in docks, File / Edit / View / Simulate / Review / Help menus with the platform's standard
/// shortcuts. Dock layout and geometry are remembered between sessions.
class MainWindow final : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens a scenario; on failure shows every problem (in a dialog unless `quiet`).
  bool openFile(const QString& path, bool quiet = false, QStringList* errors = nullptr);
  /// Skips restoring the remembered layout, so screenshots look the same everywhere.
  void useDefaultLayout();
  /// Palette and inspector at their default widths (a dock layout only settles once shown).
  void applyDefaultDockSizes();

  TopologyDocument& document() { return *m_document; }
  TopologyScene& scene() { return *m_scene; }
  TopologyView& view() { return *m_view; }
  InspectorPanel& inspector() { return *m_inspector; }
  PaletteList& palette() { return *m_palette; }
  AutoLayout& autoLayout() { return *m_autoLayout; }
  EditActions& editActions() { return *m_editActions; }
  LiveRun& liveRun() { return *m_live; }
  LiveOverlay& liveOverlay() { return *m_overlay; }
  SimulateActions& simulateActions() { return *m_simulateActions; }
  ReviewActions& reviewActions() { return *m_reviewActions; }
  /// Creates a component of `kind` at a canvas position and selects it.
  void addComponentAt(const QString& kind, QPointF scenePos);

  // --- Files: new documents, templates, recent files, recovery, the user guide --------------
  /// Replaces the document with an empty, untitled one, without asking (File › New asks first).
  void newDocument();
  /// Opens a template as an untitled, unmodified document, so Save asks where and the template
  /// itself is never overwritten.
  bool openTemplate(const QString& path, QStringList* errors = nullptr);
  /// Offers back what a Pillars that did not close normally left unsaved (see Autosave);
  /// `choose` replaces the question box. Returns whether a document was recovered.
  bool offerRecovery(const Autosave::Chooser& choose = {});
  /// Help › User Guide: opens it, or brings it to the front.
  void showUserGuide();
  RecentFiles& recentFiles() { return *m_recentFiles; }
  Autosave& autosave() { return *m_autosave; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createMenus();
  void createDocks();
  void openWithDialog();
  bool save();
  bool saveAsWithDialog();
  /// Asks what to do with unsaved changes; false means the user cancelled.
  bool maybeKeepChanges();
  void newWithPrompt();
  void newFromTemplateWithDialog();
  void showAbout();
  void updateTitleAndStatus();
  void onSelectionChanged();

  TopologyDocument* m_document;
  TopologyScene* m_scene;
  TopologyView* m_view;
  InspectorPanel* m_inspector = nullptr;
  PaletteList* m_palette = nullptr;
  AutoLayout* m_autoLayout = nullptr;
  EditActions* m_editActions = nullptr;
  LiveRun* m_live = nullptr;
  SimulateActions* m_simulateActions = nullptr;
  LiveOverlay* m_overlay = nullptr;
  LiveChartsPanel* m_charts = nullptr;
  EventLogPanel* m_eventLog = nullptr;
  ReviewActions* m_reviewActions = nullptr;
  QLabel* m_statusSummary = nullptr;
  bool m_rememberLayout = true;
  RecentFiles* m_recentFiles = nullptr;
  Autosave* m_autosave = nullptr;
  UserGuideWindow* m_userGuide = nullptr;  // made on first use, kept to reopen where it was
};

}  // namespace pillars
