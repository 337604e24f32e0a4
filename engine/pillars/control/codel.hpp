#pragma once

#include "engine/sim/time.hpp"

namespace pillars {

/// Controlled delay for a server's queue, the way Facebook's "Fail at Scale" describes it for
/// RPC servers (after Nichols and Jacobson's CoDel): if the queue has not been empty at some
/// point in the last `interval`, it is standing, and work that waited longer than `target` is
/// dropped at once; otherwise work may wait up to `interval`. A burst passes; a standing queue,
/// which only adds delay, is cut back to `target`.
class Codel {
 public:
  Codel() = default;
  Codel(SimTime target, SimTime interval) : m_target(target), m_interval(interval) {}

  /// The queue became empty at `now`.
  void empty(SimTime now) { m_lastEmpty = now; }
  /// Whether the queue has not been empty for longer than the interval: it stands.
  bool standing(SimTime now) const { return now - m_lastEmpty > m_interval; }
  /// Whether work that has waited `waited` should be dropped when it reaches a worker at `now`.
  bool shouldDrop(SimTime now, SimTime waited) const { return waited > (standing(now) ? m_target : m_interval); }

 private:
  SimTime m_target = 5 * kMillisecond;
  SimTime m_interval = 100 * kMillisecond;
  SimTime m_lastEmpty = 0;
};

}  // namespace pillars
