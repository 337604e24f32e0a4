#include "widgets/pillars/intelligence/cost_status.hpp"

#include "engine/run/intelligence_findings.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/live/live_run.hpp"

namespace pillars {

CostStatus::CostStatus(QWidget* parent) : QLabel(parent), m_follower([this] { refreshNow(); }, this) {
  setObjectName(QStringLiteral("CostStatus"));
  setToolTip(tr("What the priced instances have cost since the warm-up ended (instance_cost_per_hour "
                "\u00d7 the hours each existed), and that per hour: the results' cost_total and cost_per_hour"));
  hide();
}

void CostStatus::refreshNow() {
  const LiveRun* run = m_follower.run();
  const ScenarioRunner* runner = run ? run->runner() : nullptr;
  if (!runner) {
    hide();
    return;
  }
  const Simulation& sim = runner->simulation();
  const SimTime from = runner->measureStart();
  // One walk of the design: whether anything has a price, and what it cost.
  const std::optional<double> cost = costSinceIfPriced(sim, from);
  if (!cost) {
    hide();
    return;
  }
  const double total = *cost;
  const double hours = sim.now() > from ? simTimeToSeconds(sim.now() - from) / 3600.0 : 0.0;
  QString text = tr("Cost %1").arg(total, 0, 'f', 3);
  if (hours > 0) text += tr(" (%1/h)").arg(total / hours, 0, 'f', 2);
  if (sim.now() <= from && from > 0) text = tr("Cost: from the end of warm-up");
  setText(text);
  show();
}

}  // namespace pillars
