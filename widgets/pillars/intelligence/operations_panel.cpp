#include "widgets/pillars/intelligence/operations_panel.hpp"

#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "engine/review/report_operations.hpp"
#include "engine/run/instances.hpp"
#include "engine/run/intelligence_findings.hpp"
#include "engine/run/scenario_runner.hpp"
#include "widgets/live/live_run.hpp"

namespace pillars {

namespace {

constexpr int kReadEveryMs = 250;  // a console updates a few times a second, not every frame
constexpr int kIdRole = Qt::UserRole;

QString seconds(double s) { return QString::fromStdString(review::secondsCell(s)); }

/// The engine's row cells (the same the report and `pillars-cli simulate` print) as a row.
QStringList cells(const std::vector<std::string>& texts) {
  QStringList out;
  for (const std::string& t : texts) out.append(QString::fromStdString(t));
  return out;
}

/// Column titles come from the engine too, so the dock and the report name them alike.
QStringList headerLabels(const std::vector<std::string>& headers) { return cells(headers); }

/// The design's component for an engine component: a replica set's instance "web#3" is drawn
/// as its set "web".
QString designId(const std::string& engineName) { return QString::fromStdString(std::string(scenarioIdOf(engineName))); }

}  // namespace

OperationsPanel::OperationsPanel(QWidget* parent)
    : QWidget(parent), m_follower([this] { refreshNow(); }, this, kReadEveryMs, [this] { return isVisible(); }) {
  setObjectName(QStringLiteral("OperationsPanel"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_tabs = new QTabWidget(this);
  m_tabs->setDocumentMode(true);
  layout->addWidget(m_tabs);
  m_tabs->addTab(makeTab(m_alertTable, QStringList{tr("State")} + headerLabels(review::alertHeaders()),
                         tr("No alert so far. SLO burn-rate alerts and anomaly alarms appear here as they fire.")),
                 tr("Alerts"));
  m_tabs->addTab(makeTab(m_incidentTable, headerLabels(review::incidentHeaders()),
                         tr("No incident so far. Instances an orchestrator restarts and store sets that "
                            "fail over appear here.")),
                 tr("Self-healing"));
  m_tabs->addTab(makeTab(m_experimentTable,
                         {tr("Experiment"), tr("Verdict"), tr("Steady state"), tr("Attacks"), tr("Kills"), tr("From"),
                          tr("Until"), tr("Detail")},
                         tr("No chaos experiment in this design. Add a Chaos Monkey to run one.")),
                 tr("Experiments"));
  m_alerts = m_alertTable.view;
  m_incidents = m_incidentTable.view;
  m_experiments = m_experimentTable.view;
}

QWidget* OperationsPanel::makeTab(Table& table, const QStringList& headers, const QString& empty) {
  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(6, 4, 6, 4);
  table.summary = new QLabel(empty, page);
  table.summary->setWordWrap(true);
  table.summary->setProperty("emptyText", empty);
  table.view = new QTreeWidget(page);
  table.view->setRootIsDecorated(false);
  table.view->setUniformRowHeights(true);
  table.view->setAlternatingRowColors(true);
  table.view->setHeaderLabels(headers);
  table.view->header()->setStretchLastSection(true);
  table.view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table.view->header()->setSectionResizeMode(static_cast<int>(headers.size()) - 1, QHeaderView::Stretch);
  connect(table.view, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
    const QString id = item->data(0, kIdRole).toString();
    if (!id.isEmpty()) emit componentActivated(id.toStdString());
  });
  layout->addWidget(table.summary);
  layout->addWidget(table.view, 1);
  return page;
}

void OperationsPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refreshNow();  // a hidden dock skips its reads
}

void OperationsPanel::refreshNow() {
  fillAlerts();
  fillIncidents();
  fillExperiments();
  // What a glance at the dock's tab should tell: a page, an aborted experiment.
  QStringList attention;
  if (m_firing > 0) attention << tr("%1 firing").arg(m_firing);
  for (const QStringList& r : m_experimentTable.rows) {
    if (r[1] == QLatin1String("aborted") || r[1] == QLatin1String("broken")) attention << tr("experiment %1").arg(r[1]);
  }
  const QString headline =
      attention.isEmpty() ? tr("Operations") : tr("Operations (%1)").arg(attention.join(QStringLiteral(", ")));
  if (headline != m_headline) {
    m_headline = headline;
    emit headlineChanged(headline);
  }
}

QString OperationsPanel::summary(int tab) const {
  const Table* tables[] = {&m_alertTable, &m_incidentTable, &m_experimentTable};
  return tab >= 0 && tab < 3 ? tables[tab]->summary->text() : QString();
}

void OperationsPanel::show(Table& table, std::vector<QStringList> rows, const QString& summary) {
  table.summary->setText(rows.empty() ? table.summary->property("emptyText").toString() : summary);
  if (rows == table.rows) return;  // unchanged: keep the selection and the scroll position
  table.rows = std::move(rows);
  table.view->clear();
  QList<QTreeWidgetItem*> items;
  for (const QStringList& row : table.rows) {
    // The last cell is the component to select, not shown.
    auto* item = new QTreeWidgetItem(row.mid(0, row.size() - 1));
    item->setData(0, kIdRole, row.back());
    for (int c = 0; c < row.size() - 1; ++c) item->setToolTip(c, row[c]);
    items.append(item);
  }
  table.view->addTopLevelItems(items);
}

void OperationsPanel::fillAlerts() {
  std::vector<AlertResult> alerts;
  if (run() && run()->runner()) alerts = collectAlerts(run()->runner()->simulation());
  // Firing first, oldest first (the page to answer); then resolved, newest first.
  std::stable_partition(alerts.begin(), alerts.end(), [](const AlertResult& a) { return a.resolvedAtS < 0; });
  const auto firstResolved = std::find_if(alerts.begin(), alerts.end(), [](const AlertResult& a) { return a.resolvedAtS >= 0; });
  std::reverse(firstResolved, alerts.end());
  const auto firing = static_cast<std::size_t>(firstResolved - alerts.begin());
  m_firing = firing;
  std::vector<QStringList> rows;
  for (const AlertResult& a : alerts) {
    rows.push_back(QStringList{a.resolvedAtS < 0 ? tr("firing") : tr("resolved")} + cells(review::alertCells(a)) +
                   QStringList{designId(a.component)});
  }
  const QString summary = tr("%1 firing, %2 resolved").arg(firing).arg(alerts.size() - firing);
  show(m_alertTable, std::move(rows), summary);
  // Firing rows stand out: someone is being paged.
  for (int i = 0; i < m_alerts->topLevelItemCount(); ++i) {
    QTreeWidgetItem* item = m_alerts->topLevelItem(i);
    QFont font = item->font(0);
    font.setBold(static_cast<std::size_t>(i) < firing);
    for (int c = 0; c < item->columnCount(); ++c) item->setFont(c, font);
  }
  m_tabs->setTabText(0, firing > 0 ? tr("Alerts (%1 firing)").arg(firing) : tr("Alerts"));
}

void OperationsPanel::fillIncidents() {
  std::vector<IncidentResult> incidents;
  if (run() && run()->runner()) incidents = collectIncidents(run()->runner()->simulation());
  std::vector<QStringList> rows;
  for (const IncidentResult& i : incidents) {
    rows.push_back(cells(review::incidentCells(i)) + QStringList{designId(i.component)});
  }
  show(m_incidentTable, std::move(rows), QString::fromStdString(review::repairSentence(summarizeRepairs(incidents))));
  m_tabs->setTabText(1, incidents.empty() ? tr("Self-healing") : tr("Self-healing (%1)").arg(incidents.size()));
}

void OperationsPanel::fillExperiments() {
  std::vector<ExperimentResult> experiments;
  if (run() && run()->runner()) experiments = collectExperiments(run()->runner()->simulation());
  std::vector<QStringList> rows;
  QStringList verdicts;
  // "held" while the experiment still runs means held so far: the verdict is the run's end.
  const bool runOver = run() && run()->isFinished();
  const auto verdictOf = [&](const ExperimentResult& e) {
    const bool going = !runOver && e.startedAtS >= 0 && e.endedAtS < 0 && e.abortedAtS < 0;
    return QString::fromStdString(e.verdict) + (going && e.verdict == "held" ? tr(" so far") : QString());
  };
  for (const ExperimentResult& e : experiments) {
    const double until = e.abortedAtS >= 0 ? e.abortedAtS : e.endedAtS;
    rows.push_back({QString::fromStdString(e.component), verdictOf(e),
                    QString::fromStdString(e.hypothesis), QString::number(figureNamed(e.figures, "attacks"), 'f', 0),
                    QString::number(figureNamed(e.figures, "kills"), 'f', 0), seconds(e.startedAtS), seconds(until),
                    QString::fromStdString(e.detail), designId(e.component)});
    verdicts << (e.detail.empty() ? QStringLiteral("%1: %2").arg(QString::fromStdString(e.component), verdictOf(e))
                                  : QStringLiteral("%1: %2 \u2014 %3")
                                        .arg(QString::fromStdString(e.component), verdictOf(e),
                                             QString::fromStdString(e.detail)));
  }
  show(m_experimentTable, std::move(rows), verdicts.join(QStringLiteral("; ")));
  m_tabs->setTabText(2, experiments.size() == 1 ? tr("Experiment: %1").arg(verdictOf(experiments[0]))
                                                 : tr("Experiments"));
}

}  // namespace pillars
