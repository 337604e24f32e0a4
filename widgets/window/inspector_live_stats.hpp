#pragma once

#include <QElapsedTimer>
#include <QGroupBox>
#include <QPointer>
#include <QTimer>
#include <string>

namespace pillars {

class InspectorFacts;
class LiveRun;

/// The live figures of the one component or link the inspector shows, while a run is loaded:
/// up or down, throughput, outcomes, latency percentiles, utilization, queue and the kind's own
/// figures (a cache's hit ratio...). They are the summary's row for it as it stands (the same
/// function computes both), refreshed a few times a second while the run plays and at once
/// when it pauses. Hidden when nothing has run or the item is not in the run (added since).
class InspectorLiveStats final : public QGroupBox {
  Q_OBJECT

 public:
  explicit InspectorLiveStats(QWidget* parent);

  void setLiveRun(LiveRun* run);
  void showComponent(const std::string& id);
  void showLink(const std::string& id);
  void showNothing();
  /// Reads the run now (tests; otherwise driven by the run's signals).
  void refresh();

 private:
  enum class Target { Nothing, Component, Link };
  void refreshSoon();

  QPointer<LiveRun> m_run;
  InspectorFacts* m_facts;
  Target m_target = Target::Nothing;
  std::string m_id;
  QElapsedTimer m_sinceRefresh;
  QTimer m_trailing;  // the last change inside a throttled period is shown when it ends
};

}  // namespace pillars
