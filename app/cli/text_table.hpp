#pragma once

#include <string>
#include <vector>

namespace pillars::cli {

/// A plain-text table: the first column left-aligned, the rest right-aligned, widths fitted.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}
  void addRow(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
  std::string render(const std::string& indent = "  ") const;

 private:
  std::vector<std::string> m_header;
  std::vector<std::vector<std::string>> m_rows;
};

/// 1234567 -> "1,234,567".
std::string groupedInteger(unsigned long long value);
/// A number with `decimals` digits after the point, or "-" when not applicable.
std::string fixed(double value, int decimals);

}  // namespace pillars::cli
