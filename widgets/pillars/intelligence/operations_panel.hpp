#pragma once

#include <QStringList>
#include <QWidget>

#include <cstddef>
#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QLabel;
class QTabWidget;
class QTreeWidget;
QT_END_NAMESPACE

#include "widgets/live/live_run_follower.hpp"

namespace pillars {

class LiveRun;

/// The Operations dock: what the Intelligence pillar is doing while the run plays, as an SRE's
/// console shows it. Three tabs:
/// - **Alerts**: every alert raised so far (SLO burn-rate pages and tickets, anomaly alarms),
///   firing ones first, with when they fired and resolved and the condition in words;
/// - **Self-healing**: every failure repaired by a restart (the orchestrator) or a failover (a store set), with its time to repair,
///   and the mean time to repair so far;
/// - **Experiments**: each chaos experiment's steady-state hypothesis, what it did so far and its
///   verdict.
/// Rows come from the same engine functions the results use (intelligence_findings), so what the
/// dock shows at the end equals `pillars-cli simulate`'s tables. Clicking a row announces the
/// component (an instance's replica set) so the canvas can select it.
class OperationsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit OperationsPanel(QWidget* parent = nullptr);

  /// Follows `run` (null: none), reading it as it advances (a few times a second at most).
  void setLiveRun(LiveRun* run) { m_follower.follow(run); }
  /// Reads the run now, whatever the time since the last read; for tests.
  void refreshNow();

  QTabWidget* tabs() const { return m_tabs; }
  QTreeWidget* alerts() const { return m_alerts; }
  QTreeWidget* incidents() const { return m_incidents; }
  QTreeWidget* experiments() const { return m_experiments; }
  /// The line above each table ("2 firing, 3 resolved"), in tab order.
  QString summary(int tab) const;

 signals:
  void componentActivated(const std::string& id);
  /// The dock's title, with what needs attention: "Operations", "Operations (2 firing)".
  void headlineChanged(const QString& title);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  struct Table {
    QTreeWidget* view = nullptr;
    QLabel* summary = nullptr;
    std::vector<QStringList> rows;  // what the view shows, to leave it alone when nothing changed
  };
  QWidget* makeTab(Table& table, const QStringList& headers, const QString& empty);
  /// Shows `rows` (the component id in column `idColumn`) unless they are what is shown.
  void show(Table& table, std::vector<QStringList> rows, const QString& summary);
  void fillAlerts();
  void fillIncidents();
  void fillExperiments();

  LiveRun* run() const { return m_follower.run(); }

  QTabWidget* m_tabs = nullptr;
  Table m_alertTable, m_incidentTable, m_experimentTable;
  QTreeWidget* m_alerts = nullptr;
  QTreeWidget* m_incidents = nullptr;
  QTreeWidget* m_experiments = nullptr;
  /// Reads four times a second while the run plays and the dock is shown.
  LiveRunFollower m_follower;
  QString m_headline;
  std::size_t m_firing = 0;  // alerts firing at the last read
};

}  // namespace pillars
