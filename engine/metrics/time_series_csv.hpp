#pragma once
// Reading back the CSV that TimeSeries::writeCsv writes: a project stores its last run's time
// series in that form, and the review, the report and the run comparison read it as numbers.

#include <optional>
#include <string>
#include <string_view>

#include "engine/metrics/time_series.hpp"

namespace pillars {

/// The series in `csv` (header `time_s,<columns...>`, one row per line, times in decimal seconds
/// with at most 9 decimals, values in any form std::from_chars reads, an empty cell a missing
/// value). Text that is not such a CSV gives nothing and `error` says where ("line 3, column 2
/// (web.up): expected a number, found 'x'").
std::optional<TimeSeries> readTimeSeriesCsv(std::string_view csv, std::string* error = nullptr);

}  // namespace pillars
