#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/sim/time.hpp"

namespace pillars {

/// One thing an orchestrator did in a saga: a step's work or a compensation, with its times.
struct SagaEvent {
  enum class Outcome : std::uint8_t { Done, Failed, TimedOut };
  std::uint32_t step = 0;     // index in the saga (0 = first outgoing link)
  bool compensation = false;  // false: the step's own work
  SimTime start = 0;
  SimTime end = 0;
  Outcome outcome = Outcome::Done;
};

/// The record of one saga, as kept in the orchestrator's ring of recent sagas.
struct SagaRecord {
  enum class Outcome : std::uint8_t { InProgress, Completed, Compensated, Lost };
  std::uint64_t number = 0;  // 1 for the orchestrator's first saga
  std::uint64_t requestId = 0;
  SimTime start = 0;
  SimTime end = 0;
  Outcome outcome = Outcome::InProgress;
  std::vector<SagaEvent> events;
};

std::string_view sagaOutcomeName(SagaRecord::Outcome outcome);
std::string_view sagaEventOutcomeName(SagaEvent::Outcome outcome);

/// Text for people: one line per saga, then one indented line per step or compensation with
/// its start, end and duration. `stepNames[i]` names step i (the component it calls).
std::string formatSagaHistory(const std::string& orchestrator,
                              const std::vector<std::string>& stepNames,
                              const std::vector<SagaRecord>& records);

}  // namespace pillars
