#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace pillars {

class LiveRun;

/// Follows a LiveRun for a view that reads the engine a few times a second rather than every
/// frame (a table of alerts, a figure on the status bar): while the run advances it calls
/// `read` at most every `intervalMs`, and once more after the last frame of a burst so what
/// is shown is never left behind; when the run pauses, finishes, steps or reloads
/// (stateChanged), and when another run is followed, it reads at once.
class LiveRunFollower : public QObject {
  Q_OBJECT

 public:
  /// `wanted`, if given, is asked before each timed read (a hidden dock skips them); reads on
  /// a change of state are always made.
  explicit LiveRunFollower(std::function<void()> read, QObject* parent = nullptr, int intervalMs = 250,
                           std::function<bool()> wanted = {});

  /// Follows `run` (null: none) and reads at once.
  void follow(LiveRun* run);
  LiveRun* run() const;
  /// Reads now and restarts the interval.
  void readNow();

 private:
  void onAdvanced();

  QPointer<LiveRun> m_run;
  std::function<void()> m_read;
  std::function<bool()> m_wanted;
  int m_intervalMs;
  QElapsedTimer m_sinceRead;
  QTimer m_trailing;  // the read after the last frame of a burst
};

}  // namespace pillars
