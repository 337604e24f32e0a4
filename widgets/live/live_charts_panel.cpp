#include "widgets/live/live_charts_panel.hpp"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/metrics/time_series.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/run/intelligence_findings.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/simulation.hpp"
#include "engine/sim/component_group.hpp"
#include "engine/sim/component.hpp"
#include "widgets/live/alert_markers.hpp"
#include "widgets/live/chart_export.hpp"
#include "widgets/live/chart_grid.hpp"
#include "widgets/live/chart_pane.hpp"
#include "widgets/live/chart_style.hpp"
#include "widgets/live/live_run.hpp"

namespace pillars {

namespace {

struct ChartInfo {
  const char* title;     // short: the title line also carries the key of the lines
  const char* menuName;  // the chart's submenu under Export
  const char* fileStem;  // suggested file name in the export dialogs
};

constexpr std::array<ChartInfo, LiveChartsPanel::kChartCount> kCharts = {{
    {QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Throughput req/s"),
     QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Throughput"), "throughput"},
    {QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Latency ms"),
     QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Latency"), "latency"},
    {QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Errors /s"),
     QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Errors and Drops"), "errors"},
    {QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Queue and utilization"),
     QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Queue and Utilization"), "queue"},
}};

struct WindowChoice {
  const char* label;
  double seconds;
};

constexpr std::array<WindowChoice, 4> kWindows = {{
    {QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Last 10 s"), 10.0},
    {QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Last 60 s"), 60.0},
    {QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Last 5 min"), 300.0},
    {QT_TRANSLATE_NOOP("pillars::LiveChartsPanel", "Whole run"), 0.0},
}};

std::string column(const std::string& component, const char* suffix) {
  return component + "." + suffix;
}

}  // namespace

LiveChartsPanel::LiveChartsPanel(QWidget* parent) : QWidget(parent), m_alerts([this] { markAlerts(); }, this) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(2);
  buildToolbar(layout);

  // As many charts side by side as the dock's width allows (ChartGrid); a dock too small for
  // them scrolls rather than squashing them into unreadable strips.
  auto* charts = new ChartGrid;
  charts->setObjectName(QStringLiteral("chartGrid"));
  for (std::size_t i = 0; i < kChartCount; ++i) {
    const auto which = static_cast<Chart>(i);
    auto* pane = new ChartPane(tr(kCharts[i].title), charts);
    pane->setObjectName(QString::fromLatin1(kCharts[i].fileStem) + QStringLiteral("Chart"));
    pane->setWindow(m_windowSeconds);
    pane->setContextMenuPolicy(Qt::CustomContextMenu);
    m_panes[i] = pane;
    m_menus[i] = chartMenu(which);
    connect(pane, &QWidget::customContextMenuRequested, this,
            [this, i](const QPoint& pos) { m_menus[i]->popup(m_panes[i]->mapToGlobal(pos)); });
    charts->addChart(pane);
  }
  pane(Chart::Queue)->setSecondaryAxis(100.0, QStringLiteral("%.0f%%"));
  auto* scroll = new QScrollArea;
  scroll->setWidget(charts);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setObjectName(QStringLiteral("chartScroll"));
  layout->addWidget(scroll, 1);
  setTraces();
}

LiveChartsPanel::~LiveChartsPanel() = default;

void LiveChartsPanel::buildToolbar(QBoxLayout* into) {
  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(2, 0, 2, 0);
  bar->setSpacing(6);
  auto* label = new QLabel(tr("Show"));
  m_windowBox = new QComboBox;
  m_windowBox->setObjectName(QStringLiteral("chartWindow"));
  for (const WindowChoice& choice : kWindows)
    m_windowBox->addItem(tr(choice.label), choice.seconds);
  m_windowBox->setCurrentIndex(1);
  m_windowBox->setToolTip(tr("How much simulated time the charts show"));
  label->setBuddy(m_windowBox);
  connect(m_windowBox, &QComboBox::activated, this,
          [this](int index) { setWindowSeconds(m_windowBox->itemData(index).toDouble()); });

  auto* exportButton = new QPushButton;
  exportButton->setObjectName(QStringLiteral("chartExport"));
  exportButton->setText(tr("Export"));
  exportButton->setToolTip(
      tr("Save a chart as an image or its data as CSV (also on each chart's context menu)"));
  auto* menu = new QMenu(exportButton);
  for (std::size_t i = 0; i < kChartCount; ++i) {
    addExportActions(*menu->addMenu(tr(kCharts[i].menuName)), static_cast<Chart>(i));
  }
  menu->addSeparator();
  menu->addAction(tr("Export All Data as CSV…"), this, [this] { askExportAll(); });
  exportButton->setMenu(menu);

  bar->addWidget(label);
  bar->addWidget(m_windowBox);
  bar->addStretch(1);
  bar->addWidget(exportButton);
  into->addLayout(bar);
}

void LiveChartsPanel::addExportActions(QMenu& menu, Chart which) {
  menu.addAction(tr("Export Chart as PNG…"), this,
                 [this, which] { askExportImage(which, QStringLiteral("png")); });
  menu.addAction(tr("Export Chart as SVG…"), this,
                 [this, which] { askExportImage(which, QStringLiteral("svg")); });
  menu.addAction(tr("Export Data as CSV…"), this, [this, which] { askExportData(which); });
}

QMenu* LiveChartsPanel::chartMenu(Chart which) {
  auto* menu = new QMenu(this);
  addExportActions(*menu, which);
  menu->addSeparator();
  menu->addAction(tr("Export All Data as CSV…"), this, [this] { askExportAll(); });
  return menu;
}

// --- Following the run ----------------------------------------------------------------------

void LiveChartsPanel::setLiveRun(LiveRun* run) {
  if (m_run == run) return;
  if (m_run) disconnect(m_run, nullptr, this, nullptr);
  m_run = run;
  if (m_run) connect(m_run, &LiveRun::advanced, this, &LiveChartsPanel::onAdvanced);
  // A run that stops (paused, finished, stepped) shows its alerts as they are then, whenever
  // the last read was: at full speed 250 ms are minutes of simulated time.
  m_alerts.follow(run);
  m_loaded = nullptr;
  onAdvanced();
}

const TimeSeries* LiveChartsPanel::series() const {
  if (!m_run) return nullptr;
  ScenarioRunner* runner = m_run->runner();
  return runner ? runner->timeSeries() : nullptr;
}

void LiveChartsPanel::onAdvanced() {
  const TimeSeries* ts = series();
  const Scenario* loaded = m_run && m_run->isLoaded() ? &m_run->scenario() : nullptr;
  // Another load (or a reset) starts over; so would a series that shrank, however it came to.
  if (loaded != m_loaded || (ts && ts->rowCount() < m_rows)) {
    m_loaded = loaded;
    rebuildAll();
    return;
  }
  if (!ts || ts->rowCount() == m_rows) return;
  for (ChartPane* p : m_panes) p->appendRows(*ts, m_rows);
  m_rows = ts->rowCount();
}

void LiveChartsPanel::markAlerts() {
  std::vector<AlertResult> alerts;
  if (m_run && m_run->isLoaded() && m_run->runner()) alerts = collectAlerts(m_run->runner()->simulation());
  pane(Chart::Latency)->setMarkers(alertMarkers(alerts, AlertChart::Latency));
  pane(Chart::Errors)->setMarkers(alertMarkers(alerts, AlertChart::Errors));
}

void LiveChartsPanel::rebuildAll() {
  setTraces();
  const TimeSeries* ts = series();
  // The warm-up's samples are real but the run discards them (and the sample where it ends
  // starts from zero): shading says so on the charts.
  const double warmup =
      m_run && m_run->isLoaded() ? simTimeToSeconds(m_run->runner()->measureStart()) : 0.0;
  for (ChartPane* p : m_panes) {
    p->setShadedSpan(0.0, warmup, tr("warm-up"));
    p->rebuild(ts);
  }
  m_rows = ts ? ts->rowCount() : 0;
  markAlerts();
}

void LiveChartsPanel::setSelectedComponent(const std::string& id) {
  if (id == m_selected) return;
  m_selected = id;
  rebuildAll();
}

void LiveChartsPanel::setWindowSeconds(double seconds) {
  m_windowSeconds = seconds;
  for (std::size_t i = 0; i < kWindows.size(); ++i) {
    if (kWindows[i].seconds == seconds) m_windowBox->setCurrentIndex(static_cast<int>(i));
  }
  const TimeSeries* ts = series();
  for (ChartPane* p : m_panes) {
    p->setWindow(seconds);
    p->rebuild(ts);
  }
  m_rows = ts ? ts->rowCount() : 0;
  markAlerts();
}

bool LiveChartsPanel::servesRequests(const std::string& id) const {
  if (!m_run || !m_run->isLoaded()) return true;
  const ComponentSpec* c = m_run->scenario().findComponent(id);
  return !c || kindTraits(c->kind).servesRequests;
}

std::string LiveChartsPanel::replicaSetOf(const std::string& id) const {
  if (!m_run || !m_run->runner() || id.empty()) return {};
  Simulation& sim = m_run->runner()->simulation();
  const Component* c = sim.findComponent(id);
  if (!c) return {};
  // A group that measures replication lag is a replica set, whatever pillar made it; read from
  // the series like the charts' other choices, so a stored run chooses as a live one does.
  const TimeSeries* ts = series();
  for (std::size_t i = 0; i < sim.groupCount(); ++i) {
    const ComponentGroup& g = sim.group(i);
    if (g.contains(c->id()) && ts && ts->columnIndex(g.id() + ".replication_lag_ms")) return g.id();
  }
  return {};
}

void LiveChartsPanel::setTraces() {
  using namespace chart_colors;
  const TimeSeries* ts = series();
  // Only ids with metrics columns get lines: a selected link or group has none.
  const bool component = !m_selected.empty() &&
                         (!ts || ts->columnIndex(column(m_selected, "throughput_rps")).has_value());
  const QString name = QString::fromStdString(m_selected);

  // Lines of the whole system first, the selected component's after (in orange, or dashed).
  // Goodput beside the offered load and the attempts made of it: a retry storm shows as goodput
  // falling away while attempts climb to a multiple of the offered load. (A stored run from
  // before these columns existed has only the first line.)
  std::vector<ChartTrace> throughput = {{tr("goodput"), "global.throughput_rps", blue()}};
  if (!ts || ts->columnIndex("global.offered_rps")) {
    throughput.push_back({tr("offered"), "global.offered_rps", grey(), Qt::DashLine});
    throughput.push_back({tr("attempts"), "global.attempts_rps", purple(), Qt::DotLine});
  }
  if (component) throughput.push_back({name, column(m_selected, "throughput_rps"), orange()});
  pane(Chart::Throughput)->setTraces(std::move(throughput));

  // End to end, as the clients saw it: per-component percentiles would crowd a small chart. An
  // interval in which nothing completed has no latency: the lines break there (gate).
  const std::string completed = "global.throughput_rps";
  pane(Chart::Latency)
      ->setTraces({{tr("p50"), "global.latency_p50_ms", green(), Qt::SolidLine, false, 1.0, completed},
                   {tr("p95"), "global.latency_p95_ms", orange(), Qt::SolidLine, false, 1.0, completed},
                   {tr("p99"), "global.latency_p99_ms", red(), Qt::SolidLine, false, 1.0, completed}});

  std::vector<ChartTrace> errors = {{tr("failed"), "global.failed_rps", red()},
                                    {tr("timed out"), "global.timed_out_rps", orange()},
                                    {tr("dropped"), "global.dropped_rps", purple()}};
  // A component that takes no requests (an autoscaler, a chaos monkey) drops none: no line.
  if (component && servesRequests(m_selected)) {
    errors.push_back({tr("%1 dropped").arg(name), column(m_selected, "dropped_rps"), grey(), Qt::DashLine});
  }
  pane(Chart::Errors)->setTraces(std::move(errors));

  ChartPane* queue = pane(Chart::Queue);
  // An autoscaler has no queue: its chart is its set's size against what it wants, and the
  // metric it decides by (right axis).
  const bool scaler = component && (!ts || ts->columnIndex(column(m_selected, "desired")).has_value());
  if (scaler) {
    queue->setTitle(tr("Instances · %1").arg(name));
    queue->setTraces({{tr("desired"), column(m_selected, "desired"), grey(), Qt::DashLine},
                      {tr("instances"), column(m_selected, "instances"), blue()},
                      {tr("ready"), column(m_selected, "ready"), green()},
                      {tr("metric (right)"), column(m_selected, "metric"), orange(), Qt::SolidLine, true, 1.0}});
    queue->setPlaceholder({});
  } else if (component && (!ts || ts->columnIndex(column(m_selected, "impaired")).has_value())) {
    // A chaos monkey has no queue either: its chart is what it has impaired against its
    // attacks.
    queue->setTitle(tr("Experiment · %1").arg(name));
    queue->setTraces({{tr("impaired instances"), column(m_selected, "impaired"), red()},
                      {tr("attacks /s (right)"), column(m_selected, "attacks"), orange(), Qt::SolidLine, true, 1.0}});
    queue->setPlaceholder({});
  } else if (const std::string set = replicaSetOf(m_selected); component && !set.empty()) {
    // A store in a replica set: how far its set's followers trail the leader, and what the set
    // has lost and refused.
    queue->setTitle(tr("Replication · %1").arg(QString::fromStdString(set)));
    queue->setTraces({{tr("lag p99 ms"), set + ".replication_lag_ms", blue()},
                      {tr("refused /s"), set + ".unavailable", orange(), Qt::DashLine},
                      {tr("lost writes (right)"), set + ".lost_writes", red(), Qt::SolidLine, true, 1.0}});
    queue->setPlaceholder({});
  } else if (ts && ts->columnIndex(column(m_selected, "v2_instances"))) {
    // A replicated service: its instances, the ready ones and those on the second version,
    // over time — a rollout's timeline (version 2 rising as version 1 drains) and a scaling's.
    queue->setTitle(tr("Instances · %1").arg(name));
    queue->setTraces({{tr("instances"), column(m_selected, "instances"), blue()},
                      {tr("ready"), column(m_selected, "ready"), green(), Qt::DashLine},
                      {tr("version 2"), column(m_selected, "v2_instances"), orange()}});
    queue->setPlaceholder({});
  } else if (component && ts && ts->columnIndex(column(m_selected, "stale_reads"))) {
    // A client that reads versioned data: how many of its reads came back stale, against all
    // it had answered (cache-staleness.json, a quorum with R + W <= N).
    queue->setTitle(tr("Stale reads · %1").arg(name));
    queue->setTraces({{tr("answered /s"), column(m_selected, "throughput_rps"), blue()},
                      {tr("stale reads /s"), column(m_selected, "stale_reads"), red()}});
    queue->setPlaceholder({});
  } else if (component) {
    queue->setTitle(tr("Queue · %1").arg(name));
    queue->setTraces({{tr("queue length"), column(m_selected, "queue_length"), blue()},
                      {tr("utilization % (right)"), column(m_selected, "utilization"), orange(),
                       Qt::SolidLine, true, 100.0}});
    queue->setPlaceholder({});
  } else if (m_run && m_run->runner() && hasPricedComponents(m_run->runner()->simulation())) {
    // With nothing selected, a design whose instances have a price shows what they cost per
    // hour as it runs: beside the latency chart, an autoscaler's trade-off in one glance.
    queue->setTitle(tr("Cost per hour"));
    queue->setTraces({{tr("cost / h (instances running)"), "global.cost_per_hour", green()}});
    queue->setPlaceholder({});
  } else {
    queue->setTitle(tr(kCharts[3].title));
    queue->setTraces({});
    queue->setPlaceholder(tr("Select a component to see its queue and utilization"));
  }
}

// --- Export ---------------------------------------------------------------------------------

QString LiveChartsPanel::exportChartImage(Chart which, const QString& path) const {
  return pillars::exportChartImage(*pane(which)->chart(), path);
}

QString LiveChartsPanel::exportChartData(Chart which, const QString& path) const {
  const TimeSeries* ts = series();
  if (!ts) return tr("Nothing is running, so there is no data to export");
  const std::vector<std::string> columns = pane(which)->columns();
  if (columns.empty()) return tr("This chart shows no data: select a component first");
  return exportSeriesCsv(*ts, columns, path);
}

QString LiveChartsPanel::exportAllData(const QString& path) const {
  const TimeSeries* ts = series();
  if (!ts) return tr("Nothing is running, so there is no data to export");
  return exportSeriesCsv(*ts, {}, path);
}

void LiveChartsPanel::askExportImage(Chart which, const QString& extension) {
  const QString filter =
      extension == QStringLiteral("png") ? tr("PNG image (*.png)") : tr("SVG image (*.svg)");
  const QString suggested = QString::fromLatin1(kCharts[static_cast<std::size_t>(which)].fileStem) +
                            QLatin1Char('.') + extension;
  QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), inExportFolder(suggested), filter);
  if (path.isEmpty()) return;
  if (!path.endsWith(QLatin1Char('.') + extension, Qt::CaseInsensitive))
    path += QLatin1Char('.') + extension;
  reportError(exportChartImage(which, path));
}

void LiveChartsPanel::askExportData(Chart which) {
  const QString suggested = QString::fromLatin1(kCharts[static_cast<std::size_t>(which)].fileStem) +
                            QStringLiteral(".csv");
  QString path = QFileDialog::getSaveFileName(this, tr("Export Chart Data"), inExportFolder(suggested),
                                              tr("CSV file (*.csv)"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) path += QStringLiteral(".csv");
  reportError(exportChartData(which, path));
}

void LiveChartsPanel::askExportAll() {
  QString path = QFileDialog::getSaveFileName(
      this, tr("Export All Data"), inExportFolder(QStringLiteral("timeseries.csv")), tr("CSV file (*.csv)"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) path += QStringLiteral(".csv");
  reportError(exportAllData(path));
}

QString LiveChartsPanel::inExportFolder(const QString& fileName) const {
  return m_exportFolder.isEmpty() ? fileName : QDir(m_exportFolder).filePath(fileName);
}

void LiveChartsPanel::reportError(const QString& error) {
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Export Failed"), error);
}

}  // namespace pillars
