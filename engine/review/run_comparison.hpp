#pragma once
// Two finished runs side by side (Review › Compare Runs…): the key end-to-end figures of each,
// the change, and whether the change is for the better; plus what differs between the designs
// that ran, so "p99 fell" can be read next to "added db2".

#include <optional>
#include <string>
#include <vector>

#include "engine/run/stored_run.hpp"

namespace pillars::review {

/// Which way a metric improves.
enum class Better { Higher, Lower };

/// One row of the comparison. `verdict` is +1 when the later run is better, -1 when worse,
/// 0 when the values are equal (or a value is missing).
struct MetricComparison {
  std::string name;  // "p99 latency"
  std::string unit;  // "ms", "req/s", "%", "" for counts
  Better better = Better::Lower;
  double before = 0, after = 0;
  int verdict = 0;
};

struct RunComparison {
  std::vector<MetricComparison> metrics;  // throughput, p50, p95, p99, failed, timed out, dropped, availability
  std::size_t componentsBefore = 0, componentsAfter = 0;
  std::vector<std::string> added, removed;  // component ids, in the designs' order
  std::size_t linksBefore = 0, linksAfter = 0;
  std::size_t faultsBefore = 0, faultsAfter = 0;
};

/// Compares two stored runs; nothing, with `error` naming the run and what is wrong, when a
/// summary (or the scenario it ran) cannot be read.
std::optional<RunComparison> compareRuns(const StoredRun& before, const StoredRun& after, std::string* error);

/// "+db2, +db-lb; 7 → 9 components" : a one-line account of what changed between the designs.
std::string describeDesignChange(const RunComparison& comparison);

}  // namespace pillars::review
