#include "widgets/live/live_run_follower.hpp"

#include <utility>

#include "widgets/live/live_run.hpp"

namespace pillars {

LiveRunFollower::LiveRunFollower(std::function<void()> read, QObject* parent, int intervalMs,
                                 std::function<bool()> wanted)
    : QObject(parent), m_read(std::move(read)), m_wanted(std::move(wanted)), m_intervalMs(intervalMs) {
  m_trailing.setSingleShot(true);
  connect(&m_trailing, &QTimer::timeout, this, &LiveRunFollower::onAdvanced);
}

void LiveRunFollower::follow(LiveRun* run) {
  if (m_run != run) {
    if (m_run) disconnect(m_run, nullptr, this, nullptr);
    m_run = run;
    if (m_run) {
      connect(m_run, &LiveRun::advanced, this, &LiveRunFollower::onAdvanced);
      connect(m_run, &LiveRun::stateChanged, this, &LiveRunFollower::readNow);
    }
  }
  readNow();
}

LiveRun* LiveRunFollower::run() const { return m_run.data(); }

void LiveRunFollower::readNow() {
  m_trailing.stop();
  m_sinceRead.start();
  m_read();
}

void LiveRunFollower::onAdvanced() {
  if (m_wanted && !m_wanted()) return;
  const qint64 since = m_sinceRead.isValid() ? m_sinceRead.elapsed() : m_intervalMs;
  if (since >= m_intervalMs) {
    readNow();
  } else if (!m_trailing.isActive()) {
    m_trailing.start(static_cast<int>(m_intervalMs - since));
  }
}

}  // namespace pillars
