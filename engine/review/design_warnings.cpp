#include "engine/review/design_warnings.hpp"

#include <cmath>
#include <cstdio>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/review/offered_load.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

namespace {

std::string rate(double rps) {
  char buf[64];
  std::snprintf(buf, sizeof buf, rps >= 100 ? "%.0f" : rps >= 10 ? "%.1f" : "%.2f", rps);
  return buf;
}

}  // namespace

std::vector<DesignWarning> designWarnings(const Scenario& scenario) {
  std::vector<DesignWarning> out;
  const std::vector<OfferedLoad> load = estimateOfferedLoad(scenario);
  for (std::size_t i = 0; i < scenario.components.size(); ++i) {
    const ComponentSpec& c = scenario.components[i];
    const OfferedLoad& l = load[i];
    if (l.overloaded()) {
      const std::string workers = std::to_string(l.workers) + (l.workers == 1 ? " worker" : " workers");
      out.push_back({DesignWarning::Kind::Overload, c.id,
                     c.id + " is offered " + rate(l.arrivalRps) + " req/s but can serve " + rate(l.capacityRps) +
                         " req/s (" + workers + ", mean service time " + formatSeconds(l.serviceSeconds) +
                         "): its queue will grow until requests time out. Add workers or instances.",
                     "overloaded " + rate(l.arrivalRps) + " > " + rate(l.capacityRps) + " req/s"});
    }
    // A kind that passes on only its misses (a cache) needs something behind it to miss to.
    const std::optional<LoadPassing>& passing = kindTraits(c.kind).passesLoad;
    if (passing && passing->passedShare) {
      bool behind = false;
      for (const LinkSpec& link : scenario.links) behind = behind || link.from == c.id;
      if (!behind) {
        out.push_back({DesignWarning::Kind::CacheWithoutStore, c.id,
                       c.id + " has nothing behind it: it answers every miss as if it held the data, so it "
                              "acts as the only copy. Link it to the store it caches.",
                       "nothing behind it"});
      }
    }
  }
  return out;
}

}  // namespace pillars::review
