#include "widgets/pillars/intelligence/cost_status.hpp"

#include "engine/run/intelligence_findings.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/live/live_run.hpp"

namespace pillars {

namespace {
constexpr int kReadEveryMs = 250;
}

CostStatus::CostStatus(QWidget* parent) : QLabel(parent) {
  setObjectName(QStringLiteral("CostStatus"));
  setToolTip(tr("What the priced instances have cost since the warm-up ended (instance_cost_per_hour "
                "\u00d7 the hours each existed), and that per hour: the results' cost_total and cost_per_hour"));
  hide();
  m_sinceRead.start();
}

void CostStatus::setLiveRun(LiveRun* run) {
  if (m_run == run) return;
  if (m_run) disconnect(m_run, nullptr, this, nullptr);
  m_run = run;
  if (m_run) {
    connect(m_run, &LiveRun::advanced, this, &CostStatus::onAdvanced);
    connect(m_run, &LiveRun::stateChanged, this, &CostStatus::refreshNow);
  }
  refreshNow();
}

void CostStatus::onAdvanced() {
  if (m_sinceRead.elapsed() >= kReadEveryMs) refreshNow();
}

void CostStatus::refreshNow() {
  m_sinceRead.restart();
  const ScenarioRunner* runner = m_run ? m_run->runner() : nullptr;
  if (!runner || !hasPricedComponents(runner->simulation())) {
    hide();
    return;
  }
  const Simulation& sim = runner->simulation();
  const SimTime from = runner->measureStart();
  const double total = costSince(sim, from);
  const double hours = sim.now() > from ? simTimeToSeconds(sim.now() - from) / 3600.0 : 0.0;
  QString text = tr("Cost %1").arg(total, 0, 'f', 3);
  if (hours > 0) text += tr(" (%1/h)").arg(total / hours, 0, 'f', 2);
  if (sim.now() <= from && from > 0) text = tr("Cost: from the end of warm-up");
  setText(text);
  show();
}

}  // namespace pillars
