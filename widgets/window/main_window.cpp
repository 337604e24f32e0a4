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
#include <QToolButton>

#include "engine/model/component_kind.hpp"
#include "engine/pillars/state/state_kinds.hpp"
#include "widgets/common/count_text.hpp"
#include "widgets/common/tool_icons.hpp"
#include "widgets/canvas/kind_style.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/auto_layout.hpp"
#include "widgets/window/design_warnings_monitor.hpp"
#include "widgets/window/edit_actions.hpp"
#include "widgets/window/fault_timeline_panel.hpp"
#include "widgets/window/simulate_actions.hpp"
#include "widgets/live/event_log_panel.hpp"
#include "widgets/live/live_charts_panel.hpp"
#include "widgets/live/live_overlay.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/pillars/intelligence/cost_status.hpp"
#include "widgets/pillars/state/cap_dialog.hpp"
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
  // Before the File menu and the start page, which show the recent files.
  m_recentFiles = new RecentFiles(this);
  m_autosave = new Autosave(*m_document, this);
  connect(m_autosave, &Autosave::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
  createDocks();
  createCentralArea();
  createMenus();
  m_statusSummary = new QLabel(this);
  m_statusSummary->setObjectName(QStringLiteral("StatusSummary"));
  // Overload and other design warnings, before and during a run, beside the clock.
  m_warnings = new DesignWarningsMonitor(*m_document, *m_scene, *m_live, this);
  statusBar()->addPermanentWidget(m_warnings->createStatusButton(statusBar()));
  connect(m_warnings, &DesignWarningsMonitor::componentChosen, this, &MainWindow::revealComponent);
  m_simulateActions->addTo(*statusBar());
  m_cost = new CostStatus(statusBar());
  m_cost->setLiveRun(m_live);
  statusBar()->addPermanentWidget(m_cost);
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
    addInstancesToggleTo(menu);
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
  // Whatever replaces or edits the document means a design is being worked on.
  connect(m_document, &TopologyDocument::reset, this, &MainWindow::showWorkArea);
  for (auto signal : {&TopologyDocument::reset, &TopologyDocument::restructured}) {
    connect(m_document, signal, this, &MainWindow::showHint);
  }
  for (auto signal : {&TopologyDocument::componentAdded, &TopologyDocument::componentRemoved,
                      &TopologyDocument::linkAdded, &TopologyDocument::linkRemoved}) {
    connect(m_document, signal, this, &MainWindow::showHint);
  }
  connect(&m_document->undoStack(), &QUndoStack::indexChanged, this, &MainWindow::showWorkArea);
  resize(1280, 800);
  const QSettings settings;
  m_geometryRestored = restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  m_layoutRestored = restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kLayoutVersion);
  updateTitleAndStatus();
  showHint();
}

MainWindow::~MainWindow() { delete m_userGuide; }

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&New"), this, &MainWindow::newWithPrompt)->setShortcut(QKeySequence::New);
  file->addAction(tr("New from &Template\u2026"), this, &MainWindow::newFromTemplateWithDialog)
      ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
  QAction* open = file->addAction(tr("&Open\u2026"), this, &MainWindow::openWithDialog);
  open->setShortcut(QKeySequence::Open);
  file->addMenu(m_recentFiles->createMenu(this));
  connect(m_recentFiles, &RecentFiles::openRequested, this, &MainWindow::openWithPrompt);
  connect(m_recentFiles, &RecentFiles::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  file->addSeparator();
  QAction* saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
  saveAction->setShortcut(QKeySequence::Save);
  QAction* saveAs = file->addAction(tr("Save &As\u2026"), this, &MainWindow::saveAsWithDialog);
  // Desktops without a Save As binding of their own (QKeySequence::SaveAs is empty there) get
  // the common Ctrl+Shift+S, which the user guide promises, rather than no shortcut at all.
  const QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
  saveAs->setShortcuts(saveAsKeys.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}
                                            : saveAsKeys);
  file->addSeparator();
  file->addAction(tr("&Export Diagram\u2026"), this, &MainWindow::exportDiagramWithDialog);
  file->addAction(tr("Export &Review\u2026"), this, &MainWindow::exportReviewWithDialog);
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
  view->addAction(tr("&Design"), this, &MainWindow::showDesign)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
  view->addAction(tr("&Review"), this, &MainWindow::showReview)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
  view->addAction(tr("&Start Page"), this, &MainWindow::showStartPage);
  view->addSeparator();
  for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());

  QMenu* simulate = menuBar()->addMenu(tr("&Simulate"));
  m_simulateActions->addTo(*simulate);
  simulate->addSeparator();
  QAction* cap = simulate->addAction(tr("&CAP Experiment\u2026"), this, &MainWindow::openCapExperiment);
  cap->setStatusTip(tr("Runs the selected store's replica set (or the first) as CP and as AP under one partition, side by side"));

  QMenu* review = menuBar()->addMenu(tr("&Review"));
  m_reviewActions->addTo(*review);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&User Guide"), this, &MainWindow::showUserGuide)->setShortcut(QKeySequence::HelpContents);
  help->addSeparator();
  help->addAction(tr("&About Pillars"), this, &MainWindow::showAbout);

  // Icons with their names beside them, as desktop toolbars show them.
  const std::pair<QAction*, ToolIcon> icons[] = {{open, ToolIcon::Open},       {saveAction, ToolIcon::Save},
                                                 {undo, ToolIcon::Undo},       {redo, ToolIcon::Redo},
                                                 {zoomIn, ToolIcon::ZoomIn},   {zoomOut, ToolIcon::ZoomOut},
                                                 {fit, ToolIcon::Fit}};
  for (const auto& [action, icon] : icons) action->setIcon(toolIcon(icon));
  QToolBar* tools = addToolBar(tr("Main"));
  tools->setObjectName(QStringLiteral("MainToolBar"));
  tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  tools->setIconSize(QSize(20, 20));
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
  runTools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  runTools->setIconSize(QSize(20, 20));
  m_simulateActions->addTo(*runTools);
  runTools->addSeparator();
  runTools->addWidget(LiveOverlay::createLegend(runTools));
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
  const auto count = [](std::size_t n, const QString& one, const QString& many) {
    return countText(static_cast<long long>(n), one, many);
  };
  QString summary = s.name.empty() ? m_document->displayName() : QString::fromStdString(s.name);
  if (s.components.empty()) {
    summary += tr(" \u2014 empty design");
  } else {
    summary += QStringLiteral(" \u2014 ") + count(s.components.size(), tr("component"), tr("components")) +
               QStringLiteral(", ") + count(s.links.size(), tr("link"), tr("links")) + QStringLiteral(", ") +
               count(s.groups.size(), tr("group"), tr("groups"));
  }
  m_statusSummary->setText(summary);
}

void MainWindow::showHint() {
  // What to do next, for what the window shows now. Another message in the status bar (a save,
  // a refusal) is left alone unless it is an earlier hint.
  const Scenario& s = m_document->scenario();
  QString hint;
  if (isStartPageShown()) {
    hint = tr("Choose an example to open it as a new design, or start an empty one (Ctrl+N) or open a file (Ctrl+O).");
  } else if (s.components.empty()) {
    hint = tr("Drag a component from Components onto the canvas (or double-click one).");
  } else if (s.links.empty()) {
    hint = tr("Shift+drag from one card to another to link them; Ctrl+R runs the design.");
  }
  const QString current = statusBar()->currentMessage();
  if (hint.isEmpty()) {
    if (!current.isEmpty() && current == m_lastHint) statusBar()->clearMessage();
  } else if (current.isEmpty() || current == m_lastHint) {
    statusBar()->showMessage(hint);
  }
  m_lastHint = hint;
}

void MainWindow::addComponentAt(const QString& kind, QPointF scenePos) {
  // Where the user pointed, on screen: adding the card grows the canvas, and the view would
  // otherwise re-centre it and show the new card far from the pointer.
  const QPoint pointed = m_view->mapFromScene(scenePos);
  const QPointF at = NodeItem::snapToGrid(scenePos);
  const std::string id = m_document->addComponent(kind.toStdString(), at);
  m_scene->selectComponents({id});
  m_view->keepAt(at, pointed);
}

CapDialog* MainWindow::openCapExperiment() {
  // The selected store's set, else the design's first store (the dialog says if there is none).
  std::string store;
  const std::vector<std::string> selected = m_scene->selectedComponents();
  if (selected.size() == 1) {
    if (isStore(m_document->scenario(), selected.front())) store = selected.front();
  }
  auto* dialog = new CapDialog(m_document->scenario(), store, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
  return dialog;
}

void MainWindow::addInstancesToggleTo(QMenu& menu) {
  const std::vector<std::string> selected = m_scene->selectedComponents();
  if (selected.size() != 1 || !m_overlay->isReplicaSet(selected.front())) return;
  const std::string id = selected.front();
  menu.addSeparator();
  QAction* toggle = menu.addAction(tr("Show Instances of %1").arg(QString::fromStdString(id)));
  toggle->setCheckable(true);
  toggle->setChecked(m_overlay->instancesShown(id));
  toggle->setStatusTip(tr("Draws each instance of the set under its card: ready, not ready or down, its release and how busy it is"));
  connect(toggle, &QAction::toggled, this, [this, id](bool on) { m_overlay->setInstancesShown(id, on); });
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
    showWorkArea();  // the docks the start page put away belong in the saved layout
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
  }
  // A normal close: nothing is left to recover, and the guide must not keep the app alive.
  m_autosave->discard();
  if (m_userGuide) m_userGuide->close();
  event->accept();
}


void MainWindow::showUserGuide() {
  // A window of its own (no parent): it may sit beside or behind the editor like any other.
  if (!m_userGuide) m_userGuide = new UserGuideWindow;
  m_userGuide->show();
  m_userGuide->raise();
  m_userGuide->activateWindow();
}

}  // namespace pillars
