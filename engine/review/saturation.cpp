#include "engine/review/saturation.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "engine/metrics/time_series.hpp"
#include "engine/run/run_results.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

namespace {

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ',')) out.push_back(cell);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

double numberOr(const std::string& text, double fallback) {
  const auto v = parseNumber(text);
  return v ? *v : fallback;
}

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace

std::vector<ComponentSaturation> saturationOverTime(const std::string& timeSeriesCsv, double threshold) {
  std::istringstream in(timeSeriesCsv);
  std::string line;
  if (!std::getline(in, line)) return {};
  const std::vector<std::string> header = cells(line);
  if (header.empty() || header.front() != "time_s") return {};
  struct Columns {
    int utilization = -1;
    int up = -1;
  };
  std::map<std::string, Columns> byComponent;
  std::vector<std::string> order;
  for (int i = 1; i < static_cast<int>(header.size()); ++i) {
    const std::string& name = header[static_cast<std::size_t>(i)];
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || name.compare(0, 7, "global.") == 0) continue;
    const std::string id = name.substr(0, dot);
    const std::string what = name.substr(dot + 1);
    if (what != "utilization" && what != "up") continue;
    if (!byComponent.count(id)) order.push_back(id);
    (what == "utilization" ? byComponent[id].utilization : byComponent[id].up) = i;
  }
  std::map<std::string, ComponentSaturation> out;
  std::map<std::string, double> busy;  // utilization x seconds while up
  double previous = 0;
  while (std::getline(in, line)) {
    const std::vector<std::string> row = cells(line);
    if (row.empty()) continue;
    const double t = numberOr(row[0], previous);
    const double interval = t - previous;  // each row covers the interval since the last one
    previous = t;
    if (interval <= 0) continue;
    for (const std::string& id : order) {
      const Columns& c = byComponent[id];
      if (c.utilization < 0 || c.utilization >= static_cast<int>(row.size())) continue;
      const bool up = c.up < 0 || c.up >= static_cast<int>(row.size()) ||
                      numberOr(row[static_cast<std::size_t>(c.up)], 1.0) > 0.5;
      const double u = numberOr(row[static_cast<std::size_t>(c.utilization)], 0.0);
      ComponentSaturation& s = out[id];
      s.component = id;
      s.peakUtilization = std::max(s.peakUtilization, u);
      if (!up) continue;
      s.upSeconds += interval;
      busy[id] += u * interval;
      if (u >= threshold) s.hotSeconds += interval;
    }
  }
  std::vector<ComponentSaturation> result;
  for (const std::string& id : order) {
    if (byComponent[id].utilization < 0 || !out.count(id)) continue;
    ComponentSaturation s = out[id];
    s.meanUtilization = s.upSeconds > 0 ? busy[id] / s.upSeconds : 0.0;
    result.push_back(s);
  }
  return result;
}

bool sustained(const ComponentSaturation& s, double share) {
  return s.hotSeconds > 0 && s.upSeconds > 0 && s.hotSeconds >= share * s.upSeconds;
}

void addSustainedHotSpots(const RunResults& run, const std::vector<ComponentSaturation>& saturation,
                          double threshold, std::vector<std::string>& hot, std::vector<std::string>& parts) {
  for (const auto& c : run.components) {
    // The same components the mean-based check looks at, those it already named stay as they are.
    if (c.kind != "service" || std::find(hot.begin(), hot.end(), c.id) != hot.end()) continue;
    const auto s = std::find_if(saturation.begin(), saturation.end(),
                                [&](const ComponentSaturation& x) { return x.component == c.id; });
    if (s == saturation.end() || !sustained(*s)) continue;
    hot.push_back(c.id);
    parts.push_back(c.id + " at >= " + fixed(100.0 * threshold, 0) + "% for " + fixed(s->hotSeconds, 0) + " s of " +
                    fixed(s->upSeconds, 0) + " s up (run mean " + fixed(100.0 * c.utilization, 1) + "%)");
  }
}

std::vector<SaturatedNow> saturatedNow(const TimeSeries& series, double threshold, std::size_t rows) {
  std::vector<SaturatedNow> out;
  const std::size_t n = series.rowCount();
  if (rows == 0 || n < rows) return out;
  const std::string suffix = ".utilization";
  for (std::size_t col = 0; col < series.columnCount(); ++col) {
    const std::string& name = series.columns()[col];
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    const std::string id = name.substr(0, name.size() - suffix.size());
    const auto queue = series.columnIndex(id + ".queue_length");
    const auto up = series.columnIndex(id + ".up");
    bool hot = true;
    for (std::size_t r = n - rows; r < n && hot; ++r) {
      hot = series.value(r, col) >= threshold && (!up || series.value(r, *up) > 0.5);
    }
    if (!hot || !queue || series.value(n - 1, *queue) <= series.value(n - rows, *queue)) continue;
    out.push_back({id, series.value(n - 1, col), series.value(n - 1, *queue)});
  }
  return out;
}

}  // namespace pillars::review
