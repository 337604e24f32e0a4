#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

#include <array>
#include <cstddef>
#include <string>

QT_BEGIN_NAMESPACE
class QBoxLayout;
class QComboBox;
class QMenu;
QT_END_NAMESPACE

#include "widgets/live/live_run_follower.hpp"

namespace pillars {

class ChartPane;
class LiveRun;
struct Scenario;
class TimeSeries;

/// The live charts dock: four small charts over the run's time series — throughput,
/// end-to-end latency percentiles (broken where nothing completed), errors and drops, and the
/// selected component's queue and utilization — side by side as the dock's width allows
/// (ChartGrid), over a scrolling window of simulated time. Each metrics interval adds one
/// point per line; only rows not seen yet are read on each frame. Alerts are marked on the
/// charts they are about, from firing to resolving (alert_markers.hpp), a few times a second.
/// Every chart exports as PNG, SVG or CSV (context menu, or the Export button).
class LiveChartsPanel : public QWidget {
  Q_OBJECT

 public:
  enum class Chart { Throughput, Latency, Errors, Queue };
  static constexpr std::size_t kChartCount = 4;

  explicit LiveChartsPanel(QWidget* parent = nullptr);
  ~LiveChartsPanel() override;

  /// Follows `run` (null: none): redraws on its advanced(), starts over when it is reset or
  /// loads another scenario.
  void setLiveRun(LiveRun* run);
  /// Adds that component's lines (throughput, drops, queue and utilization); "" or an id
  /// without metrics (a link, a group) removes them. Rebuilds from the stored series once.
  void setSelectedComponent(const std::string& id);
  const std::string& selectedComponent() const { return m_selected; }
  /// Simulated seconds shown: 10, 60, 300 or 0 (everything); other values are kept as given.
  void setWindowSeconds(double seconds);
  double windowSeconds() const { return m_windowSeconds; }

  ChartPane* pane(Chart which) const { return m_panes[static_cast<std::size_t>(which)]; }
  /// The run's time series, or null when nothing is loaded.
  const TimeSeries* series() const;

  /// Where the export dialogs start (the project's folder).
  void setExportFolder(const QString& folder) { m_exportFolder = folder; }

  /// Writes a chart as PNG or SVG (by the extension). Returns "" on success, else why not.
  QString exportChartImage(Chart which, const QString& path) const;
  /// Writes the columns a chart draws as CSV. Returns "" on success, else why not.
  QString exportChartData(Chart which, const QString& path) const;
  /// Writes every column of the time series as CSV. Returns "" on success, else why not.
  QString exportAllData(const QString& path) const;

 private:
  void buildToolbar(QBoxLayout* into);
  /// A chart's context menu: its exports, then the whole series.
  QMenu* chartMenu(Chart which);
  void addExportActions(QMenu& menu, Chart which);
  void onAdvanced();
  /// Starts over: new traces for the selection, every chart refilled from the series.
  void rebuildAll();
  /// Marks the run's alerts on the latency and errors charts.
  void markAlerts();
  void setTraces();
  /// The replica set (a group that measures replication lag) engine component `id` belongs
  /// to, or "".
  std::string replicaSetOf(const std::string& id) const;
  /// Whether the design's component `id` takes requests (and so can drop them).
  bool servesRequests(const std::string& id) const;
  void askExportImage(Chart which, const QString& extension);
  void askExportData(Chart which);
  void askExportAll();
  void reportError(const QString& error);
  QString inExportFolder(const QString& fileName) const;

  QPointer<LiveRun> m_run;
  std::array<ChartPane*, kChartCount> m_panes{};
  std::array<QMenu*, kChartCount> m_menus{};
  QComboBox* m_windowBox = nullptr;
  std::string m_selected;
  QString m_exportFolder;
  double m_windowSeconds = 60.0;
  /// Rows already drawn, and which load of the run they came from (the scenario copy is
  /// allocated anew by every load and reset, so its address tells loads apart).
  std::size_t m_rows = 0;
  LiveRunFollower m_alerts;  // alerts are read a few times a second, not every frame
  const Scenario* m_loaded = nullptr;
};

}  // namespace pillars
