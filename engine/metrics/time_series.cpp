#include "engine/metrics/time_series.hpp"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <algorithm>
#include <utility>

namespace pillars {

namespace {

void appendCsvField(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// Exact decimal seconds from integer nanoseconds, trailing zeros dropped: "1.5", "0.000000001", "-2".
void appendSeconds(std::string& out, SimTime t) {
  // Magnitude in unsigned arithmetic so that INT64_MIN does not overflow on negation.
  std::uint64_t magnitude = static_cast<std::uint64_t>(t);
  if (t < 0) {
    out += '-';
    magnitude = 0 - magnitude;
  }
  const auto perSecond = static_cast<std::uint64_t>(kSecond);
  char buf[32];
  const auto whole = std::to_chars(buf, buf + sizeof buf, magnitude / perSecond);
  out.append(buf, whole.ptr);

  std::uint64_t frac = magnitude % perSecond;
  if (frac == 0) return;
  int digits = 9;
  while (frac % 10 == 0) {
    frac /= 10;
    --digits;
  }
  char fracBuf[9];
  for (int i = digits - 1; i >= 0; --i) {
    fracBuf[i] = static_cast<char>('0' + frac % 10);
    frac /= 10;
  }
  out += '.';
  out.append(fracBuf, static_cast<std::size_t>(digits));
}

void appendValue(std::string& out, double v) {
  if (std::isnan(v)) return;
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
}

}  // namespace

TimeSeries::TimeSeries(std::vector<std::string> columns) : m_columns(std::move(columns)) { indexColumns(0); }

void TimeSeries::indexColumns(std::size_t from) {
  // emplace keeps the first column of a repeated name, as a linear search would find it.
  for (std::size_t i = from; i < m_columns.size(); ++i) m_index.emplace(m_columns[i], i);
}

void TimeSeries::append(SimTime t, std::span<const double> values) {
  assert(values.size() == m_columns.size() && "TimeSeries::append: one value per column");
  m_times.push_back(t);
  m_values.insert(m_values.end(), values.begin(), values.end());
}

void TimeSeries::addColumns(std::span<const std::string> names) {
  if (names.empty()) return;
  const std::size_t before = m_columns.size();
  const std::size_t after = before + names.size();
  m_columns.insert(m_columns.end(), names.begin(), names.end());
  indexColumns(before);
  if (m_times.empty()) return;
  std::vector<double> widened;
  widened.reserve(m_times.capacity() * after);  // keep the room reserve() made for the run
  widened.assign(m_times.size() * after, std::nan(""));
  for (std::size_t r = 0; r < m_times.size(); ++r) {
    std::copy_n(m_values.begin() + static_cast<std::ptrdiff_t>(r * before), before,
                widened.begin() + static_cast<std::ptrdiff_t>(r * after));
  }
  m_values = std::move(widened);
}

std::optional<std::size_t> TimeSeries::columnIndex(std::string_view name) const {
  const auto it = m_index.find(name);
  if (it == m_index.end()) return std::nullopt;
  return it->second;
}

SimTime TimeSeries::time(std::size_t row) const {
  assert(row < m_times.size());
  return m_times[row];
}

double TimeSeries::value(std::size_t row, std::size_t column) const {
  assert(row < m_times.size() && column < m_columns.size());
  return m_values[row * m_columns.size() + column];
}

std::span<const double> TimeSeries::row(std::size_t row) const {
  assert(row < m_times.size());
  return std::span<const double>(m_values).subspan(row * m_columns.size(), m_columns.size());
}

void TimeSeries::reserve(std::size_t rows) {
  m_times.reserve(rows);
  m_values.reserve(rows * m_columns.size());
}

void TimeSeries::clear() {
  m_times.clear();
  m_values.clear();
}

void TimeSeries::writeCsv(std::ostream& out) const {
  std::string line = "time_s";
  for (const std::string& name : m_columns) {
    line += ',';
    appendCsvField(line, name);
  }
  line += '\n';
  out << line;

  const std::size_t width = m_columns.size();
  for (std::size_t r = 0; r < m_times.size(); ++r) {
    line.clear();
    appendSeconds(line, m_times[r]);
    for (std::size_t c = 0; c < width; ++c) {
      line += ',';
      appendValue(line, m_values[r * width + c]);
    }
    line += '\n';
    out << line;
  }
}

std::string TimeSeries::csv() const {
  std::ostringstream out;
  writeCsv(out);
  return std::move(out).str();
}

bool TimeSeries::operator==(const TimeSeries& other) const {
  if (m_columns != other.m_columns || m_times != other.m_times || m_values.size() != other.m_values.size()) return false;
  for (std::size_t i = 0; i < m_values.size(); ++i) {
    const double a = m_values[i], b = other.m_values[i];
    if (a != b && !(std::isnan(a) && std::isnan(b))) return false;
  }
  return true;
}

}  // namespace pillars
