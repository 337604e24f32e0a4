#include "engine/pillars/truth/saga_history.hpp"

#include <algorithm>
#include <cstdio>

namespace pillars {

std::string_view sagaOutcomeName(SagaRecord::Outcome outcome) {
  switch (outcome) {
    case SagaRecord::Outcome::InProgress: return "in progress";
    case SagaRecord::Outcome::Completed: return "completed";
    case SagaRecord::Outcome::Compensated: return "compensated";
    case SagaRecord::Outcome::Lost: return "lost in a crash";
  }
  return "unknown";
}

std::string_view sagaEventOutcomeName(SagaEvent::Outcome outcome) {
  switch (outcome) {
    case SagaEvent::Outcome::Done: return "done";
    case SagaEvent::Outcome::Failed: return "FAILED";
    case SagaEvent::Outcome::TimedOut: return "TIMED OUT";
  }
  return "unknown";
}

namespace {

std::string seconds(SimTime t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", simTimeToSeconds(t));
  return buf;
}

std::string millis(SimTime t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", simTimeToSeconds(t) * 1e3);
  return buf;
}

}  // namespace

std::string formatSagaHistory(const std::string& orchestrator,
                              const std::vector<std::string>& stepNames,
                              const std::vector<SagaRecord>& records) {
  std::string out;
  // Names padded to one width keep the times of every line in columns.
  std::size_t width = 0;
  for (const std::string& n : stepNames) width = std::max(width, n.size());
  for (const SagaRecord& r : records) {
    out += orchestrator + " saga #" + std::to_string(r.number) + " (request " +
           std::to_string(r.requestId) + "): " + std::string(sagaOutcomeName(r.outcome)) +
           ", started " + seconds(r.start) + " s";
    if (r.outcome != SagaRecord::Outcome::InProgress) {
      out += ", ended " + seconds(r.end) + " s (" + millis(r.end - r.start) + " ms)";
    }
    out += '\n';
    for (const SagaEvent& e : r.events) {
      std::string name =
          e.step < stepNames.size() ? stepNames[e.step] : "step " + std::to_string(e.step);
      if (name.size() < width) name.resize(width, ' ');
      out += "  " + std::string(e.compensation ? "compensate " : "step       ") + name + "  " +
             seconds(e.start) + " s -> " + seconds(e.end) + " s (" + millis(e.end - e.start) +
             " ms) " + std::string(sagaEventOutcomeName(e.outcome)) + '\n';
    }
  }
  return out;
}

}  // namespace pillars
