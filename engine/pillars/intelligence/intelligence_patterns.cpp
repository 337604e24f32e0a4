// The Intelligence pillar's patterns applied to a design: an autoscaler on a replica set, a
// chaos experiment on a component that serves requests.
#include "engine/pillars/intelligence/intelligence_patterns.hpp"

#include <algorithm>
#include <cstdint>

#include "engine/model/component_kind.hpp"
#include "engine/model/scenario.hpp"
#include "engine/pillars/intelligence/autoscaler.hpp"
#include "engine/pillars/intelligence/chaos_monkey.hpp"
#include "engine/review/pattern_edits.hpp"

namespace pillars::review {

std::string addAutoscaler(Scenario& s, const ComponentSpec& target) {
  if (!kindTraits(target.kind).scalesOut()) {
    return target.id + " is a " + target.kind + ": only a service's replica set can be autoscaled.";
  }
  if (const ComponentSpec* scaler = findCallerWith(s, target.id, &ComponentKind::scalesTarget)) {
    return target.id + " is already scaled by " + scaler->id + ".";
  }
  // Room both ways around the count the design was sized for: down to half (the saving an
  // autoscaler is for), up to twice or ten, whichever is more. The HPA's defaults otherwise.
  const auto current = static_cast<std::int64_t>(instanceCountOf(target));
  addController(s, std::string(Autoscaler::kKind), target.id + "-autoscaler", target.id,
                {{"min_replicas", ParamValue{std::max<std::int64_t>(1, (current + 1) / 2)}},
                 {"max_replicas", ParamValue{std::max<std::int64_t>(10, 2 * current)}}});
  return {};
}

std::string addChaosMonkey(Scenario& s, const ComponentSpec& target) {
  if (!kindTraits(target.kind).servesRequests || isLoadGenerator(target.kind)) {
    return target.id + " is a " + target.kind + ": a chaos monkey attacks what serves requests.";
  }
  if (const ComponentSpec* monkey = findCallerWith(s, target.id, &ComponentKind::attacksTarget)) {
    return target.id + " is already attacked by " + monkey->id + ".";
  }
  // A quarter of the run measured undisturbed first, then kills; the steady state the seed
  // asks most designs for (three nines) is the hypothesis, so the verdict says something.
  addController(s, std::string(ChaosMonkey::kKind), "chaos-monkey", target.id,
                {{"start", ParamValue{std::int64_t{s.duration / 4}}},
                 {"hypothesis_availability", ParamValue{99.9}}});
  return {};
}

}  // namespace pillars::review
