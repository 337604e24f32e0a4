#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/metrics/latency_histogram.hpp"
#include "engine/sim/figures.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

class Simulation;

/// The figure called `name` among a result's named figures (a component's or a group's extras,
/// an experiment's figures), or 0 when there is none.
double figureNamed(const std::vector<std::pair<std::string, double>>& figures, std::string_view name);

/// Latency percentiles in milliseconds.
struct LatencySummary {
  std::uint64_t count = 0;
  double mean = 0, p50 = 0, p90 = 0, p95 = 0, p99 = 0, p999 = 0, max = 0;
  static LatencySummary from(const LatencyHistogram& h);
};

/// The measured outcome of one component over the measurement window.
struct ComponentResult {
  std::string id;
  std::string kind;
  bool up = true;
  /// Taken out of the topology during the run (a scaled-in instance); it is reported with
  /// what it did until then.
  bool removed = false;
  std::uint64_t received = 0, completed = 0, failed = 0, dropped = 0, timedOut = 0, retries = 0;
  double throughputRps = 0;
  double utilization = 0;
  double queueLengthMean = 0;
  double queueLengthMax = 0;
  double waitMeanMs = 0;
  LatencySummary latency;
  std::vector<std::pair<std::string, double>> extras;
  /// Its control decisions (an autoscaler's scalings), in time order.
  struct Decision {
    double atS = 0;
    std::string summary;
    std::vector<std::pair<std::string, double>> figures;
  };
  std::vector<Decision> decisions;
};

/// Traffic carried by one link.
struct LinkResult {
  std::string id;
  bool up = true;
  std::uint64_t sent = 0, delivered = 0, dropped = 0, bytes = 0;
};

/// Figures that belong to a set of components together (a Raft group, a replica set, a shard
/// map): see ComponentGroup.
struct GroupResult {
  std::string id;
  std::string kind;
  std::vector<std::string> members;
  std::vector<std::pair<std::string, double>> extras;
};

/// An alert raised during the run (see AlertRecord), with the component it is about.
struct AlertResult {
  std::string component;
  std::string name, severity, detail;
  double firedAtS = 0;
  double resolvedAtS = -1;  // -1: still firing at the end
  std::vector<std::pair<std::string, double>> figures;
};

/// A chaos experiment run (see ExperimentRecord), with the component that ran it.
struct ExperimentResult {
  std::string component;
  std::string hypothesis, verdict, detail;
  double startedAtS = -1;  // -1: never started
  double endedAtS = -1;    // -1: still running at the end
  double abortedAtS = -1;  // -1: not aborted
  std::vector<std::pair<std::string, double>> figures;
};

/// One failure the system repaired by itself (or was repairing at the end): an instance the
/// orchestrator restarted (Orchestrator::Incident), or a store set's leader replaced by a
/// failover (ReplicaSet::Failover).
struct IncidentResult {
  std::string component;     // what failed: the instance "web#3", or a store set's leader "db-a"
  /// How it was repaired: "restart" (the orchestrator) or "failover" (a store set promoted
  /// `replacement`).
  std::string repair = "restart";
  std::string replacement;   // failover: the new leader
  double failedAtS = 0;
  double detectedAtS = -1;   // -1: when it failed (a process exit is seen at once)
  double restartedAtS = -1;  // -1: not restarted (by the end, or a failover)
  double readyAtS = -1;      // -1: not repaired by the end; a failover: the promotion
  std::uint32_t exits = 1;
  /// Lost with it: requests in the instance when it exited, or for a failover the
  /// acknowledged writes the new leader never had.
  std::uint64_t requestsLost = 0;
  double repairS() const { return readyAtS < 0 ? -1.0 : readyAtS - failedAtS; }
  double detectedS() const { return detectedAtS < 0 ? failedAtS : detectedAtS; }
};

/// A correctness property found broken during the run (see Violation).
struct ViolationResult {
  std::string property;
  std::string component;
  /// Facts that locate it, in order ("term", "index" for Raft).
  std::vector<std::pair<std::string, std::int64_t>> fields;
  double atS = 0;
  std::string detail;

  /// The value of field `name`, or 0.
  std::int64_t field(const std::string& name) const {
    for (const auto& [n, v] : fields) {
      if (n == name) return v;
    }
    return 0;
  }
};

/// Everything a run reports: the engine's own figures, the end-to-end view seen by the clients,
/// and per-component and per-link detail.
struct RunResults {
  std::uint64_t seed = 0;
  double simTimeS = 0;
  double measuredS = 0;  // simulated seconds after warm-up
  std::uint64_t events = 0;
  double wallS = 0;
  std::uint64_t fingerprint = 0;

  // End to end, as the clients saw it.
  std::uint64_t completed = 0, failed = 0, timedOut = 0, retries = 0;
  /// Requests refused or lost inside the system (full queues, no backend, crashes).
  std::uint64_t dropped = 0;
  double throughputRps = 0;
  LatencySummary latency;
  /// The Control pillar's view of load: new requests offered by the clients, the attempts
  /// their retries made of them, goodput (successes within the caller's deadline: a client
  /// counts a success only before its deadline, so this is throughputRps) and the seconds of
  /// server work spent on requests whose caller had already given up.
  double offeredRps = 0, attemptsRps = 0, goodputRps = 0;
  double wastedWorkS = 0;
  /// What the components with a price (instance_cost_per_hour) cost while they existed in the
  /// measurement window, and that per hour of it.
  double costTotal = 0, costPerHour = 0;

  std::uint64_t messagesSent = 0, messagesDelivered = 0, messagesDropped = 0;

  std::vector<ComponentResult> components;
  std::vector<GroupResult> groups;
  std::vector<LinkResult> links;
  /// Alerts raised (SLO burn-rate alerts), in firing order.
  std::vector<AlertResult> alerts;
  /// The self-healing report: every failure repaired by a restart or a failover, in the order
  /// they happened.
  std::vector<IncidentResult> selfHealing;
  /// Chaos experiments and their verdicts, one per chaos_monkey.
  std::vector<ExperimentResult> experiments;
  /// Safety violations; the first one halts the run, so `simTimeS` is where it broke.
  std::vector<ViolationResult> violations;

  double eventsPerSecond() const { return wallS > 0 ? static_cast<double>(events) / wallS : 0; }
};

/// Reads every component's metrics at the current time. `measureStart` is when measurement
/// began (the end of warm-up).
RunResults collectResults(Simulation& sim, SimTime measureStart);

class Component;
class ComponentGroup;
struct Link;
/// One component's figures at `now`, rates over `measuredS` seconds of measurement: the
/// summary's row for it, also read live (the inspector while a run plays).
ComponentResult componentResult(const Component& c, SimTime now, double measuredS);
LinkResult linkResult(const Link& l);
/// One group's figures at `now`: the summary's `groups.<id>` entry, also read live.
GroupResult groupResult(const ComponentGroup& g, const Simulation& sim, SimTime now);
ViolationResult violationResult(const Violation& v);

}  // namespace pillars
