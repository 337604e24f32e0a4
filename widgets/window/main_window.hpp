#pragma once

#include <QMainWindow>
#include <QPointer>
#include <vector>

#include "widgets/window/autosave.hpp"

class QDockWidget;
class QLabel;
class QStackedWidget;
class QTabWidget;

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
class RequestTracePanel;
class OperationsPanel;
class CostStatus;
class SimulateActions;
class RecentFiles;
class UserGuideWindow;
class ReviewActions;
class StartPage;
class DesignWarningsMonitor;
class CapDialog;

/// The Pillars main window: the canvas and the review as tabs in the middle (or the start page,
/// when no design is being worked on), the component palette, the inspector and the run's views
/// in docks, File / Edit / View / Simulate / Review / Help menus with the platform's standard
/// shortcuts. Dock layout and geometry are remembered between sessions.
class MainWindow final : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens a scenario; on failure shows every problem (in a dialog unless `quiet`).
  bool openFile(const QString& path, bool quiet = false, QStringList* errors = nullptr);
  /// File › Open and Open Recent once a file is chosen: reads it first and only then asks about
  /// unsaved changes, so a file that cannot be opened leaves everything as it was.
  bool openWithPrompt(const QString& path);
  /// What `pillars [FILE]` does at launch: offers unsaved work from a session that did not end
  /// normally first (unless `recover` is false; a recovered document is not replaced by FILE),
  /// then opens FILE, or shows the start page when there is none. `choose` replaces the
  /// recovery question. False when FILE could not be opened (`errors` says why; a dialog too
  /// unless `quiet`).
  bool startWith(const QString& file, bool recover = true, const Autosave::Chooser& choose = {},
                 QStringList* errors = nullptr, bool quiet = false);
  /// Skips restoring the remembered layout, so screenshots look the same everywhere.
  void useDefaultLayout();
  /// Palette and inspector at their default widths, the charts and event log at their default
  /// height (a dock layout only settles once shown).
  void applyDefaultDockSizes();

  // --- What the middle of the window shows ---------------------------------------------------
  /// The start page: examples by pillar, recent files, new and open. Docks step aside until a
  /// design is worked on (any document opened, created, recovered or edited brings them back).
  void showStartPage();
  bool isStartPageShown() const;
  /// The design and review tabs (leaving the start page).
  void showWorkArea();
  /// The canvas tab.
  void showDesign();
  /// The review tab (Review › Show Checklist).
  void showReview();
  bool isReviewShown() const;
  StartPage& startPage() { return *m_startPage; }
  LiveChartsPanel& charts() { return *m_charts; }
  OperationsPanel& operations() { return *m_operations; }
  CostStatus& costStatus() { return *m_cost; }
  DesignWarningsMonitor& designWarnings() { return *m_warnings; }

  TopologyDocument& document() { return *m_document; }
  TopologyScene& scene() { return *m_scene; }
  TopologyView& view() { return *m_view; }
  InspectorPanel& inspector() { return *m_inspector; }
  PaletteList& palette() { return *m_palette; }
  AutoLayout& autoLayout() { return *m_autoLayout; }
  EditActions& editActions() { return *m_editActions; }
  LiveRun& liveRun() { return *m_live; }
  LiveOverlay& liveOverlay() { return *m_overlay; }
  /// Simulate › CAP Experiment…: opens the dialog on the selected store's set (or the first).
  CapDialog* openCapExperiment();
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
  void showEvent(QShowEvent* event) override;

 private:
  /// Bumped when the docks move to new places, so an old remembered layout gives way once.
  static constexpr int kLayoutVersion = 3;  // 3: the Request Trace dock behind the charts

  void createMenus();
  void createDocks();
  void createCentralArea();
  /// Shows the design with component `id` selected and in view (a row clicked in a dock).
  void revealComponent(const std::string& id);
  /// Shows the trace of a request picked in the event log in the Request Trace dock.
  void showRequestTrace(std::uint64_t requestId);
  /// The status bar's hint for what the window shows now.
  void showHint();
  void openWithDialog();
  void showOpenProblems(const QString& path, const QStringList& problems);
  /// A file name for save and export dialogs: the document's, or one made from its scenario's name.
  QString suggestedFileName(const QString& extension) const;
  bool save();
  bool saveAsWithDialog();
  void exportDiagramWithDialog();
  void exportReviewWithDialog();
  /// Asks what to do with unsaved changes; false means the user cancelled.
  bool maybeKeepChanges();
  void newWithPrompt();
  void newFromTemplateWithDialog();
  void showAbout();
  void updateTitleAndStatus();
  void onSelectionChanged();
  /// "Show Instances" for a replica set's card while a run is loaded (LiveOverlay).
  void addInstancesToggleTo(QMenu& menu);

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
  RequestTracePanel* m_requestTrace = nullptr;
  OperationsPanel* m_operations = nullptr;
  CostStatus* m_cost = nullptr;
  ReviewActions* m_reviewActions = nullptr;
  QLabel* m_statusSummary = nullptr;
  QStackedWidget* m_central = nullptr;
  QTabWidget* m_work = nullptr;
  StartPage* m_startPage = nullptr;
  DesignWarningsMonitor* m_warnings = nullptr;
  std::vector<QPointer<QDockWidget>> m_docksPutAway;
  QString m_lastHint;  // the status bar's hint last shown, replaced or cleared by the next  // hidden while the start page shows
  bool m_rememberLayout = true;
  bool m_geometryRestored = false;
  bool m_layoutRestored = false;
  bool m_shownOnce = false;
  RecentFiles* m_recentFiles = nullptr;
  Autosave* m_autosave = nullptr;
  UserGuideWindow* m_userGuide = nullptr;  // made on first use, kept to reopen where it was
};

}  // namespace pillars
