#include "app/cli/progress_line.hpp"

#include <unistd.h>

#include <cstdio>

#include "engine/util/units.hpp"

namespace pillars::cli {

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
               formatDuration(reached).c_str(), formatDuration(end).c_str(),
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
