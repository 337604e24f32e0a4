#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/sim/observer.hpp"

namespace pillars {

class Simulation;

/// Records the client-visible history of a key-value register service, for a linearizability
/// check (`pillars-cli simulate --check-linearizability`, docs/history-format.md).
///
/// It watches the wire rather than the clients: a request a `client` sends (first attempt) is
/// an invocation, the first Response delivered to that client for the same request id is its
/// completion. A read is a request with arg1 = 1 and returns the value in the Response's arg1;
/// a write writes its own request id (see Client's read_fraction and RaftNode). An operation
/// never answered (lost, failed, timed out, client crashed) stays pending: a failed write may
/// still have taken effect, so it is not a failure to the checker.
///
/// Bounded: after `maxOps` invocations it records no new operation (completions of recorded
/// ones are still recorded), so memory stays fixed and the check stays small. Every buffer is
/// reserved up front, so recording allocates nothing per event. It is one observer among any
/// others (a trace writer may watch the same run: Simulation::addObserver).
class HistoryRecorder final : public SimObserver {
 public:
  struct Op {
    std::uint64_t requestId = 0;
    ComponentId client = kNoComponent;
    std::uint64_t key = 0;
    bool read = false;
    std::int64_t value = 0;  // written (the request id), or returned by a completed read
    SimTime invoke = 0;
    SimTime response = 0;
    bool completed = false;
  };

  explicit HistoryRecorder(const Simulation& sim, std::size_t maxOps = 2000);

  void onSend(const Message& msg, LinkId link, SimTime sentAt, SimTime arrivesAt) override;
  void onDeliver(const Message& msg, LinkId link, SimTime at) override;

  const std::vector<Op>& ops() const { return m_ops; }
  /// Invocations not recorded because the bound was reached.
  std::uint64_t unrecorded() const { return m_unrecorded; }

  /// The history as a docs/history-format.md document: keys and values are the simulation's
  /// integers, times are simulated nanoseconds, processes are client names.
  std::string toJson() const;

 private:
  bool isClient(ComponentId id) const;
  const Op* find(std::uint64_t requestId) const;
  Op* find(std::uint64_t requestId);

  const Simulation& m_sim;
  std::size_t m_maxOps;
  std::vector<Op> m_ops;
  /// (request id, index in m_ops), sorted by request id, for finding an answer's operation.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> m_byRequest;
  std::uint64_t m_unrecorded = 0;
};

}  // namespace pillars
