#pragma once
// Rules for option values shared by several commands, as CLI11 validators: a value that breaks
// one is a usage error reported as "--option: what was expected, got ...".

#include <CLI/CLI.hpp>

namespace pillars::cli {

/// A whole decimal number in [min, max]: digits only, no sign, spaces or trailing characters.
/// Checks without changing the text, so the option may bind to any integer type holding max.
CLI::Validator wholeNumber(unsigned long long min, unsigned long long max);

/// A duration such as 500ms, 90s or 10m (engine/util/units.hpp), longer than zero. Rewrites the
/// value to its count of nanoseconds, so the option binds to a SimTime and the text is parsed
/// once, by the rule that checked it.
CLI::Validator positiveDuration();

}  // namespace pillars::cli
