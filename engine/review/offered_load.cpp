#include "engine/review/offered_load.hpp"

#include <algorithm>
#include <map>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"

namespace pillars::review {

namespace {

/// What an open-loop client sends on average, requests per second.
double clientRate(const ComponentSpec& c) {
  if (c.params.choice("mode") != "open") return 0.0;  // a closed loop waits for its answers
  const double rate = c.params.real("rate");
  if (c.params.choice("arrival") == "on_off") {
    const double on = c.params.distribution("on_time").mean();
    const double off = c.params.distribution("off_time").mean();
    return on + off > 0 ? rate * on / (on + off) : rate;
  }
  return rate;
}

/// The share of a cache's lookups that miss and go on to the store, for the keys its callers use.
double missRatio(const Scenario& s, const ComponentSpec& cache) {
  double keys = 0;
  for (const ComponentSpec& c : s.components) {
    if (c.kind == "client") keys = std::max(keys, static_cast<double>(c.params.integer("keys")));
  }
  const double held = static_cast<double>(cache.params.integer("capacity"));
  if (keys <= 0) return 1.0;
  return std::clamp(1.0 - held / keys, 0.0, 1.0);
}

bool passesLoadOn(const std::string& kind) {
  return kind == "client" || kind == "load_balancer" || kind == "service" || kind == "cache" || kind == "queue";
}

}  // namespace

std::vector<OfferedLoad> estimateOfferedLoad(const Scenario& s) {
  const std::size_t n = s.components.size();
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index[s.components[i].id] = i;
  std::vector<std::vector<const LinkSpec*>> out(n);
  std::vector<int> pending(n, 0);
  for (const LinkSpec& l : s.links) {
    const auto from = index.find(l.from);
    const auto to = index.find(l.to);
    if (from == index.end() || to == index.end()) continue;
    out[from->second].push_back(&l);
    ++pending[to->second];
  }
  std::vector<OfferedLoad> load(n);
  for (std::size_t i = 0; i < n; ++i) {
    const ComponentSpec& c = s.components[i];
    load[i].component = c.id;
    load[i].kind = c.kind;
    if (c.kind == "service") {
      // Every instance of a replica set has its own workers.
      const ComponentKind& kind = kindTraits(c.kind);
      const auto instances = kind.instanceCount ? static_cast<std::int64_t>(kind.instanceCount(c.params)) : 1;
      load[i].workers = c.params.integer("workers") * instances;
      load[i].serviceSeconds = c.params.distribution("service_time").mean();
      if (load[i].serviceSeconds > 0) load[i].capacityRps = static_cast<double>(load[i].workers) / load[i].serviceSeconds;
    }
  }
  // In topological order (Kahn): a component passes its load on once all of it has arrived.
  // What a cycle leaves unvisited is then taken in declaration order, its back links ignored.
  std::vector<bool> done(n, false);
  std::vector<std::size_t> ready;
  for (std::size_t i = 0; i < n; ++i) {
    if (pending[i] == 0) ready.push_back(i);
  }
  std::size_t next = 0;
  while (true) {
    if (ready.empty()) {
      while (next < n && done[next]) ++next;
      if (next == n) break;
      ready.push_back(next);
    }
    const std::size_t i = ready.back();
    ready.pop_back();
    if (done[i]) continue;
    done[i] = true;
    const ComponentSpec& c = s.components[i];
    const auto& links = out[i];
    const double sent = c.kind == "client" ? clientRate(c) : load[i].arrivalRps;
    double weights = 0;
    for (const LinkSpec* l : links) weights += static_cast<double>(l->params.integer("weight"));
    const bool weighted = c.kind == "load_balancer" && c.params.choice("policy") == "weighted_round_robin";
    for (const LinkSpec* l : links) {
      const std::size_t to = index[l->to];
      double share = 0;
      if (passesLoadOn(c.kind)) {
        if (c.kind == "service") {
          share = 1.0;  // every request calls each downstream link
        } else if (weighted && weights > 0) {
          share = static_cast<double>(l->params.integer("weight")) / weights;
        } else {
          share = 1.0 / static_cast<double>(links.size());
        }
        if (c.kind == "cache") share *= missRatio(s, c);
      }
      if (!done[to]) load[to].arrivalRps += sent * share;
      if (--pending[to] == 0) ready.push_back(to);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (s.components[i].kind == "client") load[i].arrivalRps = 0;  // it sends; nothing arrives
  }
  return load;
}

}  // namespace pillars::review
