#pragma once

#include <cstddef>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/sim/time.hpp"

namespace pillars {

/// Rows of timestamped samples over a fixed set of named columns, stored contiguously (row-major) for cheap
/// appends and deterministic CSV export.
class TimeSeries {
public:
  explicit TimeSeries(std::vector<std::string> columns);

  /// Appends one row; values.size() must equal columnCount() (asserted).
  void append(SimTime t, std::span<const double> values);
  /// Convenience for literal rows: series.append(t, {a, b}).
  void append(SimTime t, std::initializer_list<double> values) {
    append(t, std::span<const double>(values.begin(), values.size()));
  }

  /// Adds columns at the end (a component that joined the run): rows recorded before have no
  /// value there (NaN, an empty CSV cell). Costs one pass over the rows, so add in batches.
  void addColumns(std::span<const std::string> names);

  std::size_t rowCount() const { return m_times.size(); }
  std::size_t columnCount() const { return m_columns.size(); }
  const std::vector<std::string>& columns() const { return m_columns; }
  /// Index of the first column with this name, if any. Constant time: a live view asks for a few
  /// columns of each of a thousand components every refresh.
  std::optional<std::size_t> columnIndex(std::string_view name) const;

  SimTime time(std::size_t row) const;
  double value(std::size_t row, std::size_t column) const;
  std::span<const double> row(std::size_t row) const;

  void reserve(std::size_t rows);
  /// Drops all rows; keeps the columns and the capacity.
  void clear();

  /// CSV with header `time_s,<columns...>` and '\n' line ends. Times are printed as exact decimal seconds from the
  /// integer nanoseconds (no floating-point rounding); values use std::to_chars shortest round-trip form, NaN is an
  /// empty cell. Column names containing ',', '"', CR or LF are quoted with '"' doubled.
  void writeCsv(std::ostream& out) const;
  /// The same CSV as one string.
  std::string csv() const;

  /// Same columns, times and values; a missing value (NaN) equals a missing value.
  bool operator==(const TimeSeries& other) const;

private:
  void indexColumns(std::size_t from);

  /// Hashes a std::string and a std::string_view alike, so lookups by view need no copy.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };

  std::vector<std::string> m_columns;
  std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>> m_index;  // name -> first column
  std::vector<SimTime> m_times;
  std::vector<double> m_values;  // row-major, rowCount() × columnCount()
};

}  // namespace pillars
