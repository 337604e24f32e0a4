#pragma once

#include <QObject>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/scenario.hpp"
#include "engine/sim/ids.hpp"
#include "engine/sim/time.hpp"
#include "widgets/pillars/kind_action_host.hpp"

class QAction;
class QLabel;
class QMenu;
class QSlider;
class QStatusBar;
class QToolBar;

namespace pillars {

class LiveRun;
class TopologyDocument;

/// The Simulate menu and run toolbar: Run/Pause (Space), Step, Step to Delivery, Run Until,
/// Run to End (with progress and Cancel), Reset, a speed slider on a log scale from 0.01x to
/// 1000x and "as fast as possible"; the simulated clock, events/s and speed in the status bar.
///
/// The run always shows the document as it is: the first command after an edit loads the
/// current topology afresh (from time 0), so what runs is never a stale copy.
///
/// A component's context menu shows its kind's own entries (KindUi::addMenuEntries, Raft's
/// Time Out Now) or, for a kind without them, one entry per fault action of its kind; this
/// class is the host those entries act through.
class SimulateActions final : public QObject, public KindActionHost {
  Q_OBJECT

 public:
  SimulateActions(TopologyDocument& document, LiveRun& run, QWidget* window);

  void addTo(QMenu& menu);
  void addTo(QToolBar& toolbar);
  void addTo(QStatusBar& status);

  /// Loads the document into the run if it is not loaded or is out of date; false (with a
  /// message) when the engine refuses it.
  bool ensureLoaded() override;
  /// Slider position (0..kSliderSteps) for a speed, and back; log scale.
  static int sliderForSpeed(double speed);
  static double speedForSlider(int position);
  static constexpr int kSliderSteps = 500;

  QAction* playAction() const { return m_play; }
  /// Crash/restart for selected components, cut/heal for selected links, applied to the
  /// running simulation at once.
  void addFaultsTo(QMenu& menu, const std::vector<std::string>& components, const std::vector<std::string>& links);

  // Faults by hand: each applies to the running simulation now (loading it first if needed)
  // and is recorded in the document's fault timeline at the live clock time, so saving and
  // rerunning the project reproduces it. Recording does not make the run stale: the run
  // already has the fault. False when nothing could be applied (not loadable, unknown id).
  bool injectCrash(const std::string& componentOrGroup);
  bool injectRestart(const std::string& componentOrGroup);
  bool injectCut(const std::string& link) override;
  bool injectHeal(const std::string& link) override;
  /// Service times x `factor` (>= 1; 1 restores normal speed).
  bool injectSlowdown(const std::string& componentOrGroup, double factor);
  /// Constant latency added to every message on the link (0 removes it).
  bool injectLatency(const std::string& link, SimTime extra);
  /// The link's loss probability, 0 to 1.
  bool injectLoss(const std::string& link, double probability);

  // A kind's own actions by hand (simulate_kind_actions.cpp): a service's rollout, rollback and
  // scale, a store's failover, a shard router's add_shard and remove_shard. Recorded in the
  // timeline.
  /// Applies `action` (with its value: a scale's instance count) to every instance of `id` now;
  /// false when none took it.
  bool injectKindAction(const std::string& id, FaultAction action, double value = 0.0);

  // KindActionHost, for the kinds' own menu entries.
  const Scenario& design() const override;
  LiveRun& run() override { return m_run; }
  bool runIsCurrent() const override;
  void recordFault(FaultSpec fault) override { record(std::move(fault)); }
  void say(const QString& text) override { emit message(text); }
  QObject* entryOwner() override { return this; }

 signals:
  void message(const QString& text);

 private:
  void togglePlay();
  void runUntilAsk();
  void runToEnd();
  void reset();
  void updateState();
  void updateReadout();
  /// The entries of the context menu for a component's kind actions (simulate_kind_actions.cpp),
  /// for a kind whose UI has no entries of its own.
  void addKindActionsTo(QMenu& menu, const std::string& id);
  /// Asks how many instances `id` should have (a scale), starting from how many it has now.
  std::optional<int> askInstanceCount(const std::string& id);
  /// Adds `fault` (at the live clock) to the document and takes the result as what is loaded.
  void record(FaultSpec fault);
  /// A run reached its end: the document keeps its results for the project file.
  void keepFinishedRun();
  /// Component ids a component-or-group id stands for in the loaded run.
  std::vector<ComponentId> componentsOf(const std::string& componentOrGroup) const;

  TopologyDocument& m_document;
  LiveRun& m_run;
  QWidget* m_window;
  bool m_recording = false;  // record() is editing the document: not a stale-making edit
  bool m_stale = true;  // the document changed since the run was loaded
  std::string m_loadedView;  // what the engine was given, to tell real edits from moves
  QAction* m_play;
  QAction* m_step;
  QAction* m_stepDelivery;
  QAction* m_runUntil;
  QAction* m_runToEnd;
  QAction* m_reset;
  QAction* m_fast;
  QSlider* m_speed = nullptr;
  QLabel* m_speedLabel = nullptr;
  QLabel* m_clock = nullptr;
};

}  // namespace pillars
