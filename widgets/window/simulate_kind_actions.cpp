// SimulateActions, kind actions: a kind's own fault actions (a service's rollout and rollback,
// a store's failover, a shard router's resharding) offered in the component's context menu,
// applied to every instance at once and recorded in the fault timeline like any fault.
#include <QMenu>

#include "engine/model/component_kind.hpp"
#include "engine/run/instances.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/window/simulate_actions.hpp"

namespace pillars {

namespace {

// "add_shard" -> "Add shard"
QString actionLabel(std::string_view action) {
  QString label = QString::fromUtf8(action.data(), static_cast<qsizetype>(action.size()));
  label.replace(QLatin1Char('_'), QLatin1Char(' '));
  if (!label.isEmpty()) label[0] = label[0].toUpper();
  return label;
}

}  // namespace

bool SimulateActions::injectKindAction(const std::string& id, FaultAction action) {
  if (!ensureLoaded()) return false;
  // What the file format refuses (an action the kind does not take, a rollout with no second
  // version) is refused here too, as the context menu does: recorded, it would make a design
  // that saves and does not open again.
  const ComponentSpec* spec = m_document.scenario().findComponent(id);
  if (!spec) return false;
  const ComponentKind& kind = kindTraits(spec->kind);
  if (!kind.acceptsFault(action)) return false;
  if (kind.checkAction && !kind.checkAction(spec->params, faultActionName(action)).empty()) return false;
  Simulation& sim = m_run.runner()->simulation();
  bool taken = false;
  // As the fault timeline does it (FaultInjector): every instance is asked; a replica set's
  // controller acts once.
  for (const ComponentId c : instancesOf(sim, id)) {
    if (sim.component(c).intervene(faultActionName(action))) taken = true;
  }
  if (!taken) return false;
  record({0, action, id});
  emit m_run.advanced();
  return true;
}

void SimulateActions::addKindActionsTo(QMenu& menu, const std::string& id) {
  const ComponentSpec* spec = m_document.scenario().findComponent(id);
  if (!spec) return;
  const ComponentKind& kind = kindTraits(spec->kind);
  if (kind.actions.empty()) return;
  const QString name = QString::fromStdString(id);
  for (const std::string& actionName : kind.actions) {
    const auto action = faultActionFromName(actionName);
    if (!action) continue;
    QAction* a = menu.addAction(tr("%1 %2").arg(actionLabel(actionName), name), this, [=, this] {
      if (injectKindAction(id, *action)) {
        emit message(tr("%1 %2 at t = %3 s").arg(actionLabel(actionName), name).arg(simTimeToSeconds(m_run.now()), 0, 'f', 3));
      } else {
        emit message(tr("%1 cannot take \u201c%2\u201d now.").arg(name, QString::fromStdString(actionName)));
      }
    });
    // Why it cannot happen at all (a rollout without a second version), said before it is tried.
    if (kind.checkAction) {
      if (const std::string why = kind.checkAction(spec->params, actionName); !why.empty()) {
        a->setEnabled(false);
        a->setStatusTip(QString::fromStdString(why));
        a->setToolTip(QString::fromStdString(why));
      }
    }
  }
}

}  // namespace pillars
