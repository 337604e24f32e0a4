#include "widgets/window/main_window.hpp"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QLabel>
#include <QListWidget>
#include <QUndoView>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>

#include "engine/model/component_kind.hpp"
#include "widgets/canvas/diagram_export.hpp"
#include "widgets/window/report_export.hpp"
#include "widgets/canvas/kind_style.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/auto_layout.hpp"
#include "widgets/window/edit_actions.hpp"
#include "widgets/window/fault_timeline_panel.hpp"
#include "widgets/window/simulate_actions.hpp"
#include "widgets/live/event_log_panel.hpp"
#include "widgets/live/live_charts_panel.hpp"
#include "widgets/live/live_overlay.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/review/review_actions.hpp"
#include "widgets/review/review_session.hpp"
#include "widgets/window/inspector_panel.hpp"
#include "widgets/window/palette_list.hpp"
#include "widgets/window/recent_files.hpp"
#include "widgets/window/resource_paths.hpp"
#include "widgets/window/template_gallery.hpp"
#include "widgets/window/user_guide_window.hpp"

namespace pillars {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_document(new TopologyDocument(this)),
      m_scene(new TopologyScene(*m_document, this)),
      m_view(new TopologyView(m_scene, this)),
      m_autoLayout(new AutoLayout(*m_document, this)),
      m_editActions(new EditActions(*m_document, *m_scene, *m_view, this)),
      m_live(new LiveRun(this)),
      m_simulateActions(new SimulateActions(*m_document, *m_live, this)),
      m_overlay(new LiveOverlay(*m_scene, *m_live, this)) {
  setObjectName(QStringLiteral("MainWindow"));
  setCentralWidget(m_view);
  // Before the File menu, which shows the recent files.
  m_recentFiles = new RecentFiles(this);
  m_autosave = new Autosave(*m_document, this);
  connect(m_autosave, &Autosave::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
  createDocks();
  createMenus();
  m_statusSummary = new QLabel(this);
  statusBar()->showMessage(tr("Drag a kind from Components onto the canvas; Shift+drag from one "
                              "component to another to link them."), 10000);
  m_simulateActions->addTo(*statusBar());
  statusBar()->addPermanentWidget(m_statusSummary);
  connect(m_document, &TopologyDocument::reset, this, &MainWindow::updateTitleAndStatus);
  connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::onSelectionChanged);
  connect(m_scene, &TopologyScene::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(m_editActions, &EditActions::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(m_simulateActions, &SimulateActions::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(m_view, &TopologyView::spaceTapped, m_simulateActions->playAction(), &QAction::trigger);
  connect(m_view, &TopologyView::contextMenuRequested, this, [this](QPoint globalPos, QPointF scenePos) {
    QMenu menu(this);
    m_editActions->addToContextMenu(menu, scenePos);
    m_simulateActions->addFaultsTo(menu, m_scene->selectedComponents(), m_scene->selectedLinks());
    menu.exec(globalPos);
  });
  connect(m_document, &TopologyDocument::modifiedChanged, this, &QWidget::setWindowModified);
  connect(m_document, &TopologyDocument::saved, this, &MainWindow::updateTitleAndStatus);
  connect(m_autoLayout, &AutoLayout::finished, this, [this](bool applied, const QString& message) {
    statusBar()->showMessage(message, 6000);
    if (applied) m_view->fitToWindow();
  });
  for (auto signal : {&TopologyDocument::componentAdded, &TopologyDocument::componentRemoved,
                      &TopologyDocument::linkAdded, &TopologyDocument::linkRemoved}) {
    connect(m_document, signal, this, &MainWindow::updateTitleAndStatus);
  }
  connect(m_document, &TopologyDocument::restructured, this, &MainWindow::updateTitleAndStatus);
  resize(1280, 800);
  const QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
  updateTitleAndStatus();
}

MainWindow::~MainWindow() { delete m_userGuide; }

void MainWindow::useDefaultLayout() {
  m_rememberLayout = false;
  resize(1440, 900);
  for (QDockWidget* dock : findChildren<QDockWidget*>()) {
    dock->setFloating(false);
    // The review checklist opens on request (Review › Show Checklist), not by default.
    dock->setVisible(dock != &m_reviewActions->checklistDock());
  }
  applyDefaultDockSizes();
}

void MainWindow::applyDefaultDockSizes() {
  auto* palette = findChild<QDockWidget*>(QStringLiteral("PaletteDock"));
  auto* inspector = findChild<QDockWidget*>(QStringLiteral("InspectorDock"));
  if (palette && inspector) resizeDocks({palette, inspector}, {170, 340}, Qt::Horizontal);
  auto* charts = findChild<QDockWidget*>(QStringLiteral("ChartsDock"));
  if (inspector && charts) resizeDocks({inspector, charts}, {300, 560}, Qt::Vertical);
  if (auto* log = findChild<QDockWidget*>(QStringLiteral("EventLogDock"))) resizeDocks({log}, {170}, Qt::Vertical);
}

void MainWindow::createDocks() {
  m_palette = new PaletteList(this);
  connect(m_palette, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    // Double-click or Enter: add at the middle of what the canvas shows.
    addComponentAt(PaletteList::kindOf(item), m_view->mapToScene(m_view->viewport()->rect().center()));
  });
  connect(m_view, &TopologyView::kindDropped, this, &MainWindow::addComponentAt);
  auto* paletteDock = new QDockWidget(tr("Components"), this);
  paletteDock->setObjectName(QStringLiteral("PaletteDock"));
  paletteDock->setWidget(m_palette);
  addDockWidget(Qt::LeftDockWidgetArea, paletteDock);

  m_inspector = new InspectorPanel(*m_document, this);
  m_inspector->setLiveRun(m_live);
  auto* inspectorDock = new QDockWidget(tr("Inspector"), this);
  inspectorDock->setObjectName(QStringLiteral("InspectorDock"));
  inspectorDock->setWidget(m_inspector);
  addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
  connect(m_inspector, &InspectorPanel::invalidValue, this,
          [this](const QString& reason) { statusBar()->showMessage(reason, 8000); });

  auto* history = new QUndoView(&m_document->undoStack(), this);
  history->setEmptyLabel(tr("<opened>"));
  auto* historyDock = new QDockWidget(tr("History"), this);
  historyDock->setObjectName(QStringLiteral("HistoryDock"));
  historyDock->setWidget(history);
  addDockWidget(Qt::RightDockWidgetArea, historyDock);
  tabifyDockWidget(inspectorDock, historyDock);
  // The fault timeline sits with the history: both are lists of what happens to the document.
  auto* faults = new FaultTimelinePanel(*m_document, this);
  faults->setLiveRun(m_live);
  auto* faultDock = new QDockWidget(tr("Fault Timeline"), this);
  faultDock->setObjectName(QStringLiteral("FaultTimelineDock"));
  faultDock->setWidget(faults);
  addDockWidget(Qt::RightDockWidgetArea, faultDock);
  tabifyDockWidget(historyDock, faultDock);
  inspectorDock->raise();

  m_charts = new LiveChartsPanel(this);
  m_charts->setLiveRun(m_live);
  auto* chartsDock = new QDockWidget(tr("Charts"), this);
  chartsDock->setObjectName(QStringLiteral("ChartsDock"));
  chartsDock->setWidget(m_charts);
  addDockWidget(Qt::RightDockWidgetArea, chartsDock);  // below the inspector

  m_eventLog = new EventLogPanel(this);
  m_eventLog->setLiveRun(m_live);
  auto* logDock = new QDockWidget(tr("Event Log"), this);
  logDock->setObjectName(QStringLiteral("EventLogDock"));
  logDock->setWidget(m_eventLog);
  addDockWidget(Qt::BottomDockWidgetArea, logDock);
  connect(m_eventLog, &EventLogPanel::componentActivated, this, [this](const std::string& id) {
    m_scene->selectComponents({id});
    if (NodeItem* node = m_scene->nodeFor(id)) m_view->ensureVisible(node);
  });
  m_reviewActions = new ReviewActions(*m_document, *this);
  applyDefaultDockSizes();
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&New"), this, &MainWindow::newWithPrompt)->setShortcut(QKeySequence::New);
  file->addAction(tr("New from &Template\u2026"), this, &MainWindow::newFromTemplateWithDialog)
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
  QAction* open = file->addAction(tr("&Open\u2026"), this, &MainWindow::openWithDialog);
  open->setShortcut(QKeySequence::Open);
  file->addMenu(m_recentFiles->createMenu(this));
  connect(m_recentFiles, &RecentFiles::openRequested, this, [this](const QString& path) {
    if (maybeKeepChanges()) openFile(path);
  });
  connect(m_recentFiles, &RecentFiles::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  file->addSeparator();
  QAction* saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
  saveAction->setShortcut(QKeySequence::Save);
  QAction* saveAs = file->addAction(tr("Save &As\u2026"), this, &MainWindow::saveAsWithDialog);
  saveAs->setShortcut(QKeySequence::SaveAs);
  file->addSeparator();
  file->addAction(tr("&Export Diagram\u2026"), this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Diagram"), QString(),
        tr("PNG image (*.png);;SVG drawing (*.svg);;Graphviz DOT (*.dot)"));
    if (path.isEmpty()) return;
    const QString problem = exportDiagram(*m_document, *m_scene, path);
    if (!problem.isEmpty()) {
      QMessageBox::warning(this, tr("Export failed"), problem);
    } else {
      statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
    }
  });
  file->addAction(tr("Export &Review\u2026"), this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Review"), QString(),
                                                      tr("HTML report (*.html);;PDF document (*.pdf);;Markdown (*.md)"));
    if (path.isEmpty()) return;
    const QString problem = exportReview(*m_document, path, m_reviewActions->session().checklistId());
    if (!problem.isEmpty()) {
      QMessageBox::warning(this, tr("Export failed"), problem);
    } else {
      statusBar()->showMessage(tr("Exported the review to %1").arg(path), 4000);
    }
  });
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = m_document->undoStack().createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = m_document->undoStack().createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  m_editActions->addTo(*edit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* zoomIn = view->addAction(tr("Zoom &In"), m_view, &TopologyView::zoomIn);
  zoomIn->setShortcut(QKeySequence::ZoomIn);
  QAction* zoomOut = view->addAction(tr("Zoom &Out"), m_view, &TopologyView::zoomOut);
  zoomOut->setShortcut(QKeySequence::ZoomOut);
  QAction* fit = view->addAction(tr("&Fit to Window"), m_view, &TopologyView::fitToWindow);
  fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
  QAction* actual = view->addAction(tr("&Actual Size"), m_view, &TopologyView::zoomToActualSize);
  actual->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  view->addSeparator();
  QMenu* layout = view->addMenu(tr("Auto-&Layout"));
  const std::pair<LayoutEngine, QString> engines[] = {
      {LayoutEngine::Dot, tr("&Layered (dot)")},       {LayoutEngine::Sfdp, tr("&Fast force-directed (sfdp)")},
      {LayoutEngine::Neato, tr("&Spring (neato)")},    {LayoutEngine::Fdp, tr("Force-&directed (fdp)")},
      {LayoutEngine::Circo, tr("&Circular (circo)")}};
  for (const auto& [engine, label] : engines) {
    QAction* action = layout->addAction(label, this, [this, e = engine] { m_autoLayout->start(e); });
    if (engine == LayoutEngine::Dot) action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  }
  view->addSeparator();
  QAction* grid = view->addAction(tr("Show &Grid"));
  grid->setCheckable(true);
  grid->setChecked(QSettings().value(QStringLiteral("view/grid"), true).toBool());
  m_view->setGridVisible(grid->isChecked());
  connect(grid, &QAction::toggled, this, [this](bool on) {
    m_view->setGridVisible(on);
    QSettings().setValue(QStringLiteral("view/grid"), on);
  });
  view->addSeparator();
  for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());

  QMenu* simulate = menuBar()->addMenu(tr("&Simulate"));
  m_simulateActions->addTo(*simulate);

  QMenu* review = menuBar()->addMenu(tr("&Review"));
  m_reviewActions->addTo(*review);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&User Guide"), this, &MainWindow::showUserGuide)->setShortcut(QKeySequence::HelpContents);
  help->addSeparator();
  help->addAction(tr("&About Pillars"), this, &MainWindow::showAbout);

  QToolBar* tools = addToolBar(tr("Main"));
  tools->setObjectName(QStringLiteral("MainToolBar"));
  tools->addAction(open);
  tools->addAction(saveAction);
  tools->addSeparator();
  tools->addAction(undo);
  tools->addAction(redo);
  tools->addSeparator();
  tools->addAction(zoomIn);
  tools->addAction(zoomOut);
  tools->addAction(fit);

  // The run controls and the message legend on a row of their own: beside the file tools the
  // legend overflowed behind the toolbar's extension button at common window widths.
  addToolBarBreak();
  QToolBar* runTools = addToolBar(tr("Run"));
  runTools->setObjectName(QStringLiteral("RunToolBar"));
  m_simulateActions->addTo(*runTools);
  runTools->addSeparator();
  runTools->addWidget(LiveOverlay::createLegend(runTools));
}

bool MainWindow::openFile(const QString& path, bool quiet, QStringList* errors) {
  QStringList problems;
  if (!m_document->load(path, &problems)) {
    if (errors) *errors = problems;
    if (!quiet) {
      QMessageBox box(QMessageBox::Warning, tr("Cannot open %1").arg(path),
                      tr("Pillars could not open this file."), QMessageBox::Ok, this);
      // The first problem is what the user needs to read; the full list stays one click away.
      QString first = problems.value(0);
      if (problems.size() > 1) {
        first += QStringLiteral("\n\n") + tr("and %n more problem(s); see details.", nullptr,
                                             static_cast<int>(problems.size() - 1));
      }
      box.setInformativeText(first);
      if (problems.size() > 1) box.setDetailedText(problems.join(QLatin1Char('\n')));
      box.exec();
    }
    return false;
  }
  m_view->fitToWindow();
  m_recentFiles->add(path);
  return true;
}

void MainWindow::openWithDialog() {
  if (!maybeKeepChanges()) return;
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open"), QString(),
      tr("Pillars projects and scenarios (*.pillars *.json);;Pillars projects (*.pillars);;"
         "Scenario JSON (*.json);;All files (*)"));
  if (!path.isEmpty()) openFile(path);
}

bool MainWindow::save() {
  if (m_document->filePath().isEmpty()) return saveAsWithDialog();
  QString error;
  if (!m_document->saveAs(m_document->filePath(), &error)) {
    QMessageBox::warning(this, tr("Save failed"), tr("%1\n\nThe file on disk was not changed.").arg(error));
    return false;
  }
  statusBar()->showMessage(tr("Saved %1").arg(m_document->displayName()), 4000);
  return true;
}

bool MainWindow::saveAsWithDialog() {
  QString suggested = m_document->filePath();
  if (suggested.isEmpty()) {
    // New documents and templates: a name from the scenario, in the user's documents folder.
    QString base = QString::fromStdString(m_document->scenario().name).toLower().simplified();
    base.replace(QLatin1Char(' '), QLatin1Char('-')).remove(QRegularExpression(QStringLiteral("[^a-z0-9._-]")));
    suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/') +
                (base.isEmpty() ? tr("untitled") : base) + QStringLiteral(".pillars");
  }
  if (suggested.endsWith(QStringLiteral(".json"))) suggested.replace(suggested.size() - 5, 5, QStringLiteral(".pillars"));
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save As"), suggested,
      tr("Pillars project (*.pillars);;Scenario JSON, for pillars-cli and git (*.json)"));
  if (path.isEmpty()) return false;
  QString error;
  if (!m_document->saveAs(path, &error)) {
    QMessageBox::warning(this, tr("Save failed"), tr("%1\n\nThe file on disk was not changed.").arg(error));
    return false;
  }
  m_recentFiles->add(path);
  updateTitleAndStatus();
  return true;
}

bool MainWindow::maybeKeepChanges() {
  if (!m_document->isModified()) return true;
  const auto answer = QMessageBox::warning(
      this, tr("Unsaved changes"),
      tr("%1 has changes that are not saved.").arg(m_document->displayName()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Pillars"),
                     tr("<h3>Pillars %1</h3><p>Design, simulate and review distributed systems "
                        "with the five pillars: Work, State, Truth, Control and Intelligence.</p>")
                         .arg(QStringLiteral(PILLARS_VERSION)));
}

void MainWindow::updateTitleAndStatus() {
  setWindowTitle(m_document->displayName() + QStringLiteral("[*] \u2014 Pillars"));
  setWindowModified(m_document->isModified());
  const Scenario& s = m_document->scenario();
  if (s.components.empty()) {
    m_statusSummary->setText(tr("Open a scenario to begin (File \u203a Open)"));
  } else {
    m_statusSummary->setText(tr("%1 \u2014 %2 components, %3 links, %4 groups")
                                 .arg(QString::fromStdString(s.name))
                                 .arg(s.components.size())
                                 .arg(s.links.size())
                                 .arg(s.groups.size()));
  }
}

void MainWindow::addComponentAt(const QString& kind, QPointF scenePos) {
  const std::string id = m_document->addComponent(kind.toStdString(), NodeItem::snapToGrid(scenePos));
  m_scene->selectComponents({id});
}

void MainWindow::onSelectionChanged() {
  const auto components = m_scene->selectedComponents();
  m_inspector->showSelection(components, m_scene->selectedLinks(), m_scene->selectedGroups());
  m_charts->setSelectedComponent(components.size() == 1 ? components.front() : std::string());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!maybeKeepChanges()) {
    event->ignore();
    return;
  }
  if (m_rememberLayout) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
  }
  // A normal close: nothing is left to recover, and the guide must not keep the app alive.
  m_autosave->discard();
  if (m_userGuide) m_userGuide->close();
  event->accept();
}

// --- Files: new documents, templates, recovery, the user guide --------------------------------

void MainWindow::newDocument() {
  m_document->clear();
  m_view->zoomToActualSize();
  statusBar()->showMessage(tr("New document: drag kinds from Components onto the canvas."), 8000);
}

void MainWindow::newWithPrompt() {
  if (maybeKeepChanges()) newDocument();
}

bool MainWindow::openTemplate(const QString& path, QStringList* errors) {
  if (!m_document->loadAs(path, QString(), false, errors)) return false;
  m_view->fitToWindow();
  statusBar()->showMessage(
      tr("New document from the template %1; Save asks where to keep it.").arg(QFileInfo(path).fileName()), 8000);
  return true;
}

void MainWindow::newFromTemplateWithDialog() {
  // Choose first, then settle unsaved changes: cancelling the gallery must change nothing.
  TemplateGallery gallery(resourcepaths::examplesDirectory(), this);
  if (gallery.exec() != QDialog::Accepted || gallery.selectedPath().isEmpty()) return;
  if (!maybeKeepChanges()) return;
  QStringList errors;
  if (!openTemplate(gallery.selectedPath(), &errors)) {
    QMessageBox::warning(this, tr("Cannot open template"), errors.join(QLatin1Char('\n')));
  }
}

bool MainWindow::offerRecovery(const Autosave::Chooser& choose) {
  if (!m_autosave->offerRecovery(this, choose)) return false;
  m_view->fitToWindow();
  return true;
}

void MainWindow::showUserGuide() {
  // A window of its own (no parent): it may sit beside or behind the editor like any other.
  if (!m_userGuide) m_userGuide = new UserGuideWindow;
  m_userGuide->show();
  m_userGuide->raise();
  m_userGuide->activateWindow();
}

}  // namespace pillars
