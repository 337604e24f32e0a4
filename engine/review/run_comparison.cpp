#include "engine/review/run_comparison.hpp"

#include <algorithm>

#include "engine/io/results_reader.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"

namespace pillars::review {
namespace {

MetricComparison row(std::string name, std::string unit, Better better, double before, double after) {
  MetricComparison m{std::move(name), std::move(unit), better, before, after, 0};
  if (before != after) m.verdict = ((after > before) == (better == Better::Higher)) ? 1 : -1;
  return m;
}

double availabilityPercent(const RunResults& r) {
  // As the review's measured_availability evidence counts it: completed of all attempts.
  const double attempts = static_cast<double>(r.completed + r.failed + r.timedOut);
  return attempts > 0 ? 100.0 * static_cast<double>(r.completed) / attempts : 0.0;
}

std::vector<std::string> idsOf(const Scenario& s) {
  std::vector<std::string> ids;
  for (const auto& c : s.components) ids.push_back(c.id);
  return ids;
}

/// Ids in `of` that `other` lacks, in `of`'s order.
std::vector<std::string> missingFrom(const std::vector<std::string>& of, const std::vector<std::string>& other) {
  std::vector<std::string> out;
  for (const auto& id : of) {
    if (std::find(other.begin(), other.end(), id) == other.end()) out.push_back(id);
  }
  return out;
}

}  // namespace

std::optional<RunComparison> compareRuns(const StoredRun& before, const StoredRun& after, std::string* error) {
  const auto fail = [&](const std::string& why) -> std::optional<RunComparison> {
    if (error) *error = why;
    return std::nullopt;
  };
  std::string why;
  const auto b = readResultsJson(before.summaryJson, &why);
  if (!b) return fail("previous run: summary: " + why);
  const auto a = readResultsJson(after.summaryJson, &why);
  if (!a) return fail("last run: summary: " + why);
  // The scenario is only read for what changed; a run stored without one still compares.
  const ScenarioLoad sb = readScenario(before.scenarioJson, "previous run scenario", builtinRegistry());
  const ScenarioLoad sa = readScenario(after.scenarioJson, "last run scenario", builtinRegistry());

  RunComparison c;
  c.metrics = {
      row("Throughput", "req/s", Better::Higher, b->throughputRps, a->throughputRps),
      row("p50 latency", "ms", Better::Lower, b->latency.p50, a->latency.p50),
      row("p95 latency", "ms", Better::Lower, b->latency.p95, a->latency.p95),
      row("p99 latency", "ms", Better::Lower, b->latency.p99, a->latency.p99),
      row("Failed", "", Better::Lower, static_cast<double>(b->failed), static_cast<double>(a->failed)),
      row("Timed out", "", Better::Lower, static_cast<double>(b->timedOut), static_cast<double>(a->timedOut)),
      row("Dropped", "", Better::Lower, static_cast<double>(b->dropped), static_cast<double>(a->dropped)),
      row("Availability", "%", Better::Higher, availabilityPercent(*b), availabilityPercent(*a)),
  };
  if (sb.ok() && sa.ok()) {
    c.componentsBefore = sb.scenario->components.size();
    c.componentsAfter = sa.scenario->components.size();
    c.linksBefore = sb.scenario->links.size();
    c.linksAfter = sa.scenario->links.size();
    c.faultsBefore = sb.scenario->faults.size();
    c.faultsAfter = sa.scenario->faults.size();
    const auto idsBefore = idsOf(*sb.scenario);
    const auto idsAfter = idsOf(*sa.scenario);
    c.added = missingFrom(idsAfter, idsBefore);
    c.removed = missingFrom(idsBefore, idsAfter);
  }
  return c;
}

std::string describeDesignChange(const RunComparison& c) {
  std::string out;
  for (const auto& id : c.added) out += (out.empty() ? "+" : ", +") + id;
  for (const auto& id : c.removed) out += (out.empty() ? "-" : ", -") + id;
  if (!out.empty()) out += "; ";
  out += std::to_string(c.componentsBefore) + " → " + std::to_string(c.componentsAfter) + " components, " +
         std::to_string(c.linksBefore) + " → " + std::to_string(c.linksAfter) + " links, " +
         std::to_string(c.faultsBefore) + " → " + std::to_string(c.faultsAfter) + " faults";
  return out;
}

}  // namespace pillars::review
