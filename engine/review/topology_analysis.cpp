#include "engine/review/topology_analysis.hpp"

#include <algorithm>
#include <map>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/review/words.hpp"

namespace pillars::review {

namespace {

constexpr std::size_t kNoGroup = static_cast<std::size_t>(-1);

/// Kinds whose instances linked to each other form a consensus group (Raft): the links between
/// members carry votes and log replication, not calls, and the group serves while a majority
/// of it is up, whichever member a caller reaches (followers forward to the leader).
bool isPeerGroupKind(const std::string& kind) {
  const ComponentKind* k = builtinRegistry().find(kind);
  return k && k->peerGroupMin > 0;
}

/// The scenario's components as indices with successor lists, links in file order. Links
/// between members of one consensus group are left out: the group is judged as a whole.
struct Graph {
  std::vector<const ComponentSpec*> nodes;
  std::vector<std::vector<std::size_t>> successors;
  std::vector<std::vector<std::size_t>> predecessors;
  std::vector<bool> anyOf;
  std::vector<std::size_t> groupOf;                 // consensus group index, or kNoGroup
  std::vector<std::vector<std::size_t>> groups;    // members of each consensus group
  std::vector<std::size_t> calleesFirst;           // every node, after the nodes it calls

  explicit Graph(const Scenario& s) {
    std::map<std::string, std::size_t> index;
    for (const auto& c : s.components) {
      index.emplace(c.id, nodes.size());
      nodes.push_back(&c);
      anyOf.push_back(isAnyOfKind(c.kind));
    }
    successors.resize(nodes.size());
    predecessors.resize(nodes.size());
    groupOf.assign(nodes.size(), kNoGroup);
    std::vector<std::pair<std::size_t, std::size_t>> peerLinks;
    for (const auto& l : s.links) {
      const auto from = index.find(l.from);
      const auto to = index.find(l.to);
      if (from == index.end() || to == index.end()) continue;
      const ComponentSpec& a = *nodes[from->second];
      if (a.kind == nodes[to->second]->kind && isPeerGroupKind(a.kind)) {
        peerLinks.emplace_back(from->second, to->second);
        continue;
      }
      successors[from->second].push_back(to->second);
      predecessors[to->second].push_back(from->second);
    }
    // Groups are the connected sets of peer links (as the engine forms them).
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (groupOf[i] != kNoGroup || !isPeerGroupKind(nodes[i]->kind)) continue;
      std::vector<std::size_t> members{i};
      groupOf[i] = groups.size();
      for (std::size_t k = 0; k < members.size(); ++k) {
        for (const auto& [x, y] : peerLinks) {
          const std::size_t other = x == members[k] ? y : y == members[k] ? x : kNoGroup;
          if (other != kNoGroup && groupOf[other] == kNoGroup) {
            groupOf[other] = groups.size();
            members.push_back(other);
          }
        }
      }
      groups.push_back(std::move(members));
    }
    orderCalleesFirst();
  }

  /// A depth-first post-order over the calls: with it, served() settles an acyclic design in
  /// one sweep (and a second to see nothing changes) instead of one sweep per tier. On a
  /// thousand components, asked once per component, that is the difference between a review
  /// that keeps up with the editor and one that stalls it.
  void orderCalleesFirst() {
    std::vector<bool> seen(nodes.size(), false);
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // node, next successor to visit
    calleesFirst.reserve(nodes.size());
    for (std::size_t root = 0; root < nodes.size(); ++root) {
      if (seen[root]) continue;
      seen[root] = true;
      stack.emplace_back(root, 0);
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next < successors[node].size()) {
          const std::size_t callee = successors[node][next++];
          if (!seen[callee]) {
            seen[callee] = true;
            stack.emplace_back(callee, 0);
          }
        } else {
          calleesFirst.push_back(node);
          stack.pop_back();
        }
      }
    }
  }

  /// Whether consensus group `gid` serves: more than half of its members do.
  bool groupServes(std::size_t gid, const std::vector<bool>& ok) const {
    const auto& members = groups[gid];
    const auto up = std::count_if(members.begin(), members.end(), [&](std::size_t m) { return ok[m]; });
    return static_cast<std::size_t>(up) * 2 > members.size();
  }

  /// What node i needs, one entry per callee: a plain callee must itself be served; the
  /// members of one consensus group that i is linked to count as a single callee, reached
  /// when any of those members is up and the group has its majority.
  bool calleeServes(std::size_t i, std::size_t j, const std::vector<bool>& ok) const {
    if (groupOf[j] == kNoGroup) return ok[j];
    const auto& next = successors[i];
    const bool anyLinkedUp = std::any_of(next.begin(), next.end(), [&](std::size_t k) {
      return groupOf[k] == groupOf[j] && ok[k];
    });
    return anyLinkedUp && groupServes(groupOf[j], ok);
  }

  /// served[i] with component `removed` gone (npos: nothing removed). The least fixed point of
  /// the AND/OR rules: a cycle with no way out is not served, as such a request never returns.
  /// The order of the sweeps changes only how soon it settles, not where.
  std::vector<bool> served(std::size_t removed) const {
    std::vector<bool> ok(nodes.size(), false);
    bool changed = true;
    while (changed) {
      changed = false;
      for (const std::size_t i : calleesFirst) {
        if (ok[i] || i == removed) continue;
        const auto& next = successors[i];
        bool value;
        if (next.empty()) {
          value = true;
        } else if (anyOf[i]) {
          value = std::any_of(next.begin(), next.end(), [&](std::size_t j) { return calleeServes(i, j, ok); });
        } else {
          value = std::all_of(next.begin(), next.end(), [&](std::size_t j) { return calleeServes(i, j, ok); });
        }
        if (value) {
          ok[i] = true;
          changed = true;
        }
      }
    }
    return ok;
  }
};

std::vector<std::string> zonesOf(const Scenario& s, const std::vector<std::string>& members) {
  std::vector<std::string> zones;
  for (const auto& m : members) {
    // The innermost group holding the component: a zone if it is in one, else its region.
    std::string where;
    for (const auto& g : s.groups) {
      if (std::find(g.members.begin(), g.members.end(), m) == g.members.end()) continue;
      if (where.empty() || g.isZone()) where = g.id;
    }
    if (!where.empty() && std::find(zones.begin(), zones.end(), where) == zones.end()) zones.push_back(where);
  }
  return zones;
}

}  // namespace

bool isAnyOfKind(const std::string& kind) { return kindTraits(kind).routing == Routing::AnyOf; }

std::string ReplicaSet::whereInWords() const {
  return zones.empty()       ? "no zone drawn"
         : zones.size() == 1 ? "only in " + zones.front()
                             : "across " + listInWords(zones);
}

std::vector<std::string> peerSetOf(const TopologyAnalysis& analysis, const std::string& id) {
  for (const ReplicaSet& set : analysis.replicaSets) {
    if (set.quorum > 0 && std::find(set.members.begin(), set.members.end(), id) != set.members.end()) return set.members;
  }
  return {id};
}

std::vector<SinglePointOfFailure> findSinglePointsOfFailure(const Scenario& scenario) {
  const Graph g(scenario);
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const std::vector<bool> baseline = g.served(kNone);
  std::vector<SinglePointOfFailure> out;
  for (std::size_t v = 0; v < g.nodes.size(); ++v) {
    if (isLoadGenerator(g.nodes[v]->kind)) continue;
    // A replica set's instances fail one by one: losing one leaves the others serving.
    const ComponentKind& kind = kindTraits(g.nodes[v]->kind);
    if (kind.instanceCount && kind.instanceCount(g.nodes[v]->params) > 1) continue;
    const std::vector<bool> without = g.served(v);
    SinglePointOfFailure spof{g.nodes[v]->id, {}};
    for (std::size_t c = 0; c < g.nodes.size(); ++c) {
      if (isLoadGenerator(g.nodes[c]->kind) && baseline[c] && !without[c]) spof.clients.push_back(g.nodes[c]->id);
    }
    if (!spof.clients.empty()) out.push_back(std::move(spof));
  }
  return out;
}

TopologyAnalysis analyzeTopology(const Scenario& scenario) {
  TopologyAnalysis a;
  a.singlePointsOfFailure = findSinglePointsOfFailure(scenario);
  const Graph g(scenario);
  // Data stores are the sinks that are not clients; siblings of one kind behind the same
  // balancer or queue hold the same data (the only way to draw copies until a replica kind).
  std::vector<bool> grouped(g.nodes.size(), false);
  // A consensus group replicates its log on every member.
  for (const auto& members : g.groups) {
    ReplicaSet set;
    for (std::size_t m : members) {
      grouped[m] = true;
      set.members.push_back(g.nodes[m]->id);
    }
    set.quorum = members.size() / 2 + 1;
    set.kind = g.nodes[members.front()]->kind;
    set.zones = zonesOf(scenario, set.members);
    a.replicaSets.push_back(std::move(set));
  }
  for (std::size_t t = 0; t < g.nodes.size(); ++t) {
    if (grouped[t] || !g.successors[t].empty() || isLoadGenerator(g.nodes[t]->kind)) continue;
    ReplicaSet set;
    std::vector<std::size_t> best{t};
    for (std::size_t p : g.predecessors[t]) {
      if (!g.anyOf[p]) continue;
      std::vector<std::size_t> siblings;
      for (std::size_t s : g.successors[p]) {
        if (g.successors[s].empty() && g.nodes[s]->kind == g.nodes[t]->kind &&
            std::find(siblings.begin(), siblings.end(), s) == siblings.end()) {
          siblings.push_back(s);
        }
      }
      if (siblings.size() > best.size()) {
        best = siblings;
        set.via = g.nodes[p]->id;
      }
    }
    for (std::size_t m : best) {
      grouped[m] = true;
      set.members.push_back(g.nodes[m]->id);
    }
    set.kind = g.nodes[t]->kind;
    set.zones = zonesOf(scenario, set.members);
    a.replicaSets.push_back(std::move(set));
  }
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    if (!kindTraits(g.nodes[i]->kind).scalesOut()) continue;
    const bool calledByClient = std::any_of(g.predecessors[i].begin(), g.predecessors[i].end(),
                                            [&](std::size_t p) { return isLoadGenerator(g.nodes[p]->kind); });
    if (calledByClient) a.entryServices.push_back(g.nodes[i]->id);
  }
  return a;
}

}  // namespace pillars::review
