#include "app/cli/text_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pillars::cli {

std::string TextTable::render(const std::string& indent) const {
  std::vector<std::size_t> widths(m_header.size(), 0);
  const auto fit = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], row[i].size());
    }
  };
  fit(m_header);
  for (const auto& r : m_rows) fit(r);
  const auto line = [&](const std::vector<std::string>& row) {
    std::string out = indent;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : std::string();
      const std::string pad(widths[i] - cell.size(), ' ');
      out += i == 0 ? cell + pad : pad + cell;
      if (i + 1 < widths.size()) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(m_header);
  for (const auto& r : m_rows) out += line(r);
  return out;
}

std::string groupedInteger(unsigned long long value) {
  std::string digits = std::to_string(value);
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[i];
    if ((n - i - 1) % 3 == 0 && i + 1 < n) out += ',';
  }
  return out;
}

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace pillars::cli
