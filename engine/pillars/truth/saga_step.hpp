#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// One service taking part in sagas. A SagaStep request takes `work_time`, then fails with
/// probability `failure_probability` (a failed step did nothing: its local transaction rolled
/// back) or succeeds. A Compensate request takes `compensation_time` and always succeeds.
/// Every request is served at once, with no queue (as many workers as requests).
class SagaStepService final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "saga_step";
  static std::vector<ParamSpec> paramSpecs();
  SagaStepService(const std::string& name, const ParamSet& params);

  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  void resetMetrics(SimTime now) override;

 private:
  enum Timer : std::uint32_t { WorkDone };

  struct Job {
    Message request;
    LinkId via = kNoLink;
    SimTime arrivedAt = 0;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;

  // Configuration
  double m_failureProbability = 0.0;
  Distribution m_workTime;
  Distribution m_compensationTime;
  std::uint32_t m_messageSize = 0;

  // State
  SlotPool<Job> m_jobs;
  std::uint64_t m_compensations = 0;
};

}  // namespace pillars
