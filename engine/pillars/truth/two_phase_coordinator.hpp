#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// The coordinator of classic two-phase commit (Gray 1978). A client request starts one
/// transaction over every participant the coordinator links to: Prepare to each, then, once
/// all voted yes within `vote_timeout`, the decision commit (otherwise abort) is written to the
/// coordinator's log, sent to every participant, resent until each acknowledges, and the
/// client is answered (Response on commit, Error on abort).
///
/// The log is durable: a transaction's participants (its begin record) and its decision
/// survive a crash; what is in memory (the client's request, votes, timers) does not. On
/// restart the coordinator resends every logged decision not yet acknowledged and aborts every
/// transaction that has a begin record but no decision (presumed abort), since it cannot know
/// what the lost votes were. The client of a transaction cut short by a crash gets no answer.
class TwoPhaseCoordinator final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "tpc_coordinator";
  /// Participants are tracked in 64-bit masks; links beyond this many are not enlisted.
  static constexpr std::size_t kMaxParticipants = 64;

  static std::vector<ParamSpec> paramSpecs();
  TwoPhaseCoordinator(const std::string& name, const ParamSet& params);

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  void resetMetrics(SimTime now) override;

 private:
  enum Timer : std::uint32_t { VoteTimeout, LogWritten, ResendDecision };
  /// Where a transaction is, as far as the log knows.
  enum class Phase : std::uint8_t {
    Collecting,  // begin record written, votes being collected
    Logging,     // decision being written; lost if the coordinator crashes before it is done
    Decided,     // decision on the log: it will be delivered, whatever crashes
  };

  struct Txn {
    // Durable (on the log).
    Phase phase = Phase::Collecting;
    bool commit = false;
    std::uint64_t participants = 0;  // bit i = outgoing link i
    std::uint64_t acked = 0;
    Message prepare;  // template of what goes to participants: key, request id, origin time
    // Volatile (lost in a crash).
    bool hasClient = false;
    Message request;
    LinkId clientLink = kNoLink;
    SimTime arrivedAt = 0;
    std::uint64_t yesVotes = 0;
    EventId voteTimer;
    EventId logTimer;
    EventId resendTimer;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;

  void begin(const Message& request, LinkId via);
  void onVote(const Message& msg, LinkId via);
  void onAck(const Message& msg, LinkId via);
  /// Starts writing the decision to the log; it takes effect when the write completes.
  void decide(SlotHandle handle, Txn& txn, bool commit);
  void decisionLogged(SlotHandle handle, Txn& txn);
  void sendDecision(SlotHandle handle, Txn& txn);
  int participantIndex(LinkId via) const;

  // Configuration
  SimTime m_voteTimeout = 0;
  Distribution m_logTime;
  SimTime m_resendInterval = 0;
  std::uint32_t m_messageSize = 0;

  // State: transactions are durable records in a pool that a crash does not clear.
  SlotPool<Txn> m_txns;
  std::uint64_t m_committed = 0;
  std::uint64_t m_aborted = 0;
  std::uint64_t m_abortedOnRecovery = 0;
  std::uint64_t m_resent = 0;
};

}  // namespace pillars
