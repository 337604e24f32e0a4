#pragma once

#include <ostream>
#include <string>

#include "engine/run/run_results.hpp"

namespace pillars {

/// The version written in every summary's "version" field. 2: group figures under `groups`.
inline constexpr int kResultsFormatVersion = 2;

/// Results as JSON (the `pillars-cli simulate --json` format, documented in docs/results-format.md).
std::string writeResultsJson(const RunResults& results, const std::string& scenarioName);

/// One row per component with its headline figures, as CSV.
void writeComponentsCsv(const RunResults& results, std::ostream& out);

/// The fingerprint as 16 lowercase hex digits.
std::string fingerprintHex(std::uint64_t fingerprint);

}  // namespace pillars
