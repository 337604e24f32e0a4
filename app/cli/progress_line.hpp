#pragma once

#include <chrono>

#include "engine/sim/time.hpp"

namespace pillars::cli {

/// A one-line progress display on stderr for runs longer than a second, shown only when stderr
/// is a terminal so logs and pipes stay clean.
class ProgressLine {
 public:
  ProgressLine();
  ~ProgressLine();
  /// Reports progress; cheap to call often (it redraws at most five times a second).
  void update(SimTime reached, SimTime end, unsigned long long events);
  void finish();

 private:
  bool m_enabled;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_lastDraw;
};

}  // namespace pillars::cli
