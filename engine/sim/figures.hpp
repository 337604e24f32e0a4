#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/sim/time.hpp"

namespace pillars {

/// A named figure a component or a group reports beside the common metrics ("hit_ratio",
/// "election_ms.p50"). Dotted names nest in the results JSON.
struct Figure {
  std::string name;
  double value;
};

/// A decision a control loop took while running (an autoscaler resizing its set): when, what
/// in words, and the figures it decided by ("from", "to", "metric"). Results list them per
/// component so a run can be explained after the fact.
struct ControlDecision {
  SimTime at = 0;
  std::string summary;
  std::vector<Figure> figures;
};

/// An alert raised while running (an SLO burn-rate alert): which, how serious, when it fired
/// and when it resolved (-1 while it still fires), and what it watched, in words.
struct AlertRecord {
  std::string name;      // "page_14.4x"
  std::string severity;  // "page", "ticket"
  std::string detail;    // "availability 99.9%: error ratio >= 1.44% over 1h and 5m"
  SimTime firedAt = 0;
  SimTime resolvedAt = -1;
  std::vector<Figure> figures;  // burn_rate, long_window_s, short_window_s
};

/// A chaos experiment's outcome (a chaos_monkey's): the steady-state hypothesis it checked,
/// the verdict, and what it did. A verdict is "held" (the hypothesis held at every check while
/// the experiment ran), "aborted" (it broke and the experiment stopped at `abortedAt`),
/// "broken" (it broke, and the experiment was told to go on), "not run" (it did not hold
/// before the experiment, which then never began), "not started" (the run ended first) or
/// "unchecked" (no hypothesis was given).
struct ExperimentRecord {
  std::string hypothesis;  // "availability >= 99.9% and p99 <= 300 ms over 30 s"
  std::string verdict;
  std::string detail;      // why it aborted, or what held, in words
  SimTime startedAt = -1;  // -1: not started (yet)
  SimTime endedAt = -1;    // -1: still running when the run ended
  SimTime abortedAt = -1;  // -1: not aborted
  std::vector<Figure> figures;  // kills, injections, skips, checks
};

/// A broken correctness property found while running (two Raft leaders in one term, a read
/// that saw a value never written...). Whoever finds one stops the run; results and the CLI
/// report it.
struct Violation {
  /// One fact that locates the violation ("term" 3, "index" 17, "key" 42), written into the
  /// results in this order.
  struct Field {
    std::string name;
    std::int64_t value;
  };
  std::string property;   // "election_safety", "state_machine_safety", ...
  std::string component;  // the node at fault
  std::vector<Field> fields;
  SimTime at = 0;
  std::string detail;     // one sentence for people

  /// The value of field `name`, or `otherwise` when it has none.
  std::int64_t field(const std::string& name, std::int64_t otherwise = 0) const {
    for (const Field& f : fields) {
      if (f.name == name) return f.value;
    }
    return otherwise;
  }
};

}  // namespace pillars
