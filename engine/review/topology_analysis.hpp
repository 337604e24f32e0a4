#pragma once
// What a review can read off a topology alone: which components are single points of failure,
// which are data stores and how many copies each has, where the entry points are.

#include <string>
#include <vector>

namespace pillars {
struct Scenario;
}

namespace pillars::review {

/// A component whose loss stops some client from being served, and which clients.
struct SinglePointOfFailure {
  std::string component;
  std::vector<std::string> clients;  // in declaration order
};

/// Instances that hold the same data: a group of peers linked to each other (Raft nodes, a
/// `store` replica set), or sinks of one kind behind one balancer or queue (copies inferred
/// from parallel instances).
struct ReplicaSet {
  std::vector<std::string> members;  // the first is the set's name in reports
  std::string kind;                  // the members' kind: "store", "raft_node", "service"
  std::string via;                   // the balancer or queue in front, or empty
  /// For a consensus group (members linked as peers, e.g. Raft): how many must be up for it
  /// to serve (a majority). 0 for other sets.
  std::size_t quorum = 0;
  std::vector<std::string> zones;    // distinct zones (or regions) the members are in
  std::size_t factor() const { return members.size(); }
  /// Where the members are, in words: "no zone drawn", "only in zone-a", "across zone-a and zone-b".
  std::string whereInWords() const;
};

struct TopologyAnalysis {
  std::vector<SinglePointOfFailure> singlePointsOfFailure;  // declaration order
  std::vector<ReplicaSet> replicaSets;                      // one per data store group
  std::vector<std::string> entryServices;  // services a client calls directly, no balancer between
};

/// The replica set of a peer-group kind (`store`, `raft_node`) that `id` belongs to: every
/// member linked to it as a peer, or `id` alone.
std::vector<std::string> peerSetOf(const TopologyAnalysis& analysis, const std::string& id);

/// Whether a kind serves a request if ANY successor can (a balancer or queue picks one), as
/// opposed to needing ALL of them (a service calls every downstream link; a client and a cache
/// spread requests over all their links in turn, so each link carries a share that fails).
bool isAnyOfKind(const std::string& kind);

/// Single points of failure: with that component removed, some client that was served is not.
/// "Served" follows the kinds' semantics above; a component without outgoing links serves by
/// itself (it is a sink: the data store or the last service). Clients are never candidates.
std::vector<SinglePointOfFailure> findSinglePointsOfFailure(const Scenario& scenario);

TopologyAnalysis analyzeTopology(const Scenario& scenario);

}  // namespace pillars::review
