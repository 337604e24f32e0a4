// SimulateActions, kind actions: a kind's own fault actions (a service's rollout, rollback and
// scale, a store's failover, a shard router's resharding) offered in the component's context
// menu, applied to every instance at once and recorded in the fault timeline like any fault.
#include <QInputDialog>
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

bool SimulateActions::injectKindAction(const std::string& id, FaultAction action, double value) {
  if (!ensureLoaded()) return false;
  // What the file format refuses (an action the kind does not take, a rollout with no second
  // version) is refused here too, as the context menu does: recorded, it would make a design
  // that saves and does not open again.
  const ComponentSpec* spec = m_document.scenario().findComponent(id);
  if (!spec) return false;
  const ComponentKind& kind = kindTraits(spec->kind);
  if (!kind.acceptsFault(action)) return false;
  if (kind.checkAction && !kind.checkAction(spec->params, faultActionName(action)).empty()) return false;
  // The value the file format would accept, no other (a scale to 0 or to half an instance).
  FaultSpec fault{0, action, id, value};
  if (!m_document.checkFault(fault).isEmpty()) return false;
  Simulation& sim = m_run.runner()->simulation();
  bool taken = false;
  // As the fault timeline does it (FaultInjector): every instance is asked; a replica set's
  // controller acts once.
  for (const ComponentId c : instancesOf(sim, id)) {
    if (sim.component(c).intervene({faultActionName(action), value})) taken = true;
  }
  if (!taken) return false;
  record(fault);
  m_run.changedByHand();
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
    // An action with a value (scale: how many instances) asks for it first.
    const bool asks = !faultValueField(*action).empty();
    QAction* a = menu.addAction(tr("%1 %2").arg(actionLabel(actionName), name) + (asks ? QStringLiteral("\u2026") : QString()), this, [=, this] {
      double value = 0.0;
      if (asks) {
        const std::optional<int> count = askInstanceCount(id);
        if (!count) return;
        value = *count;
      }
      if (injectKindAction(id, *action, value)) {
        const QString done = asks ? tr("%1 %2 to %3").arg(actionLabel(actionName), name).arg(value) : tr("%1 %2").arg(actionLabel(actionName), name);
        emit message(tr("%1 at t = %2 s").arg(done).arg(simTimeToSeconds(m_run.now()), 0, 'f', 3));
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

std::optional<int> SimulateActions::askInstanceCount(const std::string& id) {
  // Starts from the count there is: instances up now in a run, the design's `replicas` before.
  int now = 1;
  if (m_run.isLoaded()) {
    now = static_cast<int>(instancesOf(m_run.runner()->simulation(), id).size());
  } else if (const ComponentSpec* spec = m_document.scenario().findComponent(id)) {
    now = static_cast<int>(spec->params.integer("replicas"));
  }
  bool ok = false;
  const int count = QInputDialog::getInt(m_window, tr("Scale"), tr("Instances of %1 (now %2):").arg(QString::fromStdString(id)).arg(now),
                                         std::max(now, 1), 1, kMaxReplicas, 1, &ok);
  if (!ok) return std::nullopt;
  return count;
}

}  // namespace pillars
