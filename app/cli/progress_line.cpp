#include "app/cli/progress_line.hpp"

#include <unistd.h>

#include <cstdio>

#include <string>

namespace pillars::cli {

namespace {

/// A simulated time rounded for a glance: "850ms", "42.3s", "17.5m", "171.9h".
std::string approximately(SimTime t) {
  const double s = simTimeToSeconds(t);
  char buf[32];
  if (s < 1.0) {
    std::snprintf(buf, sizeof buf, "%.0fms", s * 1e3);
  } else if (s < 120.0) {
    std::snprintf(buf, sizeof buf, "%.1fs", s);
  } else if (s < 7200.0) {
    std::snprintf(buf, sizeof buf, "%.1fm", s / 60.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.1fh", s / 3600.0);
  }
  return buf;
}

}  // namespace

ProgressLine::ProgressLine()
    : m_enabled(isatty(STDERR_FILENO) != 0),
      m_start(std::chrono::steady_clock::now()),
      m_lastDraw(m_start) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::update(SimTime reached, SimTime end, unsigned long long events) {
  if (!m_enabled) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - m_start).count();
  if (elapsed < 1.0 || now - m_lastDraw < std::chrono::milliseconds(200)) return;
  m_lastDraw = now;
  const double fraction = end > 0 ? static_cast<double>(reached) / static_cast<double>(end) : 1.0;
  std::fprintf(stderr, "\r  simulating %5.1f%%  %s of %s  %.1f M events/s  ", 100.0 * fraction,
               approximately(reached).c_str(), approximately(end).c_str(),
               static_cast<double>(events) / elapsed / 1e6);
  std::fflush(stderr);
  m_drawn = true;
}

void ProgressLine::finish() {
  if (!m_drawn) return;
  std::fprintf(stderr, "\r%70s\r", "");
  std::fflush(stderr);
  m_drawn = false;
}

}  // namespace pillars::cli
