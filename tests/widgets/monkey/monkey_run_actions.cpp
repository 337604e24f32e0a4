// The monkey's live run: Run/Pause, Step, seeks (Run Until), Reset, the speed, faults from the
// canvas context menu (crash, restart, cut, heal, Raft's and other kinds' own actions, the
// dialogs of slow-down, latency and loss dismissed) and by hand with any value, and faults
// removed from the timeline.
#include <QAction>
#include <QElapsedTimer>
#include <QMenu>
#include <QSlider>
#include <QTest>

#include "engine/util/units.hpp"
#include "monkey.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/window/main_window.hpp"
#include "widgets/window/simulate_actions.hpp"

namespace pillars {

namespace {

/// The window's action whose text, without accelerators, is `text`.
QAction* windowAction(MainWindow& window, const QString& text) {
  for (QAction* a : window.findChildren<QAction*>()) {
    if (a->text().remove(QLatin1Char('&')) == text) return a;
  }
  return nullptr;
}

QString clock(const LiveRun& run) {
  return run.isLoaded() ? QString::fromStdString(formatDuration(run.now())) : QStringLiteral("not loaded");
}

}  // namespace

QString Monkey::playPause() {
  QAction* play = m_window.simulateActions().playAction();
  play->trigger();
  LiveRun& run = m_window.liveRun();
  const bool started = run.isPlaying();
  // Paused again before the event loop runs a frame: how far a frame gets depends on the
  // machine's speed, and a replay must give the same document (faults are recorded at the
  // run's clock). Seeks advance the run by a chosen amount instead.
  if (started) play->trigger();
  return QStringLiteral("run/pause: %1 at %2").arg(started ? QStringLiteral("played") : QStringLiteral("did not play"), clock(run));
}

QString Monkey::step() {
  QAction* step = windowAction(m_window, QStringLiteral("Step"));
  const auto n = m_random.between(1, 20);
  for (std::int64_t i = 0; i < n && step; ++i) step->trigger();
  return QStringLiteral("step x%1: %2").arg(n).arg(clock(m_window.liveRun()));
}

QString Monkey::seek() {
  if (!m_window.simulateActions().ensureLoaded()) return QStringLiteral("seek: cannot load the run");
  LiveRun& run = m_window.liveRun();
  if (!run.asFastAsPossible() && run.speed() < 100) {
    if (QAction* fast = windowAction(m_window, QStringLiteral("As Fast as Possible"))) fast->trigger();
  }
  static const std::vector<SimTime> steps = {kMillisecond, 10 * kMillisecond, 100 * kMillisecond, 500 * kMillisecond,
                                             kSecond, 3 * kSecond};
  const SimTime from = run.now();
  // Sometimes backwards, which must do nothing: time never runs backwards.
  const SimTime to = m_random.chance(0.1) ? from / 2 : from + m_random.pick(steps);
  run.runUntil(to);
  QElapsedTimer wall;
  wall.start();
  while (run.isPlaying() && wall.elapsed() < kSeekBudget.count()) QTest::qWait(2);
  QString capped;
  if (run.isPlaying()) {
    run.pause();
    capped = QStringLiteral(" (wall-time budget spent: paused early)");
  }
  return QStringLiteral("seek %1 -> %2: at %3%4")
      .arg(QString::fromStdString(formatDuration(from)), QString::fromStdString(formatDuration(to)), clock(run), capped);
}

QString Monkey::resetRun() {
  if (QAction* reset = windowAction(m_window, QStringLiteral("Reset"))) reset->trigger();
  return QStringLiteral("reset: %1").arg(clock(m_window.liveRun()));
}

QString Monkey::changeSpeed() {
  if (m_random.chance(0.5)) {
    QAction* fast = windowAction(m_window, QStringLiteral("As Fast as Possible"));
    if (fast) fast->trigger();
    return QStringLiteral("as fast as possible: %1").arg(m_window.liveRun().asFastAsPossible() ? QStringLiteral("on") : QStringLiteral("off"));
  }
  auto* slider = m_window.findChild<QSlider*>(QStringLiteral("SpeedSlider"));
  if (!slider) return QStringLiteral("speed: no slider");
  slider->setValue(static_cast<int>(m_random.between(slider->minimum(), slider->maximum())));
  return QStringLiteral("speed %1x").arg(m_window.liveRun().speed());
}

QString Monkey::faultFromMenu() {
  const auto components = m_random.chance(0.7) ? some(componentIds(), 2) : std::vector<std::string>{};
  const auto links = components.empty() || m_random.chance(0.3) ? some(linkIds(), 2) : std::vector<std::string>{};
  showCanvas();
  select(components, links);
  // The menu a right-click on the selection opens.
  QMenu menu;
  m_window.simulateActions().addFaultsTo(menu, m_window.scene().selectedComponents(), m_window.scene().selectedLinks());
  std::vector<QAction*> entries;
  for (QAction* a : menu.findChildren<QAction*>()) {
    if (!a->menu() && !a->isSeparator() && a->isEnabled() && !a->text().isEmpty()) entries.push_back(a);
  }
  if (entries.empty()) return QStringLiteral("fault menu on %1, %2: empty").arg(joined(components), joined(links));
  QAction* chosen = m_random.pick(entries);
  const QString text = chosen->text().remove(QLatin1Char('&'));
  const std::size_t faults = m_window.document().scenario().faults.size();
  chosen->trigger();
  return QStringLiteral("fault menu '%1' at %2: %3 faults in the timeline (was %4)")
      .arg(text, clock(m_window.liveRun()))
      .arg(m_window.document().scenario().faults.size())
      .arg(faults);
}

QString Monkey::faultByHand() {
  SimulateActions& sim = m_window.simulateActions();
  const auto components = componentIds();
  const auto links = linkIds();
  const auto groups = groupIds();
  // The values the dialogs would never give (a factor below 1, a negative latency, a loss over
  // 100 %) as well as sensible ones: the calls must refuse, not break.
  static const std::vector<double> factors = {0.0, 0.5, 1.0, 2.0, 10.0, 1e6, -3.0, 1e300};
  static const std::vector<SimTime> latencies = {0, kMillisecond, kSecond, -kMillisecond, 100 * kSecond};
  static const std::vector<double> losses = {0.0, 0.1, 1.0, 1.5, -0.1};
  bool ok = false;
  QString what;
  switch (m_random.below(4)) {
    case 0: {
      // A group id crashes or slows all its members.
      std::vector<std::string> targets = components;
      targets.insert(targets.end(), groups.begin(), groups.end());
      if (targets.empty()) return QStringLiteral("slow: nothing to slow");
      const std::string& t = m_random.pick(targets);
      const double factor = m_random.pick(factors);
      ok = sim.injectSlowdown(t, factor);
      what = QStringLiteral("slow %1 x%2").arg(QString::fromStdString(t)).arg(factor);
      break;
    }
    case 1: {
      if (links.empty()) return QStringLiteral("latency: no links");
      const std::string& l = m_random.pick(links);
      const SimTime extra = m_random.pick(latencies);
      ok = sim.injectLatency(l, extra);
      what = QStringLiteral("latency +%1 on %2").arg(extra).arg(QString::fromStdString(l));
      break;
    }
    case 2: {
      if (links.empty()) return QStringLiteral("loss: no links");
      const std::string& l = m_random.pick(links);
      const double p = m_random.pick(losses);
      ok = sim.injectLoss(l, p);
      what = QStringLiteral("loss %1 on %2").arg(p).arg(QString::fromStdString(l));
      break;
    }
    default: {
      // Any action on any component, including ones its kind does not take.
      if (components.empty()) return QStringLiteral("kind action: no components");
      static const std::vector<FaultAction> kindActions = {FaultAction::Timeout, FaultAction::Failover,
                                                           FaultAction::AddShard, FaultAction::RemoveShard,
                                                           FaultAction::Rollout, FaultAction::Rollback,
                                                           FaultAction::Scale};
      const std::string& c = m_random.pick(components);
      const FaultAction action = m_random.pick(kindActions);
      // A scale's count, now and then one the format refuses (0).
      static const std::vector<double> counts = {0, 1, 2, 5};
      ok = sim.injectKindAction(c, action, action == FaultAction::Scale ? m_random.pick(counts) : 0.0);
      const std::string_view name = faultActionName(action);
      what = QStringLiteral("%1 %2").arg(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())),
                                         QString::fromStdString(c));
      break;
    }
  }
  return QStringLiteral("fault %1 at %2: %3").arg(what, clock(m_window.liveRun()), ok ? QStringLiteral("applied") : QStringLiteral("refused"));
}

QString Monkey::removeFault() {
  TopologyDocument& doc = m_window.document();
  const std::size_t n = doc.scenario().faults.size();
  if (n == 0) return QStringLiteral("remove fault: none");
  // An index past the end too: the call promises to ignore it.
  const std::size_t i = m_random.below(n + 1);
  const QString described = i < n ? TopologyDocument::describeFault(doc.scenario().faults[i]) : QStringLiteral("(past the end)");
  doc.removeFaults({i});
  return QStringLiteral("remove fault %1 %2: %3 left").arg(i).arg(described).arg(doc.scenario().faults.size());
}

}  // namespace pillars
