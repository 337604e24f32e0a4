#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/sim/time.hpp"

namespace pillars {

// Text forms of numbers and durations used by scenario files and the command line.
// All parsing goes through std::from_chars and all formatting through std::to_chars, so nothing
// depends on the C locale and every platform reads and writes the same text.
//
// Duration syntax: an unsigned decimal number (digits, optional fraction, optional exponent such
// as "3e-3"), optionally followed by a unit: ns, us, ms, s, m (minutes), h, d. A bare number means
// seconds. Surrounding whitespace and spaces between number and unit are allowed; signs, "inf",
// "nan" and trailing junk are not.

/// Strict decimal number: the whole text (surrounding whitespace allowed) must be one finite
/// number in std::from_chars syntax (optional leading '-', no '+').
std::optional<double> parseNumber(std::string_view text);

/// Duration in seconds. Scaling by the unit is done on the decimal exponent before conversion,
/// so "1.5ms" yields exactly the double nearest to 0.0015.
std::optional<double> parseDurationSeconds(std::string_view text);

/// Duration in nanoseconds, rounded to nearest. Exact for every decimal that is a whole number of
/// nanoseconds below 2^53 ns (~104 days). Rejects values above 200 years.
std::optional<SimTime> parseDuration(std::string_view text);

/// Exact, readable form of a duration: "0s", "250ns", "1.5ms", "90s", "10m", "2h", "3d".
/// Minutes, hours and days are used only for exact multiples. parseDuration() reads it back
/// exactly (below 2^53 ns).
std::string formatDuration(SimTime duration);

/// Readable form of a duration in seconds, e.g. 0.0015 -> "1.5ms", 600 -> "10m". Always
/// round-trips: parseDurationSeconds(formatSeconds(x)) == x for every finite x >= 0
/// (negative values get a leading '-'; NaN and infinities print as "nan", "inf", "-inf").
std::string formatSeconds(double seconds);

/// Shortest decimal text that reads back (parseNumber) to exactly the same double.
std::string formatNumber(double value);

}  // namespace pillars
