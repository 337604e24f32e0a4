#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "engine/model/scenario.hpp"
#include "engine/run/flight_recorder.hpp"
#include "engine/run/request_trace.hpp"
#include "engine/run/run_results.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/ids.hpp"
#include "engine/sim/time.hpp"
#include "widgets/live/delivery_tap.hpp"
#include "widgets/live/rate_meter.hpp"

namespace pillars {

/// Drives one scenario live in the interface thread: play, pause, step, run to a time or to
/// the end, at a chosen speed or flat out, with faults applied by hand. Views (animation,
/// charts, event log, status bar) redraw on advanced() from recorder() and runner().
///
/// The engine runs in slices under a wall-clock budget per frame, so the window keeps
/// answering; slicing never changes the result: played to the end in any mix of speeds, steps
/// and modes, results() equals ScenarioRunner::run() (and pillars-cli) for the same scenario
/// and seed, as long as no fault was applied by hand.
class LiveRun : public QObject {
  Q_OBJECT

 public:
  static constexpr double kMinSpeed = 0.01;
  static constexpr double kMaxSpeed = 1000.0;

  explicit LiveRun(QObject* parent = nullptr);
  ~LiveRun() override;

  /// Copies the scenario and builds a run of it (the scenario's seed and duration) with the
  /// recorder attached: clock 0, paused. Speed and fast mode are kept. Returns false (and
  /// leaves nothing loaded) if the engine refuses the scenario, with the reason in `error`.
  bool load(const Scenario& scenario, QString* error = nullptr);
  /// Loads the stored copy again: back to 0 with nothing run.
  void reset();
  /// Forgets the run altogether (another document was opened): nothing is loaded, and every
  /// view following the run (charts, event log, clock, canvas) empties on the signals.
  void unload();
  bool isLoaded() const { return m_runner != nullptr; }

  void play();
  void pause();
  void togglePlay();
  bool isPlaying() const { return m_playing; }
  /// Exactly one kernel event (pauses first). At the end, does nothing.
  void step();
  /// Runs until the event that delivers the next message has run (pauses first). Bounded by
  /// the end and by ~30 ms of wall time; press again if a delivery is that far off.
  void stepToDelivery();
  /// Plays at the current speed (or flat out in fast mode) and pauses exactly at `t` (clamped
  /// to the end), with every event due at or before `t` run and none after.
  void runUntil(SimTime t);

  /// Simulated seconds per wall second, clamped to [kMinSpeed, kMaxSpeed].
  void setSpeed(double simSecondsPerWallSecond);
  double speed() const { return m_speed; }
  /// Flat out: each frame runs as much as its budget allows, the recorder is detached (no
  /// per-message work, no flights) while playing; charts and the clock still update.
  void setAsFastAsPossible(bool on);
  bool asFastAsPossible() const { return m_fast; }

  /// Runs to the end in slices of <= ~25 ms, handling the application's events between them
  /// and calling `progress(fraction of simulated time done)` after each; `progress` returning
  /// false cancels (the run stays where it is, paused). Returns false if cancelled or if the
  /// run was reset or reloaded meanwhile. The recorder is detached throughout.
  bool runToEnd(const std::function<bool(double fraction)>& progress = {});
  bool isRunningToEnd() const { return m_inRunToEnd; }

  SimTime now() const;
  SimTime end() const;
  /// At the end with every event due by then run (the summary is final).
  bool isFinished() const;
  std::uint64_t eventCount() const;
  /// Kernel events per second of wall time over the last second (0 when idle that long).
  double eventsPerSecond() const;
  /// Simulated seconds per wall second actually achieved over the last second.
  double measuredSpeed() const;
  /// Playing at a set speed and the last frame's budget ran out before the clock caught up
  /// with wall time x speed: the machine cannot keep up, the clock runs slower than asked.
  bool fallingBehind() const { return m_fallingBehind; }
  /// The longest wall time one frame spent advancing the engine since load, in milliseconds.
  double longestFrameMs() const { return m_longestFrameMs; }

  /// Null when nothing is loaded. Valid until the next load() or reset().
  ScenarioRunner* runner() { return m_runner.get(); }
  const ScenarioRunner* runner() const { return m_runner.get(); }
  /// The same object for the life of this LiveRun; cleared by load() and reset().
  FlightRecorder& recorder() { return m_recorder; }
  const FlightRecorder& recorder() const { return m_recorder; }
  /// The recent events of every request, for the trace of one picked in the event log. Like the
  /// recorder it watches everything except flat-out play and runToEnd; cleared by load().
  const RequestTracer& tracer() const { return m_tracer; }
  /// Request events the tracer keeps: 56 bytes each, so some 11 MB at most.
  static constexpr std::size_t kTracedEvents = 200'000;
  /// The trace of `requestId` from what the tracer still holds (empty when it holds nothing).
  RequestTrace traceOf(std::uint64_t requestId) const;
  /// The running simulation's component names, indexed by ComponentId (empty when unloaded).
  std::vector<std::string> componentNames() const;
  const Scenario& scenario() const;

  /// kNoComponent / kNoLink if absent or nothing is loaded.
  ComponentId componentId(const std::string& id) const;
  LinkId linkId(const std::string& id) const;

  /// Faults by hand, applied to the running simulation at once (a component id or a group
  /// id, whose members all go; a link id). Recording them in the fault timeline is the
  /// caller's business. Unknown ids are ignored.
  void crash(const std::string& componentOrGroupId);
  void restart(const std::string& componentOrGroupId);
  void cut(const std::string& link);
  void heal(const std::string& link);
  bool isDown(const std::string& component) const;
  bool isCut(const std::string& link) const;
  /// Something was done to the simulation by hand other than the above (a kind's action, a
  /// slowdown, a Raft timeout): views redraw as after any fault by hand.
  void changedByHand();

  /// The summary as it stands (final once isFinished()); empty when nothing is loaded.
  RunResults results();

 signals:
  /// The simulation changed (each frame, step, slice of runToEnd, reset, fault by hand): redraw.
  void advanced();
  /// Playing, paused, finished, loaded, speed or mode changed.
  void stateChanged();
  /// Reached the end.
  void finished();

 private:
  using Clock = std::chrono::steady_clock;

  void onFrame();
  /// Runs events due at or before `target` until done or `budget` (from `start`) is spent.
  /// Returns whether everything due by `target` has run.
  bool advanceWithin(SimTime target, Clock::duration budget, Clock::time_point start);
  /// Whether every event due at or before `t` has run and the clock stands at `t` or later.
  bool doneUpTo(SimTime t) const;
  void afterAdvance();
  void startPlaying();
  void stopPlaying();
  /// Frame timer and recorder attachment follow the mode: the recorder watches everything
  /// except flat-out play and runToEnd.
  void applyMode();
  bool observing() const;
  void applyToComponents(const std::string& id, bool up);

  // Declaration order is destruction order in reverse: the runner (whose simulation points at
  // the tap, and which keeps a reference to the scenario) goes first.
  FlightRecorder m_recorder;
  RequestTracer m_tracer = RequestTracer::recent(kTracedEvents);
  DeliveryTap m_tap;
  std::unique_ptr<Scenario> m_scenario;
  std::unique_ptr<ScenarioRunner> m_runner;
  QTimer m_timer;
  RateMeter m_rates;

  double m_speed = 1.0;
  bool m_fast = false;
  bool m_playing = false;
  bool m_inRunToEnd = false;
  bool m_observing = false;
  bool m_fallingBehind = false;
  SimTime m_stopAt = kTimeNever;  // runUntil's target while playing towards it
  Clock::time_point m_lastFrame;
  double m_longestFrameMs = 0;
  /// Bumped by every load: a runToEnd loop notices its run was replaced under it.
  std::uint64_t m_generation = 0;
};

}  // namespace pillars
