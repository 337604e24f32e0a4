#pragma once

#include <cstdint>
#include <string_view>
#include <string>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/truth/saga_history.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// The orchestrator of a saga (Garcia-Molina & Salem 1987). Its steps are its outgoing links
/// in the order the scenario declares them. A client request runs step 0, then step 1, ...;
/// when every step is done the client gets a Response. When a step fails (or does not answer
/// within `step_timeout`), the orchestrator compensates the steps already done, newest first,
/// one at a time, and then answers the client with an Error. A step that timed out is
/// compensated too, since it may have done its work; compensations must therefore tolerate
/// undoing work that never happened. A compensation is retried every `step_timeout` until it
/// is confirmed: a saga must not stop half undone.
///
/// The orchestrator keeps the last `history` sagas (steps and compensations with their times)
/// in a ring that history() returns and `pillars-cli simulate --history` prints.
///
/// Its state is in memory: a crash loses the sagas under way (they are counted as dropped,
/// recorded as lost, and their completed steps stay uncompensated).
class SagaOrchestrator final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "saga_orchestrator";
  static std::vector<ParamSpec> paramSpecs();
  SagaOrchestrator(const std::string& name, const ParamSet& params);

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  void resetMetrics(SimTime now) override;

  /// The recent sagas, oldest first (at most `history` of them).
  std::vector<SagaRecord> history() const;
  /// Name of each step: the component at the far end of each outgoing link, in step order.
  std::vector<std::string> stepNames() const;

 private:
  enum Timer : std::uint32_t { StepTimeout };

  struct Saga {
    Message request;
    LinkId clientLink = kNoLink;
    SimTime startedAt = 0;
    std::uint64_t number = 0;
    std::uint32_t step = 0;        // step running, or being compensated
    std::uint32_t done = 0;        // steps to compensate if the saga fails
    bool compensating = false;
    SimTime stepStartedAt = 0;
    EventId timer;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;

  void begin(const Message& request, LinkId via);
  void sendStep(SlotHandle handle, Saga& saga, MessageKind kind);
  void onStepDone(const Message& msg);
  void onCompensateDone(const Message& msg);
  void stepFailed(SlotHandle handle, Saga& saga, SagaEvent::Outcome outcome);
  void compensateNext(SlotHandle handle, Saga& saga);
  void finish(SlotHandle handle, Saga& saga, bool completed);
  SagaRecord* record(const Saga& saga);
  void recordEvent(const Saga& saga, bool compensation, SagaEvent::Outcome outcome);

  // Configuration
  SimTime m_stepTimeout = 0;
  std::uint32_t m_messageSize = 0;
  std::size_t m_historySize = 0;

  // State
  SlotPool<Saga> m_sagas;
  std::vector<SagaRecord> m_history;  // ring: saga n lives in slot (n - 1) % size
  std::uint64_t m_started = 0;        // also numbers the sagas
  std::uint64_t m_startedInWindow = 0;
  std::uint64_t m_completed = 0;
  std::uint64_t m_compensated = 0;
  std::uint64_t m_compensationsRun = 0;
  std::uint64_t m_compensationRetries = 0;
  std::uint64_t m_stepTimeouts = 0;
};

}  // namespace pillars
