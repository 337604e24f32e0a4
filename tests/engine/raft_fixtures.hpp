#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/model/scenario_builder.hpp"
#include "engine/pillars/truth/raft_group.hpp"
#include "engine/pillars/truth/raft_node.hpp"
#include "engine/run/build_simulation.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars::testing {

/// A consensus group of `n` raft_nodes named n1..nN, every pair linked with `latency`, and
/// optionally a client linked to some of them. Built straight into a Simulation so tests can
/// crash nodes and cut links at chosen moments.
struct RaftCluster {
  std::unique_ptr<Simulation> sim;
  std::vector<RaftNode*> nodes;

  RaftNode& node(std::size_t i) { return *nodes[i]; }
  /// Up nodes that believe they lead.
  std::vector<RaftNode*> leaders() const {
    std::vector<RaftNode*> out;
    for (RaftNode* n : nodes) {
      if (n->isUp() && n->role() == RaftNode::Role::Leader) out.push_back(n);
    }
    return out;
  }
  const RaftGroup& group() const { return *nodes.front()->group(); }
  LinkId link(std::size_t a, std::size_t b) const {
    return sim->network().findLink(nodes[a]->id(), nodes[b]->id());
  }
  void cut(std::size_t a, std::size_t b) { sim->cutLink(link(a, b)); }
  void heal(std::size_t a, std::size_t b) { sim->healLink(link(a, b)); }
  /// Cuts (or heals) every link between the two sides.
  void partition(const std::vector<std::size_t>& side, bool cutLinks = true) {
    for (std::size_t a : side) {
      for (std::size_t b = 0; b < nodes.size(); ++b) {
        if (std::find(side.begin(), side.end(), b) != side.end()) continue;
        cutLinks ? cut(a, b) : heal(a, b);
      }
    }
  }
  void crash(std::size_t i) { sim->crash(nodes[i]->id()); }
  void restart(std::size_t i) { sim->restart(nodes[i]->id()); }
  void runUntil(SimTime t) { sim->runUntil(t); }
  std::uint64_t violations() const { return group().checker().violationCount(); }
};

struct RaftClusterOptions {
  std::size_t nodes = 5;
  std::string nodeLatency = "1ms";
  std::vector<std::pair<std::string_view, std::string_view>> nodeParams;
  /// Client rate in req/s; 0 means no client.
  double clientRate = 0;
  /// Which nodes (0-based) the client is linked to; empty means all.
  std::vector<std::size_t> clientTargets;
  std::string clientTimeout = "1s";
  std::string clientRetries = "0";
  std::uint64_t seed = 1;
};

inline RaftCluster makeRaftCluster(const RaftClusterOptions& o) {
  ScenarioBuilder b("raft-test");
  b.seed(o.seed).metricsInterval(0);
  for (std::size_t i = 0; i < o.nodes; ++i) {
    const std::string id = "n" + std::to_string(i + 1);
    b.component(id, "raft_node");
  }
  for (std::size_t i = 0; i < o.nodes; ++i) {
    for (std::size_t j = i + 1; j < o.nodes; ++j) {
      b.link("n" + std::to_string(i + 1), "n" + std::to_string(j + 1),
             {{"latency", o.nodeLatency}});
    }
  }
  if (o.clientRate > 0) {
    const std::string rate = std::to_string(o.clientRate);
    b.component("client", "client",
                {{"rate", rate}, {"timeout", o.clientTimeout}, {"retries", o.clientRetries}});
    for (std::size_t i = 0; i < o.nodes; ++i) {
      if (!o.clientTargets.empty() &&
          std::find(o.clientTargets.begin(), o.clientTargets.end(), i) == o.clientTargets.end()) {
        continue;
      }
      b.link("client", "n" + std::to_string(i + 1), {{"latency", "5ms"}});
    }
  }
  // Node parameters come as a list (ScenarioBuilder takes an initializer list), parsed the
  // same way scenario files are.
  Scenario scenario = b.build();
  for (ComponentSpec& spec : scenario.components) {
    if (spec.kind != "raft_node") continue;
    for (const auto& [name, value] : o.nodeParams) {
      const auto index = spec.params.indexOf(name);
      std::string error;
      auto v = index ? parseParamText(spec.params.specs()[*index], value, &error) : std::nullopt;
      if (!v) throw std::invalid_argument("bad raft_node parameter " + std::string(name) + ": " + error);
      spec.params.set(*index, *v);
    }
  }
  RaftCluster c;
  c.sim = buildSimulation(scenario, builtinRegistry(), o.seed);
  for (std::size_t i = 0; i < o.nodes; ++i) {
    c.nodes.push_back(static_cast<RaftNode*>(c.sim->findComponent("n" + std::to_string(i + 1))));
  }
  c.sim->initialize();
  return c;
}

}  // namespace pillars::testing
