#include "widgets/window/simulate_actions.hpp"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QProgressDialog>
#include <QSignalBlocker>
#include <QSlider>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <algorithm>
#include <cmath>

#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/util/units.hpp"
#include "widgets/common/tool_icons.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/pillars/kind_ui.hpp"

namespace pillars {

namespace {

QString speedText(double speed) {
  if (speed >= 10) return QStringLiteral("%1\u00d7").arg(speed, 0, 'f', 0);
  if (speed >= 1) return QStringLiteral("%1\u00d7").arg(speed, 0, 'f', 1);
  return QStringLiteral("%1\u00d7").arg(speed, 0, 'g', 2);
}

/// The scenario as the engine sees it: everything but where the cards are drawn.
std::string engineView(Scenario s) {
  for (ComponentSpec& c : s.components) c.position.reset();
  return writeScenarioJson(s);
}

QString clockText(SimTime t) {
  return QStringLiteral("%1 s").arg(simTimeToSeconds(t), 0, 'f', 3);
}

}  // namespace

int SimulateActions::sliderForSpeed(double speed) {
  const double lo = std::log10(LiveRun::kMinSpeed);
  const double hi = std::log10(LiveRun::kMaxSpeed);
  const double at = (std::log10(std::clamp(speed, LiveRun::kMinSpeed, LiveRun::kMaxSpeed)) - lo) / (hi - lo);
  return static_cast<int>(std::lround(at * kSliderSteps));
}

double SimulateActions::speedForSlider(int position) {
  const double lo = std::log10(LiveRun::kMinSpeed);
  const double hi = std::log10(LiveRun::kMaxSpeed);
  return std::pow(10.0, lo + (hi - lo) * position / kSliderSteps);
}

SimulateActions::SimulateActions(TopologyDocument& document, LiveRun& run, QWidget* window)
    : QObject(window),
      m_document(document),
      m_run(run),
      m_window(window),
      m_play(new QAction(tr("&Run"), this)),
      m_step(new QAction(tr("&Step"), this)),
      m_stepDelivery(new QAction(tr("Step to Next &Delivery"), this)),
      m_runUntil(new QAction(tr("Run &Until\u2026"), this)),
      m_runToEnd(new QAction(tr("Run to &End"), this)),
      m_reset(new QAction(tr("R&eset"), this)),
      m_fast(new QAction(tr("As &Fast as Possible"), this)) {
  m_play->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  m_play->setIcon(toolIcon(ToolIcon::Run));
  m_step->setIcon(toolIcon(ToolIcon::Step));
  m_reset->setIcon(toolIcon(ToolIcon::Reset));
  m_fast->setIcon(toolIcon(ToolIcon::Fast));
  m_play->setStatusTip(tr("Run or pause the simulation (Space on the canvas)"));
  m_step->setShortcut(QKeySequence(Qt::Key_F10));
  m_step->setStatusTip(tr("Run exactly one event"));
  m_stepDelivery->setShortcut(QKeySequence(Qt::Key_F11));
  m_stepDelivery->setStatusTip(tr("Run until the next message arrives"));
  m_runToEnd->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  m_reset->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
  m_reset->setStatusTip(tr("Back to time 0 with the topology as it is now"));
  m_fast->setCheckable(true);
  m_fast->setStatusTip(tr("No per-message animation; charts and the clock still update"));

  connect(m_play, &QAction::triggered, this, &SimulateActions::togglePlay);
  connect(m_step, &QAction::triggered, this, [this] {
    if (ensureLoaded()) m_run.step();
  });
  connect(m_stepDelivery, &QAction::triggered, this, [this] {
    if (ensureLoaded()) m_run.stepToDelivery();
  });
  connect(m_runUntil, &QAction::triggered, this, &SimulateActions::runUntilAsk);
  connect(m_runToEnd, &QAction::triggered, this, &SimulateActions::runToEnd);
  connect(m_reset, &QAction::triggered, this, &SimulateActions::reset);
  connect(m_fast, &QAction::toggled, &m_run, &LiveRun::setAsFastAsPossible);

  // An edit that changes what the engine runs makes the loaded run stale; moving cards does
  // not, so the user can rearrange the canvas while watching.
  connect(&m_document.undoStack(), &QUndoStack::indexChanged, this, [this] {
    if (m_recording) return;  // record() takes the new view as loaded itself
    if (m_run.isLoaded() && engineView(m_document.scenario()) != m_loadedView) {
      m_stale = true;
      if (m_run.isPlaying()) m_run.pause();
      emit message(tr("The topology changed: the next Run starts again from time 0."));
    }
  });
  // Another document (opened, new, recovered): the last one's run goes, and with it what
  // the charts, event log, clock and canvas showed of it.
  connect(&m_document, &TopologyDocument::reset, this, [this] {
    m_stale = true;
    m_run.unload();
  });
  connect(&m_run, &LiveRun::stateChanged, this, &SimulateActions::updateState);
  connect(&m_run, &LiveRun::advanced, this, &SimulateActions::updateReadout);
  connect(&m_run, &LiveRun::finished, this, &SimulateActions::keepFinishedRun);
  updateState();
}

void SimulateActions::addTo(QMenu& menu) {
  menu.addAction(m_play);
  menu.addAction(m_step);
  menu.addAction(m_stepDelivery);
  menu.addAction(m_runUntil);
  menu.addAction(m_runToEnd);
  menu.addSeparator();
  menu.addAction(m_fast);
  menu.addAction(m_reset);
}

void SimulateActions::addTo(QToolBar& toolbar) {
  toolbar.addAction(m_play);
  toolbar.addAction(m_step);
  toolbar.addAction(m_reset);
  m_speed = new QSlider(Qt::Horizontal, &toolbar);
  m_speed->setObjectName(QStringLiteral("SpeedSlider"));
  m_speed->setRange(0, kSliderSteps);
  m_speed->setFixedWidth(140);
  m_speed->setValue(sliderForSpeed(m_run.speed()));
  m_speed->setToolTip(tr("Simulation speed: simulated time per second of real time (0.01\u00d7 to 1000\u00d7)"));
  m_speedLabel = new QLabel(speedText(m_run.speed()), &toolbar);
  m_speedLabel->setMinimumWidth(48);
  connect(m_speed, &QSlider::valueChanged, this, [this](int position) {
    m_run.setSpeed(speedForSlider(position));
    m_speedLabel->setText(speedText(m_run.speed()));
  });
  toolbar.addWidget(m_speed);
  toolbar.addWidget(m_speedLabel);
  toolbar.addAction(m_fast);
}

void SimulateActions::addTo(QStatusBar& status) {
  m_clock = new QLabel(&status);
  m_clock->setObjectName(QStringLiteral("SimClock"));
  m_clock->setMinimumWidth(260);
  status.addPermanentWidget(m_clock);
  updateReadout();
}

bool SimulateActions::ensureLoaded() {
  if (runIsCurrent()) return true;
  if (m_document.scenario().components.empty()) {
    emit message(tr("Add components to the canvas before running a simulation."));
    return false;
  }
  // The editor allows unfinished wiring that the engine cannot run (a client calling nothing):
  // the file format's own checks say exactly what is missing.
  const Scenario scenario = m_document.scenarioWithPositions();
  const ScenarioLoad check = readScenario(writeScenarioJson(scenario), m_document.displayName().toStdString(),
                                          builtinRegistry());
  if (!check.ok()) {
    emit message(tr("Cannot simulate yet: %1").arg(QString::fromStdString(check.errors.front().message)));
    return false;
  }
  QString error;
  if (!m_run.load(scenario, &error)) {
    emit message(tr("Cannot simulate this topology: %1").arg(error));
    return false;
  }
  m_loadedView = engineView(m_document.scenario());
  m_stale = false;
  return true;
}

void SimulateActions::togglePlay() {
  if (m_run.isPlaying()) {
    m_run.pause();
    return;
  }
  // Replaying a finished run reloads from the document, not LiveRun's stored copy, so faults
  // recorded by hand during the run happen again.
  if (m_run.isLoaded() && m_run.isFinished()) m_stale = true;
  if (!ensureLoaded()) return;
  m_run.play();
}

void SimulateActions::addFaultsTo(QMenu& menu, const std::vector<std::string>& components,
                                  const std::vector<std::string>& links) {
  if (components.empty() && links.empty()) return;
  menu.addSeparator();
  // One component's kind actions come straight in the menu, above the fault submenu: its
  // kind's own entries where its UI has them (Raft's Time Out Now), else one per action.
  if (components.size() == 1) {
    const ComponentSpec* spec = m_document.scenario().findComponent(components.front());
    const KindUi* ui = spec ? kindUi(spec->kind) : nullptr;
    if (ui && ui->addMenuEntries) {
      menu.addSeparator();
      ui->addMenuEntries(menu, components.front(), *this);
    } else {
      addKindActionsTo(menu, components.front());
    }
  }
  QMenu* faults = menu.addMenu(tr("Inject &Fault"));
  const auto atNow = [this] { return tr(" at t = %1").arg(clockText(m_run.now())); };
  for (const std::string& id : components) {
    const QString name = QString::fromStdString(id);
    const bool down = runIsCurrent() && m_run.isDown(id);
    QAction* a = faults->addAction(down ? tr("Restart %1").arg(name) : tr("Crash %1").arg(name), this, [=, this] {
      if (!(down ? injectRestart(id) : injectCrash(id))) return;
      emit message((down ? tr("Restarted %1") : tr("Crashed %1")).arg(name) + atNow());
    });
    a->setStatusTip(tr("Applies to the running simulation now and records it in the fault timeline"));
    faults->addAction(tr("Slow Down %1\u2026").arg(name), this, [=, this] {
      bool ok = false;
      const double factor = QInputDialog::getDouble(m_window, tr("Slow Down"),
                                                    tr("Multiply %1's service times by (1 = normal):").arg(name),
                                                    4.0, 1.0, 1e6, 2, &ok);
      if (ok && injectSlowdown(id, factor)) emit message(tr("Slowed %1 \u00d7%2").arg(name).arg(factor) + atNow());
    });
  }
  for (const std::string& id : links) {
    const QString name = QString::fromStdString(id);
    const bool cut = runIsCurrent() && m_run.isCut(id);
    faults->addAction(cut ? tr("Heal %1").arg(name) : tr("Cut %1").arg(name), this, [=, this] {
      if (!(cut ? injectHeal(id) : injectCut(id))) return;
      emit message((cut ? tr("Healed %1") : tr("Cut %1")).arg(name) + atNow());
    });
    faults->addAction(tr("Add Latency to %1\u2026").arg(name), this, [=, this] {
      bool ok = false;
      const QString text = QInputDialog::getText(m_window, tr("Add Latency"),
                                                 tr("Extra latency on %1 (e.g. 100ms; 0 removes it):").arg(name),
                                                 QLineEdit::Normal, QStringLiteral("100ms"), &ok);
      if (!ok) return;
      const auto extra = parseDuration(text.trimmed().toStdString());
      if (!extra) {
        emit message(tr("\u201c%1\u201d is not a duration; try 100ms or 1s.").arg(text));
        return;
      }
      if (injectLatency(id, *extra)) emit message(tr("Added %1 to %2").arg(text.trimmed(), name) + atNow());
    });
    faults->addAction(tr("Set Loss on %1\u2026").arg(name), this, [=, this] {
      bool ok = false;
      const double percent = QInputDialog::getDouble(m_window, tr("Set Loss"),
                                                     tr("Messages lost on %1, in percent:").arg(name), 10.0, 0.0,
                                                     100.0, 2, &ok);
      if (ok && injectLoss(id, percent / 100.0)) emit message(tr("Set loss on %1 to %2%").arg(name).arg(percent) + atNow());
    });
  }
}

void SimulateActions::keepFinishedRun() {
  // A stale run no longer describes the document, so it is not stored with it. Faults made by
  // hand are in the document at their times: its scenario replays this very run.
  if (m_stale || !m_run.runner()) {
    emit message(tr("The run reached its end."));
    return;
  }
  m_document.setLastRun(storeRun(m_document.scenario(), *m_run.runner(), m_run.results()));
  emit message(m_document.savesAsProject() ? tr("The run reached its end; its results are saved with the project.")
                       : tr("The run reached its end. Save as a project (.pillars) to keep its results."));
}

// --- Faults by hand, recorded -------------------------------------------------------------------

const Scenario& SimulateActions::design() const { return m_document.scenario(); }

bool SimulateActions::runIsCurrent() const { return m_run.isLoaded() && !m_stale; }

void SimulateActions::record(FaultSpec fault) {
  fault.at = m_run.now();
  // The run already has this fault at this time, so the document with it is what is loaded:
  // the undo stack's change must not mark the run stale.
  m_recording = true;
  m_document.addFault(fault);
  m_recording = false;
  m_loadedView = engineView(m_document.scenario());
}

std::vector<ComponentId> SimulateActions::componentsOf(const std::string& componentOrGroup) const {
  if (const ComponentId c = m_run.componentId(componentOrGroup); c != kNoComponent) return {c};
  std::vector<ComponentId> out;
  for (const std::string& member : m_run.scenario().groupMembers(componentOrGroup)) {
    if (const ComponentId m = m_run.componentId(member); m != kNoComponent) out.push_back(m);
  }
  return out;
}

bool SimulateActions::injectCrash(const std::string& componentOrGroup) {
  if (!ensureLoaded() || componentsOf(componentOrGroup).empty()) return false;
  m_run.crash(componentOrGroup);
  record({0, FaultAction::Crash, componentOrGroup});
  return true;
}

bool SimulateActions::injectRestart(const std::string& componentOrGroup) {
  if (!ensureLoaded() || componentsOf(componentOrGroup).empty()) return false;
  m_run.restart(componentOrGroup);
  record({0, FaultAction::Restart, componentOrGroup});
  return true;
}

bool SimulateActions::injectCut(const std::string& link) {
  if (!ensureLoaded() || m_run.linkId(link) == kNoLink) return false;
  m_run.cut(link);
  record({0, FaultAction::Cut, link});
  return true;
}

bool SimulateActions::injectHeal(const std::string& link) {
  if (!ensureLoaded() || m_run.linkId(link) == kNoLink) return false;
  m_run.heal(link);
  record({0, FaultAction::Heal, link});
  return true;
}

// LiveRun has no setters for degradations, so they go straight to the simulation, the same
// calls the FaultInjector makes for a scripted slow/delay/loss fault.
bool SimulateActions::injectSlowdown(const std::string& componentOrGroup, double factor) {
  if (!(factor >= 1.0) || !ensureLoaded()) return false;
  const std::vector<ComponentId> targets = componentsOf(componentOrGroup);
  if (targets.empty()) return false;
  for (const ComponentId c : targets) m_run.runner()->simulation().setSlowdown(c, factor);
  record({0, FaultAction::Slow, componentOrGroup, factor});
  m_run.changedByHand();
  return true;
}

bool SimulateActions::injectLatency(const std::string& link, SimTime extra) {
  if (extra < 0 || !ensureLoaded()) return false;
  const LinkId l = m_run.linkId(link);
  if (l == kNoLink) return false;
  m_run.runner()->simulation().setLinkExtraLatency(l, extra);
  record({0, FaultAction::Delay, link, 0.0, extra});
  m_run.changedByHand();
  return true;
}

bool SimulateActions::injectLoss(const std::string& link, double probability) {
  if (!(probability >= 0.0 && probability <= 1.0) || !ensureLoaded()) return false;
  const LinkId l = m_run.linkId(link);
  if (l == kNoLink) return false;
  m_run.runner()->simulation().setLinkLossProbability(l, probability);
  record({0, FaultAction::Loss, link, probability});
  m_run.changedByHand();
  return true;
}

void SimulateActions::runUntilAsk() {
  if (!ensureLoaded()) return;
  bool ok = false;
  const QString text = QInputDialog::getText(
      m_window, tr("Run Until"), tr("Simulated time to stop at (e.g. 90s, 2m):"), QLineEdit::Normal,
      QString::fromStdString(formatDuration(std::min(m_run.end(), m_run.now() + 10 * kSecond))), &ok);
  if (!ok) return;
  const auto t = parseDuration(text.trimmed().toStdString());
  if (!t) {
    emit message(tr("\u201c%1\u201d is not a duration; try 90s or 2m.").arg(text));
    return;
  }
  m_run.runUntil(*t);
}

void SimulateActions::runToEnd() {
  if (!ensureLoaded()) return;
  QProgressDialog progress(tr("Running to the end\u2026"), tr("Cancel"), 0, 1000, m_window);
  progress.setWindowModality(Qt::WindowModal);
  progress.setMinimumDuration(300);
  const bool done = m_run.runToEnd([&progress](double fraction) {
    progress.setValue(static_cast<int>(fraction * 1000));
    return !progress.wasCanceled();
  });
  emit message(done ? tr("Ran to the end.") : tr("Stopped at %1.").arg(clockText(m_run.now())));
}

void SimulateActions::reset() {
  m_stale = true;
  ensureLoaded();
}

void SimulateActions::updateState() {
  m_play->setText(m_run.isPlaying() ? tr("&Pause") : tr("&Run"));
  m_play->setIcon(toolIcon(m_run.isPlaying() ? ToolIcon::Pause : ToolIcon::Run));
  m_fast->setChecked(m_run.asFastAsPossible());
  if (m_speed) {
    const QSignalBlocker quiet(m_speed);  // the run already has this speed
    m_speed->setValue(sliderForSpeed(m_run.speed()));
    m_speedLabel->setText(speedText(m_run.speed()));
  }
  updateReadout();
}

void SimulateActions::updateReadout() {
  if (!m_clock) return;
  if (!m_run.isLoaded()) {
    m_clock->setText(tr("Not running"));
    return;
  }
  QString text = tr("t = %1 / %2").arg(clockText(m_run.now()), clockText(m_run.end()));
  text += tr("  \u00b7  %1 events/s").arg(m_run.eventsPerSecond(), 0, 'f', 0);
  if (m_run.isPlaying()) {
    text += m_run.asFastAsPossible() ? tr("  \u00b7  flat out") : tr("  \u00b7  %1").arg(speedText(m_run.measuredSpeed()));
    if (m_run.fallingBehind()) text += tr(" (falling behind)");
  }
  m_clock->setText(text);
}

}  // namespace pillars
