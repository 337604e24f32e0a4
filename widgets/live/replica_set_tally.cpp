#include "widgets/live/replica_set_tally.hpp"

#include <QCoreApplication>

#include "engine/sim/component.hpp"

namespace pillars {

void ReplicaSetTally::add(const Component& c) {
  ++instances;
  turnedAway += c.metrics().dropped;
  if (!c.isUp()) return;
  ++up;
  if (c.healthy()) ++ready;
  const ComponentMetrics& m = c.metrics();
  busy += m.busy.level();
  capacity += m.capacity;
  queue += m.queueLength.level();
}

QString ReplicaSetTally::badge(std::int64_t designed) const {
  if (ready < instances) return QCoreApplication::translate("ReplicaSetTally", "%1/%2 ready").arg(ready).arg(instances);
  if (instances != designed) return QCoreApplication::translate("ReplicaSetTally", "\u00d7%1 now").arg(instances);
  return {};
}

}  // namespace pillars
