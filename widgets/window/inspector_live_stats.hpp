#pragma once

#include <QGroupBox>
#include <string>

#include "widgets/live/live_run_follower.hpp"

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

  InspectorFacts* m_facts;
  Target m_target = Target::Nothing;
  std::string m_id;
  LiveRunFollower m_follower;  // refreshes four times a second while the run plays
};

}  // namespace pillars
