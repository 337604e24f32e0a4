#include "engine/metrics/time_series_csv.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace pillars {

namespace {

/// One line's cells, split at commas outside quotes, with a quoted cell's doubled quotes undone.
/// Returns false for a quote left open.
bool splitCells(std::string_view line, std::vector<std::string>& cells) {
  cells.clear();
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        cell += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.push_back(std::move(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.push_back(std::move(cell));
  return !quoted;
}

/// Exact decimal seconds as integer nanoseconds: the inverse of the writer's appendSeconds.
std::optional<SimTime> parseSeconds(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty()) || fraction.size() > 9) return std::nullopt;
  std::uint64_t seconds = 0;
  const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), seconds);
  if (ec != std::errc() || end != whole.data() + whole.size()) return std::nullopt;
  std::uint64_t nanos = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    const char c = i < fraction.size() ? fraction[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    nanos = nanos * 10 + static_cast<std::uint64_t>(c - '0');
  }
  // The magnitude may reach 2^63 only for the most negative time.
  const auto perSecond = static_cast<std::uint64_t>(kSecond);
  const std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<SimTime>::max()) + (negative ? 1 : 0);
  if (seconds > (limit - nanos) / perSecond) return std::nullopt;
  const std::uint64_t magnitude = seconds * perSecond + nanos;
  return negative ? static_cast<SimTime>(0 - magnitude) : static_cast<SimTime>(magnitude);
}

std::optional<double> parseValue(std::string_view text) {
  if (text.empty()) return std::nan("");
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string shown(std::string_view text) {
  constexpr std::size_t kShown = 40;
  return "'" + std::string(text.substr(0, kShown)) + (text.size() > kShown ? "...'" : "'");
}

}  // namespace

std::optional<TimeSeries> readTimeSeriesCsv(std::string_view csv, std::string* error) {
  const auto fail = [&](std::size_t line, const std::string& why) -> std::optional<TimeSeries> {
    if (error) *error = "line " + std::to_string(line) + ": " + why;
    return std::nullopt;
  };
  if (error) error->clear();
  std::vector<std::string> cells;
  std::size_t lineNumber = 0;
  std::optional<TimeSeries> series;
  std::vector<double> values;
  while (!csv.empty()) {
    const std::size_t newline = csv.find('\n');
    const std::string_view line = csv.substr(0, newline);
    csv.remove_prefix(newline == std::string_view::npos ? csv.size() : newline + 1);
    ++lineNumber;
    if (!splitCells(line, cells)) return fail(lineNumber, "a quoted cell is not closed");
    if (!series) {
      if (cells.front() != "time_s") return fail(lineNumber, "expected the header 'time_s,...', found " + shown(line));
      series.emplace(std::vector<std::string>(cells.begin() + 1, cells.end()));
      values.resize(series->columnCount());
      continue;
    }
    if (cells.size() != series->columnCount() + 1) {
      return fail(lineNumber, "expected " + std::to_string(series->columnCount() + 1) + " cells as in the header, found " +
                                  std::to_string(cells.size()));
    }
    const std::optional<SimTime> t = parseSeconds(cells.front());
    if (!t) return fail(lineNumber, "column 1 (time_s): expected seconds with at most 9 decimals, found " + shown(cells.front()));
    for (std::size_t c = 0; c < values.size(); ++c) {
      const std::optional<double> v = parseValue(cells[c + 1]);
      if (!v) {
        return fail(lineNumber, "column " + std::to_string(c + 2) + " (" + series->columns()[c] +
                                    "): expected a number or an empty cell, found " + shown(cells[c + 1]));
      }
      values[c] = *v;
    }
    series->append(*t, values);
  }
  if (!series) return fail(1, "expected the header 'time_s,...', found nothing");
  return series;
}

}  // namespace pillars
