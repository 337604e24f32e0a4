#pragma once

#include <QMainWindow>

class QLabel;

namespace pillars {

class TopologyDocument;
class TopologyScene;
class TopologyView;
class InspectorPanel;
class PaletteList;
class AutoLayout;

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
  /// Creates a component of `kind` at a canvas position and selects it.
  void addComponentAt(const QString& kind, QPointF scenePos);

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
  void showAbout();
  void updateTitleAndStatus();
  void onSelectionChanged();

  TopologyDocument* m_document;
  TopologyScene* m_scene;
  TopologyView* m_view;
  InspectorPanel* m_inspector = nullptr;
  PaletteList* m_palette = nullptr;
  AutoLayout* m_autoLayout = nullptr;
  QLabel* m_statusSummary = nullptr;
  bool m_rememberLayout = true;
};

}  // namespace pillars
