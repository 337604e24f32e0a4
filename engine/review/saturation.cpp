#include "engine/review/saturation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>

#include "engine/metrics/time_series.hpp"
#include "engine/model/component_kind.hpp"
#include "engine/run/run_results.hpp"

namespace pillars::review {

namespace {

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace

std::vector<ComponentSaturation> saturationOverTime(const TimeSeries& series, double threshold) {
  struct Watched {
    std::size_t utilization = 0;
    std::optional<std::size_t> up;  // without it the component counts as up
    ComponentSaturation saturation;
    double busy = 0;  // utilization x seconds while up
  };
  // Components in the order of their utilization columns.
  std::vector<Watched> watched;
  const std::string_view suffix = ".utilization";
  for (std::size_t col = 0; col < series.columnCount(); ++col) {
    const std::string& name = series.columns()[col];
    if (name.size() <= suffix.size() || name.compare(0, 7, "global.") == 0 ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    Watched w;
    w.utilization = col;
    w.saturation.component = name.substr(0, name.size() - suffix.size());
    w.up = series.columnIndex(w.saturation.component + ".up");
    watched.push_back(std::move(w));
  }
  double previous = 0;
  bool sampled = false;
  for (std::size_t r = 0; r < series.rowCount(); ++r) {
    const double t = simTimeToSeconds(series.time(r));
    const double interval = t - previous;  // each row covers the interval since the last one
    previous = t;
    if (interval <= 0) continue;
    sampled = true;
    for (Watched& w : watched) {
      const double upValue = w.up ? series.value(r, *w.up) : 1.0;
      const bool up = std::isnan(upValue) || upValue > 0.5;  // a missing sample does not mean down
      double u = series.value(r, w.utilization);
      if (std::isnan(u)) u = 0;
      ComponentSaturation& s = w.saturation;
      s.peakUtilization = std::max(s.peakUtilization, u);
      if (!up) continue;
      s.upSeconds += interval;
      w.busy += u * interval;
      if (u >= threshold) s.hotSeconds += interval;
    }
  }
  std::vector<ComponentSaturation> result;
  if (!sampled) return result;
  for (Watched& w : watched) {
    w.saturation.meanUtilization = w.saturation.upSeconds > 0 ? w.busy / w.saturation.upSeconds : 0.0;
    result.push_back(std::move(w.saturation));
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
    if (!kindTraits(c.kind).scalesOut() || std::find(hot.begin(), hot.end(), c.id) != hot.end()) continue;
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
