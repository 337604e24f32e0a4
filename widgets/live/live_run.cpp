#include "widgets/live/live_run.hpp"

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>
#include <cmath>
#include <exception>
#include <vector>

#include "engine/model/component_kind.hpp"
#include "engine/sim/component.hpp"

namespace pillars {

namespace {

using namespace std::chrono_literals;

// A frame at ~60 Hz. Normal play spends at most ~10 ms of it in the engine so painting and
// input keep the rest; flat out, frames follow each other (zero-interval timer: Qt handles
// pending input and paints between them) and each may spend 20 ms. Either way the event loop
// turns well within the 50 ms the window may go without answering.
constexpr std::chrono::milliseconds kFrameInterval = 16ms;
constexpr auto kFrameBudget = 10ms;
constexpr auto kFastBudget = 20ms;
constexpr auto kRunToEndSlice = 25ms;
constexpr auto kStepBudget = 30ms;
// A window that stalled (dragged, debugger, swapped out) resumes where it was, not 3 s later.
constexpr auto kMaxFrameStep = 100ms;
// Events per call into the engine between looks at the clock: ~0.1-0.5 ms of work, so a
// budget is overshot by less than that, and the clock reads cost nothing per event.
constexpr std::uint64_t kChunkEvents = 2048;

double millis(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

LiveRun::LiveRun(QObject* parent) : QObject(parent) {
  m_timer.setTimerType(Qt::PreciseTimer);
  m_timer.setInterval(kFrameInterval);
  connect(&m_timer, &QTimer::timeout, this, &LiveRun::onFrame);
}

LiveRun::~LiveRun() = default;

bool LiveRun::load(const Scenario& scenario, QString* error) {
  // Copy before anything goes: `scenario` may be our own copy (reset()).
  auto copy = std::make_unique<Scenario>(scenario);
  stopPlaying();
  m_inRunToEnd = false;  // a runToEnd loop in progress sees the new generation and leaves
  ++m_generation;
  m_tap.arm(nullptr);
  m_runner.reset();  // it holds a reference to the old scenario
  m_observing = false;
  m_scenario = std::move(copy);
  m_recorder.clear();
  m_tracer.clear();
  m_rates.clear();
  m_longestFrameMs = 0;
  try {
    m_runner = std::make_unique<ScenarioRunner>(*m_scenario, builtinRegistry());
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    emit stateChanged();
    emit advanced();
    return false;
  }
  applyMode();  // attaches the recorder
  // Start the components now rather than at the first event (which would do exactly this,
  // in the same order), so a fault applied by hand before anything ran meets started ones.
  m_runner->simulation().initialize();
  m_rates.sample(Clock::now(), eventCount(), now());
  emit stateChanged();
  emit advanced();
  return true;
}

void LiveRun::reset() {
  if (m_scenario) load(*m_scenario);
}

void LiveRun::unload() {
  if (!m_runner && !m_scenario) return;
  stopPlaying();
  m_inRunToEnd = false;  // a runToEnd loop in progress sees the new generation and leaves
  ++m_generation;
  m_tap.arm(nullptr);
  m_runner.reset();  // before the scenario it refers to
  m_scenario.reset();
  m_observing = false;
  m_recorder.clear();
  m_tracer.clear();
  m_rates.clear();
  m_longestFrameMs = 0;
  emit stateChanged();
  emit advanced();
}

RequestTrace LiveRun::traceOf(std::uint64_t requestId) const {
  const std::vector<RequestTracer::Event> events = m_tracer.eventsOf(requestId);
  return buildRequestTrace(requestId, events);
}

std::vector<std::string> LiveRun::componentNames() const {
  return m_runner ? m_runner->simulation().componentNames() : std::vector<std::string>{};
}

// --- Play, pause, step ------------------------------------------------------------------------

void LiveRun::play() {
  m_stopAt = kTimeNever;
  startPlaying();
}

void LiveRun::pause() {
  const bool was = m_playing;
  stopPlaying();
  if (was) emit stateChanged();
}

void LiveRun::togglePlay() {
  if (m_playing) {
    pause();
  } else {
    play();
  }
}

void LiveRun::startPlaying() {
  if (!m_runner || m_inRunToEnd || isFinished()) return;
  m_playing = true;
  m_fallingBehind = false;
  m_lastFrame = Clock::now();
  applyMode();
  m_timer.start();
  emit stateChanged();
}

void LiveRun::stopPlaying() {
  m_timer.stop();
  m_playing = false;
  m_fallingBehind = false;
  m_stopAt = kTimeNever;
  applyMode();
}

void LiveRun::step() {
  if (!m_runner || m_inRunToEnd) return;
  pause();
  if (isFinished()) return;
  // One event: stale events of crashed components are skipped by the kernel, not counted.
  m_runner->advance(end(), 1);
  afterAdvance();
  if (isFinished()) {
    emit stateChanged();
    emit finished();
  }
}

void LiveRun::stepToDelivery() {
  if (!m_runner || m_inRunToEnd) return;
  pause();
  if (isFinished()) return;
  // Paused, the tap is attached (applyMode); armed, it stops the kernel after the delivering
  // event, so whole chunks can be asked for and the clock still lands right there.
  const std::uint64_t before = m_tap.deliveries();
  const Clock::time_point start = Clock::now();
  m_tap.arm(&m_runner->simulation());
  while (m_tap.deliveries() == before && !isFinished() && Clock::now() - start < kStepBudget) {
    m_runner->advance(end(), kChunkEvents);
  }
  m_tap.arm(nullptr);
  afterAdvance();
  if (isFinished()) {
    emit stateChanged();
    emit finished();
  }
}

void LiveRun::runUntil(SimTime t) {
  if (!m_runner || m_inRunToEnd) return;
  t = std::min(t, end());
  if (doneUpTo(t)) return;  // already there (time never runs backwards)
  m_stopAt = t;
  startPlaying();
}

// --- Speed and mode -------------------------------------------------------------------------

void LiveRun::setSpeed(double simSecondsPerWallSecond) {
  if (std::isnan(simSecondsPerWallSecond)) return;
  const double clamped = std::clamp(simSecondsPerWallSecond, kMinSpeed, kMaxSpeed);
  if (clamped == m_speed) return;
  m_speed = clamped;
  emit stateChanged();
}

void LiveRun::setAsFastAsPossible(bool on) {
  if (on == m_fast) return;
  m_fast = on;
  m_fallingBehind = false;
  m_lastFrame = Clock::now();  // back at a set speed, count wall time from here
  applyMode();
  emit stateChanged();
}

bool LiveRun::observing() const { return !m_inRunToEnd && !(m_playing && m_fast); }

void LiveRun::applyMode() {
  // setInterval restarts a running timer, so only touch it on a change.
  const auto interval = m_fast ? std::chrono::milliseconds(0) : kFrameInterval;
  if (m_timer.intervalAsDuration() != interval) m_timer.setInterval(interval);
  if (!m_runner) return;
  const bool watch = observing();
  if (watch == m_observing) return;
  m_observing = watch;
  Simulation& sim = m_runner->simulation();
  if (watch) {
    sim.addObserver(&m_recorder);
    sim.addObserver(&m_tracer);
    sim.addObserver(&m_tap);
  } else {
    sim.removeObserver(&m_recorder);
    sim.removeObserver(&m_tracer);
    sim.removeObserver(&m_tap);
  }
  // Flights recorded before the switch may land or die unseen: draw none rather than stale.
  m_recorder.expire(kTimeNever);
}

// --- Frames ---------------------------------------------------------------------------------

void LiveRun::onFrame() {
  if (!m_runner || !m_playing || m_inRunToEnd) return;
  const Clock::time_point start = Clock::now();
  const Clock::duration wall = std::min<Clock::duration>(start - m_lastFrame, kMaxFrameStep);
  m_lastFrame = start;
  SimTime target = std::min(m_stopAt, end());
  if (!m_fast) {
    const double simNs = std::chrono::duration<double, std::nano>(wall).count() * m_speed;
    target = std::min(target, saturatingAdd(now(), static_cast<SimTime>(std::llround(simNs))));
  }
  const bool caughtUp = advanceWithin(target, m_fast ? kFastBudget : kFrameBudget, start);
  // Behind, the deficit is dropped rather than owed: the clock then runs as fast as the
  // machine allows instead of lurching forward once the load eases.
  m_fallingBehind = !m_fast && !caughtUp;
  afterAdvance();
  if (isFinished()) {
    stopPlaying();
    emit stateChanged();
    emit finished();
  } else if (m_playing && m_stopAt != kTimeNever && doneUpTo(m_stopAt)) {
    stopPlaying();
    emit stateChanged();
  }
}

bool LiveRun::advanceWithin(SimTime target, Clock::duration budget, Clock::time_point start) {
  while (!doneUpTo(target)) {
    m_runner->advance(target, kChunkEvents);
    if (Clock::now() - start >= budget) break;
  }
  m_longestFrameMs = std::max(m_longestFrameMs, millis(Clock::now() - start));
  return doneUpTo(target);
}

bool LiveRun::doneUpTo(SimTime t) const {
  // The clock alone is not enough: a chunk can end between several events due at the same
  // instant, with the clock already there.
  Simulation& sim = m_runner->simulation();
  return sim.now() >= t && sim.nextEventTime() > t;
}

void LiveRun::afterAdvance() {
  m_recorder.expire(now());
  m_rates.sample(Clock::now(), eventCount(), now());
  emit advanced();
}

bool LiveRun::runToEnd(const std::function<bool(double fraction)>& progress) {
  if (!m_runner || m_inRunToEnd) return false;
  pause();
  if (isFinished()) {
    if (progress) progress(1.0);
    return true;
  }
  m_inRunToEnd = true;
  applyMode();
  emit stateChanged();
  // Anything below may reach the application's slots (signals, the event loop, the callback),
  // which may reload, reset or delete us: after each, leave without touching that run.
  const QPointer<LiveRun> self(this);
  const std::uint64_t generation = m_generation;
  const auto replaced = [&] { return !self || generation != m_generation; };
  const double endS = std::max(simTimeToSeconds(end()), 1e-9);
  bool completed = true;
  while (!isFinished()) {
    advanceWithin(end(), kRunToEndSlice, Clock::now());
    afterAdvance();
    if (replaced()) return false;
    const bool goOn = !progress || progress(std::min(simTimeToSeconds(now()) / endS, 1.0));
    if (replaced()) return false;
    if (!goOn) {
      completed = false;
      break;
    }
    QCoreApplication::processEvents();
    if (replaced()) return false;
  }
  m_inRunToEnd = false;
  applyMode();
  emit stateChanged();
  if (completed) emit finished();
  return completed;
}

// --- Queries --------------------------------------------------------------------------------

SimTime LiveRun::now() const { return m_runner ? m_runner->simulation().now() : 0; }

SimTime LiveRun::end() const { return m_runner ? m_runner->endTime() : 0; }

bool LiveRun::isFinished() const { return m_runner && doneUpTo(end()); }

std::uint64_t LiveRun::eventCount() const {
  return m_runner ? m_runner->simulation().eventCount() : 0;
}

double LiveRun::eventsPerSecond() const { return m_rates.eventsPerSecond(Clock::now()); }

double LiveRun::measuredSpeed() const { return m_rates.simSecondsPerSecond(Clock::now()); }

const Scenario& LiveRun::scenario() const {
  static const Scenario kNone;
  return m_scenario ? *m_scenario : kNone;
}

ComponentId LiveRun::componentId(const std::string& id) const {
  if (!m_runner) return kNoComponent;
  const Component* c = m_runner->simulation().findComponent(id);
  return c ? c->id() : kNoComponent;
}

LinkId LiveRun::linkId(const std::string& id) const {
  if (!m_runner) return kNoLink;
  const Network& net = m_runner->simulation().network();
  for (std::size_t i = 0; i < net.linkCount(); ++i) {
    if (net.link(static_cast<LinkId>(i)).name == id) return static_cast<LinkId>(i);
  }
  return kNoLink;
}

RunResults LiveRun::results() { return m_runner ? m_runner->results() : RunResults{}; }

// --- Faults by hand -------------------------------------------------------------------------

void LiveRun::applyToComponents(const std::string& id, bool up) {
  if (!m_runner) return;
  std::vector<ComponentId> targets;
  if (const ComponentId c = componentId(id); c != kNoComponent) {
    targets.push_back(c);
  } else {
    for (const std::string& member : m_scenario->groupMembers(id)) {
      if (const ComponentId m = componentId(member); m != kNoComponent) targets.push_back(m);
    }
  }
  if (targets.empty()) return;
  Simulation& sim = m_runner->simulation();
  for (const ComponentId c : targets) {
    const bool wasUp = sim.component(c).isUp();
    if (up) {
      sim.restart(c);
    } else {
      sim.crash(c);
    }
    // Flat out the recorder is detached; a fault by hand still belongs in the event log.
    if (!m_observing && wasUp != sim.component(c).isUp()) {
      m_recorder.onComponentState(c, up ? ComponentState::Up : ComponentState::Down, sim.now());
    }
  }
  emit advanced();
}

void LiveRun::changedByHand() { emit advanced(); }

void LiveRun::crash(const std::string& componentOrGroupId) { applyToComponents(componentOrGroupId, false); }

void LiveRun::restart(const std::string& componentOrGroupId) { applyToComponents(componentOrGroupId, true); }

void LiveRun::cut(const std::string& link) {
  const LinkId l = linkId(link);
  if (l == kNoLink) return;
  Simulation& sim = m_runner->simulation();
  const bool wasUp = sim.network().link(l).up;
  sim.cutLink(l);
  if (!m_observing && wasUp) m_recorder.onLinkState(l, false, sim.now());
  emit advanced();
}

void LiveRun::heal(const std::string& link) {
  const LinkId l = linkId(link);
  if (l == kNoLink) return;
  Simulation& sim = m_runner->simulation();
  const bool wasUp = sim.network().link(l).up;
  sim.healLink(l);
  if (!m_observing && !wasUp) m_recorder.onLinkState(l, true, sim.now());
  emit advanced();
}

bool LiveRun::isDown(const std::string& component) const {
  const ComponentId c = componentId(component);
  return c != kNoComponent && !m_runner->simulation().component(c).isUp();
}

bool LiveRun::isCut(const std::string& link) const {
  const LinkId l = linkId(link);
  return l != kNoLink && !m_runner->simulation().network().link(l).up;
}

}  // namespace pillars
