#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/metrics/latency_histogram.hpp"
#include "engine/model/param.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// A resource manager in two-phase commit. On Prepare it locks the transaction's key, does
/// its prepare work (`prepare_time`), and votes: no with probability `abort_probability`
/// (releasing the lock at once), otherwise yes. Having voted yes it is *in doubt*: it keeps
/// the lock and may neither commit nor abort until the coordinator's decision arrives, however
/// long that takes. This is the blocking of 2PC, and the participant reports it
/// (blocked_now, blocked_s).
///
/// Locks are no-wait: a Prepare for a key that another transaction holds is answered with a
/// no vote at once, rather than queued. Waiting across participants could deadlock, and a
/// no-wait rule keeps every outcome decided by the coordinator's timeout at worst.
///
/// Durability: a yes vote is forced to the participant's log before it is sent, so prepared
/// transactions and their locks survive a crash of the participant; a prepare still in
/// progress does not (the coordinator then times out and aborts).
///
/// There is no cooperative termination protocol: a blocked participant never asks its peers.
class TwoPhaseParticipant final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "tpc_participant";
  static std::vector<ParamSpec> paramSpecs();
  TwoPhaseParticipant(const std::string& name, const ParamSet& params);

  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  void resetMetrics(SimTime now) override;

  /// Keys locked right now (prepared or preparing), for tests and views.
  std::size_t locksHeld() const { return m_held.liveCount(); }

 private:
  enum Timer : std::uint32_t { PrepareDone };

  struct Held {
    std::uint64_t key = 0;
    std::uint64_t txn = 0;   // the coordinator's handle (correlation)
    LinkId link = kNoLink;   // the coordinator's link; with txn, identifies the transaction
    Message prepare;         // replies are built from it
    SimTime lockedAt = 0;
    SimTime votedAt = 0;
    bool prepared = false;   // voted yes: durable and in doubt
    EventId timer;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;

  void onPrepare(const Message& msg, LinkId via);
  void onDecision(const Message& msg, LinkId via);
  void vote(const Held& held, bool yes);
  void release(SlotHandle handle, Held& held);
  SlotHandle find(LinkId link, std::uint64_t txn);
  bool keyLocked(std::uint64_t key);

  // Configuration
  double m_abortProbability = 0.0;
  Distribution m_prepareTime;
  std::uint32_t m_messageSize = 0;

  // State. Few transactions are in progress at a participant at once, so lookups scan the pool.
  SlotPool<Held> m_held;
  std::uint64_t m_committed = 0;
  std::uint64_t m_aborted = 0;
  std::uint64_t m_votedNo = 0;
  std::uint64_t m_lockConflicts = 0;
  std::uint64_t m_inDoubt = 0;      // prepared transactions awaiting a decision
  SimTime m_blockedTotal = 0;       // finished in-doubt periods, within the measurement window
  SimTime m_openBlockedSince = 0;  // sum of the start times of the open in-doubt periods
  SimTime m_measureStart = 0;
  LatencyHistogram m_lockHeld;      // nanoseconds from lock to release
};

}  // namespace pillars
