#pragma once

#include <string>
#include <vector>

#include "engine/io/json.hpp"

namespace pillars {

/// One problem found in an input file, with everything a person needs to fix it: the file,
/// the line and column, the JSON path of the offending value and what was expected.
struct Diagnostic {
  std::string file;
  SourceLocation location;
  std::string path;     // "$.components[2].params.workers"; empty for whole-file problems
  std::string message;  // "expected an integer from 1 to 1000000, got 0"

  /// "three-tier.json:12:7: $.components[2].params.workers: expected ..."
  std::string format() const;
};

/// Formats a list of diagnostics, one per line.
std::string formatDiagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace pillars
