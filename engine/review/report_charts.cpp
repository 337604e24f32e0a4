#include "engine/review/report_charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pillars::review {

namespace {

constexpr const char* kFont = "font-family=\"Helvetica, Arial, sans-serif\"";

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string escapeXml(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string rect(double x, double y, double w, double h, const char* fill) {
  return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
         "\" fill=\"" + fill + "\"/>";
}

std::string text(double x, double y, const std::string& s, int size, const char* anchor = "start",
                 const char* fill = "#263238", bool bold = false) {
  return std::string("<text x=\"") + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + std::to_string(size) + "\" " +
         kFont + " text-anchor=\"" + anchor + "\" fill=\"" + fill + "\"" + (bold ? " font-weight=\"bold\"" : "") +
         ">" + escapeXml(s) + "</text>";
}

/// A round step (1, 2 or 5 times a power of ten) that divides `max` into about four parts.
double niceStep(double max) {
  if (max <= 0) return 1;
  const double raw = max / 4;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= m * power) return m * power;
  }
  return 10 * power;
}

std::string tickLabel(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string riskChartSvg(const std::vector<ReportPillar>& pillars) {
  const double labelW = 110, barW = 420, rowH = 30, top = 34, width = 640;
  const double height = top + rowH * static_cast<double>(pillars.size()) + 16;
  int most = 1;
  for (const auto& p : pillars) most = std::max(most, p.questions);
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
                  "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\">";
  s += rect(0, 0, width, height, "#ffffff");
  // Legend first, so the reader knows the colours before the bars.
  const std::pair<const char*, const char*> legend[] = {
      {"High", kHighColour}, {"Medium", kMediumColour}, {"No risk", kNoneColour}, {"Unanswered", kUnansweredColour}};
  double lx = labelW;
  for (const auto& [name, colour] : legend) {
    s += rect(lx, 8, 12, 12, colour);
    s += text(lx + 17, 18, name, 12);
    lx += 100;
  }
  double y = top;
  for (const auto& p : pillars) {
    std::string label = p.pillar;
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    s += text(labelW - 8, y + 17, label, 13, "end", "#263238", true);
    const double unit = barW / most;
    const int none = p.answered - p.high - p.medium;
    const int unanswered = p.questions - p.answered;
    double x = labelW;
    const std::pair<int, const char*> parts[] = {
        {p.high, kHighColour}, {p.medium, kMediumColour}, {none, kNoneColour}, {unanswered, kUnansweredColour}};
    for (const auto& [count, colour] : parts) {
      if (count <= 0) continue;
      s += rect(x, y + 3, unit * count - 1, rowH - 8, colour);
      if (unit * count >= 16) s += text(x + unit * count / 2, y + 18, std::to_string(count), 12, "middle", "#ffffff", true);
      x += unit * count;
    }
    s += text(x + 8, y + 18, std::to_string(p.high) + " high, " + std::to_string(p.medium) + " medium", 11, "start",
              "#546e7a");
    y += rowH;
  }
  s += "</svg>";
  return s;
}

std::string lineChartSvg(const std::string& title, const std::string& unit, const std::vector<double>& times,
                         const std::vector<double>& values, const std::string& colour) {
  const double width = 640, height = 230, left = 64, right = 16, top = 30, bottom = 36;
  const double plotW = width - left - right, plotH = height - top - bottom;
  double maxV = 0, maxT = 0;
  for (const double v : values) {
    if (!std::isnan(v)) maxV = std::max(maxV, v);
  }
  for (const double t : times) maxT = std::max(maxT, t);
  const double stepV = niceStep(maxV);
  const double topV = std::max(stepV, std::ceil(maxV / stepV) * stepV);
  const double stepT = niceStep(maxT);
  const double topT = std::max(stepT, maxT);
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
                  "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\">";
  s += rect(0, 0, width, height, "#ffffff");
  s += text(left, 18, title + " (" + unit + ")", 13, "start", "#263238", true);
  for (double v = 0; v <= topV + 1e-9; v += stepV) {
    const double y = top + plotH - plotH * v / topV;
    s += "<line x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(left + plotW) + "\" y2=\"" + num(y) +
         "\" stroke=\"#cfd8dc\" stroke-width=\"1\"/>";
    s += text(left - 6, y + 4, tickLabel(v), 11, "end", "#546e7a");
  }
  for (double t = 0; t <= topT + 1e-9; t += stepT) {
    const double x = left + plotW * t / topT;
    s += text(x, top + plotH + 16, tickLabel(t), 11, "middle", "#546e7a");
  }
  s += text(left + plotW / 2, height - 4, "simulated time (s)", 11, "middle", "#546e7a");
  s += "<line x1=\"" + num(left) + "\" y1=\"" + num(top + plotH) + "\" x2=\"" + num(left + plotW) + "\" y2=\"" +
       num(top + plotH) + "\" stroke=\"#455a64\" stroke-width=\"1\"/>";
  // A value that is not a number is a gap: the line stops there and starts again after it.
  std::string points;
  const auto flush = [&] {
    if (!points.empty()) {
      s += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + colour +
           "\" stroke-width=\"2\" stroke-linejoin=\"round\"/>";
    }
    points.clear();
  };
  const std::size_t n = std::min(times.size(), values.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(values[i])) {
      flush();
      continue;
    }
    const double x = left + plotW * times[i] / topT;
    const double y = top + plotH - plotH * values[i] / topV;
    points += (points.empty() ? "" : " ") + num(x) + "," + num(y);
  }
  flush();
  s += "</svg>";
  return s;
}

}  // namespace pillars::review
