// TopologyDocument, the fault timeline: faults checked against the design, added, removed and
// changed as whole-model undo steps, the list kept in time order.
#include <algorithm>

#include "engine/model/component_kind.hpp"
#include "engine/util/units.hpp"
#include "widgets/common/duration_text.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

// --- Fault timeline ---------------------------------------------------------------------------

namespace {

/// Where a fault at `at` goes: after every fault at that time or earlier, so same-time faults
/// keep the order they were added in (as the file reader does).
void insertByTime(std::vector<FaultSpec>& faults, const FaultSpec& fault) {
  const auto at = std::upper_bound(faults.begin(), faults.end(), fault.at,
                                   [](SimTime t, const FaultSpec& f) { return t < f.at; });
  faults.insert(at, fault);
}

}  // namespace

QString TopologyDocument::describeFault(const FaultSpec& fault) {
  QString text = QStringLiteral("%1 %2").arg(QString::fromStdString(std::string(faultActionName(fault.action))),
                                             QString::fromStdString(fault.target));
  switch (fault.action) {
    case FaultAction::Slow: text += QStringLiteral(" \u00d7%1").arg(fault.value); break;
    case FaultAction::Delay: text += QStringLiteral(" +%1").arg(readableDuration(fault.latency)); break;
    case FaultAction::Loss: text += QStringLiteral(" %1%").arg(fault.value * 100); break;
    case FaultAction::Scale: text += tr(" to %1").arg(fault.value); break;
    default: break;
  }
  return text + tr(" at %1").arg(readableDuration(fault.at));
}

QString TopologyDocument::checkFault(const FaultSpec& fault) const {
  // The same rules as the scenario reader, so what the timeline accepts always saves and loads.
  if (fault.at < 0) return tr("A fault cannot happen before time 0.");
  const QString target = QString::fromStdString(fault.target);
  if (faultTargetsLink(fault.action)) {
    if (!m_scenario.findLink(fault.target)) return tr("No link has the id %1.").arg(target);
  } else if (!m_scenario.findComponent(fault.target) && !m_scenario.findGroup(fault.target)) {
    return tr("No component or group has the id %1.").arg(target);
  }
  switch (fault.action) {
    case FaultAction::Slow:
      if (!(fault.value >= 1.0)) return tr("A slowdown factor is a number >= 1 (1 restores normal speed).");
      break;
    case FaultAction::Loss:
      if (!(fault.value >= 0.0 && fault.value <= 1.0)) return tr("A loss probability is from 0 to 1 (0% to 100%).");
      break;
    case FaultAction::Delay:
      if (fault.latency < 0) return tr("Added latency cannot be negative.");
      break;
    case FaultAction::Scale:
      if (!(fault.value >= 1.0 && fault.value <= kMaxReplicas) || fault.value != std::floor(fault.value)) {
        return tr("A replica set scales to a whole number of instances from 1 to %1.").arg(kMaxReplicas);
      }
      break;
    default: break;
  }
  // A kind's own action (Raft's timeout) needs a kind that has it.
  if (const ComponentSpec* c = m_scenario.findComponent(fault.target);
      c && !kindTraits(c->kind).acceptsFault(fault.action)) {
    return tr("Only a %1 (or a group) can take \u201c%2\u201d; %3 is a %4.")
        .arg(QString::fromStdString(kindsAccepting(builtinRegistry(), fault.action)),
             QString::fromStdString(std::string(faultActionName(fault.action))), target,
             QString::fromStdString(c->kind));
  }
  return {};
}

void TopologyDocument::addFault(const FaultSpec& fault) {
  Scenario next = scenarioWithPositions();
  insertByTime(next.faults, fault);
  pushRestructure(tr("Add fault: %1").arg(describeFault(fault)), std::move(next));
}

void TopologyDocument::removeFaults(const std::vector<std::size_t>& indices) {
  Scenario next = scenarioWithPositions();
  std::vector<bool> drop(next.faults.size(), false);
  std::size_t count = 0;
  std::size_t only = 0;
  for (const std::size_t i : indices) {
    if (i >= drop.size() || drop[i]) continue;
    drop[i] = true;
    only = i;
    ++count;
  }
  if (count == 0) return;
  const QString label = count == 1 ? tr("Remove fault: %1").arg(describeFault(next.faults[only]))
                                   : tr("Remove %n faults", nullptr, static_cast<int>(count));
  std::vector<FaultSpec> kept;
  for (std::size_t i = 0; i < next.faults.size(); ++i) {
    if (!drop[i]) kept.push_back(next.faults[i]);
  }
  next.faults = std::move(kept);
  pushRestructure(label, std::move(next));
}

QString TopologyDocument::setFault(std::size_t index, const FaultSpec& fault) {
  if (index >= m_scenario.faults.size()) return tr("There is no such fault.");
  if (QString why = checkFault(fault); !why.isEmpty()) return why;
  Scenario next = scenarioWithPositions();
  next.faults.erase(next.faults.begin() + static_cast<std::ptrdiff_t>(index));
  insertByTime(next.faults, fault);
  pushRestructure(tr("Edit fault: %1").arg(describeFault(fault)), std::move(next));
  return {};
}

}  // namespace pillars
