#pragma once
// Reads back a run summary written by writeResultsJson (`pillars-cli simulate --json`, and the
// summary a project stores), so a review can use the measured figures of a stored run.

#include <optional>
#include <string>

#include "engine/run/run_results.hpp"

namespace pillars {

class JsonValue;

/// The figures a review needs (end-to-end counts and latency, each component's kind, counts,
/// throughput and utilization); other fields stay at their defaults. Returns nothing and fills
/// `error` with what is wrong when the text is not such a summary.
std::optional<RunResults> readResultsJson(const std::string& json, std::string* error = nullptr);
/// The same, from a summary already parsed (a reader that also wants other fields of it).
std::optional<RunResults> readResultsJson(const JsonValue& root, std::string* error = nullptr);

}  // namespace pillars
