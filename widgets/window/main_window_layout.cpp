// MainWindow, part three: where everything sits — the central area (start page, or the design
// and review tabs), the docks, and their default sizes.
#include <QDockWidget>
#include <QGuiApplication>
#include <QListWidget>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoView>

#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/event_log_panel.hpp"
#include "widgets/live/live_charts_panel.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/live/request_trace_panel.hpp"
#include "widgets/pillars/intelligence/operations_panel.hpp"
#include "widgets/review/checklist_panel.hpp"
#include "widgets/review/review_actions.hpp"
#include "widgets/window/dialog_folder.hpp"
#include "widgets/window/fault_timeline_panel.hpp"
#include "widgets/window/inspector_panel.hpp"
#include "widgets/window/main_window.hpp"
#include "widgets/window/palette_list.hpp"
#include "widgets/window/recent_files.hpp"
#include "widgets/window/resource_paths.hpp"
#include "widgets/window/start_page.hpp"

namespace pillars {

namespace {

QDockWidget* makeDock(QMainWindow& window, const QString& title, const QString& name, QWidget* content) {
  auto* dock = new QDockWidget(title, &window);
  dock->setObjectName(name);
  dock->setWidget(content);
  return dock;
}

}  // namespace

void MainWindow::showRequestTrace(std::uint64_t requestId) {
  const std::vector<std::string> names = m_live->componentNames();
  RequestTrace trace = m_live->traceOf(requestId);
  if (trace.empty()) {
    m_requestTrace->showMessage(
        tr("%1 is no longer in the trace buffer (it keeps the last %2 request events), or was sent while "
           "the run went as fast as possible, which traces nothing.")
            .arg(QString::fromStdString(requestIdText(requestId, names)))
            .arg(QLocale().toString(static_cast<qulonglong>(LiveRun::kTracedEvents))));
    return;
  }
  m_requestTrace->showTrace(std::move(trace), names);
}

void MainWindow::revealComponent(const std::string& id) {
  showDesign();
  m_scene->selectComponents({id});
  if (NodeItem* node = m_scene->nodeFor(id)) m_view->ensureVisible(node);
}

void MainWindow::createCentralArea() {
  // The design and its review side by side as tabs: the checklist needs the room of the canvas
  // (questions beside their evidence, a chart of the risks), which no dock corner gives it.
  m_work = new QTabWidget(this);
  m_work->setObjectName(QStringLiteral("WorkTabs"));
  m_work->setDocumentMode(true);
  m_work->addTab(m_view, tr("Design"));
  m_work->addTab(&m_reviewActions->checklist(), tr("Review"));
  m_work->setTabToolTip(1, tr("The architecture review of this design (Review \u203a Show Checklist)"));
  connect(m_reviewActions, &ReviewActions::checklistRequested, this, &MainWindow::showReview);

  m_startPage = new StartPage(resourcepaths::examplesDirectory(), *m_recentFiles, this);
  connect(m_startPage, &StartPage::newRequested, this, &MainWindow::newWithPrompt);
  connect(m_startPage, &StartPage::templateGalleryRequested, this, &MainWindow::newFromTemplateWithDialog);
  connect(m_startPage, &StartPage::openDialogRequested, this, &MainWindow::openWithDialog);
  connect(m_startPage, &StartPage::recentChosen, this, &MainWindow::openWithPrompt);
  connect(m_startPage, &StartPage::exampleChosen, this, [this](const QString& path) {
    if (!maybeKeepChanges()) return;
    QStringList errors;
    if (!openTemplate(path, &errors)) showOpenProblems(path, errors);
  });

  m_central = new QStackedWidget(this);
  m_central->setObjectName(QStringLiteral("CentralArea"));
  m_central->addWidget(m_work);
  m_central->addWidget(m_startPage);
  m_central->setCurrentWidget(m_work);
  setCentralWidget(m_central);
}

bool MainWindow::isStartPageShown() const { return m_central->currentWidget() == m_startPage; }

void MainWindow::showStartPage() {
  if (isStartPageShown()) return;
  m_startPage->refreshRecent();
  m_central->setCurrentWidget(m_startPage);
  // The start page is the whole window: docks of an empty design (empty charts, an empty
  // inspector) only say there is nothing yet. They come back as they were.
  m_docksPutAway.clear();
  for (QDockWidget* dock : findChildren<QDockWidget*>()) {
    // isHidden, not isVisible: at launch the window itself is not shown yet.
    if (!dock->isHidden()) {
      m_docksPutAway.push_back(dock);
      dock->hide();
    }
  }
  m_startPage->setFocus();
  showHint();
  updateTitleAndStatus();
}

void MainWindow::showWorkArea() {
  if (!isStartPageShown()) return;
  m_central->setCurrentWidget(m_work);
  for (const QPointer<QDockWidget>& dock : m_docksPutAway) {
    if (dock) dock->show();
  }
  m_docksPutAway.clear();
  m_work->setCurrentWidget(m_view);
  m_view->setFocus();
  showHint();
}

void MainWindow::showDesign() {
  showWorkArea();
  m_work->setCurrentWidget(m_view);
}

void MainWindow::showReview() {
  showWorkArea();
  m_work->setCurrentWidget(&m_reviewActions->checklist());
}

bool MainWindow::isReviewShown() const {
  return !isStartPageShown() && m_work->currentWidget() == &m_reviewActions->checklist();
}

void MainWindow::useDefaultLayout() {
  m_rememberLayout = false;
  resize(1600, 1000);
  for (QDockWidget* dock : findChildren<QDockWidget*>()) {
    dock->setFloating(false);
    dock->setVisible(true);
  }
  applyDefaultDockSizes();
}

void MainWindow::applyDefaultDockSizes() {
  const auto dock = [this](const char* name) { return findChild<QDockWidget*>(QString::fromLatin1(name)); };
  QDockWidget* palette = dock("PaletteDock");
  QDockWidget* inspector = dock("InspectorDock");
  QDockWidget* charts = dock("ChartsDock");
  QDockWidget* log = dock("EventLogDock");
  if (palette && inspector) resizeDocks({palette, inspector}, {190, 380}, Qt::Horizontal);
  // The charts and the event log share the bottom, the charts wider: three charts side by side
  // stay readable there at 1600 px, and the canvas keeps most of the height.
  if (charts && log) {
    const int bottom = std::clamp(height() * 3 / 10, 220, 340);
    resizeDocks({charts}, {bottom}, Qt::Vertical);
    resizeDocks({charts, log}, {width() * 65 / 100, width() * 35 / 100}, Qt::Horizontal);
  }
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (m_shownOnce) return;
  m_shownOnce = true;
  // A first launch gets a window sized for the screen, never smaller than the built-in size.
  if (!m_geometryRestored && m_rememberLayout) {
    if (const QScreen* screen = this->screen()) {
      const QRect room = screen->availableGeometry();
      const QSize wanted(std::min(room.width() * 9 / 10, 1600), std::min(room.height() * 9 / 10, 1000));
      if (wanted.width() > width() || wanted.height() > height()) {
        resize(std::max(wanted.width(), width()), std::max(wanted.height(), height()));
        move(room.center() - rect().center());
      }
    }
  }
  // Dock sizes only settle once the window has its size; a remembered layout is left alone.
  if (!m_layoutRestored) QTimer::singleShot(0, this, &MainWindow::applyDefaultDockSizes);
}

void MainWindow::createDocks() {
  m_palette = new PaletteList(this);
  connect(m_palette, &PaletteList::kindActivated, this, [this](const QString& kind) {
    // Double-click or Enter: add at the middle of what the canvas shows.
    showDesign();
    addComponentAt(kind, m_view->mapToScene(m_view->viewport()->rect().center()));
  });
  connect(m_view, &TopologyView::kindDropped, this, &MainWindow::addComponentAt);
  addDockWidget(Qt::LeftDockWidgetArea, makeDock(*this, tr("Components"), QStringLiteral("PaletteDock"), m_palette));

  m_inspector = new InspectorPanel(*m_document, this);
  m_inspector->setLiveRun(m_live);
  // However much a selection shows (a Raft node's two dozen live figures), the inspector
  // scrolls: a dock whose content grew would resize the window past the screen.
  auto* inspectorScroll = new QScrollArea(this);
  inspectorScroll->setObjectName(QStringLiteral("InspectorScroll"));
  inspectorScroll->setWidget(m_inspector);
  inspectorScroll->setWidgetResizable(true);
  inspectorScroll->setFrameShape(QFrame::NoFrame);
  inspectorScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* inspectorDock = makeDock(*this, tr("Inspector"), QStringLiteral("InspectorDock"), inspectorScroll);
  addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
  connect(m_inspector, &InspectorPanel::invalidValue, this,
          [this](const QString& reason) { statusBar()->showMessage(reason, 8000); });

  auto* history = new QUndoView(&m_document->undoStack(), this);
  history->setEmptyLabel(tr("<opened>"));
  auto* historyDock = makeDock(*this, tr("History"), QStringLiteral("HistoryDock"), history);
  addDockWidget(Qt::RightDockWidgetArea, historyDock);
  tabifyDockWidget(inspectorDock, historyDock);
  // The fault timeline sits with the history: both are lists of what happens to the document.
  auto* faults = new FaultTimelinePanel(*m_document, this);
  faults->setLiveRun(m_live);
  auto* faultDock = makeDock(*this, tr("Fault Timeline"), QStringLiteral("FaultTimelineDock"), faults);
  addDockWidget(Qt::RightDockWidgetArea, faultDock);
  tabifyDockWidget(historyDock, faultDock);
  inspectorDock->raise();

  // The run's views share the bottom edge, across the whole window: charts want width.
  m_charts = new LiveChartsPanel(this);
  m_charts->setLiveRun(m_live);
  auto* chartsDock = makeDock(*this, tr("Charts"), QStringLiteral("ChartsDock"), m_charts);
  addDockWidget(Qt::BottomDockWidgetArea, chartsDock);
  m_eventLog = new EventLogPanel(this);
  m_eventLog->setLiveRun(m_live);
  auto* logDock = makeDock(*this, tr("Event Log"), QStringLiteral("EventLogDock"), m_eventLog);
  addDockWidget(Qt::BottomDockWidgetArea, logDock);
  splitDockWidget(chartsDock, logDock, Qt::Horizontal);
  connect(m_eventLog, &EventLogPanel::componentActivated, this, &MainWindow::revealComponent);
  // A request's trace shares the charts' place, so the log it was picked from stays in view.
  m_requestTrace = new RequestTracePanel(this);
  auto* traceDock = makeDock(*this, tr("Request Trace"), QStringLiteral("RequestTraceDock"), m_requestTrace);
  addDockWidget(Qt::BottomDockWidgetArea, traceDock);
  tabifyDockWidget(chartsDock, traceDock);
  chartsDock->raise();
  connect(m_eventLog, &EventLogPanel::requestActivated, this, [this, traceDock](std::uint64_t request) {
    showRequestTrace(request);
    traceDock->show();
    traceDock->raise();
  });
  // What the Intelligence pillar does (alerts, repairs, experiments) shares the log's corner:
  // both are lists of what happened, read while the run plays.
  m_operations = new OperationsPanel(this);
  m_operations->setLiveRun(m_live);
  auto* operationsDock = makeDock(*this, tr("Operations"), QStringLiteral("OperationsDock"), m_operations);
  addDockWidget(Qt::BottomDockWidgetArea, operationsDock);
  tabifyDockWidget(logDock, operationsDock);
  logDock->raise();
  connect(m_operations, &OperationsPanel::componentActivated, this, &MainWindow::revealComponent);
  connect(m_operations, &OperationsPanel::headlineChanged, operationsDock, &QDockWidget::setWindowTitle);
  // Exports of charts start beside the project, as every other file dialog does.
  const auto followFolder = [this] { m_charts->setExportFolder(dialogFolder(*m_document)); };
  connect(m_document, &TopologyDocument::reset, this, followFolder);
  connect(m_document, &TopologyDocument::saved, this, followFolder);
  followFolder();
  m_reviewActions = new ReviewActions(*m_document, *this);
}

}  // namespace pillars
