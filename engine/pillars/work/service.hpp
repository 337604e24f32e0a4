#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/ring_buffer.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// A server with c workers and a FIFO queue (optionally bounded): the M/M/c station of queueing
/// theory. A worker serves a request for a sampled service time, then, if the service has
/// downstream links, calls each of them (in sequence or in parallel) while still holding the
/// worker, as a thread-per-request server does, and answers when they have all answered.
/// A slowdown (Component::setSlowdown) multiplies the service time; downstream calls and their
/// deadline are not the service's own work and are not scaled.
class Service final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "service";
  static std::vector<ParamSpec> paramSpecs();
  Service(const std::string& name, const ParamSet& params);

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;

 private:
  enum Timer : std::uint32_t { ServiceDone, DownstreamTimeout };

  struct Job {
    Message request;         // as received; the reply is built from it
    LinkId via = kNoLink;    // where the reply goes
    SimTime arrivedAt = 0;
    EventId timer;           // downstream deadline
    std::uint32_t nextCall = 0;      // sequential: index of the next downstream link
    std::uint32_t pendingCalls = 0;  // parallel: answers still awaited
    bool failed = false;
    Message::Answer answer;  // what the last downstream answer said, passed on
    bool answered = false;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;

  void accept(const Message& msg, LinkId via);
  void beginService(SlotHandle handle, Job& job);
  void startWork(SlotHandle handle, const Job& job);
  void callDownstream(SlotHandle handle, Job& job);
  void sendCall(SlotHandle handle, const Job& job, LinkId link);
  void onDownstreamReply(const Message& msg);
  void finish(SlotHandle handle, Job& job, bool success);

  // Configuration
  std::int64_t m_workers = 1;
  std::int64_t m_queueCapacity = 0;  // 0 = unbounded
  Distribution m_serviceTime;
  bool m_parallelCalls = false;
  SimTime m_downstreamTimeout = 0;
  std::uint32_t m_responseSize = 0;

  // State
  SlotPool<Job> m_jobs;
  RingBuffer<SlotHandle> m_waiting;
  std::int64_t m_busy = 0;
};

}  // namespace pillars
