#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/metrics/component_metrics.hpp"
#include "engine/sim/distribution.hpp"
#include "engine/sim/event_queue.hpp"
#include "engine/sim/figures.hpp"
#include "engine/sim/ids.hpp"
#include "engine/sim/message.hpp"
#include "engine/sim/random.hpp"
#include "engine/sim/series_column.hpp"

namespace pillars {

class Simulation;

/// A node of the simulated system: a client, a router, a service, a consensus member...
/// The simulation owns it, routes its messages and timers to it, and may crash and restart it.
/// Subclasses implement behaviour only; scheduling, randomness and metrics live here.
class Component : public EventHandler {
 public:
  Component(std::string name, std::string kind);
  ~Component() override;
  Component(const Component&) = delete;
  Component& operator=(const Component&) = delete;

  const std::string& name() const { return m_name; }
  const std::string& kind() const { return m_kind; }
  ComponentId id() const { return m_id; }
  bool isUp() const { return m_up; }
  /// Taken out of the topology for good (Simulation::removeComponent): down, linkless, and
  /// never restarted. Its metrics stay readable for the results.
  bool isRemoved() const { return m_removed; }

  /// Links on which this component calls others (declared `this -> peer`).
  const std::vector<LinkId>& outgoingLinks() const { return m_outgoing; }
  /// Links on which others call this component.
  const std::vector<LinkId>& incomingLinks() const { return m_incoming; }

  const ComponentMetrics& metrics() const { return m_metrics; }
  ComponentMetrics& metrics() { return m_metrics; }
  /// Extra figures a kind reports beside the common metrics (e.g. cache hit ratio).
  using ExtraMetric = Figure;
  virtual std::vector<ExtraMetric> extraMetrics(SimTime /*now*/) const { return {}; }
  /// Columns this component adds to the time series, fixed for its life (see SeriesColumn).
  virtual std::vector<SeriesColumn> seriesColumns() const { return {}; }
  /// The current value of each of seriesColumns(), in order (running totals for rates).
  virtual void seriesValues(SimTime /*now*/, double* /*out*/) const {}
  /// What running this component costs per hour (a price per instance-hour); 0 for free.
  virtual double costPerHour() const { return 0.0; }
  /// When it joined the simulation, and when it was removed (-1 while it is there): the time
  /// it was paid for.
  SimTime addedAt() const { return m_addedAt; }
  SimTime removedAt() const { return m_removedAt; }
  /// The control decisions this component took so far, in time order (see ControlDecision).
  virtual std::vector<ControlDecision> decisions() const { return {}; }
  /// The alerts raised about this component so far, in firing order (an SLO's burn-rate alerts).
  virtual std::vector<AlertRecord> alerts() const { return {}; }
  /// The chaos experiment this component runs, if it runs one (a chaos_monkey).
  virtual std::optional<ExperimentRecord> experiment() const { return std::nullopt; }
  using Violation = pillars::Violation;
  /// Violations this component is responsible for reporting (each reported by one component
  /// or by its group, see ComponentGroup::violations).
  virtual std::vector<Violation> violations() const { return {}; }
  /// Whether this component's outcomes are the end-to-end view (what users experience):
  /// true for load generators, whose metrics make up a run's global figures.
  virtual bool measuresEndToEnd() const { return false; }
  /// Called when warm-up ends: forget what was measured so far.
  virtual void resetMetrics(SimTime now) { m_metrics.reset(now); }

  // --- Called by the simulation ---------------------------------------------------------------
  void attach(Simulation& sim, ComponentId id);
  void addLink(LinkId link, bool outgoing);
  /// The link was disconnected; the component stops using it (see onLinkRemoved).
  void removeLink(LinkId link, bool outgoing);
  /// Crashes the component (if up) and marks it removed; only Simulation::removeComponent.
  void retire();
  /// Called once when the run begins (or when added to a running simulation), and after restart.
  virtual void start() {}
  /// Entry point for the network: answers health checks for every kind, passes the rest on.
  void deliver(const Message& msg, LinkId via);
  /// A message arrived over `via`.
  virtual void receive(const Message& msg, LinkId via) = 0;
  /// A kind's own intervention, from the fault timeline or the app (Raft's "timeout": start
  /// an election now; a replica set's "scale" to `value` instances): the actions its kind lists
  /// in ComponentKind::actions. Returns whether it acted (a crashed node, or a kind without
  /// that action, does nothing).
  struct Intervention {
    std::string_view action;
    double value = 0.0;  // the fault's value field, for the actions that have one
  };
  virtual bool intervene(const Intervention& /*what*/) { return false; }
  /// A new component named `name` configured as this one is now (same parameters, same
  /// release), to be added beside it as one more instance of its replica set; null for kinds
  /// that cannot be replicated.
  virtual std::unique_ptr<Component> makeSibling(const std::string& /*name*/) const { return nullptr; }
  /// Whether this component keeps traffic off one of its outgoing links now (a balancer's
  /// backend ejected by outlier detection), for the live view to grey the link.
  virtual bool avoids(LinkId /*outgoing*/) const { return false; }
  /// Whether this component answers health checks; a kind may report itself unhealthy.
  virtual bool healthy() const { return true; }
  /// Crash: volatile state is lost and pending timers die (the epoch advances).
  void crash();
  void restart();
  /// Degrades (or, with 1, restores) the speed of the machine: kinds with a work time draw it
  /// as usual and multiply it by `factor` (>= 1; values below 1 count as 1). Work already
  /// under way keeps its time. A slowdown belongs to the host, not the process, so it
  /// survives a crash and restart. Use Simulation::setSlowdown, which tells the observer.
  void setSlowdown(double factor);
  double slowdown() const { return m_slowdown; }

 protected:
  Simulation& sim() const { return *m_sim; }
  SimTime now() const;
  Rng& rng() { return m_rng; }

  EventId setTimer(SimTime delay, std::uint32_t kind, std::uint64_t payload = 0);
  /// Cancels a timer if it is still pending and clears the id.
  void cancelTimer(EventId& id);
  void send(LinkId link, const Message& msg);

  /// A request this component makes on behalf of `inbound` (a downstream call, a forward):
  /// same end-to-end identity (request id, key, origin time), deadline (arg0) and operation
  /// (arg1: a read or a write of the key), new correlation.
  Message makeRequestFor(const Message& inbound, std::uint64_t correlation) const {
    Message m = makeMessage(MessageKind::Request, inbound.sizeBytes);
    m.correlation = correlation;
    m.requestId = inbound.requestId;
    m.key = inbound.key;
    m.originTime = inbound.originTime;
    m.arg0 = inbound.arg0;
    m.arg1 = inbound.arg1;
    return m;
  }

  /// A fresh message from this component.
  Message makeMessage(MessageKind kind, std::uint32_t sizeBytes) const {
    Message m;
    m.kind = kind;
    m.sizeBytes = sizeBytes;
    m.src = m_id;
    return m;
  }

  /// One work time (service, cache hit...) drawn from `d` on this component's stream and
  /// scaled by the slowdown. Always exactly one draw, and x * 1.0 == x, so an unslowed run is
  /// bit-identical to one without this hook.
  SimTime sampleWorkTime(const Distribution& d) {
    return secondsToSimTime(d.sample(m_rng) * m_slowdown);
  }

  /// sampleWorkTime for work on `request`, told to the observer (when one is attached) so a
  /// request trace can tell the request's queueing from its work.
  SimTime sampleWorkTimeFor(const Message& request, const Distribution& d) {
    const SimTime t = sampleWorkTime(d);
    reportWork(request, t);
    return t;
  }

  virtual void onTimer(std::uint32_t /*kind*/, std::uint64_t /*payload*/) {}
  /// Forget volatile state; counts of lost work go into metrics here.
  virtual void onCrash() {}
  virtual void onRestart() { start(); }
  /// A link was connected while the simulation runs (topology change).
  virtual void onLinkAdded(LinkId /*link*/, bool /*outgoing*/) {}
  /// A link was disconnected while the simulation runs: it is already gone from
  /// outgoingLinks()/incomingLinks(), and sending on it would reach no one.
  virtual void onLinkRemoved(LinkId /*link*/, bool /*outgoing*/) {}

 private:
  void reportWork(const Message& request, SimTime duration);
  void handleEvent(std::uint32_t kind, std::uint64_t payload) final { onTimer(kind, payload); }

  std::string m_name;
  std::string m_kind;
  ComponentId m_id = kNoComponent;
  Simulation* m_sim = nullptr;
  bool m_up = true;
  bool m_removed = false;
  double m_slowdown = 1.0;
  SimTime m_addedAt = 0;
  SimTime m_removedAt = -1;
  Rng m_rng;
  std::vector<LinkId> m_outgoing;
  std::vector<LinkId> m_incoming;
  ComponentMetrics m_metrics;
};

}  // namespace pillars
