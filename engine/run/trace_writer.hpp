#pragma once

#include <cstdint>
#include <ostream>

#include "engine/sim/observer.hpp"

namespace pillars {

class Simulation;

/// Writes every message event and state change of a run as CSV, one line per event, for
/// scripts, diffs between runs and debugging (`pillars-cli simulate --trace FILE`). It is an
/// ordinary observer: attached only when asked for, it never changes the run.
///
/// Columns: time_s, event (send|deliver|drop|crash|restart|slow|cut|heal|delay|loss|add|
/// remove|connect|disconnect), kind (message kind, the kind of an added component, or empty),
/// from, to, link, request, detail (arrival time for sends, reason for drops, the new factor,
/// extra latency in seconds or loss probability for slow, delay and loss). The topology a run
/// starts with is not traced; components and links added or removed while it runs are.
class TraceWriter final : public SimObserver {
 public:
  TraceWriter(const Simulation& sim, std::ostream& out);

  void onSend(const Message& msg, LinkId link, SimTime sentAt, SimTime arrivesAt) override;
  void onDeliver(const Message& msg, LinkId link, SimTime at) override;
  void onDrop(const Message& msg, LinkId link, DropReason reason, SimTime at) override;
  void onComponentState(ComponentId id, ComponentState state, SimTime at) override;
  void onLinkState(LinkId link, bool up, SimTime at) override;
  void onSlowdown(ComponentId id, double factor, SimTime at) override;
  void onLinkExtraLatency(LinkId link, SimTime extraLatency, SimTime at) override;
  void onLinkLossProbability(LinkId link, double probability, SimTime at) override;
  void onComponentAdded(ComponentId id, SimTime at) override;
  void onComponentRemoved(ComponentId id, SimTime at) override;
  void onLinkAdded(LinkId link, SimTime at) override;
  void onLinkRemoved(LinkId link, SimTime at) override;

  std::uint64_t lines() const { return m_lines; }

 private:
  void message(SimTime at, const char* event, const Message& msg, LinkId link, const char* detail);
  void component(SimTime at, const char* event, ComponentId id);
  void link(SimTime at, const char* event, LinkId id);

  const Simulation& m_sim;
  std::ostream& m_out;
  std::uint64_t m_lines = 0;
};

std::string_view dropReasonName(DropReason reason);

}  // namespace pillars
