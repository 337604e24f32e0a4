#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/model/scenario.hpp"

namespace pillars {

class Component;

/// Which of the five pillars a kind belongs to.
enum class Pillar { Work, State, Truth, Control, Intelligence };
std::string_view pillarName(Pillar pillar);

/// How a kind uses its outgoing links to serve a request: what the review's reachability
/// rules (single points of failure) and the offered-load estimate follow.
enum class Routing {
  /// Every outgoing link carries part of the work: a service calls each downstream link, a
  /// client or a cache spreads requests over all of them in turn; losing one loses a share.
  AllOf,
  /// One outgoing link is enough: a balancer or a queue picks a healthy one per request.
  AnyOf,
  /// Links to members of the same kind are a group's own traffic (votes, replication), not
  /// calls: the group serves while a quorum of it is up.
  Peers,
};

/// How the review's offered-load estimate (engine/review/offered_load) passes the requests that
/// reach an instance on to the components it calls.
struct LoadPassing {
  /// Every outgoing link carries every request (a service calls each of its downstreams);
  /// otherwise each request takes one link (a balancer, a queue, a client's spread).
  bool fanOut = false;
  /// Requests take the links in proportion to their weights (a weighted balancer) rather than
  /// evenly; empty means evenly.
  std::function<bool(const ParamSet& params)> byLinkWeight{};
  /// The share of arrivals passed on at all (a cache forwards its misses), given the largest key
  /// space a load generator uses; empty means all of them.
  std::function<double(const ParamSet& params, double keys)> passedShare{};
};

/// What a peer group of a data-holding kind promises a reader and a writer, from its rules: the
/// review's consistency and conflict evidence.
struct DataGuarantee {
  /// Every read sees the last acknowledged write.
  bool strong = false;
  std::string why;  // "R + W > N, so every read quorum meets the last write's"
  /// One writer orders every write, in words to follow the group's first member ("'s group (its
  /// Raft leader, one per term)"); nothing when replicas accept writes side by side.
  std::optional<std::string> singleWriter;
};

/// A pattern of the seed's table (checklists' patterns) that drawing a component of the kind
/// puts in the design, and how to say so.
struct KindPattern {
  std::string id;    // the pattern's id: "consensus_raft"
  std::string one;   // one instance, with its article: "a Raft node"
  std::string many;  // several: "Raft nodes"
  /// Where one instance applies it ("lb spreads requests over web1 and web2"); empty uses the
  /// nouns ("n1, n2 and n3 are Raft nodes").
  std::function<std::string(const Scenario& scenario, const ComponentSpec& component)> describe{};
};

/// A problem a kind finds in one of its peer groups: which member (index in the group, in
/// declaration order), which of its parameters, and what is wrong, in words.
struct GroupProblem {
  std::size_t member = 0;
  std::string param;
  std::string message;
};

/// A kind of component (client, service, load_balancer, ...): its identity, documentation,
/// parameter schema, traits and how to build an instance. Generic code (the review, the CLI,
/// the app) asks these traits instead of comparing kind names, so a pillar adds a kind without
/// touching it.
struct ComponentKind {
  std::string name;         // as written in scenario files: "load_balancer"
  std::string title;        // as shown to people: "Load balancer"
  Pillar pillar = Pillar::Work;
  std::string description;  // one line
  std::vector<ParamSpec> params;
  /// The kind only makes sense calling something (a client, a router): validation refuses an
  /// instance without an outgoing link.
  bool needsOutgoingLink = false;
  /// Instances form groups with the components of the same kind they are linked to (a
  /// consensus group). When peerGroupMin > 0, validation refuses a group of fewer than
  /// peerGroupMin or more than peerGroupMax members, and one whose members are not all linked
  /// to each other exactly once.
  std::size_t peerGroupMin = 0;
  std::size_t peerGroupMax = 0;
  /// Rules of the kind's own for a well-formed group (one replication mode, quorums no larger
  /// than the group), checked once its size and links are right.
  std::function<std::vector<GroupProblem>(const std::vector<const ParamSet*>& members)> checkPeerGroup;
  /// When set, the kinds its outgoing links may lead to (a shard router's shards are stores).
  std::vector<std::string> outgoingKinds;
  /// When above 0, the most outgoing links an instance may have (an autoscaler scales one set).
  std::size_t maxOutgoingLinks = 0;
  /// Rules across one component's parameters that their ranges cannot say (min_replicas
  /// above max_replicas), checked by the reader.
  std::function<std::vector<ParamProblem>(const ParamSet& params)> checkParams;

  // --- Traits --------------------------------------------------------------------------------
  Routing routing = Routing::AllOf;
  /// A pool of workers behind a queue: utilization, queue length and a capacity c·μ mean
  /// something for it (the CLI's util and queue columns, hot-spot evidence, overload checks).
  bool hasWorkers = false;
  /// Requests can wait in it (a worker queue, a broker): its queue length means something.
  bool hasQueue = false;
  /// A load generator: its outcomes are what users experience, the run's end-to-end figures.
  bool measuresEndToEnd = false;
  /// For a load generator: the requests per second it sends on average, as the offered-load
  /// estimate counts them (a closed loop sends as fast as answers come: 0, unknown before a run).
  std::function<double(const ParamSet& params)> meanSendRate;
  /// How requests that reach it go on to what it calls; nothing when they end there (a store,
  /// a consensus group, a controller).
  std::optional<LoadPassing> passesLoad;
  /// For a kind that holds data in peer groups: what a group of `members` with these
  /// parameters promises (stores, Raft groups).
  std::function<DataGuarantee(const ParamSet& params, std::size_t members)> dataGuarantee;
  /// The pattern an instance of it is (a shard router is sharding), for the review's list of
  /// the patterns a design already has.
  std::optional<KindPattern> pattern;
  /// A control loop that changes how many instances its target runs (an autoscaler).
  bool scalesTarget = false;
  /// A control loop that attacks its target's instances on purpose (a chaos monkey).
  bool attacksTarget = false;
  /// Requests reach it or start from it. A control loop that only watches and acts (an
  /// autoscaler, a chaos monkey) has no throughput or latency to show.
  bool servesRequests = true;
  /// Fault actions of its own beyond the ones every component takes (crash, restart, slow):
  /// Raft's "timeout". The reader, the timeline and the app offer them on this kind only.
  std::vector<std::string> actions;
  bool acceptsAction(std::string_view action) const;
  /// Whether a component with these parameters can take one of the kind's own actions: an
  /// empty string when it can, else why not ("it has no second version"), for the reader.
  std::function<std::string(const ParamSet& params, std::string_view action)> checkAction;
  /// Whether a fault with this action may target an instance of the kind: the actions every
  /// component takes, and the kind's own.
  bool acceptsFault(FaultAction action) const;
  std::function<std::unique_ptr<Component>(const std::string& id, const ParamSet& params)> create;
  /// How many engine components one scenario component of this kind builds (a replica set's
  /// instances, from its parameters); empty means one. One instance keeps the scenario id as
  /// its name; several are named `<id>#1` ... `<id>#N` (see engine/run/instances.hpp).
  std::function<std::size_t(const ParamSet& params)> instanceCount;
  /// Runs as a set of interchangeable instances (a service's `replicas`): what capacity
  /// planning sizes, autoscalers scale and hot-spot evidence names.
  bool scalesOut() const { return static_cast<bool>(instanceCount); }
};

/// The set of component kinds a scenario may use. Not a singleton: tests build their own, and
/// builtinRegistry() is an immutable table of everything Pillars ships.
class ComponentRegistry {
 public:
  void add(ComponentKind kind);
  const ComponentKind* find(std::string_view name) const;
  const std::vector<std::unique_ptr<ComponentKind>>& kinds() const { return m_kinds; }
  std::vector<std::string> names() const;

 private:
  // unique_ptr keeps each kind's address stable: ParamSets point at their kind's specs.
  std::vector<std::unique_ptr<ComponentKind>> m_kinds;
};

/// The kinds of `registry` that accept `action`, as "a, b or c" (for error messages).
std::string kindsAccepting(const ComponentRegistry& registry, FaultAction action);

/// Every kind Pillars ships, registered pillar by pillar.
const ComponentRegistry& builtinRegistry();

/// The built-in kind named `name`, or a plain kind with default traits when there is none (a
/// scenario being edited may name a kind that does not exist yet): for code that asks a trait
/// of a kind it only knows by name.
const ComponentKind& kindTraits(std::string_view name);

/// How many engine instances a scenario component stands for (a service's replicas; 1 for a
/// kind without instanceCount).
std::size_t instanceCountOf(const ComponentSpec& component);

/// Whether the built-in kind `name` is a load generator (a client): where requests start, and
/// what the run's end-to-end figures measure.
bool isLoadGenerator(std::string_view name);

/// The largest key space a load generator of `s` uses (its `keys`), 0 when none declares one:
/// what a cache's miss ratio is taken against, what a shard router's keys are sized to.
std::int64_t largestKeySpace(const Scenario& s);

/// The first component of `s` linked to `target` whose kind has the bool trait `trait`
/// (`&ComponentKind::scalesTarget`: the autoscaler scaling it), or null.
const ComponentSpec* findCallerWith(const Scenario& s, std::string_view target, bool ComponentKind::*trait);

/// Parameters of a link (latency, bandwidth, loss, weight), declared like a component's.
const std::vector<ParamSpec>& linkParamSpecs();

}  // namespace pillars
