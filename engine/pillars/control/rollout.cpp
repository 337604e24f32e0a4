#include "engine/pillars/control/rollout.hpp"

#include <algorithm>
#include <cmath>

#include "engine/pillars/control/replica_set.hpp"
#include "engine/run/instances.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

Rollout::Rollout(Simulation& sim, std::string setId, Config config, Factory factory)
    : m_sim(sim), m_setId(std::move(setId)), m_config(config), m_factory(std::move(factory)) {
  sim.registerHandler(*this);
}

std::size_t Rollout::maxSurge() const {
  // Kubernetes rounds a percentage surge up and a percentage unavailability down, and refuses
  // both at zero; one surge instance then keeps the rollout moving.
  const auto surge = static_cast<std::size_t>(std::ceil(m_config.maxSurgePercent / 100.0 * static_cast<double>(m_config.replicas)));
  return surge == 0 && maxUnavailable() == 0 ? 1 : surge;
}

std::size_t Rollout::maxUnavailable() const {
  return static_cast<std::size_t>(std::floor(m_config.maxUnavailablePercent / 100.0 * static_cast<double>(m_config.replicas)));
}

double Rollout::newPercent() const {
  const std::size_t all = m_old.size() + m_new.size();
  return all == 0 ? 0.0 : 100.0 * static_cast<double>(m_new.size()) / static_cast<double>(all);
}

void Rollout::start() {
  if (m_phase == Phase::Rolling || m_phase == Phase::Analysing) return;
  m_old = instancesOf(m_sim, m_setId);
  m_new.clear();
  m_step = 0;
  m_failedChecks = 0;
  m_switchedAt = -1;
  m_phase = Phase::Rolling;
  tick();
}

void Rollout::rollBack() {
  if (m_phase == Phase::Idle || m_phase == Phase::RolledBack) return;
  forgetRemoved();
  // Blue/green before blue was removed: switching back is all it takes.
  for (const ComponentId id : m_old) m_sim.component(id).intervene({kActivateAction});
  while (!m_new.empty()) removeInstance(m_new, m_new.size() - 1);
  while (m_old.size() < m_config.replicas) addInstance(1);
  m_phase = Phase::RolledBack;
  record();
}

bool Rollout::scaleTo(std::size_t count) {
  // Kubernetes scales a Deployment mid-rollout proportionally across its old and new
  // ReplicaSets; Pillars asks for the rollout to end first.
  if (count == 0 || m_phase == Phase::Rolling || m_phase == Phase::Analysing) return false;
  forgetRemoved();
  std::vector<ComponentId> live = instancesOf(m_sim, m_setId);
  std::erase_if(live, [&](ComponentId id) { return std::find(m_draining.begin(), m_draining.end(), id) != m_draining.end(); });
  if (live.empty()) return false;
  // Every instance of the set is asked (as for any fault on it); the first does the work.
  if (live.size() == count && m_config.replicas == count) return true;
  m_config.replicas = count;
  while (live.size() < count) {
    // Like the newest, so a set that finished a rollout grows in the new release.
    const ComponentId made = addCopyOf(m_sim, m_setId, live.back());
    if (made == kNoComponent) return false;
    live.push_back(made);
  }
  while (live.size() > count) {
    const std::size_t victim = instanceToRemove(m_sim, live);
    const ComponentId id = live[victim];
    if (m_sim.component(id).isUp()) {
      removeInstance(live, victim);  // graceful: unready now, removed once drained
    } else {
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(victim));
      m_sim.removeComponent(id);  // nothing to drain
    }
  }
  (m_phase == Phase::Done ? m_new : m_old) = live;
  record();
  return true;
}

void Rollout::handleEvent(std::uint32_t kind, std::uint64_t payload) {
  if (kind == DrainDone) {
    const auto id = static_cast<ComponentId>(payload);
    m_draining.erase(std::remove(m_draining.begin(), m_draining.end(), id), m_draining.end());
    m_sim.removeComponent(id);
    return;
  }
  tick();
}

void Rollout::tick() {
  if (m_phase != Phase::Rolling && m_phase != Phase::Analysing) return;
  forgetRemoved();
  switch (m_config.strategy) {
    case Strategy::Rolling: stepRolling(); break;
    case Strategy::Canary: stepCanary(); break;
    case Strategy::BlueGreen: stepBlueGreen(); break;
  }
  record();
  if (m_phase == Phase::Rolling || m_phase == Phase::Analysing) m_sim.schedule(m_config.tick, *this, Tick);
}

void Rollout::stepRolling() {
  const std::size_t replicas = m_config.replicas;
  // Scale the new version up as far as the surge allows.
  // Instances still draining count: they exist until they are removed.
  const std::size_t maxTotal = replicas + maxSurge();
  while (m_new.size() < replicas && m_old.size() + m_new.size() + m_draining.size() < maxTotal) addInstance(2);
  // Scale the old one down while enough stay ready: unready old instances first, as they cost
  // no availability.
  const std::size_t minReady = replicas - std::min(replicas, maxUnavailable());
  std::size_t readyNow = readyCount();
  bool removed = true;
  while (removed && !m_old.empty()) {
    removed = false;
    for (std::size_t i = 0; i < m_old.size(); ++i) {
      if (!ready(m_old[i])) {
        removeInstance(m_old, i);
        removed = true;
        break;
      }
    }
    if (removed) continue;
    // Only ready old instances are left: one goes if the ready count stays at the minimum.
    if (readyNow > minReady) {
      removeInstance(m_old, 0);
      --readyNow;
      removed = true;
    }
  }
  if (m_old.empty() && m_new.size() == replicas && readyCount() == replicas) m_phase = Phase::Done;
}

bool Rollout::canaryStepInPlace(std::size_t wantNew) {
  const std::size_t replicas = m_config.replicas;
  while (m_new.size() < wantNew) addInstance(2);
  // The old version shrinks once the new step's instances are ready, keeping the set's size.
  bool newReady = true;
  for (const ComponentId id : m_new) newReady = newReady && ready(id);
  if (!newReady) return false;
  while (!m_old.empty() && m_old.size() + m_new.size() > replicas) removeInstance(m_old, 0);
  return true;
}

void Rollout::stepCanary() {
  const std::size_t replicas = m_config.replicas;
  if (m_step == 0) m_step = 1;
  const double percent = std::min(100.0, m_config.canaryStepPercent * static_cast<double>(m_step));
  const auto wantNew = std::max<std::size_t>(
      1, std::min(replicas, static_cast<std::size_t>(std::ceil(percent / 100.0 * static_cast<double>(replicas)))));
  if (!canaryStepInPlace(wantNew)) return;
  if (m_phase == Phase::Rolling) {
    // The step is in place: its analysis window starts now.
    m_phase = Phase::Analysing;
    m_windowStart = m_sim.now();
    m_window = newVersionCounts();
    return;
  }
  if (m_sim.now() - m_windowStart < m_config.canaryInterval) return;
  analyse();
}

bool Rollout::greenReady() const {
  if (m_new.size() < m_config.replicas) return false;
  return std::all_of(m_new.begin(), m_new.end(), [&](ComponentId id) {
    const Component& c = m_sim.component(id);
    return c.isUp() && !c.isRemoved() && m_sim.now() - c.addedAt() >= m_config.startupTime;
  });
}

void Rollout::stepBlueGreen() {
  if (m_switchedAt < 0) {
    while (m_new.size() < m_config.replicas) {
      addInstance(2);
      m_sim.component(m_new.back()).intervene({kStandbyAction});
    }
    if (!greenReady()) return;
    // The switch: green into rotation, blue out of it but kept for a quick way back.
    for (const ComponentId id : m_new) m_sim.component(id).intervene({kActivateAction});
    for (const ComponentId id : m_old) m_sim.component(id).intervene({kStandbyAction});
    m_switchedAt = m_sim.now();
    return;
  }
  if (m_sim.now() - m_switchedAt < m_config.scaleDownDelay) return;
  while (!m_old.empty()) removeInstance(m_old, 0);
  if (readyCount() == m_config.replicas) m_phase = Phase::Done;
}

void Rollout::analyse() {
  const Counts now = newVersionCounts();
  // Counters restart at the end of warm-up: a window spanning it counts from zero.
  const auto since = [](std::uint64_t value, std::uint64_t then) { return value >= then ? value - then : value; };
  const std::uint64_t n = since(now.received, m_window.received);
  const std::uint64_t bad = since(now.failed, m_window.failed);
  const double errorPercent = n == 0 ? 0.0 : 100.0 * static_cast<double>(bad) / static_cast<double>(n);
  // p99 at most the limit: at most 1% of the window's answers slower (nearest rank).
  const std::uint64_t answered = since(now.completed, m_window.completed);
  const std::uint64_t slow = since(now.slow, m_window.slow);
  const bool tooSlow = m_config.canaryMaxP99 > 0 && answered > 0 &&
                       static_cast<double>(slow) > 0.01 * static_cast<double>(answered);
  if (errorPercent > m_config.canaryMaxErrorRatePercent || tooSlow) {
    if (++m_failedChecks >= m_config.canaryFailedChecks) {
      rollBack();
      return;
    }
    // Another window at the same step.
    m_windowStart = m_sim.now();
    m_window = newVersionCounts();
    return;
  }
  if (m_new.size() == m_config.replicas && m_old.empty()) {
    m_phase = Phase::Done;
    return;
  }
  ++m_step;
  m_phase = Phase::Rolling;
}

void Rollout::addInstance(int version) {
  // A new instance is a copy of any instance there is (links and all), of the version asked.
  const std::vector<ComponentId> now = instancesOf(m_sim, m_setId);
  if (now.empty()) return;
  const ComponentId id = addInstanceLike(m_sim, now.front(), m_factory(version, nextInstanceName(m_sim, m_setId)));
  (version == 2 ? m_new : m_old).push_back(id);
}

void Rollout::removeInstance(std::vector<ComponentId>& from, std::size_t index) {
  const ComponentId id = from[index];
  from.erase(from.begin() + static_cast<std::ptrdiff_t>(index));
  m_sim.component(id).intervene({kTerminateAction});
  m_draining.push_back(id);
  m_sim.schedule(m_config.drainTime, *this, DrainDone, id);
}

void Rollout::forgetRemoved() {
  const auto gone = [&](ComponentId id) { return m_sim.component(id).isRemoved(); };
  m_old.erase(std::remove_if(m_old.begin(), m_old.end(), gone), m_old.end());
  m_new.erase(std::remove_if(m_new.begin(), m_new.end(), gone), m_new.end());
  m_draining.erase(std::remove_if(m_draining.begin(), m_draining.end(), gone), m_draining.end());
}

bool Rollout::ready(ComponentId id) const { return instanceReady(m_sim, id); }

std::size_t Rollout::readyCount() const {
  std::size_t n = 0;
  for (const ComponentId id : m_old) n += ready(id) ? 1 : 0;
  for (const ComponentId id : m_new) n += ready(id) ? 1 : 0;
  return n;
}

Rollout::Counts Rollout::newVersionCounts() const {
  Counts c;
  for (const ComponentId id : m_new) {
    const ComponentMetrics& m = m_sim.component(id).metrics();
    c.received += m.received;
    c.failed += m.failed;
    c.completed += m.completed;
    if (m_config.canaryMaxP99 > 0) c.slow += m.latency.countAbove(m_config.canaryMaxP99);
  }
  return c;
}

void Rollout::record() {
  m_samples.push_back({m_sim.now(), static_cast<std::uint32_t>(m_old.size()), static_cast<std::uint32_t>(m_new.size()),
                       static_cast<std::uint32_t>(m_draining.size()), static_cast<std::uint32_t>(readyCount())});
}

}  // namespace pillars
