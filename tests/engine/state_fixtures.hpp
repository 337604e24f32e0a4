#pragma once
// Helpers for the State pillar's tests: replica sets built in code, and figures read back.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/model/scenario_builder.hpp"
#include "engine/run/scenario_runner.hpp"

namespace pillars::testing {

/// A figure of a group in the results (a test fails when there is none by that name).
inline double groupFigure(const RunResults& r, const std::string& group, const std::string& name) {
  for (const GroupResult& g : r.groups) {
    if (g.id != group) continue;
    for (const auto& [n, v] : g.extras) {
      if (n == name) return v;
    }
  }
  ADD_FAILURE() << "no figure " << name << " in group " << group;
  return -1;
}

/// A kind's figure of a component in the results.
inline double componentFigure(const RunResults& r, const std::string& id, const std::string& name) {
  for (const ComponentResult& c : r.components) {
    if (c.id != id) continue;
    for (const auto& [n, v] : c.extras) {
      if (n == name) return v;
    }
  }
  ADD_FAILURE() << "no figure " << name << " on " << id;
  return -1;
}

/// `n` stores s1..sn linked to each other with `storeParams`, and a client linked to each of
/// them (it sends to them in turn), with `clientParams`.
inline ScenarioBuilder replicaSet(int n, ScenarioBuilder::Params storeParams, ScenarioBuilder::Params clientParams,
                                  const std::string& peerLatency = "exp(5ms)",
                                  const std::string& clientLatency = "exp(2ms)") {
  ScenarioBuilder b("replica set");
  b.component("users", "client", clientParams);
  for (int i = 1; i <= n; ++i) {
    const std::string id = "s" + std::to_string(i);
    b.component(id, "store", storeParams);
    b.link("users", id, {{"latency", clientLatency}});
  }
  for (int i = 1; i <= n; ++i) {
    for (int j = i + 1; j <= n; ++j) {
      b.link("s" + std::to_string(i), "s" + std::to_string(j), {{"latency", peerLatency}});
    }
  }
  return b;
}

}  // namespace pillars::testing
