#include "engine/review/offered_load.hpp"

#include <algorithm>
#include <map>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"

namespace pillars::review {

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
  const auto keys = static_cast<double>(largestKeySpace(s));  // what a cache's misses are taken against
  for (std::size_t i = 0; i < n; ++i) {
    const ComponentSpec& c = s.components[i];
    load[i].component = c.id;
    load[i].kind = c.kind;
    const ComponentKind& kind = kindTraits(c.kind);
    if (kind.hasWorkers && kind.passesLoad) {
      // Every instance of a replica set has its own workers.
      const auto instances = static_cast<std::int64_t>(instanceCountOf(c));
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
    const ComponentKind& kind = kindTraits(c.kind);
    const std::optional<LoadPassing>& passing = kind.passesLoad;
    const double sent = kind.meanSendRate ? kind.meanSendRate(c.params) : load[i].arrivalRps;
    double weights = 0;
    for (const LinkSpec* l : links) weights += static_cast<double>(l->params.integer("weight"));
    const bool weighted = passing && passing->byLinkWeight && passing->byLinkWeight(c.params);
    const double passed = passing && passing->passedShare ? passing->passedShare(c.params, keys) : 1.0;
    for (const LinkSpec* l : links) {
      const std::size_t to = index[l->to];
      double share = 0;
      if (passing) {
        if (passing->fanOut) {
          share = 1.0;  // every request calls each downstream link
        } else if (weighted && weights > 0) {
          share = static_cast<double>(l->params.integer("weight")) / weights;
        } else {
          share = 1.0 / static_cast<double>(links.size());
        }
        share *= passed;
      }
      if (!done[to]) load[to].arrivalRps += sent * share;
      if (--pending[to] == 0) ready.push_back(to);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (isLoadGenerator(s.components[i].kind)) load[i].arrivalRps = 0;  // it sends; nothing arrives
  }
  return load;
}

}  // namespace pillars::review
