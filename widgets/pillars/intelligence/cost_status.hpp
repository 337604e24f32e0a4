#pragma once

#include <QLabel>

#include "widgets/live/live_run_follower.hpp"

namespace pillars {

class LiveRun;

/// The status bar's running cost: what the priced instances (`instance_cost_per_hour`) have cost
/// since the warm-up ended, and that per hour, as the results' `cost_total` and `cost_per_hour`
/// will say at the end. An autoscaler's trade-off (instances against SLO misses) is then in view
/// while it plays. Hidden for a design without a price.
class CostStatus : public QLabel {
  Q_OBJECT

 public:
  explicit CostStatus(QWidget* parent = nullptr);

  void setLiveRun(LiveRun* run) { m_follower.follow(run); }
  /// Reads the run now; for tests.
  void refreshNow();

 private:
  LiveRunFollower m_follower;  // reads four times a second while the run plays
};

}  // namespace pillars
